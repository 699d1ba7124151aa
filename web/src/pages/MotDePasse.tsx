import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiProblem, completePasswordReset, LOGIN_URL, requestPasswordReset } from "../api";
import { usePageTitle } from "../usePageTitle";
import { errorOf, EXPIRED_LINK, fieldsOf, FormError, useFocusOn } from "./forms";

/** Where a family asks for the link to choose a new password. */
export const PASSWORD_RESET_REQUEST_PATH = "/mot-de-passe-oublie";

const SENT = "Si un compte correspond à cette adresse, un mail vient de lui être envoyé. Le lien est valable une heure. "
  + "Pensez à regarder dans votre dossier spam.";

/**
 * « Mot de passe oublié »: the service answers the same whether or not an account has this address, and so does
 * the page.
 */
export function MotDePasseOublie() {
  usePageTitle("Mot de passe oublié");
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });
  const resultRef = useFocusOn(request.isSuccess ? "sent" : request.error);
  const fields = fieldsOf(request.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <>
      <Breadcrumb currentPageLabel="Mot de passe oublié" homeLinkProps={{ to: "/" }} segments={[]} />
      <h1>Mot de passe oublié</h1>
      {request.isSuccess ? (
        <div ref={resultRef} tabIndex={-1}>
          <Alert severity="success" small role="status" description={SENT} />
        </div>
      ) : (
        <>
          <p>
            Indiquez l'adresse e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau mot de passe.
          </p>
          <form onSubmit={onSubmit} noValidate aria-label="Mot de passe oublié">
            <Input label="Adresse e-mail" {...errorOf(fields, "email")}
              nativeInputProps={{
                name: "email", type: "email", inputMode: "email", autoComplete: "email", maxLength: 254,
                spellCheck: false, required: true, "aria-invalid": fields.email ? true : undefined,
                value: email, onChange: (e) => setEmail(e.target.value),
              }} />
            {request.isError && (
              <div ref={resultRef} tabIndex={-1}>
                <FormError error={request.error} />
              </div>
            )}
            <Button type="submit" disabled={request.isPending}>Recevoir le lien</Button>
          </form>
        </>
      )}
    </>
  );
}

/**
 * The link of the « Mot de passe oublié » mail (« /mot-de-passe/{token} »): the new password, once. A link
 * expired, already used or unknown gets 410; a malformed one a refusal of its token.
 */
export function NouveauMotDePasse() {
  usePageTitle("Nouveau mot de passe");
  const { token = "" } = useParams();
  const [password, setPassword] = useState("");
  const [passwordConfirmation, setPasswordConfirmation] = useState("");
  const save = useMutation({ mutationFn: () => completePasswordReset({ token, password, passwordConfirmation }) });
  const resultRef = useFocusOn(save.isSuccess ? "saved" : save.error);
  const fields = fieldsOf(save.error);
  const expired = (save.error instanceof ApiProblem && save.error.status === 410) || fields.token !== undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <>
      <h1>Nouveau mot de passe</h1>
      {save.isSuccess && (
        <>
          <div ref={resultRef} tabIndex={-1} className="fr-mb-3w">
            <Alert severity="success" small role="status"
              description="Votre mot de passe a été modifié. Vous avez été déconnecté de tous vos appareils." />
          </div>
          <Button linkProps={{ to: LOGIN_URL, reloadDocument: true }}>Se connecter</Button>
        </>
      )}
      {expired && (
        <>
          <div ref={resultRef} tabIndex={-1} className="fr-mb-3w">
            <Alert severity="error" small description={EXPIRED_LINK} />
          </div>
          <p><Link className="fr-link" to={PASSWORD_RESET_REQUEST_PATH}>Demander un nouveau lien</Link></p>
        </>
      )}
      {!save.isSuccess && !expired && (
        <form onSubmit={onSubmit} noValidate>
          <p className="fr-hint-text">Tous les champs sont obligatoires.</p>
          <Input label="Nouveau mot de passe" hintText="12 caractères au moins ; ni votre identifiant ni votre adresse e-mail"
            {...errorOf(fields, "password")}
            nativeInputProps={{
              name: "password", type: "password", autoComplete: "new-password", maxLength: 128, spellCheck: false,
              required: true, "aria-invalid": fields.password ? true : undefined,
              value: password, onChange: (e) => setPassword(e.target.value),
            }} />
          <Input label="Confirmation du mot de passe" {...errorOf(fields, "passwordConfirmation")}
            nativeInputProps={{
              name: "passwordConfirmation", type: "password", autoComplete: "new-password", maxLength: 128,
              spellCheck: false, required: true, "aria-invalid": fields.passwordConfirmation ? true : undefined,
              value: passwordConfirmation,
              onChange: (e) => setPasswordConfirmation(e.target.value),
            }} />
          {save.isError && (
            <div ref={resultRef} tabIndex={-1}>
              <FormError error={save.error} />
            </div>
          )}
          <Button type="submit" disabled={save.isPending}>Enregistrer le mot de passe</Button>
        </form>
      )}
    </>
  );
}
