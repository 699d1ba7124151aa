import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldsOf } from "../../api/http";
import { requestPasswordReset } from "../../api/identity";
import { errorOf, FormError, useFocusOn } from "../../components/forms";
import { usePageTitle } from "../../usePageTitle";

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
