import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import {
  billingKeys, cancelInvoice, euros, fetchDossierInvoices, pdfUrlOf, type InvoiceDetail, type InvoiceSummary,
} from "../../api/billing";
import { fieldsOf } from "../../api/http";
import { useFocusOn } from "../../components/forms";
import { invoiceOutcome } from "../../components/invoiceOutcome";
import { frenchDate } from "../../format";
import { AGENT_BILLING, AgentPage } from "./AgentPage";

const PAGE_SIZE = 20;

/** An agent may cancel an invoice not paid and not in payment (the service refuses the others with 409 anyway). */
const cancellable = (invoice: InvoiceSummary) => invoice.status === "TO_PAY" || invoice.status === "DIRECT_DEBIT_SCHEDULED";

/** `cancelled`: the invoice as the cancellation left it, or null when the agent gave up. */
type DialogProps = { invoice: InvoiceSummary; onClose: (cancelled: InvoiceDetail | null) => void };

/**
 * « Annuler la facture »: a dialog asking the reason (required: the family is told it), then the cancellation.
 * Escape or « Ne pas annuler » closes it.
 */
function CancelDialog({ invoice, onClose }: DialogProps) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const cancel = useMutation({
    mutationFn: () => cancelInvoice(invoice.id, reason.trim()),
    onSuccess: async (cancelled) => {
      await queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
      onClose(cancelled);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === "") {
      setMissing(true);
      field.current?.focus();
      return;
    }
    cancel.mutate();
  };
  const serviceMessage = fieldsOf(cancel.error).reason;
  // A refusal (409: paid or in payment meanwhile) is read first.
  const alert = useFocusOn(cancel.error);
  const message = missing ? "Indiquez le motif de l'annulation : il est communiqué à la famille." : serviceMessage;
  return (
    <div role="dialog" aria-labelledby="annulation-titre" className="fr-card fr-p-4w fr-mb-4w"
      onKeyDown={(e) => { if (e.key === "Escape") onClose(null); }}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="annulation-titre" className="fr-h5">Annuler la facture {invoice.number}</h2>
        <p>{invoice.period} — {euros(invoice.total)}. La famille est prévenue de l'annulation et de son motif ; la facture ne peut plus être payée.</p>
        <Input label="Motif" textArea hintText="Obligatoire. Par exemple : facturée deux fois."
          state={message ? "error" : "default"} stateRelatedMessage={message}
          nativeTextAreaProps={{ ref: field, value: reason, required: true, maxLength: 500,
            onChange: (e) => { setReason(e.target.value); setMissing(false); } }} />
        {cancel.isError && !serviceMessage && (
          <div ref={alert} tabIndex={-1}>
            <Alert severity="error" small className="fr-mb-2w" description={(cancel.error as Error).message} />
          </div>
        )}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li><Button type="submit" disabled={cancel.isPending}>Confirmer l'annulation</Button></li>
          <li><Button type="button" priority="secondary" onClick={() => onClose(null)}>Ne pas annuler</Button></li>
        </ul>
      </form>
    </div>
  );
}

/**
 * A dossier's invoices, every status, as an agent sees them, a paid one with how and when (« Payée le 05/10/2026 —
 * Carte bancaire en ligne »), a cancelled one with when and why; cancelling one with a reason.
 */
export function FacturesDossier() {
  const { number = "" } = useParams();
  const [params] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const invoices = useQuery({
    queryKey: billingKeys.dossierInvoices(number, page - 1),
    queryFn: () => fetchDossierInvoices(number, page - 1, PAGE_SIZE),
  });
  const [cancelling, setCancelling] = useState<InvoiceSummary | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const trigger = useRef<HTMLElement | null>(null);

  const close = (done: InvoiceDetail | null) => {
    if (done) {
      const reason = done.cancellation?.reason;
      setCancelled(`La facture ${done.number} est annulée.${reason ? ` Motif communiqué à la famille : ${reason}` : ""}`);
    }
    setCancelling(null);
    // Back where the agent was: the button, if still there, else the page's title.
    requestAnimationFrame(() => {
      const target = trigger.current?.isConnected ? trigger.current : document.querySelector<HTMLElement>("h1");
      target?.focus();
    });
  };

  const data = invoices.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / (data.size || PAGE_SIZE))) : 1;
  return (
    <AgentPage title={`Factures du dossier ${number}`}>
      <p><Link className="fr-link" to={`/agent/dossiers/${encodeURIComponent(number)}`}>Ouvrir le dossier {number}</Link></p>
      <div aria-live="polite">
        {cancelled && <Alert severity="success" small className="fr-mb-2w" description={cancelled} />}
      </div>
      {cancelling && <CancelDialog invoice={cancelling} onClose={close} />}
      {invoices.isPending ? (
        <p role="status">Chargement des factures…</p>
      ) : invoices.isError ? (
        <Alert severity="error" small description="Les factures de ce dossier ne peuvent pas être affichées pour le moment." />
      ) : data!.items.length === 0 ? (
        <p>Aucune facture pour ce dossier.</p>
      ) : (
        <>
          <div className="fr-table">
            <table>
              <caption>Factures du dossier {number}{pageCount > 1 ? ` (page ${page} sur ${pageCount})` : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">N° de facture</th>
                  <th scope="col">Période</th>
                  <th scope="col">Émise le</th>
                  <th scope="col">Échéance</th>
                  <th scope="col">Montant</th>
                  <th scope="col">État</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {data!.items.map((invoice) => (
                  <tr key={String(invoice.id)}>
                    <td>{invoice.number}</td>
                    <td>{invoice.period}</td>
                    <td>{frenchDate(invoice.issueDate)}</td>
                    <td>{frenchDate(invoice.dueDate)}</td>
                    <td>{euros(invoice.total)}</td>
                    <td>
                      <Badge small noIcon>{invoice.statusLabel}</Badge>
                      {invoiceOutcome(invoice) && <p className="fr-text--sm fr-mt-1w fr-mb-0">{invoiceOutcome(invoice)}</p>}
                    </td>
                    <td>
                      {pdfUrlOf(invoice) ? (
                        <a className="fr-link fr-icon-download-line fr-link--icon-left" href={pdfUrlOf(invoice)!}
                          download={`facture-${invoice.number}.pdf`}>
                          PDF{" "}<span className="fr-sr-only">de la facture {invoice.number}</span>
                        </a>
                      ) : (
                        <span className="fr-text--sm">PDF non disponible</span>
                      )}
                      {cancellable(invoice) && (
                        <Button size="small" priority="tertiary" className="fr-mt-1w"
                          nativeButtonProps={{ "aria-label": `Annuler la facture ${invoice.number}` }}
                          onClick={(e) => {
                            trigger.current = e.currentTarget;
                            setCancelled(null);
                            setCancelling(invoice);
                          }}>
                          Annuler la facture
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pageCount > 1 && (
            <Pagination count={pageCount} defaultPage={page}
              getPageLinkProps={(n) => ({ to: `${AGENT_BILLING}/dossiers/${encodeURIComponent(number)}?page=${n}` })} />
          )}
        </>
      )}
    </AgentPage>
  );
}
