import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router-dom";
import { ApiProblem, fieldsOf } from "../api/http";
import { completeEmailChange, identityKeys } from "../api/identity";
import { EXPIRED_LINK, useFocusOn, useOnArrival } from "../components/forms";
import { usePageTitle } from "../usePageTitle";

const UNAVAILABLE = "Votre adresse e-mail ne peut pas être confirmée pour le moment. Réessayez dans quelques minutes.";

const confirmed = (email: string) =>
  `Votre adresse e-mail est maintenant ${email}. Un message a été envoyé à l'ancienne adresse pour l'en informer.`;

/**
 * The link of the mail sent to the new address of an account: the address is changed on arrival, once. A link
 * expired, already used or unknown gets 410 (a malformed one, a refusal of its token); an address taken meanwhile by
 * another account, 409.
 */
export function ConfirmationEmail() {
  const { token = "" } = useParams();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => completeEmailChange(token),
    // A family logged in here sees its new address in « Mon compte ».
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.account() }),
  });
  useOnArrival(confirm.mutate);

  const problem = confirm.error instanceof ApiProblem ? confirm.error : null;
  const expired = problem?.status === 410 || fieldsOf(confirm.error).token !== undefined;
  const title = confirm.isSuccess ? "Adresse e-mail confirmée" : expired ? "Lien expiré" : "Confirmation de l'adresse e-mail";
  usePageTitle(title);
  const resultRef = useFocusOn(confirm.isSuccess ? "confirmed" : confirm.error);
  const done = confirm.isSuccess || confirm.isError;
  const failure = expired ? EXPIRED_LINK : problem?.status === 409 ? problem.detail : UNAVAILABLE;

  return (
    <>
      <h1>{title}</h1>
      {!done && <p role="status">Confirmation de votre adresse e-mail…</p>}
      {confirm.isSuccess && (
        <div ref={resultRef} tabIndex={-1}>
          <p className="fr-text--lead" role="status">{confirmed(confirm.data.email)}</p>
        </div>
      )}
      {confirm.isError && (
        <div ref={resultRef} tabIndex={-1} className="fr-mb-3w">
          <Alert severity="error" small description={failure} />
        </div>
      )}
      {done && (
        <p><Link className="fr-link" to="/mon-compte">Mon compte</Link></p>
      )}
    </>
  );
}
