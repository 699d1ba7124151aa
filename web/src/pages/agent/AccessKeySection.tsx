import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { issueNewAccessKey } from "../../api/dossier";
import { FormError, useFocusOn } from "../../components/forms";

/**
 * « Clé d'accès » of a dossier: an agent generates a new one (lost by the family, or made before keys were printed
 * on invoices) after confirming that the old one stops working. The new key is in the answer only: shown once, here.
 */
export function AccessKeySection({ number }: { number: string }) {
  const [confirming, setConfirming] = useState(false);
  const issue = useMutation({ mutationFn: () => issueNewAccessKey(number), onSettled: () => setConfirming(false) });
  const outcome = useFocusOn(issue.data ?? issue.error);
  const confirmation = useFocusOn(confirming);
  return (
    <section aria-labelledby="cle-acces-titre" className="fr-mb-6w">
      <h2 id="cle-acces-titre" className="fr-h4">Clé d'accès</h2>
      <p>
        Imprimée sur les factures à côté du numéro de dossier, elle permet à la famille de s'inscrire sur le portail.
        Elle n'est affichée qu'au moment où elle est générée.
      </p>
      <div ref={outcome} tabIndex={-1}>
        {issue.data && (
          <Alert severity="success" small className="fr-mb-2w" description={
            <>
              <p>
                Nouvelle clé d'accès du dossier {issue.data.number} :{" "}
                <strong className="fr-text--lg">{issue.data.accessKey}</strong>
              </p>
              <p className="fr-mb-0">
                Communiquez-la à la famille : elle en a besoin pour s'inscrire sur le portail, et les prochaines factures
                l'imprimeront. Notez-la maintenant : elle ne sera plus affichée.
              </p>
            </>
          } />
        )}
        <FormError error={issue.error} />
      </div>
      {confirming ? (
        <div ref={confirmation} tabIndex={-1} role="group" aria-labelledby="cle-acces-confirmation">
          <Alert severity="warning" small className="fr-mb-2w" description={
            <span id="cle-acces-confirmation">
              Générer une nouvelle clé d'accès pour le dossier {number} ? L'ancienne clé ne fonctionnera plus.
            </span>
          } />
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            <li>
              <Button onClick={() => issue.mutate()} disabled={issue.isPending}>Confirmer la nouvelle clé</Button>
            </li>
            <li>
              <Button priority="secondary" onClick={() => setConfirming(false)} disabled={issue.isPending}>Annuler</Button>
            </li>
          </ul>
        </div>
      ) : (
        <Button priority="secondary" onClick={() => { issue.reset(); setConfirming(true); }}>
          Générer une nouvelle clé d'accès
        </Button>
      )}
    </section>
  );
}
