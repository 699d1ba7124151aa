import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router-dom";
import { billingKeys, euros, fetchInvoices } from "../../api/billing";
import { invoiceOutcome } from "../../components/invoiceOutcome";
import { PdfLink } from "./PdfLink";

const PAGE_SIZE = 20;

/**
 * « Consultez vos précédentes factures »: paid and cancelled ones, newest first, page by page, each with its state, how
 * and when it was paid (« Payée le 05/10/2026 — Carte bancaire en ligne ») or when and why it was cancelled, and its
 * PDF. Its number leads to its lines.
 */
export function PrecedentesFactures() {
  const [params] = useSearchParams();
  // The address counts pages from 1, as people do; the API from 0.
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const invoices = useQuery({
    queryKey: billingKeys.previous(page - 1),
    queryFn: () => fetchInvoices("previous", page - 1, PAGE_SIZE),
  });
  if (invoices.isPending) {
    return <p role="status">Chargement de vos précédentes factures…</p>;
  }
  if (invoices.isError) {
    return <Alert severity="error" small description="Vos factures ne peuvent pas être affichées pour le moment. Réessayez dans quelques minutes." />;
  }
  const { items, total, size } = invoices.data;
  if (items.length === 0 && page === 1) {
    return <p>Vous n'avez aucune précédente facture.</p>;
  }
  const pageCount = Math.max(1, Math.ceil(total / (size || PAGE_SIZE)));
  if (items.length === 0) {
    return <p>Cette page est vide. <Link to="/facturation/precedentes">Revenir à la première page</Link></p>;
  }
  return (
    <>
      <p>{total} facture{total > 1 ? "s" : ""} payée{total > 1 ? "s" : ""} ou annulée{total > 1 ? "s" : ""}</p>
      <p className="fr-text--sm">Cliquez sur le numéro d'une facture pour en voir le détail.</p>
      <div className="fr-table">
        <table>
          <caption>Vos précédentes factures{pageCount > 1 ? ` (page ${page} sur ${pageCount})` : ""}</caption>
          <thead>
            <tr>
              <th scope="col">N° de facture</th>
              <th scope="col">Période</th>
              <th scope="col">Montant</th>
              <th scope="col">État</th>
              <th scope="col">Facture</th>
            </tr>
          </thead>
          <tbody>
            {items.map((invoice) => {
              const outcome = invoiceOutcome(invoice);
              return (
                <tr key={String(invoice.id)}>
                  <td><Link to={`/facturation/factures/${invoice.id}`}>{invoice.number}</Link></td>
                  <td>{invoice.period}</td>
                  <td>{euros(invoice.total)}</td>
                  <td>
                    <Badge small noIcon severity={invoice.status === "PAID" ? "success" : undefined}>{invoice.statusLabel}</Badge>
                    {outcome && <p className="fr-text--sm fr-mt-1w fr-mb-0">{outcome}</p>}
                  </td>
                  <td><PdfLink invoice={invoice} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pageCount > 1 && (
        <Pagination count={pageCount} defaultPage={page}
          getPageLinkProps={(number) => ({ to: `/facturation/precedentes?page=${number}` })} />
      )}
    </>
  );
}
