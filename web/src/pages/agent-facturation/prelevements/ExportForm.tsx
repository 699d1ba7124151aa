import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { billingKeys } from "../../../api/billing";
import { directDebitKeys, exportCollection } from "../../../api/directDebit";
import { fieldsOf } from "../../../api/http";
import { useFocusOn } from "../../../components/forms";
import { DIRECT_DEBITS_PATH } from "./words";

/** What the collection's page says on arrival from the export: a new file, or the one already exported that day. */
export type ExportedState = { exported: "new" | "already" };

/**
 * « Préparer un fichier de prélèvement »: the collection date, then « Exporter le fichier » (billing-service takes the
 * invoices « À payer » due by then whose dossier has an active mandate); then the file's page. Nothing to collect
 * (409) or a date too early (400 at the field) is said here.
 */
export function ExportForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [date, setDate] = useState("");
  const [missing, setMissing] = useState(false);
  const exporting = useMutation({
    mutationFn: () => exportCollection(date),
    onSuccess: (collection) => {
      queryClient.setQueryData(directDebitKeys.collection(collection.id), collection);
      void queryClient.invalidateQueries({ queryKey: directDebitKeys.collections() });
      // The invoices of the file are now « Prélèvement prévu » for good.
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
      const state: ExportedState = { exported: collection.alreadyExported ? "already" : "new" };
      navigate(`${DIRECT_DEBITS_PATH}/${collection.id}`, { state });
    },
  });
  const fieldMessage = missing ? "Indiquez la date de prélèvement." : fieldsOf(exporting.error).collectionDate;
  const refusal = exporting.isError && !fieldsOf(exporting.error).collectionDate ? (exporting.error as Error).message : null;
  const alert = useFocusOn(refusal);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (date === "") {
      setMissing(true);
      return;
    }
    exporting.mutate();
  };
  return (
    <section aria-labelledby="preparer-titre" className="fr-mb-6w">
      <h2 id="preparer-titre" className="fr-h4">Préparer un fichier de prélèvement</h2>
      <p>
        Le fichier (SEPA, pain.008) prélève les factures « À payer » échues à la date choisie dont le dossier a un mandat
        actif. Remettez-le à la banque au moins un jour ouvré avant cette date. Exporter de nouveau la même date redonne
        le même fichier : aucune facture n'est prélevée deux fois.
      </p>
      <form onSubmit={onSubmit} noValidate aria-labelledby="preparer-titre">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Date de prélèvement" hintText="Le jour où la banque prélève les familles."
              state={fieldMessage ? "error" : "default"} stateRelatedMessage={fieldMessage}
              nativeInputProps={{
                type: "date", name: "collectionDate", value: date, required: true,
                onChange: (e) => {
                  setDate(e.target.value);
                  setMissing(false);
                  exporting.reset();
                },
              }} />
          </div>
          <div className="fr-col-12 fr-col-md-8">
            <Button type="submit" iconId="fr-icon-file-download-line" iconPosition="left" disabled={exporting.isPending}
              className="fr-mb-3w">
              Exporter le fichier
            </Button>
          </div>
        </div>
        {exporting.isPending && <p role="status">Préparation du fichier…</p>}
      </form>
      {refusal && (
        <div ref={alert} tabIndex={-1}>
          <Alert severity="error" small title="Aucun fichier exporté" description={refusal} />
        </div>
      )}
    </section>
  );
}
