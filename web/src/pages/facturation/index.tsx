import { Route, Routes } from "react-router-dom";
import { useFocusTitleOnNavigation } from "../../components/useFocusTitleOnNavigation";
import { NotFound } from "../Pages";
import { Facture } from "./Facture";
import { FacturationPage } from "./FacturationPage";
import { PayerFactures } from "./PayerFactures";
import { PrecedentesFactures } from "./PrecedentesFactures";
import { Prelevement } from "./Prelevement";
import { RetourPaiement } from "./RetourPaiement";


/** « Facturation »: pay invoices online, the previous ones, direct debit; an invoice; back from the bank. */
export function Facturation() {
  useFocusTitleOnNavigation();
  return (
    <Routes>
      <Route index element={<FacturationPage page="payer">{() => <PayerFactures />}</FacturationPage>} />
      <Route path="precedentes" element={<FacturationPage page="precedentes">{() => <PrecedentesFactures />}</FacturationPage>} />
      <Route path="prelevement" element={<FacturationPage page="prelevement">{() => <Prelevement />}</FacturationPage>} />
      <Route path="factures/:id" element={<Facture />} />
      <Route path="paiements/:id" element={<RetourPaiement />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
