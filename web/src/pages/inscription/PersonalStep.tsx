import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation } from "@tanstack/react-query";
import { Fragment, useState, type FormEvent, type HTMLAttributes } from "react";
import type { Civility } from "../../api/dossier";
import { fieldsOf, isProblem, type ApiProblem } from "../../api/http";
import { changePersonalDetails, startRegistration, type PersonalDetails, type Registration } from "../../api/identity";
import { errorOf, FormError } from "../../components/forms";
import { frenchPhone } from "../../format";
import { StepButtons } from "./StepButtons";

/* Step 1 « Informations personnelles »: who registers, the identifiant and the password. */

type PersonalForm = Record<keyof PersonalDetails, string>;

/** The draft's details in the form; the identifiant left empty when it is the e-mail; never the password. */
function personalFormOf(view: Registration | null): PersonalForm {
  return {
    civility: view?.civility ?? "",
    lastName: view?.lastName ?? "",
    firstName: view?.firstName ?? "",
    email: view?.email ?? "",
    phone: view?.phone ? frenchPhone(view.phone) : "",
    username: view && view.username !== view.email ? view.username : "",
    password: "",
    passwordConfirmation: "",
    currentPassword: "",
  };
}

/**
 * The draft's password is to type again (« Mot de passe actuel »): the dossier check has passed (the draft has its
 * dossier number) and the form changes the e-mail or the identifiant, compared as the identity service does
 * (RegistrationService: trimmed, lower case, an empty identifiant being the e-mail).
 */
function changesWhoItIsFor(view: Registration | null, form: PersonalForm): boolean {
  if (!view || view.dossierNumber === null) {
    return false;
  }
  const email = form.email.trim().toLowerCase();
  const username = form.username.trim() === "" ? email : form.username.trim().toLowerCase();
  return email !== view.email || username !== view.username;
}

/**
 * What the API receives: trimmed, null for an empty optional field; passwords exactly as typed; the draft's password
 * only when `withCurrentPassword` (the field is shown).
 */
function personalDetailsOf(form: PersonalForm, withCurrentPassword = false): PersonalDetails {
  const optional = (text: string) => (text.trim() === "" ? null : text.trim());
  const details: PersonalDetails = {
    civility: form.civility === "" ? null : (form.civility as Civility),
    lastName: form.lastName.trim(),
    firstName: form.firstName.trim(),
    email: form.email.trim(),
    phone: optional(form.phone),
    username: optional(form.username),
    password: form.password,
    passwordConfirmation: form.passwordConfirmation,
  };
  if (withCurrentPassword) {
    details.currentPassword = form.currentPassword;
  }
  return details;
}

type PersonalField = {
  name: Exclude<keyof PersonalForm, "civility">;
  label: string;
  hint?: string;
  type?: string;
  autoComplete: string;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  maxLength: number;
};

const PERSONAL_FIELDS: PersonalField[] = [
  { name: "lastName", label: "Nom", autoComplete: "family-name", maxLength: 100 },
  { name: "firstName", label: "Prénom", autoComplete: "given-name", maxLength: 100 },
  { name: "email", label: "Adresse e-mail", hint: "Format attendu : nom@domaine.fr. Le lien d'activation de votre compte y sera envoyé.",
    type: "email", autoComplete: "email", inputMode: "email", maxLength: 254 },
  { name: "phone", label: "Téléphone", hint: "Facultatif. Format attendu : 06 12 34 56 78", type: "tel", autoComplete: "tel",
    inputMode: "tel", maxLength: 20 },
  { name: "username", label: "Identifiant", hint: "Laissez vide pour utiliser votre adresse e-mail comme identifiant",
    autoComplete: "username", maxLength: 100 },
  { name: "currentPassword", label: "Mot de passe actuel",
    hint: "Pour changer l'adresse e-mail ou l'identifiant après la vérification du dossier, saisissez à nouveau le mot de passe choisi.",
    type: "password", autoComplete: "current-password", maxLength: 128 },
  { name: "password", label: "Mot de passe", hint: "12 caractères au moins ; ni votre identifiant ni votre adresse e-mail",
    type: "password", autoComplete: "new-password", maxLength: 128 },
  { name: "passwordConfirmation", label: "Confirmation du mot de passe", type: "password", autoComplete: "new-password",
    maxLength: 128 },
];

export function PersonalStep({ view, initialError, onSaved, onCancel, onExpired }: {
  view: Registration | null;
  /** A refusal met elsewhere that brings the family back here (the identifiant taken, on « valider »). */
  initialError?: ApiProblem;
  onSaved: (view: Registration) => void;
  onCancel?: () => void;
  onExpired: () => void;
}) {
  const [form, setForm] = useState(() => personalFormOf(view));
  const save = useMutation({
    mutationFn: () => (view
      ? changePersonalDetails(view.id, personalDetailsOf(form, asksCurrentPassword))
      : startRegistration(personalDetailsOf(form))),
    onSuccess: onSaved,
    onError: (error) => {
      if (isProblem(error, 404)) {
        onExpired();
      }
    },
  });
  const error = save.isIdle ? initialError : save.error;
  const fields = fieldsOf(error);
  // Shown while the change needs it, and while the service's message about it is on screen.
  const asksCurrentPassword = view !== null && (changesWhoItIsFor(view, form) || fields.currentPassword !== undefined);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Informations personnelles">
      <p className="fr-hint-text">Sauf mention contraire, tous les champs sont obligatoires.</p>
      <Select label="Civilité" {...errorOf(fields, "civility")}
        nativeSelectProps={{
          name: "civility", value: form.civility, required: true, autoComplete: "honorific-prefix",
          onChange: (e) => setForm({ ...form, civility: e.target.value }),
        }}>
        <option value="" disabled>Choisissez</option>
        <option value="MADAME">Madame</option>
        <option value="MONSIEUR">Monsieur</option>
      </Select>
      {PERSONAL_FIELDS.filter((field) => field.name !== "currentPassword" || asksCurrentPassword).map((field) => (
        <Fragment key={field.name}>
          {field.name === "password" && view && (
            <p>Laissez les deux champs du mot de passe vides pour garder celui que vous avez déjà choisi.</p>
          )}
          <Input label={field.label} hintText={field.hint} {...errorOf(fields, field.name)}
            nativeInputProps={{
              name: field.name,
              type: field.type ?? "text",
              inputMode: field.inputMode,
              autoComplete: field.autoComplete,
              maxLength: field.maxLength,
              required: field.name !== "phone" && field.name !== "username"
                && (field.name === "currentPassword" || !(view && field.type === "password")),
              spellCheck: field.type === "password" || field.name === "username" || field.name === "email" ? false : undefined,
              value: form[field.name],
              onChange: (e) => setForm({ ...form, [field.name]: e.target.value }),
            }} />
        </Fragment>
      ))}
      <FormError error={error} />
      <StepButtons onCancel={onCancel}>
        <Button type="submit" disabled={save.isPending}>Enregistrez</Button>
      </StepButtons>
    </form>
  );
}
