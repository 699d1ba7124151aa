import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { resendActivationMail, type Registration } from "../../api/identity";

/** After « valider »: look for the activation mail, which can be sent again. */
export function Submitted({ view, onRestart }: { view: Registration; onRestart: () => void }) {
  const resend = useMutation({ mutationFn: () => resendActivationMail(view.id) });
  return (
    <>
      <Alert severity="success" as="h2" title="Un mail vous a été envoyé" className="fr-mb-3w"
        description={`Un mail vous a été envoyé à l'adresse ${view.email} pour activer votre compte. Pensez à regarder dans votre dossier spam.`} />
      <Button priority="secondary" onClick={() => resend.mutate()} disabled={resend.isPending}>renvoyer le mail</Button>
      {resend.isSuccess && (
        <Alert severity="success" small description="Un nouveau mail vous a été envoyé." className="fr-mt-2w" />
      )}
      {resend.isError && <Alert severity="error" small description={resend.error.message} className="fr-mt-2w" />}
      <p className="fr-mt-4w">
        <Link className="fr-link" to="/inscription" onClick={onRestart}>Recommencer une inscription</Link>
      </p>
    </>
  );
}
