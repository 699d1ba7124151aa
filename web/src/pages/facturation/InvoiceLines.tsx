import { euros, frenchDecimal, type InvoiceDetail } from "../../api/billing";

/** An invoice's lines as the families' guide shows them (the label as the PDF prints it), and its total. */
export function InvoiceLines({ invoice }: { invoice: InvoiceDetail }) {
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
              <td>{line.label}</td>
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
