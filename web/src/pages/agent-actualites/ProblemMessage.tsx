import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ApiProblem } from "../../api/http";

/** A refusal as people read it: the service's French `detail`, or a general message. */
export function ProblemMessage({ error, title }: { error: unknown; title?: string }) {
  if (!error) {
    return null;
  }
  const detail = error instanceof ApiProblem ? error.detail : "Une erreur est survenue. Réessayez dans quelques minutes.";
  return <Alert severity="error" small={!title} title={title ?? ""} description={detail} className="fr-mb-2w" />;
}
