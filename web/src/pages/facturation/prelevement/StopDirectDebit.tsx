import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { billingKeys, revokeMandate, type Mandate } from "../../../api/billing";
import { useFocusOn } from "../../../components/forms";

type Props = {
  mandate: Mandate;
  /** The mandate « Arrêté », as billing-service answered. */
  onStopped: (mandate: Mandate) => void;
  /** « Ne pas arrêter »: the confirmation closes, nothing changed. */
  onClose: () => void;
};

/**
 * « Arrêter le prélèvement »: what stopping means (the invoices to pay online from now on), then the revocation, once
 * confirmed. Escape or « Ne pas arrêter » closes it; the focus goes to its title when it opens.
 */
export function StopDirectDebit({ mandate, onStopped, onClose }: Props) {
  const queryClient = useQueryClient();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const stop = useMutation({
    mutationFn: () => revokeMandate(mandate.id),
    onSuccess: (stopped) => {
      // The invoices the mandate would have debited are to pay online again.
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
      onStopped(stopped);
    },
  });
  const errorRef = useFocusOn(stop.error);
  return (
    <div role="dialog" aria-labelledby="arret-titre" aria-describedby="arret-description"
      className="fr-card fr-card--no-arrow fr-p-4w fr-my-4w"
      onKeyDown={(e) => { if (e.key === "Escape" && !stop.isPending) onClose(); }}>
      <h3 id="arret-titre" ref={title} tabIndex={-1} className="fr-h5">Arrêter le prélèvement automatique ?</h3>
      <div id="arret-description">
        <p>
          Votre mandat {mandate.rum} sera arrêté : vos prochaines factures ne seront plus prélevées sur votre compte
          (IBAN {mandate.maskedIban}). Vous les paierez en ligne, dans « Payez votre ou vos facture(s) en ligne », avant
          leur date d'échéance.
        </p>
        <p className="fr-text--sm">
          Une facture déjà transmise à votre banque pour être prélevée le sera tout de même. Vous pourrez adhérer de
          nouveau au prélèvement automatique quand vous le souhaitez.
        </p>
      </div>
      {stop.isError && (
        <div ref={errorRef} tabIndex={-1}>
          <Alert severity="error" small className="fr-mb-2w" description={(stop.error as Error).message} />
        </div>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li><Button priority="secondary" onClick={onClose} disabled={stop.isPending}>Ne pas arrêter</Button></li>
        <li><Button onClick={() => stop.mutate()} disabled={stop.isPending}>Confirmer l'arrêt du prélèvement</Button></li>
      </ul>
    </div>
  );
}
