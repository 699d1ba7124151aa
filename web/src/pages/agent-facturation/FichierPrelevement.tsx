import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link, useLocation, useParams } from "react-router-dom";
import { euros } from "../../api/billing";
import { directDebitKeys, fetchCollection, type CollectedDebit, type CollectionDetail } from "../../api/directDebit";
import { useFocusOn } from "../../components/forms";
import { frenchDate, frenchDateTime } from "../../format";
import { AGENT_BILLING, AgentPage } from "./AgentPage";
import type { ExportedState } from "./prelevements/ExportForm";
import { RejectionDialog } from "./prelevements/RejectionDialog";
import { debitSeverity, DIRECT_DEBITS_PATH, plural, SEQUENCE_LABELS } from "./prelevements/words";

/** What the export just did: a new file, or the one of that date proposed again. */
function ExportNotice({ collection, exported }: { collection: CollectionDetail; exported: ExportedState["exported"] }) {
  const ref = useFocusOn(exported);
  return (
    <div ref={ref} tabIndex={-1} className="fr-mb-3w">
      {exported === "already" ? (
        <Alert severity="info" small
          description={`Ce fichier a déjà été exporté le ${frenchDateTime(collection.createdAt)} : il est proposé à nouveau, aucune facture n'est prélevée deux fois.`} />
      ) : (
        <Alert severity="success" small
          description={`Fichier exporté : ${plural(collection.debitCount, "prélèvement")} pour ${euros(collection.controlSum)}, le ${frenchDate(collection.collectionDate)}. Téléchargez-le et remettez-le à la banque.`} />
      )}
    </div>
  );
}

/**
 * A direct-debit file (`prelevements/:id`): its date, version, who exported it, the count and total, the file to
 * download, and each debit (invoice, dossier, holder, RUM, masked IBAN, amount, FRST/RCUR, state); « Saisir un rejet »
 * for a debit the bank rejected.
 */
export function FichierPrelevement() {
  const { id = "" } = useParams();
  const { state } = useLocation();
  const exported = (state as ExportedState | null)?.exported;
  // Just exported, the file is the export's answer: not asked again at once. It changes only by a rejection (put in the
  // cache by this page) or a report of the bank (which invalidates it).
  const collection = useQuery({ queryKey: directDebitKeys.collection(id), queryFn: () => fetchCollection(id), staleTime: 30_000 });
  const [rejecting, setRejecting] = useState<CollectedDebit | null>(null);
  const [rejected, setRejected] = useState<string | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const close = (done: CollectedDebit | null) => {
    if (done) {
      setRejected(`Le prélèvement de la facture ${done.invoiceNumber} est enregistré comme rejeté${done.rejectionReason ? ` (${done.rejectionReason})` : ""} : la famille est prévenue et sa facture peut être payée en ligne.`);
    }
    setRejecting(null);
    // Back where the agent was: the button, if still there (not once rejected), else the page's title.
    requestAnimationFrame(() => {
      const target = trigger.current?.isConnected ? trigger.current : document.querySelector<HTMLElement>("h1");
      target?.focus();
    });
  };
  const data = collection.data;
  return (
    <AgentPage title={data ? `Fichier de prélèvement du ${frenchDate(data.collectionDate)}` : "Fichier de prélèvement"}>
      {collection.isPending ? (
        <p role="status">Chargement du fichier de prélèvement…</p>
      ) : collection.isError ? (
        <Alert severity="error" small description="Ce fichier de prélèvement est introuvable ou ne peut pas être affiché pour le moment." />
      ) : (
        <>
          {exported && <ExportNotice collection={data!} exported={exported} />}
          <div aria-live="polite">
            {rejected && <Alert severity="success" small className="fr-mb-2w" description={rejected} />}
          </div>
          <dl className="fr-mb-3w">
            <dt className="fr-text--bold">Date de prélèvement</dt>
            <dd>{frenchDate(data!.collectionDate)}</dd>
            <dt className="fr-text--bold">Nombre de prélèvements</dt>
            <dd>{data!.debitCount}</dd>
            <dt className="fr-text--bold">Montant total</dt>
            <dd>{euros(data!.controlSum)}</dd>
            <dt className="fr-text--bold">Rejets</dt>
            <dd>{data!.rejectedCount}</dd>
            <dt className="fr-text--bold">Format</dt>
            <dd>{data!.version}</dd>
            <dt className="fr-text--bold">Exporté le</dt>
            <dd>{frenchDateTime(data!.createdAt)} par {data!.createdBy}</dd>
          </dl>
          <p>
            <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href={data!.filePath} download={data!.fileName}>
              Télécharger le fichier{" "}<span className="fr-sr-only">du {frenchDate(data!.collectionDate)}</span>
            </a>
          </p>
          {rejecting && <RejectionDialog collectionId={data!.id} debit={rejecting} onClose={close} />}
          {data!.debits.length === 0 ? (
            <p>Aucun prélèvement dans ce fichier.</p>
          ) : (
            <div className="fr-table">
              <table>
                <caption>Prélèvements du fichier</caption>
                <thead>
                  <tr>
                    <th scope="col">Facture</th>
                    <th scope="col">Dossier</th>
                    <th scope="col">Titulaire du compte</th>
                    <th scope="col">RUM</th>
                    <th scope="col">IBAN</th>
                    <th scope="col">Montant</th>
                    <th scope="col">Séquence</th>
                    <th scope="col">État</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {data!.debits.map((debit) => (
                    <tr key={debit.endToEndId}>
                      <td>{debit.invoiceNumber}</td>
                      <td><Link to={`${AGENT_BILLING}/dossiers/${encodeURIComponent(debit.dossierNumber)}`}>{debit.dossierNumber}</Link></td>
                      <td>{debit.holderName}</td>
                      <td>{debit.rum}</td>
                      <td>{debit.maskedIban}</td>
                      <td>{euros(debit.amount)}</td>
                      <td>
                        {SEQUENCE_LABELS[debit.sequenceType] ?? debit.sequenceType}
                        {debit.amended && <p className="fr-text--xs fr-mb-0 fr-mt-1v">Coordonnées bancaires modifiées</p>}
                      </td>
                      <td>
                        <Badge small noIcon severity={debitSeverity(debit)}>{debit.statusLabel}</Badge>
                        {debit.status === "REJECTED" && (debit.rejectionReason || debit.rejectedAt) && (
                          <p className="fr-text--xs fr-mb-0 fr-mt-1v">
                            {debit.rejectionReason}{debit.rejectedAt ? ` — le ${frenchDateTime(debit.rejectedAt)}` : ""}
                          </p>
                        )}
                      </td>
                      <td>
                        {debit.status === "SCHEDULED" ? (
                          <Button size="small" priority="tertiary"
                            nativeButtonProps={{ "aria-label": `Saisir un rejet pour la facture ${debit.invoiceNumber}` }}
                            onClick={(e) => {
                              trigger.current = e.currentTarget;
                              setRejected(null);
                              setRejecting(debit);
                            }}>
                            Saisir un rejet
                          </Button>
                        ) : "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={DIRECT_DEBITS_PATH}>
            Prélèvements automatiques
          </Link>
        </>
      )}
    </AgentPage>
  );
}
