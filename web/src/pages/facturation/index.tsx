import { useEffect, useRef } from "react";
import { Route, Routes, useLocation } from "react-router-dom";
import { NotFound } from "../Pages";
import { Facture } from "./Facture";
import { FacturationPage } from "./FacturationPage";
import { PayerFactures } from "./PayerFactures";
import { PrecedentesFactures } from "./PrecedentesFactures";
import { Prelevement } from "./Prelevement";
import { RetourPaiement } from "./RetourPaiement";

/**
 * After a move inside the section (side menu, an invoice's number, « Retour »), the focus goes to the new page's
 * title, read first; not on arrival, where the skip links come first.
 */
function useFocusTitleOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) {
      return;
    }
    previous.current = pathname;
    const title = document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("h1");
    if (title) {
      title.tabIndex = -1;
      title.focus();
    }
  }, [pathname]);
}

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
