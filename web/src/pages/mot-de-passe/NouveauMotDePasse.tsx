import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { fieldsOf, isProblem } from "../../api/http";
import { completePasswordReset } from "../../api/identity";
import { LOGIN_URL } from "../../api/session";
import { errorOf, EXPIRED_LINK, FormError, useFocusOn } from "../../components/forms";
import { usePageTitle } from "../../usePageTitle";
import { PASSWORD_RESET_REQUEST_PATH } from "./MotDePasseOublie";

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
  const expired = isProblem(save.error, 410) || fields.token !== undefined;
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
