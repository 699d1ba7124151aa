import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Payment } from "../../api/billing";
import { billing, invoiceSummary, PAYMENT, pageOf, SEED_INVOICE } from "../../test/handlers/billing";
import { portal } from "../../test/handlers/portal";
import { FAMILY } from "../../test/handlers/session";
import { expectFocusOn } from "../../test/focus";
import { renderApp, renderWith } from "../../test/render";
import { callsTo, json, problem, serve } from "../../test/server";
import { Facturation } from ".";

const SYSTEMPAY = billing.settings({ provider: "SYSTEMPAY", maxInvoicesPerPayment: null });
const PAYFIP = billing.settings({ provider: "PAYFIP", maxInvoicesPerPayment: 1 });

const SEED = invoiceSummary({});
/** Two small invoices whose sum is the classic float trap: 0,10 + 0,20. */
const DIME = invoiceSummary({ id: 201, number: "2026-000201", period: "Octobre 2026", total: "0.10" });
const TWENTY = invoiceSummary({ id: 202, number: "2026-000202", period: "Octobre 2026", total: 0.2 });
const IN_PAYMENT = invoiceSummary({ id: 124, number: "2026-000124", status: "PAYMENT_IN_PROGRESS", statusLabel: "Paiement en cours" });
const DEBIT = invoiceSummary({ id: 125, number: "2026-000125", status: "DIRECT_DEBIT_SCHEDULED", statusLabel: "Prélèvement prévu" });

const renderAt = (path: string) => renderWith(
  <Routes><Route path="/facturation/*" element={<Facturation />} /></Routes>,
  { path, me: FAMILY },
);

/** Text as read, spaces of any kind (fr-FR's no-break ones) as plain spaces. */
const read = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ");

const choose = async (number: string) =>
  fireEvent.click(await screen.findByRole("checkbox", { name: new RegExp(`^Choisir la facture ${number} \\(`) }));
const total = () => read(screen.getByText(/^Total à payer :/).textContent);

describe("Payez votre ou vos facture(s) en ligne", () => {
  afterEach(() => vi.restoreAllMocks());

  it("lists the payable invoices, the guide's steps, and updates the total as invoices are ticked", async () => {
    serve(SYSTEMPAY, billing.invoices("payable", pageOf([SEED, DIME, TWENTY, IN_PAYMENT, DEBIT])));
    renderAt("/facturation");

    expect(await screen.findByRole("group", { name: /1 Cliquez sur la facture à payer/ })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Facturation" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Payez votre ou vos facture(s) en ligne" })).toBeTruthy();
    expect(screen.getByText("Cliquez sur « étape suivante »")).toBeTruthy();
    expect(callsTo("/api/billing/invoices?view=payable&page=0&size=20")).toHaveLength(1);
    expect(total()).toBe("Total à payer : 0,00 €");

    await choose("2026-000123");
    expect(total()).toBe("Total à payer : 51,50 €");
    await choose("2026-000201");
    await choose("2026-000202");
    expect(total()).toBe("Total à payer : 51,80 €");
    await choose("2026-000123");
    // 0,10 + 0,20 in cents: 0,30 €, never 0,30000000000000004.
    expect(total()).toBe("Total à payer : 0,30 €");
    expect(screen.getByRole("status").textContent).toContain("2 factures sélectionnées");

    // Shown with their label, not selectable.
    const rows = screen.getAllByRole("row");
    const inPayment = rows.find((row) => row.textContent?.includes("2026-000124"))!;
    expect(within(inPayment).getByText("Paiement en cours")).toBeTruthy();
    expect(within(inPayment).queryByRole("checkbox")).toBeNull();
    const debit = rows.find((row) => row.textContent?.includes("2026-000125"))!;
    expect(within(debit).getByText("Prélèvement prévu")).toBeTruthy();
    expect(within(debit).queryByRole("checkbox")).toBeNull();
    expect(screen.getAllByRole("checkbox")).toHaveLength(3);
    // Each number opens the invoice.
    expect(screen.getByRole("link", { name: "2026-000123" }).getAttribute("href")).toBe("/facturation/factures/123");
  });

  it("asks for an invoice before « étape suivante », then shows the recap and lets the family change its selection", async () => {
    serve(SYSTEMPAY, billing.invoices("payable", pageOf([SEED, DIME])));
    renderAt("/facturation");

    fireEvent.click(await screen.findByRole("button", { name: "Étape suivante" }));
    expect(screen.getByText("Cliquez sur au moins une facture à payer.")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Récapitulatif de votre paiement" })).toBeNull();

    await choose("2026-000123");
    await choose("2026-000201");
    fireEvent.click(screen.getByRole("button", { name: "Étape suivante" }));

    const heading = screen.getByRole("heading", { level: 3, name: "Récapitulatif de votre paiement" });
    await expectFocusOn(heading);
    const recap = screen.getByRole("table", { name: "Les factures que vous allez payer" });
    const cells = within(recap).getAllByRole("row").map((row) =>
      within(row).queryAllByRole("cell").map((cell) => read(cell.textContent)));
    expect(cells.slice(1)).toEqual([
      ["2026-000123", "Septembre 2026", "51,50 €"],
      ["2026-000201", "Octobre 2026", "0,10 €"],
      ["51,60 €"],
    ]);
    expect(within(recap).getByRole("rowheader", { name: "Total à payer" })).toBeTruthy();
    expect(screen.queryByRole("checkbox")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Modifier ma sélection" }));
    expect((screen.getByRole("checkbox", { name: /la facture 2026-000123/ }) as HTMLInputElement).checked).toBe(true);
    expect(total()).toBe("Total à payer : 51,60 €");
  });

  it("« Payer » starts the payment and posts the bank's form as it is given, to the bank's address", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    const posted: HTMLFormElement[] = [];
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(function (this: HTMLFormElement) {
      posted.push(this);
    });
    const fields = { vads_site_id: "12345678", vads_amount: "5150", vads_order_id: "PF-2026-000077", signature: "abc+/=" };
    const calls = serve(SYSTEMPAY, billing.invoices("payable", pageOf([SEED])),
      billing.startPayment(() => json({ ...PAYMENT, form: { action: "https://banque.example/vads-payment/", method: "POST", fields } }, 201)));
    renderAt("/facturation");

    await choose("2026-000123");
    fireEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    fireEvent.click(screen.getByRole("button", { name: "Payer" }));

    await waitFor(() => expect(posted).toHaveLength(1));
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/billing/payments");
    expect(post.body).toEqual({ invoiceIds: [123] });
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    const form = posted[0];
    expect(form.getAttribute("action")).toBe("https://banque.example/vads-payment/");
    expect(form.method).toBe("post");
    expect(form.isConnected).toBe(true);
    expect(Object.fromEntries([...form.querySelectorAll("input")].map((input) => [input.name, input.value]))).toEqual(fields);
    expect([...form.querySelectorAll("input")].every((input) => input.type === "hidden")).toBe(true);
    expect(await screen.findByText("Redirection vers le module de paiement sécurisé de notre banque partenaire…")).toBeTruthy();
  });

  it("says why when the invoice is no longer payable (409) and shows the list as it is now", async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(() => undefined);
    let reads = 0;
    serve(SYSTEMPAY,
      billing.invoices("payable", () => json(pageOf([++reads === 1 ? SEED : { ...SEED, status: "PAYMENT_IN_PROGRESS", statusLabel: "Paiement en cours" }]))),
      billing.startPayment(() => problem(409, "Un paiement de la facture 2026-000123 est déjà en cours (commencé dans un autre onglet ?).",
        { slug: "facture-non-payable" })));
    renderAt("/facturation");

    await choose("2026-000123");
    fireEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    fireEvent.click(screen.getByRole("button", { name: "Payer" }));

    const message = await screen.findByText("Un paiement de la facture 2026-000123 est déjà en cours (commencé dans un autre onglet ?).");
    await expectFocusOn(message);
    expect(submit).not.toHaveBeenCalled();
    await waitFor(() => expect(reads).toBe(2));
    const row = (await screen.findAllByRole("row")).find((r) => r.textContent?.includes("2026-000123"))!;
    await waitFor(() => expect(within(row).getByText("Paiement en cours")).toBeTruthy());
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.getByText("Aucune de vos factures n'est à payer en ligne pour le moment.")).toBeTruthy();
  });

  it("with PayFiP, says so and lets the family choose one invoice at a time", async () => {
    serve(PAYFIP, billing.invoices("payable", pageOf([SEED, DIME])));
    renderAt("/facturation");

    expect(await screen.findByText(/Le paiement par PayFiP se fait facture par facture/)).toBeTruthy();
    expect(screen.queryByRole("checkbox")).toBeNull();
    const seed = screen.getByRole("radio", { name: /la facture 2026-000123/ }) as HTMLInputElement;
    const dime = screen.getByRole("radio", { name: /la facture 2026-000201/ }) as HTMLInputElement;
    fireEvent.click(seed);
    fireEvent.click(dime);
    expect(seed.checked).toBe(false);
    expect(dime.checked).toBe(true);
    expect(total()).toBe("Total à payer : 0,10 €");
  });

  it("says so when there is nothing to pay", async () => {
    serve(SYSTEMPAY, billing.invoices("payable", pageOf([])));
    renderAt("/facturation");

    expect(await screen.findByText("Vous n'avez aucune facture à payer.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Étape suivante" })).toBeNull();
  });

  it("offers the guide's three entries in the side menu", async () => {
    serve(SYSTEMPAY, billing.invoices("payable", pageOf([])));
    renderAt("/facturation");

    const menu = await screen.findByRole("navigation", { name: "Facturation" });
    expect(within(menu).getByRole("link", { name: "Payez votre ou vos facture(s) en ligne" }).getAttribute("href")).toBe("/facturation");
    expect(within(menu).getByRole("link", { name: "Consultez vos précédentes factures" }).getAttribute("href")).toBe("/facturation/precedentes");
    expect(within(menu).getByRole("link", { name: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires" })
      .getAttribute("href")).toBe("/facturation/prelevement");

    fireEvent.click(within(menu).getByRole("link", { name: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires" }));
    const title = await screen.findByRole("heading", { level: 1, name: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires" });
    await expectFocusOn(title);
    expect(screen.getByText("Bientôt disponible")).toBeTruthy();
    expect(screen.getByText(/mandat de prélèvement SEPA/)).toBeTruthy();
    expect(screen.queryByRole("textbox")).toBeNull();
  });
});

describe("Facturation in the portal", () => {
  it("is the header's « Facturation », titled so", async () => {
    serve(SYSTEMPAY, billing.invoices("payable", pageOf([SEED])), ...portal(FAMILY));
    renderApp("/");

    const nav = (await screen.findAllByRole("navigation")).find((n) => n.id === "fr-header-main-navigation")!;
    fireEvent.click(within(nav).getByRole("link", { name: "Facturation" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Facturation" })).toBeTruthy();
    expect(document.title).toBe("Facturation — Portail Famille");
    expect(await screen.findByRole("checkbox", { name: /^Choisir la facture 2026-000123/ })).toBeTruthy();
  });
});

describe("back from the bank", () => {
  const paid: Payment = { ...PAYMENT, status: "PAID", statusLabel: "Payée", settledAt: "2026-10-06T08:16:30Z" };
  const refused: Payment = { ...PAYMENT, status: "REFUSED", statusLabel: "Paiement refusé", settledAt: "2026-10-06T08:16:30Z" };

  /** The payment is in progress at the first reading, then `then`. */
  const inProgressThen = (then: Payment) => {
    let reads = 0;
    return billing.payment(77, () => json(++reads === 1 ? PAYMENT : then));
  };

  it("waits for the bank while the payment is in progress, then shows it paid with its receipt", async () => {
    const calls = serve(inProgressThen(paid));
    renderAt("/facturation/paiements/77");

    expect(await screen.findByText("Paiement en cours : nous attendons la confirmation de la banque.")).toBeTruthy();
    expect(await screen.findByText("Paiement accepté — Payée", {}, { timeout: 4000 })).toBeTruthy();
    expect(calls.filter((c) => c.url === "/api/billing/payments/77").length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText("Référence du paiement : PF-2026-000077")).toBeTruthy();
    expect(screen.getByText("Payé le 06/10/2026 à 10:16")).toBeTruthy();
    expect(screen.getByText("51,50 €", { selector: "strong" })).toBeTruthy();
    expect(within(screen.getByRole("table", { name: "Factures réglées par ce paiement" })).getByText("2026-000123")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Voir mes précédentes factures" }).getAttribute("href")).toBe("/facturation/precedentes");
    // No more polling once paid.
    const count = calls.filter((c) => c.url === "/api/billing/payments/77").length;
    await new Promise((resolve) => setTimeout(resolve, 2300));
    expect(calls.filter((c) => c.url === "/api/billing/payments/77")).toHaveLength(count);
  }, 10_000);

  it("shows a refused payment with what to do", async () => {
    serve(inProgressThen(refused));
    renderAt("/facturation/paiements/77");

    expect(await screen.findByText("Paiement refusé", {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.getByText(/aucune somme n'a été débitée et vos factures restent à payer/)).toBeTruthy();
    expect(screen.getByText("Ou payez avec une autre carte bancaire.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Payer à nouveau" }).getAttribute("href")).toBe("/facturation");
  }, 10_000);

  it("decides on the status, not on the label: an abandoned payment", async () => {
    serve(billing.payment(77, { ...PAYMENT, status: "ABANDONED", statusLabel: "Abandonné par vous" }));
    renderAt("/facturation/paiements/77");

    expect(await screen.findByText("Abandonné par vous")).toBeTruthy();
    expect(screen.getByText(/Vos factures sont de nouveau à payer/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Revenir à mes factures à payer" }).getAttribute("href")).toBe("/facturation");
  });
});

describe("Consultez vos précédentes factures", () => {
  const PAID = invoiceSummary({
    status: "PAID", statusLabel: "Payée",
    payment: { paidAt: "2026-10-05T14:00:00Z", method: "CARD", methodLabel: "carte bancaire", reference: "PF-2026-000077" },
  });
  const CANCELLED = invoiceSummary({
    id: 99, number: "2026-000099", period: "Août 2026", total: "12.00", status: "CANCELLED", statusLabel: "Annulée",
    cancellation: { reason: "Facturée deux fois", cancelledAt: "2026-09-10T08:00:00Z" },
  });

  it("lists paid and cancelled invoices, how and when, each with its PDF", async () => {
    const calls = serve(billing.invoices("previous", pageOf([PAID, CANCELLED])));
    renderAt("/facturation/precedentes");

    const table = await screen.findByRole("table", { name: "Vos précédentes factures" });
    expect(calls.map((c) => c.url)).toContain("/api/billing/invoices?view=previous&page=0&size=20");
    expect(screen.getByRole("heading", { level: 1, name: "Consultez vos précédentes factures" })).toBeTruthy();
    const [, paid, cancelled] = within(table).getAllByRole("row");
    expect(within(paid).getByText("Payée le 05/10/2026 par carte bancaire")).toBeTruthy();
    expect(within(paid).getByText("51,50 €")).toBeTruthy();
    const pdf = within(paid).getByRole("link", { name: "Télécharger la facture (PDF) n° 2026-000123" });
    expect(pdf.getAttribute("href")).toBe("/api/billing/invoices/123/pdf");
    expect(within(cancelled).getByText("Annulée le 10/09/2026 — Motif : Facturée deux fois")).toBeTruthy();
    expect(within(cancelled).getByRole("link", { name: /Télécharger la facture \(PDF\)/ }).getAttribute("href"))
      .toBe("/api/billing/invoices/99/pdf");
    expect(within(cancelled).getByRole("link", { name: "2026-000099" }).getAttribute("href")).toBe("/facturation/factures/99");
  });

  it("goes page by page", async () => {
    const calls = serve(billing.invoices("previous", pageOf([PAID], { page: 1, total: 21 })));
    renderAt("/facturation/precedentes?page=2");

    expect(await screen.findByRole("table", { name: "Vos précédentes factures (page 2 sur 2)" })).toBeTruthy();
    expect(calls.map((c) => c.url)).toContain("/api/billing/invoices?view=previous&page=1&size=20");
    expect(screen.getByText("21 factures payées ou annulées")).toBeTruthy();
  });

  it("says so when there is none", async () => {
    serve(billing.invoices("previous", pageOf([])));
    renderAt("/facturation/precedentes");

    expect(await screen.findByText("Vous n'avez aucune précédente facture.")).toBeTruthy();
  });
});

describe("an invoice", () => {
  it("shows its lines as the paper invoice, its total, due date and PDF", async () => {
    serve(billing.invoice(123, SEED_INVOICE));
    renderAt("/facturation/factures/123");

    expect(await screen.findByRole("heading", { level: 1, name: "Facture n° 2026-000123" })).toBeTruthy();
    const table = screen.getByRole("table", { name: "Détail de la facture 2026-000123" });
    const rows = within(table).getAllByRole("row");
    expect(within(rows[0]).getAllByRole("columnheader").map((h) => h.textContent))
      .toEqual(["Nom et Prénom – Prestation", "Tarif", "Quantité", "Montant"]);
    expect(within(rows[1]).getAllByRole("cell").map((c) => c.textContent))
      .toEqual(["DURAND Marie – Repas Enfants", "4,40\u00a0€", "10,00", "44,00\u00a0€"]);
    expect(within(rows[2]).getAllByRole("cell").map((c) => c.textContent))
      .toEqual(["DURAND Marie – Atelier 3D", "0,75\u00a0€", "10,00", "7,50\u00a0€"]);
    expect(within(rows[3]).getByRole("rowheader", { name: "Total" })).toBeTruthy();
    expect(within(rows[3]).getByRole("cell").textContent).toBe("51,50\u00a0€");
    expect(screen.getByText("Date d'échéance : 31/10/2026")).toBeTruthy();
    expect(screen.getByRole("link", { name: /Télécharger la facture \(PDF\)/ }).getAttribute("href")).toBe("/api/billing/invoices/123/pdf");
    expect(screen.getByRole("link", { name: "Payer cette facture" }).getAttribute("href")).toBe("/facturation");
  });
});
