import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { fieldsOf } from "../../api/http";
import { changePassword, type PasswordChange } from "../../api/identity";
import { errorOf, FormError, useFocusOn } from "../../components/forms";

const NO_PASSWORD: PasswordChange = { currentPassword: "", newPassword: "", newPasswordConfirmation: "" };

const PASSWORD_FIELDS: { name: keyof PasswordChange; id: string; label: string; hint?: string; autoComplete: string }[] = [
  { name: "currentPassword", id: "mot-de-passe-actuel", label: "Mot de passe actuel", autoComplete: "current-password" },
  { name: "newPassword", id: "nouveau-mot-de-passe", label: "Nouveau mot de passe",
    hint: "12 caractères au moins ; ni votre identifiant ni votre adresse e-mail", autoComplete: "new-password" },
  { name: "newPasswordConfirmation", id: "confirmation-nouveau-mot-de-passe", label: "Confirmation du nouveau mot de passe",
    autoComplete: "new-password" },
];

/** « Changer mon mot de passe »: on success every session of the account ends, the portal's too. */
export function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const titleId = useId();
  const [form, setForm] = useState(NO_PASSWORD);
  const change = useMutation({ mutationFn: () => changePassword(form), onSuccess: onChanged });
  const errorRef = useFocusOn(change.error);
  const fields = fieldsOf(change.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <section className="fr-mb-6w">
      <h2 id={titleId}>Changer mon mot de passe</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <p className="fr-hint-text">Tous les champs sont obligatoires.</p>
        {PASSWORD_FIELDS.map((field) => (
          <Input key={field.name} label={field.label} hintText={field.hint} {...errorOf(fields, field.name)}
            nativeInputProps={{
              id: field.id, name: field.name, type: "password", autoComplete: field.autoComplete, maxLength: 128,
              spellCheck: false, required: true, "aria-invalid": fields[field.name] ? true : undefined,
              value: form[field.name], onChange: (e) => setForm({ ...form, [field.name]: e.target.value }),
            }} />
        ))}
        {change.isError && (
          <div ref={errorRef} tabIndex={-1}>
            <FormError error={change.error} />
          </div>
        )}
        <Button type="submit" disabled={change.isPending}>Changer le mot de passe</Button>
      </form>
    </section>
  );
}
