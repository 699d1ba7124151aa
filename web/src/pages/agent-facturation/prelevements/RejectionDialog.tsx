import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { billingKeys, euros, type Id } from "../../../api/billing";
import {
  directDebitKeys, fetchRejectionReasons, rejectDebit, type CollectedDebit, type CollectionDetail,
} from "../../../api/directDebit";
import { fieldsOf } from "../../../api/http";
import { useFocusOn } from "../../../components/forms";

type Props = {
  collectionId: Id;
  debit: CollectedDebit;
  /** `rejected`: the debit as the rejection left it, or null when the agent gave up. */
  onClose: (rejected: CollectedDebit | null) => void;
};

/**
 * « Saisir un rejet »: the bank's reason, chosen among billing-service's, then the rejection (the family is told, the
 * invoice is payable online again). Escape or « Annuler » closes it.
 */
export function RejectionDialog({ collectionId, debit, onClose }: Props) {
  const queryClient = useQueryClient();
  const reasons = useQuery({ queryKey: directDebitKeys.reasons(), queryFn: fetchRejectionReasons, staleTime: 60 * 60_000 });
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLSelectElement>(null);
  useEffect(() => field.current?.focus(), [reasons.isSuccess]);
  const reject = useMutation({
    mutationFn: () => rejectDebit(collectionId, debit.endToEndId, reason),
    onSuccess: (rejected) => {
      queryClient.setQueryData<CollectionDetail>(directDebitKeys.collection(collectionId), (collection) => collection && {
        ...collection,
        rejectedCount: collection.rejectedCount + (debit.status === "REJECTED" ? 0 : 1),
        debits: collection.debits.map((d) => (d.endToEndId === rejected.endToEndId ? rejected : d)),
      });
      void queryClient.invalidateQueries({ queryKey: directDebitKeys.collections() });
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
      onClose(rejected);
    },
  });
  const serviceMessage = fieldsOf(reject.error).reasonCode;
  const alert = useFocusOn(reject.error);
  const message = missing ? "Choisissez le motif du rejet donné par la banque." : serviceMessage;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (reason === "") {
      setMissing(true);
      field.current?.focus();
      return;
    }
    reject.mutate();
  };
  return (
    <div role="dialog" aria-labelledby="rejet-titre" className="fr-card fr-card--no-arrow fr-p-4w fr-mb-4w"
      onKeyDown={(e) => { if (e.key === "Escape" && !reject.isPending) onClose(null); }}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="rejet-titre" className="fr-h5">Saisir le rejet du prélèvement de la facture {debit.invoiceNumber}</h2>
        <p>
          Dossier {debit.dossierNumber}, {debit.holderName}, {euros(debit.amount)}. La famille est prévenue du rejet et sa
          facture peut de nouveau être payée en ligne.
        </p>
        {reasons.isPending && <p role="status">Chargement des motifs de rejet…</p>}
        {reasons.isError && (
          <Alert severity="error" small className="fr-mb-2w"
            description="Les motifs de rejet ne peuvent pas être affichés pour le moment. Réessayez dans quelques minutes." />
        )}
        {reasons.data && (
          <Select label="Motif du rejet" hint="Tel que la banque l'indique."
            state={message ? "error" : "default"} stateRelatedMessage={message}
            nativeSelectProps={{
              ref: field, value: reason, required: true,
              onChange: (e) => { setReason(e.target.value); setMissing(false); },
            }}>
            <option value="" disabled>Choisissez un motif</option>
            {reasons.data.map((r) => <option key={r.code} value={r.code}>{r.label} ({r.code})</option>)}
          </Select>
        )}
        {reject.isError && !serviceMessage && (
          <div ref={alert} tabIndex={-1}>
            <Alert severity="error" small className="fr-mb-2w" description={(reject.error as Error).message} />
          </div>
        )}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li><Button type="submit" disabled={reject.isPending || !reasons.data}>Enregistrer le rejet</Button></li>
          <li><Button type="button" priority="secondary" onClick={() => onClose(null)} disabled={reject.isPending}>Annuler</Button></li>
        </ul>
      </form>
    </div>
  );
}
