import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { billingKeys, euros, fetchJournal, journalCsvUrl, type JournalLine } from "../../api/billing";
import { frenchDate } from "../../format";
import { AGENT_BILLING, AgentPage } from "./AgentPage";

/** Today in France, yyyy-MM-dd (Europe/Paris, whatever the computer's time zone). */
export function todayInParis(now = new Date()): string {
  const parts = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The time of an instant in France: « 10:15 ». */
export const parisTime = (instant: string) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(new Date(instant));

const isDate = (text: string | null): text is string => text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text);

const severityOf = (payment: JournalLine) =>
  payment.status === "PAID" ? "success" : payment.status === "REFUSED" ? "error" : payment.status === "IN_PROGRESS" ? "info" : undefined;

/**
 * « Journal des paiements »: the online payments created or ended on a day in Paris, what was received that day (as
 * billing-service counts it), and the same journal as CSV for the treasury.
 */
export function JournalPaiements() {
  const [params, setParams] = useSearchParams();
  const asked = params.get("date");
  const date = isDate(asked) ? asked : todayInParis();
  // What the field shows while typed (a date being typed is empty until complete); the journal follows valid dates.
  const [typed, setTyped] = useState(date);
  useEffect(() => setTyped(date), [date]);
  const journal = useQuery({ queryKey: billingKeys.journal(date), queryFn: () => fetchJournal(date) });
  const day = frenchDate(date);
  return (
    <AgentPage title="Journal des paiements" lead="Les paiements en ligne des familles, jour par jour (heure de Paris).">
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-3w">
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Jour" hintText="Par défaut, aujourd'hui."
            nativeInputProps={{ type: "date", value: typed, max: todayInParis(),
              onChange: (e) => {
                setTyped(e.target.value);
                if (isDate(e.target.value)) {
                  setParams({ date: e.target.value });
                }
              } }} />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href={journalCsvUrl(date)}
            download={`journal-paiements-${date}.csv`}>
            Exporter en CSV{" "}<span className="fr-sr-only">le journal du {day}</span>
          </a>
        </div>
      </div>
      {journal.isPending ? (
        <p role="status">Chargement des paiements…</p>
      ) : journal.isError ? (
        <Alert severity="error" small description="Le journal ne peut pas être affiché pour le moment. Réessayez dans quelques minutes." />
      ) : (
        <>
          <p role="status" className="fr-text--lg">
            <strong>Total encaissé le {day} : {euros(journal.data.paidTotal)}</strong>
            {" "}({journal.data.paidCount} paiement{journal.data.paidCount > 1 ? "s" : ""} accepté{journal.data.paidCount > 1 ? "s" : ""}
            {" "}sur {journal.data.payments.length})
          </p>
          {journal.data.payments.length === 0 ? (
            <p>Aucun paiement le {day}.</p>
          ) : (
            <div className="fr-table">
              <table>
                <caption>Paiements du {day}</caption>
                <thead>
                  <tr>
                    <th scope="col">Heure</th>
                    <th scope="col">Référence</th>
                    <th scope="col">Dossier</th>
                    <th scope="col">Famille</th>
                    <th scope="col">Factures</th>
                    <th scope="col">Montant</th>
                    <th scope="col">Moyen de paiement</th>
                    <th scope="col">Statut</th>
                  </tr>
                </thead>
                <tbody>
                  {journal.data.payments.map((payment) => (
                    <tr key={String(payment.id)}>
                      <td>{parisTime(payment.createdAt)}</td>
                      <td><Link to={`${AGENT_BILLING}/paiements/${payment.id}`}>{payment.reference}</Link></td>
                      <td>
                        {payment.dossierNumber
                          ? <Link to={`${AGENT_BILLING}/dossiers/${payment.dossierNumber}`}>{payment.dossierNumber}</Link> : "—"}
                      </td>
                      <td>{payment.familyName ?? "—"}</td>
                      <td>{payment.invoiceNumbers.join(", ")}</td>
                      <td>{euros(payment.amount)}</td>
                      <td>{payment.providerLabel}</td>
                      <td>
                        <Badge small noIcon severity={severityOf(payment)}>{payment.statusLabel}</Badge>
                        {payment.anomaly && (
                          <p className="fr-text--xs fr-mb-0 fr-mt-1v fr-text-default--warning">À vérifier : {payment.anomaly}</p>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </AgentPage>
  );
}
