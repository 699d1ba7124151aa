import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import {
  billingKeys, eurosOfCents, euros, fetchInvoices, fetchSettings, startPayment, sumCents,
  type BillingSettings, type Id, type InvoiceSummary,
} from "../../api/billing";
import { ApiProblem, isProblem } from "../../api/http";
import { frenchDate } from "../../format";
import { submitToBank } from "./bank";

type Step = "select" | "recap" | "redirecting";

/** Only an invoice the API says `payable` (« À payer ») can be chosen; the others are shown with their label. */
const isSelectable = (invoice: InvoiceSummary) => invoice.payable;

/** What the family reads beside an invoice the dossier's mandate will debit. */
export const DEBIT_HINT = "Cette facture sera prélevée sur votre compte : vous n'avez rien à payer en ligne.";

/**
 * An invoice the family's mandate pays: planned (`plannedDebitDate`, while « À payer » for the bank's next file) or
 * already in a file sent to the bank (DIRECT_DEBIT_SCHEDULED). Its `statusLabel` says when: « Prélèvement prévu le … ».
 */
export const isDebited = (invoice: InvoiceSummary) =>
  invoice.plannedDebitDate != null || invoice.status === "DIRECT_DEBIT_SCHEDULED";

/** Why an invoice of the list cannot be chosen, in a word more than its label; null when it can be. */
function notSelectableHint(invoice: InvoiceSummary): string | null {
  if (isSelectable(invoice)) {
    return null;
  }
  if (isDebited(invoice)) {
    return DEBIT_HINT;
  }
  return invoice.status === "PAYMENT_IN_PROGRESS" ? "Un paiement de cette facture est en cours à la banque." : null;
}

const invoiceWord = (count: number) => `${count} facture${count > 1 ? "s" : ""}`;

/** « Total à payer : 51,50 € », said to screen readers each time the selection changes. */
function Total({ invoices }: { invoices: InvoiceSummary[] }) {
  return (
    <p role="status" aria-live="polite" className="fr-text--lg fr-mt-2w">
      <strong>Total à payer : {eurosOfCents(sumCents(invoices.map((i) => i.total)))}</strong>
      {" "}({invoices.length === 0 ? "aucune facture sélectionnée" : `${invoiceWord(invoices.length)} sélectionnée${invoices.length > 1 ? "s" : ""}`})
    </p>
  );
}

/** What the bank allows: PayFiP one invoice at a time (the screen says so), Systempay several. */
function ProviderNotice({ settings }: { settings: BillingSettings }) {
  if (settings.maxInvoicesPerPayment === 1) {
    return (
      <Alert severity="info" small className="fr-mb-3w" description={settings.provider === "PAYFIP"
        ? "Le paiement par PayFiP se fait facture par facture : choisissez une facture, payez-la, puis revenez payer la suivante."
        : "Le paiement se fait facture par facture : choisissez une facture, payez-la, puis revenez payer la suivante."} />
    );
  }
  if (settings.maxInvoicesPerPayment !== null && settings.maxInvoicesPerPayment > 1) {
    return <p className="fr-text--sm">Vous pouvez payer jusqu'à {settings.maxInvoicesPerPayment} factures en une fois.</p>;
  }
  return null;
}

type TableProps = {
  invoices: InvoiceSummary[];
  caption: string;
  /** The cell of the « Choix » column for a selectable invoice; none: the table has no such column. */
  choice?: (invoice: InvoiceSummary) => ReactNode;
};

/** The family's invoices to pay: number (to its page), period, due date, amount, state with its label. */
function InvoicesTable({ invoices, caption, choice }: TableProps) {
  return (
    <div className="fr-table">
      <table>
        <caption className="fr-sr-only">{caption}</caption>
        <thead>
          <tr>
            {choice && <th scope="col">Choix</th>}
            <th scope="col">N° de facture</th>
            <th scope="col">Période</th>
            <th scope="col">À payer avant le</th>
            <th scope="col">Montant</th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={String(invoice.id)}>
              {choice && (
                <td>
                  {isSelectable(invoice) ? choice(invoice) : (
                    <span className="fr-text--sm">—{" "}<span className="fr-sr-only">non sélectionnable</span></span>
                  )}
                </td>
              )}
              <td><Link to={`/facturation/factures/${invoice.id}`}>{invoice.number}</Link></td>
              <td>{invoice.period}</td>
              <td>{frenchDate(invoice.dueDate)}</td>
              <td>{euros(invoice.total)}</td>
              <td>
                <Badge small noIcon severity={isSelectable(invoice) ? "new" : "info"}>{invoice.statusLabel}</Badge>
                {notSelectableHint(invoice) && (
                  <p className="fr-text--xs fr-mb-0 fr-mt-1v">{notSelectableHint(invoice)}</p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type SelectionProps = {
  invoices: InvoiceSummary[];
  selected: Id[];
  onChange: (selected: Id[]) => void;
  max: number | null;
  error: string | null;
};

/** « 1 Cliquez sur la facture à payer »: the payable invoices, checkboxes (radio buttons when one at a time). */
function Selection({ invoices, selected, onChange, max, error }: SelectionProps) {
  const single = max === 1;
  const full = max !== null && !single && selected.length >= max;
  const kind = single ? "radio" : "checkbox";
  const toggle = (id: Id, checked: boolean) => {
    if (single) {
      onChange([id]);
    } else {
      onChange(checked ? [...selected, id] : selected.filter((s) => s !== id));
    }
  };
  const choice = (invoice: InvoiceSummary) => {
    const inputId = `facture-${invoice.id}`;
    const checked = selected.includes(invoice.id);
    return (
      <div className={`fr-${kind}-group fr-${kind}-group--sm`}>
        <input type={kind} id={inputId} name="factures" value={String(invoice.id)}
          checked={checked} disabled={full && !checked}
          onChange={(e) => toggle(invoice.id, e.target.checked)} />
        <label className="fr-label" htmlFor={inputId}>
          Choisir{" "}<span className="fr-sr-only">la facture {invoice.number} ({invoice.period}, {euros(invoice.total)})</span>
        </label>
      </div>
    );
  };
  return (
    <fieldset className={`fr-fieldset${error ? " fr-fieldset--error" : ""}`} aria-describedby={error ? "selection-erreur" : undefined}>
      <legend className="fr-fieldset__legend">
        1 Cliquez sur la facture à payer
        <span className="fr-hint-text">{single ? "Une facture à la fois." : "Une ou plusieurs factures."}</span>
      </legend>
      <div className="fr-fieldset__element">
        <InvoicesTable invoices={invoices} caption="Vos factures à payer" choice={choice} />
      </div>
      {full && <p className="fr-fieldset__element fr-text--sm">Vous avez choisi le nombre maximal de factures pour un paiement.</p>}
      {error && (
        <div className="fr-messages-group" aria-live="assertive">
          <p id="selection-erreur" className="fr-message fr-message--error">{error}</p>
        </div>
      )}
    </fieldset>
  );
}

type RecapProps = {
  invoices: InvoiceSummary[];
  onChange: () => void;
  onPay: () => void;
  paying: boolean;
  error: unknown;
};

/** « étape suivante »: each invoice chosen and the total, then « Payer » or « Modifier ma sélection ». */
function Recap({ invoices, onChange, onPay, paying, error }: RecapProps) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const total = eurosOfCents(sumCents(invoices.map((i) => i.total)));
  return (
    <section aria-labelledby="recapitulatif-titre">
      <h3 id="recapitulatif-titre" ref={title} tabIndex={-1}>Récapitulatif de votre paiement</h3>
      <div className="fr-table">
        <table>
          <caption>Les factures que vous allez payer</caption>
          <thead>
            <tr><th scope="col">N° de facture</th><th scope="col">Période</th><th scope="col">Montant</th></tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => (
              <tr key={String(invoice.id)}>
                <td>{invoice.number}</td>
                <td>{invoice.period}</td>
                <td>{euros(invoice.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row" colSpan={2}>Total à payer</th><td><strong>{total}</strong></td></tr>
          </tfoot>
        </table>
      </div>
      <p>Vous serez alors redirigé vers le module de paiement sécurisé de notre banque partenaire pour effectuer votre paiement de {total}.</p>
      {error instanceof Error && <Alert severity="error" small className="fr-mb-2w" description={error.message} />}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li><Button priority="secondary" onClick={onChange} disabled={paying}>Modifier ma sélection</Button></li>
        <li><Button iconId="fr-icon-lock-line" iconPosition="left" onClick={onPay} disabled={paying}>Payer</Button></li>
      </ul>
    </section>
  );
}

/**
 * « Payez votre ou vos facture(s) en ligne », as the families' guide says it: 1 click the invoice(s) to pay (the total
 * follows), 2 « étape suivante » (the recap), 3 « Payer »: the browser goes to the bank's secure page.
 */
export function PayerFactures() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const invoices = useQuery({ queryKey: billingKeys.payable(), queryFn: () => fetchInvoices("payable") });
  const settings = useQuery({ queryKey: billingKeys.settings(), queryFn: fetchSettings, staleTime: 5 * 60_000 });
  // « Payer cette facture » on an invoice's page arrives with it chosen.
  const { state } = useLocation();
  const [selected, setSelected] = useState<Id[]>(() => {
    const preselected = (state as { select?: Id } | null)?.select;
    return preselected === undefined ? [] : [preselected];
  });
  const [step, setStep] = useState<Step>("select");
  const [selectionError, setSelectionError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  const items = invoices.data?.items ?? [];
  // Only what is still payable counts: an invoice paid meanwhile (another tab) leaves the selection.
  const chosen = items.filter((i) => isSelectable(i) && selected.includes(i.id));

  const pay = useMutation({
    mutationFn: () => startPayment(chosen.map((i) => i.id)),
    onSuccess: (payment) => {
      if (payment.form) {
        setStep("redirecting");
        submitToBank(payment.form);
      } else {
        navigate(`/facturation/paiements/${payment.id}`);
      }
    },
    onError: (error) => {
      if (isProblem(error, 409)) {
        // An invoice is no longer payable (paid, or a payment started in another tab): say why, show the list anew.
        setConflict((error as ApiProblem).detail);
        setStep("select");
        void queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
      }
    },
  });

  useEffect(() => {
    if (conflict) {
      conflictRef.current?.focus();
    }
  }, [conflict]);

  // Back from the bank with the browser's « précédent » (the page kept in memory): the list as it is now.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) {
        setStep("select");
        void queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
      }
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, [queryClient]);

  const max = settings.data?.maxInvoicesPerPayment ?? null;
  const next = () => {
    if (chosen.length === 0) {
      setSelectionError("Cliquez sur au moins une facture à payer.");
      return;
    }
    setSelectionError(null);
    setConflict(null);
    pay.reset();
    setStep("recap");
  };

  return (
    <section aria-labelledby="payer-titre" className="fr-mb-6w">
      <h2 id="payer-titre">Payez votre ou vos facture(s) en ligne</h2>
      <div className="fr-callout fr-mb-4w">
        <h3 className="fr-callout__title fr-h6">Je paie ma facture :</h3>
        <ol className="fr-callout__text fr-text--md">
          <li>Cliquez sur la facture à payer</li>
          <li>Cliquez sur « étape suivante »</li>
          <li>Cliquez sur « Payer »</li>
        </ol>
        <p className="fr-text--sm fr-mb-0">Vous serez alors redirigé vers le module de paiement sécurisé pour effectuer votre paiement.</p>
      </div>

      {conflict && (
        <div ref={conflictRef} tabIndex={-1}>
          <Alert severity="error" title="Le paiement n'a pas pu commencer" description={conflict} className="fr-mb-3w"
            closable onClose={() => setConflict(null)} />
        </div>
      )}

      {invoices.isPending || settings.isPending ? (
        <p role="status">Chargement de vos factures…</p>
      ) : invoices.isError ? (
        <Alert severity="error" small description="Vos factures ne peuvent pas être affichées pour le moment. Réessayez dans quelques minutes." />
      ) : items.length === 0 ? (
        <p>Vous n'avez aucune facture à payer.</p>
      ) : step === "redirecting" ? (
        <p role="status">Redirection vers le module de paiement sécurisé de notre banque partenaire…</p>
      ) : step === "recap" ? (
        <Recap invoices={chosen} onChange={() => setStep("select")} onPay={() => pay.mutate()} paying={pay.isPending}
          error={isProblem(pay.error, 409) ? null : pay.error} />
      ) : (
        <>
          {settings.data && <ProviderNotice settings={settings.data} />}
          {!items.some(isSelectable) ? (
            <>
              <p>Aucune de vos factures n'est à payer en ligne pour le moment.</p>
              <InvoicesTable invoices={items} caption="Vos factures en cours de règlement" />
            </>
          ) : (
            <>
              <Selection invoices={items} selected={chosen.map((i) => i.id)} max={max} error={selectionError}
                onChange={(ids) => {
                  setSelected(ids);
                  setSelectionError(null);
                }} />
              <Total invoices={chosen} />
              <Button onClick={next} iconId="fr-icon-arrow-right-line" iconPosition="right">Étape suivante</Button>
            </>
          )}
          {invoices.data.total > items.length && (
            <p className="fr-text--sm fr-mt-2w">
              Seules vos {items.length} premières factures sont affichées : payez-les, les suivantes apparaîtront ensuite.
            </p>
          )}
        </>
      )}
    </section>
  );
}
