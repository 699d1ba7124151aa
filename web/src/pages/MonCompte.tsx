import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Fragment, useEffect, useId, useRef, useState, type FormEvent } from "react";
import {
  changePassword, deleteAccount, fetchAccount, frenchDay, logout, requestEmailChange, type AccountView, type EmailChange,
  type PasswordChange,
} from "../api";
import { errorOf, fieldsOf, FormError, useFocusOn } from "./forms";
import { Section } from "./Section";

/** How long the message of the end stays before the logout (the button does it at once). */
export const LOGOUT_DELAY_MS = 3_000;

/** What ends every session of the account: a new password, or the account deleted. */
type Ending = "password" | "deleted";

const ENDED: Record<Ending, { message: string; button: string }> = {
  password: { message: "Votre mot de passe a été modifié. Reconnectez-vous avec le nouveau.", button: "Se reconnecter" },
  deleted: {
    message: "Votre compte a été supprimé. Votre dossier famille reste suivi par la collectivité.",
    button: "Revenir à l'accueil",
  },
};

/** « Mon compte »: a logged-in family's account, its e-mail address, its password and its deletion. */
export function MonCompte() {
  return (
    <Section title="Mon compte"
      intro="Vos informations de connexion, votre adresse e-mail, votre mot de passe et la suppression de votre compte.">
      <Account />
    </Section>
  );
}

function Account() {
  const [ended, setEnded] = useState<Ending | null>(null);
  const endedRef = useFocusOn(ended);
  // The service has ended every session of the account: the portal logs out too, after the message is shown.
  useEffect(() => {
    if (!ended) {
      return undefined;
    }
    const timer = setTimeout(logout, LOGOUT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [ended]);
  if (ended) {
    return (
      <>
        <div ref={endedRef} tabIndex={-1} className="fr-mb-3w">
          <Alert severity="success" small role="status" description={ENDED[ended].message} />
        </div>
        <Button onClick={logout}>{ENDED[ended].button}</Button>
      </>
    );
  }
  return (
    <>
      <AccountDetails />
      <EmailForm />
      <PasswordForm onChanged={() => setEnded("password")} />
      <DeleteAccount onDeleted={() => setEnded("deleted")} />
    </>
  );
}

/* ----- « Mes informations » ----- */

/** « Conditions générales d'utilisation acceptées : version 2026-01 le 26/11/2026 » (the day in France). */
function cguAcceptance(account: AccountView): string {
  if (!account.cguVersionAccepted) {
    return "Conditions générales d'utilisation acceptées : aucune version";
  }
  const day = account.cguAcceptedAt ? ` le ${frenchDay(account.cguAcceptedAt)}` : "";
  return `Conditions générales d'utilisation acceptées : version ${account.cguVersionAccepted}${day}`;
}

function AccountDetails() {
  const titleId = useId();
  const account = useQuery({ queryKey: ["account"], queryFn: fetchAccount, staleTime: 60_000 });
  return (
    <section aria-labelledby={titleId} className="fr-mb-6w">
      <h2 id={titleId}>Mes informations</h2>
      {account.isPending && <p role="status">Chargement de vos informations…</p>}
      {account.isError && (
        <Alert severity="error" small
          description="Vos informations ne peuvent pas être affichées pour le moment. Réessayez dans quelques minutes." />
      )}
      {account.isSuccess && (
        <>
          <dl>
            {([
              ["Identifiant", account.data.username],
              ["Nom", account.data.lastName],
              ["Prénom", account.data.firstName],
              ["Adresse e-mail", account.data.email],
              ["Dossier n°", account.data.dossier ?? "aucun"],
            ] as [string, string][]).map(([term, value]) => (
              <Fragment key={term}>
                <dt className="fr-text--bold">{term}</dt>
                <dd className="fr-mb-1w">{value}</dd>
              </Fragment>
            ))}
          </dl>
          <p>{cguAcceptance(account.data)}</p>
        </>
      )}
    </section>
  );
}

/* ----- « Changer mon adresse e-mail » ----- */

const NO_EMAIL_CHANGE: EmailChange = { newEmail: "", currentPassword: "" };

const emailSent = (newEmail: string) => `Un mail de confirmation a été envoyé à ${newEmail}. Votre adresse actuelle reste `
  + "celle du compte tant que vous n'avez pas ouvert le lien (valable 24 heures).";

/** The new address is the account's only once the link sent to it is opened (« /confirmation-e-mail/{token} »). */
function EmailForm() {
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

/* ----- « Changer mon mot de passe » ----- */

const NO_PASSWORD: PasswordChange = { currentPassword: "", newPassword: "", newPasswordConfirmation: "" };

const PASSWORD_FIELDS: { name: keyof PasswordChange; id: string; label: string; hint?: string; autoComplete: string }[] = [
  { name: "currentPassword", id: "mot-de-passe-actuel", label: "Mot de passe actuel", autoComplete: "current-password" },
  { name: "newPassword", id: "nouveau-mot-de-passe", label: "Nouveau mot de passe",
    hint: "12 caractères au moins ; ni votre identifiant ni votre adresse e-mail", autoComplete: "new-password" },
  { name: "newPasswordConfirmation", id: "confirmation-nouveau-mot-de-passe", label: "Confirmation du nouveau mot de passe",
    autoComplete: "new-password" },
];

function PasswordForm({ onChanged }: { onChanged: () => void }) {
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

/* ----- « Supprimer mon compte » ----- */

function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const titleId = useId();
  const [currentPassword, setCurrentPassword] = useState("");
  const [confirming, setConfirming] = useState(false);
  // « Annuler »: the focus goes back to « Supprimer mon compte ».
  const [cancellations, setCancellations] = useState(0);
  const remove = useMutation({
    mutationFn: () => deleteAccount(currentPassword),
    onSuccess: onDeleted,
    onError: () => setConfirming(false),
  });
  const errorRef = useFocusOn(remove.error);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) {
      questionRef.current?.focus();
    }
  }, [confirming]);
  useEffect(() => {
    if (cancellations > 0) {
      deleteRef.current?.focus();
    }
  }, [cancellations]);
  const fields = fieldsOf(remove.error);
  // The first « Supprimer mon compte » (or Enter in the field) only asks for the confirmation.
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const cancel = () => {
    setConfirming(false);
    setCancellations((count) => count + 1);
  };
  return (
    <section>
      <h2 id={titleId}>Supprimer mon compte</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <p>
          Votre compte sera supprimé ; votre dossier famille reste suivi par la collectivité. Cette action est définitive.
        </p>
        <Input label="Mot de passe actuel" {...errorOf(fields, "currentPassword")}
          nativeInputProps={{
            id: "suppression-mot-de-passe-actuel", name: "currentPassword", type: "password",
            autoComplete: "current-password", maxLength: 128, spellCheck: false, required: true,
            "aria-invalid": fields.currentPassword ? true : undefined,
            value: currentPassword, onChange: (e) => setCurrentPassword(e.target.value),
          }} />
        {remove.isError && (
          <div ref={errorRef} tabIndex={-1}>
            <FormError error={remove.error} />
          </div>
        )}
        {confirming ? (
          <>
            <p ref={questionRef} tabIndex={-1} className="fr-text--bold">Confirmez-vous la suppression de votre compte ?</p>
            <ul className="fr-btns-group fr-btns-group--inline-sm">
              <li>
                <Button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
                  Oui, supprimer mon compte
                </Button>
              </li>
              <li>
                <Button type="button" priority="secondary" onClick={cancel} disabled={remove.isPending}>Annuler</Button>
              </li>
            </ul>
          </>
        ) : (
          <Button ref={deleteRef} type="submit" priority="secondary">Supprimer mon compte</Button>
        )}
      </form>
    </section>
  );
}
