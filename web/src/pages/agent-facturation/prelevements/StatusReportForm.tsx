import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { billingKeys } from "../../../api/billing";
import { directDebitKeys, importStatusReport, type StatusReportOutcome } from "../../../api/directDebit";
import { fieldsOf } from "../../../api/http";
import { useFocusOn } from "../../../components/forms";
import { frenchDate } from "../../../format";
import { DIRECT_DEBITS_PATH, plural } from "./words";

/** The outcome in the agent's words: « 2 prélèvements rejetés : les familles sont prévenues… ». */
export function reportSummary(outcome: StatusReportOutcome): string[] {
  const sentences: string[] = [];
  if (outcome.wholeFileRejected) {
    sentences.push(`La banque a rejeté le fichier du ${frenchDate(outcome.collectionDate)} en entier.`);
  }
  if (outcome.rejected === 1) {
    sentences.push("1 prélèvement rejeté : la famille est prévenue et sa facture peut être payée en ligne.");
  } else if (outcome.rejected > 1) {
    sentences.push(`${outcome.rejected} prélèvements rejetés : les familles sont prévenues et leurs factures peuvent être payées en ligne.`);
  } else {
    sentences.push(`Aucun nouveau rejet pour le fichier du ${frenchDate(outcome.collectionDate)}.`);
  }
  if (outcome.alreadyRejected > 0) {
    sentences.push(`${plural(outcome.alreadyRejected, "rejet")} déjà enregistré${outcome.alreadyRejected > 1 ? "s" : ""} auparavant : rien de plus n'est fait pour ${outcome.alreadyRejected > 1 ? "eux" : "lui"}.`);
  }
  return sentences;
}

/** What the import did, with the references the file does not have. */
function Outcome({ outcome }: { outcome: StatusReportOutcome }) {
  const ref = useFocusOn(outcome);
  const [first, ...others] = reportSummary(outcome);
  return (
    <div ref={ref} tabIndex={-1} className="fr-mt-3w">
      <Alert severity={outcome.rejected > 0 || outcome.wholeFileRejected ? "warning" : "success"} small className="fr-mb-2w"
        description={[first, ...others].join(" ")} />
      {outcome.unknown.length > 0 && (
        <>
          <p id="references-inconnues" className="fr-mb-1w">
            {outcome.unknown.length > 1
              ? `${outcome.unknown.length} références du compte rendu sont absentes du fichier (rien n'est fait pour elles) :`
              : "1 référence du compte rendu est absente du fichier (rien n'est fait pour elle) :"}
          </p>
          <ul aria-labelledby="references-inconnues">
            {outcome.unknown.map((reference) => <li key={reference}><code>{reference}</code></li>)}
          </ul>
        </>
      )}
      <p>
        <Link className="fr-link" to={`${DIRECT_DEBITS_PATH}/${outcome.collectionId}`}>
          Voir les prélèvements du fichier du {frenchDate(outcome.collectionDate)}
        </Link>
      </p>
    </div>
  );
}

/**
 * « Importer le compte rendu de la banque (pain.002) »: the bank's status report of a file; every debit it rejects is
 * rejected here too (the family told, the invoice payable online again), once.
 */
export function StatusReportForm() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) => importStatusReport(chosen),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: directDebitKeys.collections() });
      void queryClient.invalidateQueries({ queryKey: directDebitKeys.collectionDetails() });
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
    },
  });
  const fileMessage = missing ? "Choisissez le compte rendu de la banque à importer." : fieldsOf(upload.error).file;
  const refusal = upload.isError && !fieldsOf(upload.error).file ? (upload.error as Error).message : null;
  const alert = useFocusOn(refusal);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(file === null);
    if (file !== null) {
      upload.mutate(file);
    }
  };
  return (
    <section aria-labelledby="compte-rendu-titre" className="fr-mb-6w">
      <h2 id="compte-rendu-titre" className="fr-h4">Importer le compte rendu de la banque (pain.002)</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby="compte-rendu-titre">
        <Upload label="Compte rendu de la banque" hint="Le fichier XML (pain.002) que la banque renvoie pour un fichier de prélèvement."
          state={fileMessage ? "error" : "default"} stateRelatedMessage={fileMessage} className="fr-mb-3w"
          nativeInputProps={{
            accept: ".xml,application/xml,text/xml",
            required: true,
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              setMissing(false);
              upload.reset();
            },
          }} />
        <Button type="submit" disabled={upload.isPending}>Importer le compte rendu</Button>
        {upload.isPending && <p role="status" className="fr-mt-2w">Import en cours…</p>}
      </form>
      {upload.data && <Outcome outcome={upload.data} />}
      {refusal && (
        <div ref={alert} tabIndex={-1} className="fr-mt-3w">
          <Alert severity="error" small description={refusal} />
        </div>
      )}
    </section>
  );
}
