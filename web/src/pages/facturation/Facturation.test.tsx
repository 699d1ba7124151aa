import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { InvoiceDetail, Payment } from "../../api/billing";
import {
  ABANDONED_PAYMENT, billing, cancelledSummary, CARD_PAYMENT, invoiceSummary, PAID_PAYMENT, paidSummary, PAYMENT, PAYMENT_ID, pageOf,
  MANDATE_TEXT, REFUSED_PAYMENT, SEED_ID, SEED_INVOICE, uuid,
} from "../../test/handlers/billing";
import { portal } from "../../test/handlers/portal";
import { FAMILY } from "../../test/handlers/session";
import { expectFocusOn } from "../../test/focus";
import { renderApp, renderWith } from "../../test/render";
import { callsTo, json, problem, serve } from "../../test/server";
import { Facturation } from ".";

const SYSTEMPAY = billing.settings({ provider: "SYSTEMPAY", maxInvoicesPerPayment: null, directDebitAvailable: false });
const PAYFIP = billing.settings({ provider: "PAYFIP", maxInvoicesPerPayment: 1, directDebitAvailable: false });

const SEED = invoiceSummary({});
/** Two small invoices whose sum is the classic float trap: 0,10 + 0,20 (JSON numbers, as BigDecimal is written). */
const DIME = invoiceSummary({ id: uuid(201), number: "2026-000201", period: "Octobre 2026", total: 0.1 });
const TWENTY = invoiceSummary({ id: uuid(202), number: "2026-000202", period: "Octobre 2026", total: 0.2 });
const IN_PAYMENT = invoiceSummary({
  id: uuid(124), number: "2026-000124", status: "PAYMENT_IN_PROGRESS", statusLabel: "Paiement en cours", payable: false,
});
const DEBIT = invoiceSummary({
  id: uuid(125), number: "2026-000125", status: "DIRECT_DEBIT_SCHEDULED", statusLabel: "Prélèvement prévu", payable: false,
});

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
    expect(screen.getByRole("link", { name: "2026-000123" }).getAttribute("href")).toBe(`/facturation/factures/${SEED_ID}`);
  });

  it("shows an invoice the mandate will debit without a checkbox, with its planned date and that nothing is to pay online", async () => {
    const planned = invoiceSummary({
      id: uuid(126), number: "2026-000126", period: "Novembre 2026", dueDate: "2026-12-15", payable: false,
      plannedDebitDate: "2026-12-15", statusLabel: "Prélèvement prévu le 15/12/2026",
    });
    const inFile = { ...DEBIT, plannedDebitDate: "2026-12-05", statusLabel: "Prélèvement prévu le 05/12/2026" };
    serve(SYSTEMPAY, billing.invoices("payable", pageOf([SEED, planned, inFile])));
    renderAt("/facturation");

    await screen.findByRole("group", { name: /1 Cliquez sur la facture à payer/ });
    const rows = screen.getAllByRole("row");
    for (const [number, label] of [["2026-000126", "Prélèvement prévu le 15/12/2026"], ["2026-000125", "Prélèvement prévu le 05/12/2026"]]) {
      const row = rows.find((r) => r.textContent?.includes(number))!;
      expect(within(row).getByText(label)).toBeTruthy();
      expect(within(row).getByText("Cette facture sera prélevée sur votre compte : vous n'avez rien à payer en ligne.")).toBeTruthy();
      expect(within(row).queryByRole("checkbox")).toBeNull();
    }
    const seed = rows.find((r) => r.textContent?.includes("2026-000123"))!;
    expect(within(seed).queryByText(/prélevée sur votre compte/)).toBeNull();
    expect(screen.getAllByRole("checkbox")).toHaveLength(1);
  });

  it("says there is nothing to pay online when every invoice is debited", async () => {
    const planned = invoiceSummary({ payable: false, plannedDebitDate: "2026-10-31", statusLabel: "Prélèvement prévu le 31/10/2026" });
    serve(SYSTEMPAY, billing.invoices("payable", pageOf([planned])));
    renderAt("/facturation");

    expect(await screen.findByText("Aucune de vos factures n'est à payer en ligne pour le moment.")).toBeTruthy();
    expect(screen.getByText("Prélèvement prévu le 31/10/2026")).toBeTruthy();
    expect(screen.getByText("Cette facture sera prélevée sur votre compte : vous n'avez rien à payer en ligne.")).toBeTruthy();
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.queryByRole("button", { name: "Étape suivante" })).toBeNull();
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
    const fields = {
      vads_site_id: "12345678", vads_trans_id: "000077", vads_amount: "5150", vads_currency: "978",
      vads_order_id: "5f0c2a8e6b1d4e3a9c47000000000077", vads_url_return: `http://localhost:8080/facturation/paiements/${PAYMENT_ID}`,
      signature: "abc+/=",
    };
    const calls = serve(SYSTEMPAY, billing.invoices("payable", pageOf([SEED])),
      billing.startPayment(() => json({ ...PAYMENT, form: { action: "https://banque.example/vads-payment/", method: "POST", fields } }, 201)));
    renderAt("/facturation");

    await choose("2026-000123");
    fireEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    fireEvent.click(screen.getByRole("button", { name: "Payer" }));

    await waitFor(() => expect(posted).toHaveLength(1));
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/billing/payments");
    expect(post.body).toEqual({ invoiceIds: [SEED_ID] });
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
      billing.invoices("payable", () => json(pageOf([++reads === 1 ? SEED
        : { ...SEED, status: "PAYMENT_IN_PROGRESS", statusLabel: "Paiement en cours", payable: false }]))),
      billing.startPayment(() => problem(409, "La facture 2026-000123 a un paiement en cours.", { slug: "facture-non-payable" })));
    renderAt("/facturation");

    await choose("2026-000123");
    fireEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    fireEvent.click(screen.getByRole("button", { name: "Payer" }));

    const message = await screen.findByText("La facture 2026-000123 a un paiement en cours.");
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

  it("with PayFiP, « Payer » sends the browser to PayFiP's page by GET with its idop", async () => {
    const sent: HTMLFormElement[] = [];
    vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(function (this: HTMLFormElement) {
      sent.push(this);
    });
    serve(PAYFIP, billing.invoices("payable", pageOf([SEED])),
      billing.startPayment(() => json({
        ...PAYMENT, provider: "PAYFIP", reference: "a1b2c3d4e5",
        form: { action: "https://www.payfip.gouv.fr/tpa/paiement.web", method: "GET", fields: { idop: "a1b2c3d4e5" } },
      }, 201)));
    renderAt("/facturation");

    fireEvent.click(await screen.findByRole("radio", { name: /la facture 2026-000123/ }));
    fireEvent.click(screen.getByRole("button", { name: "Étape suivante" }));
    fireEvent.click(screen.getByRole("button", { name: "Payer" }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].method).toBe("get");
    expect(sent[0].getAttribute("action")).toBe("https://www.payfip.gouv.fr/tpa/paiement.web");
    expect(Object.fromEntries([...sent[0].querySelectorAll("input")].map((input) => [input.name, input.value])))
      .toEqual({ idop: "a1b2c3d4e5" });
  });

  it("says so when there is nothing to pay", async () => {
    serve(SYSTEMPAY, billing.invoices("payable", pageOf([])));
    renderAt("/facturation");

    expect(await screen.findByText("Vous n'avez aucune facture à payer.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Étape suivante" })).toBeNull();
  });

  it("offers the guide's three entries in the side menu", async () => {
    serve(SYSTEMPAY, billing.invoices("payable", pageOf([])), billing.currentMandate(null), billing.mandateText(MANDATE_TEXT));
    renderAt("/facturation");

    const menu = await screen.findByRole("navigation", { name: "Facturation" });
    expect(within(menu).getByRole("link", { name: "Payez votre ou vos facture(s) en ligne" }).getAttribute("href")).toBe("/facturation");
    expect(within(menu).getByRole("link", { name: "Consultez vos précédentes factures" }).getAttribute("href")).toBe("/facturation/precedentes");
    expect(within(menu).getByRole("link", { name: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires" })
      .getAttribute("href")).toBe("/facturation/prelevement");

    fireEvent.click(within(menu).getByRole("link", { name: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires" }));
    const title = await screen.findByRole("heading", { level: 1, name: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires" });
    await expectFocusOn(title);
    expect(await screen.findByLabelText(/Titulaire du compte/)).toBeTruthy();
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
  const url = `/api/billing/payments/${PAYMENT_ID}`;
  const page = `/facturation/paiements/${PAYMENT_ID}`;

  /** The payment is in progress at the first reading, then `then`. */
  const inProgressThen = (then: Payment) => {
    let reads = 0;
    return billing.payment(PAYMENT_ID, () => json(++reads === 1 ? PAYMENT : then));
  };

  it("waits for the bank while the payment is in progress, then shows it paid with its receipt", async () => {
    const calls = serve(inProgressThen(PAID_PAYMENT));
    renderAt(page);

    expect(await screen.findByText("Paiement en cours")).toBeTruthy();
    expect(screen.getByText(/^Nous attendons la confirmation de la banque\. Cette page se met à jour d'elle-même/)).toBeTruthy();
    expect(await screen.findByText("Paiement accepté", {}, { timeout: 4000 })).toBeTruthy();
    expect(calls.filter((c) => c.url === url).length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText(/^Vos factures sont payées\. Un reçu vous a été envoyé par courriel/)).toBeTruthy();
    expect(screen.getByText("Référence du paiement : 20261006-000077")).toBeTruthy();
    expect(screen.getByText("Payé le 06/10/2026 à 10:16")).toBeTruthy();
    expect(screen.getByText("51,50 €", { selector: "strong" })).toBeTruthy();
    expect(within(screen.getByRole("table", { name: "Factures réglées par ce paiement" })).getByText("2026-000123")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Voir mes précédentes factures" }).getAttribute("href")).toBe("/facturation/precedentes");
    // No more polling once paid.
    const count = calls.filter((c) => c.url === url).length;
    await new Promise((resolve) => setTimeout(resolve, 2300));
    expect(calls.filter((c) => c.url === url)).toHaveLength(count);
  }, 10_000);

  it("shows a refused payment with what to do", async () => {
    serve(inProgressThen(REFUSED_PAYMENT));
    renderAt(page);

    expect(await screen.findByText("Paiement refusé", {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.getByText(/aucune somme n'a été prélevée\. Vos factures sont de nouveau à payer/)).toBeTruthy();
    expect(screen.getByText("Ou payez avec une autre carte bancaire.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Payer à nouveau" }).getAttribute("href")).toBe("/facturation");
  }, 10_000);

  it("decides on the status, not on the label: an abandoned payment, no more asked", async () => {
    const calls = serve(billing.payment(PAYMENT_ID, { ...ABANDONED_PAYMENT, statusLabel: "Abandonné par vous" }));
    renderAt(page);

    expect(await screen.findByText("Abandonné par vous")).toBeTruthy();
    expect(screen.getByText(/Vos factures sont de nouveau à payer/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Revenir à mes factures à payer" }).getAttribute("href")).toBe("/facturation");
    await new Promise((resolve) => setTimeout(resolve, 2300));
    expect(calls.filter((c) => c.url === url)).toHaveLength(1);
  }, 10_000);

  it("says so when the payment cannot be found, without asking again", async () => {
    const calls = serve(billing.payment(PAYMENT_ID, () => problem(404, "Paiement introuvable.", { slug: "paiement-introuvable" })));
    renderAt(page);

    expect(await screen.findByText(/Ce paiement est introuvable/, {}, { timeout: 4000 })).toBeTruthy();
    const count = calls.filter((c) => c.url === url).length;
    await new Promise((resolve) => setTimeout(resolve, 2300));
    expect(calls.filter((c) => c.url === url)).toHaveLength(count);
  }, 15_000);
});

describe("Consultez vos précédentes factures", () => {
  const PAID = paidSummary();
  const CANCELLED = cancelledSummary({ id: uuid(99), number: "2026-000099", period: "Août 2026", total: 12 });

  it("lists paid and cancelled invoices, each with its state, how and when paid or why cancelled, its page and its PDF", async () => {
    const calls = serve(billing.invoices("previous", pageOf([PAID, CANCELLED])));
    renderAt("/facturation/precedentes");

    const table = await screen.findByRole("table", { name: "Vos précédentes factures" });
    expect(calls.map((c) => c.url)).toContain("/api/billing/invoices?view=previous&page=0&size=20");
    expect(screen.getByRole("heading", { level: 1, name: "Consultez vos précédentes factures" })).toBeTruthy();
    const [, paid, cancelled] = within(table).getAllByRole("row");
    expect(within(paid).getByText("Payée")).toBeTruthy();
    expect(within(paid).getByText("51,50 €")).toBeTruthy();
    expect(within(paid).getByText("Payée le 05/10/2026 — Carte bancaire en ligne")).toBeTruthy();
    const pdf = within(paid).getByRole("link", { name: "Télécharger la facture (PDF) n° 2026-000123" });
    expect(pdf.getAttribute("href")).toBe(`/api/billing/invoices/${SEED_ID}/pdf`);
    expect(within(cancelled).getByText("Annulée")).toBeTruthy();
    expect(within(cancelled).getByText("12,00 €")).toBeTruthy();
    expect(within(cancelled).getByText("Annulée le 10/09/2026 — Motif : Facturée deux fois")).toBeTruthy();
    expect(within(cancelled).queryByText(/Payée le/)).toBeNull();
    expect(within(cancelled).getByRole("link", { name: /Télécharger la facture \(PDF\)/ }).getAttribute("href"))
      .toBe(`/api/billing/invoices/${uuid(99)}/pdf`);
    expect(within(cancelled).getByRole("link", { name: "2026-000099" }).getAttribute("href")).toBe(`/facturation/factures/${uuid(99)}`);
  });

  it("gives the day of payment in Paris, and the method in the API's words", async () => {
    // 22:30 in UTC on the 5th is already the 6th in Paris.
    serve(billing.invoices("previous", pageOf([
      paidSummary({}, { ...CARD_PAYMENT, paidAt: "2026-10-05T22:30:00Z", method: "PayFiP (paiement en ligne)" }),
    ])));
    renderAt("/facturation/precedentes");

    const table = await screen.findByRole("table", { name: "Vos précédentes factures" });
    const row = within(table).getAllByRole("row").find((r) => r.textContent?.includes("2026-000123"))!;
    expect(within(row).getByText(/Payée le \d\d\/\d\d\/\d{4}/).textContent).toBe("Payée le 06/10/2026 — PayFiP (paiement en ligne)");
    expect(screen.queryByText(/Cliquez sur le numéro d'une facture pour voir quand et comment/)).toBeNull();
  });

  it("says when an invoice has no PDF instead of a link that would fail", async () => {
    serve(billing.invoices("previous", pageOf([{ ...PAID, pdfPath: null }])));
    renderAt("/facturation/precedentes");

    const table = await screen.findByRole("table", { name: "Vos précédentes factures" });
    expect(within(table).getByText("PDF non disponible")).toBeTruthy();
    expect(within(table).queryByRole("link", { name: /Télécharger la facture/ })).toBeNull();
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
    const calls = serve(billing.invoice(SEED_ID, SEED_INVOICE));
    renderAt(`/facturation/factures/${SEED_ID}`);

    expect(await screen.findByRole("heading", { level: 1, name: "Facture n° 2026-000123" })).toBeTruthy();
    expect(calls.map((c) => c.url)).toContain(`/api/billing/invoices/${SEED_ID}`);
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
    expect(screen.getByRole("link", { name: /Télécharger la facture \(PDF\)/ }).getAttribute("href"))
      .toBe(`/api/billing/invoices/${SEED_ID}/pdf`);
    expect(screen.getByRole("link", { name: "Payer cette facture" }).getAttribute("href")).toBe("/facturation");
  });

  it("says how and when a paid invoice was paid, in the API's words, and offers no payment", async () => {
    const paid: InvoiceDetail = { ...SEED_INVOICE, status: "PAID", statusLabel: "Payée", payable: false, payment: CARD_PAYMENT };
    serve(billing.invoice(SEED_ID, paid));
    renderAt(`/facturation/factures/${SEED_ID}`);

    expect(await screen.findByText("Payée le 05/10/2026 — Carte bancaire en ligne")).toBeTruthy();
    expect(screen.getByText("Référence du paiement : 20261005-000012")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Payer cette facture" })).toBeNull();
    expect(screen.getByRole("link", { name: "Revenir à mes factures" }).getAttribute("href")).toBe("/facturation/precedentes");
  });

  it("says when and why a cancelled invoice was cancelled", async () => {
    const cancelled: InvoiceDetail = {
      ...SEED_INVOICE, status: "CANCELLED", statusLabel: "Annulée", payable: false,
      cancellation: { cancelledAt: "2026-09-10T08:00:00Z", reason: "Facturée deux fois", cancelledBy: null },
    };
    serve(billing.invoice(SEED_ID, cancelled));
    renderAt(`/facturation/factures/${SEED_ID}`);

    expect(await screen.findByText("Annulée le 10/09/2026 — Motif : Facturée deux fois")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Payer cette facture" })).toBeNull();
  });
});
