import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { fieldsOf } from "../../api/http";
import { requestEmailChange, type EmailChange } from "../../api/identity";
import { errorOf, FormError, useFocusOn } from "../../components/forms";

const NO_EMAIL_CHANGE: EmailChange = { newEmail: "", currentPassword: "" };

const emailSent = (newEmail: string) => `Un mail de confirmation a été envoyé à ${newEmail}. Votre adresse actuelle reste `
  + "celle du compte tant que vous n'avez pas ouvert le lien (valable 24 heures).";

/** The new address is the account's only once the link sent to it is opened (« /confirmation-e-mail/{token} »). */
export function EmailForm() {
  const titleId = useId();
  const [form, setForm] = useState(NO_EMAIL_CHANGE);
  const change = useMutation({
    mutationFn: (emailChange: EmailChange) => requestEmailChange(emailChange),
    onSuccess: () => setForm(NO_EMAIL_CHANGE),
  });
  // The address the mail went to, as sent (the form is emptied meanwhile).
  const sentTo = change.isSuccess ? change.variables.newEmail : null;
  const resultRef = useFocusOn(sentTo ?? change.error);
  const fields = fieldsOf(change.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ newEmail: form.newEmail.trim(), currentPassword: form.currentPassword });
  };
  return (
    <section className="fr-mb-6w">
      <h2 id={titleId}>Changer mon adresse e-mail</h2>
      {sentTo !== null && (
        <div ref={resultRef} tabIndex={-1} className="fr-mb-3w">
          <Alert severity="success" small role="status" description={emailSent(sentTo)} />
        </div>
      )}
      <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <p className="fr-hint-text">Tous les champs sont obligatoires.</p>
        <Input label="Nouvelle adresse e-mail" hintText="Format attendu : nom@domaine.fr" {...errorOf(fields, "newEmail")}
          nativeInputProps={{
            id: "nouvelle-adresse-e-mail", name: "newEmail", type: "email", inputMode: "email", autoComplete: "email",
            maxLength: 254, spellCheck: false, required: true, "aria-invalid": fields.newEmail ? true : undefined,
            value: form.newEmail, onChange: (e) => setForm({ ...form, newEmail: e.target.value }),
          }} />
        <Input label="Mot de passe actuel" {...errorOf(fields, "currentPassword")}
          nativeInputProps={{
            id: "changement-e-mail-mot-de-passe-actuel", name: "currentPassword", type: "password",
            autoComplete: "current-password", maxLength: 128, spellCheck: false, required: true,
            "aria-invalid": fields.currentPassword ? true : undefined,
            value: form.currentPassword, onChange: (e) => setForm({ ...form, currentPassword: e.target.value }),
          }} />
        {change.isError && (
          <div ref={resultRef} tabIndex={-1}>
            <FormError error={change.error} />
          </div>
        )}
        <Button type="submit" disabled={change.isPending}>Recevoir le lien de confirmation</Button>
      </form>
    </section>
  );
}
