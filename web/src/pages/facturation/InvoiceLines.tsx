import { euros, frenchDecimal, type Invoice } from "../../api/billing";

/** « Nom et Prénom – Prestation »: « DURAND Marie – Repas Enfants », or the service alone for the whole family. */
const lineLabel = (beneficiary: string | null, service: string) =>
  beneficiary && beneficiary.trim() !== "" ? `${beneficiary} – ${service}` : service;

/** An invoice's lines as the families' guide shows them, and its total. */
export function InvoiceLines({ invoice }: { invoice: Invoice }) {
  return (
    <div className="fr-table">
      <table>
        <caption>Détail de la facture {invoice.number}</caption>
        <thead>
          <tr>
            <th scope="col">Nom et Prénom – Prestation</th>
            <th scope="col">Tarif</th>
            <th scope="col">Quantité</th>
            <th scope="col">Montant</th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line, index) => (
            <tr key={index}>
              <td>{lineLabel(line.beneficiary, line.service)}</td>
              <td>{frenchDecimal(line.unitPrice)}&nbsp;€</td>
              <td>{frenchDecimal(line.quantity)}</td>
              <td>{euros(line.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>Total</th>
            <td><strong>{euros(invoice.total)}</strong></td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
