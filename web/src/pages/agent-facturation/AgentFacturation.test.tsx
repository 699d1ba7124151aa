import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse } from "msw";
import { Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Payment } from "../../api/billing";
import { ANONYMOUS, type Me } from "../../api/session";
import { expectFocusOn } from "../../test/focus";
import { billing, invoiceSummary, PAYMENT, pageOf } from "../../test/handlers/billing";
import { FAMILY, session } from "../../test/handlers/session";
import { renderApp, renderWith } from "../../test/render";
import { json, MULTIPART_SET_BY_FETCH, problem, serve } from "../../test/server";
import { AgentFacturation } from ".";

const AGENT: Me = {
  ...ANONYMOUS, authenticated: true, username: "regisseur", name: "Régisseur Facturation", roles: ["agent"], services: ["facturation"],
};

const renderAt = (path: string, me: Me = AGENT) => renderWith(
  <Routes>
    <Route path="/agent/facturation/*" element={<AgentFacturation />} />
    <Route path="/agent/dossiers/:number" element={<h1>Dossier</h1>} />
  </Routes>,
  { path, me },
);

/** Text as read, spaces of any kind (fr-FR's no-break ones) as plain spaces. */
const read = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ");

const CSV = new File(["numero_facture;dossier\n"], "factures-octobre.csv", { type: "text/csv" });

async function upload(file: File = CSV) {
  const form = await screen.findByRole("form", { name: "Importer des factures" });
  fireEvent.change(within(form).getByLabelText(/Fichier CSV des factures/), { target: { files: [file] } });
  fireEvent.click(within(form).getByRole("button", { name: "Importer" }));
}

describe("the agents' billing", () => {
  it("is for agents only", async () => {
    renderAt("/agent/facturation", FAMILY);

    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeTruthy();
  });

  it("is in the agent's menu", async () => {
    serve(...session(AGENT));
    renderApp("/agent/facturation");

    expect(await screen.findByRole("heading", { level: 1, name: "Facturation" })).toBeTruthy();
    const nav = screen.getAllByRole("navigation").find((n) => n.id === "fr-header-main-navigation")!;
    expect(within(nav).getByRole("link", { name: "Gestion de la facturation" }).getAttribute("aria-current")).toBe("page");
    expect(within(nav).getByRole("link", { name: "Espace agent" }).getAttribute("aria-current")).toBeNull();
    expect(document.title).toBe("Facturation — Portail Famille");
  });

  it("leads to the import, the journal and a dossier's invoices", async () => {
    serve(billing.dossierInvoices("6000", pageOf([])));
    renderAt("/agent/facturation");

    expect(screen.getByRole("heading", { level: 1, name: "Facturation" })).toBeTruthy();
    expect(screen.getByRole("link", { name: /Importer des factures/ }).getAttribute("href")).toBe("/agent/facturation/import");
    expect(screen.getByRole("link", { name: /Journal des paiements/ }).getAttribute("href")).toBe("/agent/facturation/journal");
    const form = screen.getByRole("form", { name: "Factures d'un dossier" });
    fireEvent.change(within(form).getByLabelText(/Numéro de dossier/), { target: { value: "6000" } });
    fireEvent.click(within(form).getByRole("button", { name: "Voir les factures" }));

    const title = await screen.findByRole("heading", { level: 1, name: "Factures du dossier 6000" });
    await expectFocusOn(title);
    expect(await screen.findByText("Aucune facture pour ce dossier.")).toBeTruthy();
  });
});

describe("Importer des factures", () => {
  it("uploads the CSV and says how many invoices were imported", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    const calls = serve(billing.importInvoices(() => json({ invoices: [
      { id: 1, number: "2026-000123", dossierNumber: "6000", period: "Septembre 2026", total: "51.50" },
      { id: 2, number: "2026-000124", dossierNumber: "6001", period: "Septembre 2026", total: "1.00" },
      { id: 3, number: "2026-000125", dossierNumber: "6002", period: "Septembre 2026", total: 12 },
    ] }, 201)));
    renderAt("/agent/facturation/import");

    await upload();

    expect(await screen.findByText("3 factures importées")).toBeTruthy();
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/billing/imports");
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(post.headers.get("Content-Type")).toMatch(MULTIPART_SET_BY_FETCH);
    expect(((post.body as FormData).get("file") as File).name).toBe("factures-octobre.csv");
    const table = screen.getByRole("table", { name: "Factures importées" });
    expect(within(table).getAllByRole("row")).toHaveLength(4);
    expect(within(table).getByRole("link", { name: "6001" }).getAttribute("href")).toBe("/agent/facturation/dossiers/6001");
  });

  it("says when the batch was already imported", async () => {
    serve(billing.importInvoices({ invoices: [] }));
    renderAt("/agent/facturation/import");

    await upload();

    expect(await screen.findByText("Ce lot a déjà été importé : aucune facture ajoutée.")).toBeTruthy();
  });

  it("shows the report of a refused file row by row, the focus on its title", async () => {
    serve(billing.importInvoices(() => HttpResponse.json({
      type: "urn:portail-famille:problem:import-refuse", status: 422,
      detail: "Le fichier contient 3 erreurs : aucune facture n'a été importée.",
      errors: [
        { row: 3, location: "ligne 3", field: "quantite", code: "quantity.not-positive", message: "« Quantité » doit être supérieure à zéro (-10,00)." },
        { row: 5, location: "ligne 5", field: "AMOUNT", code: "amount.mismatch",
          message: "« Montant » vaut 44,10 alors que tarif × quantité = 4,40 × 10,00 = 44,00 (arrondi au centime)." },
        { row: 7, location: "ligne 7", field: null, code: "dossier.unknown", message: "Le dossier 9999 de la facture 2026-001002 est inconnu." },
      ],
    }, { status: 422, headers: { "Content-Type": "application/problem+json" } })));
    renderAt("/agent/facturation/import");

    await upload();

    const title = await screen.findByRole("heading", { name: "Rapport d'erreurs : aucune facture importée" });
    await expectFocusOn(title);
    expect(screen.getByText("Le fichier contient 3 erreurs : aucune facture n'a été importée.")).toBeTruthy();
    const table = screen.getByRole("table", { name: "3 erreurs dans le fichier" });
    const rows = within(table).getAllByRole("row").map((row) =>
      [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Ligne", "Colonne", "Problème"],
      ["3", "Quantité (quantite)", "« Quantité » doit être supérieure à zéro (-10,00)."],
      ["5", "Montant (montant)", "« Montant » vaut 44,10 alors que tarif × quantité = 4,40 × 10,00 = 44,00 (arrondi au centime)."],
      ["7", "—", "Le dossier 9999 de la facture 2026-001002 est inconnu."],
    ]);
    expect(screen.queryByText(/^\d+ factures? importées?$/)).toBeNull();
  });

  it("asks for a file, and says why the service refused one otherwise", async () => {
    const calls = serve(billing.importInvoices(() => problem(503, "Le service des dossiers est indisponible : réessayez dans quelques minutes.",
      { slug: "service-indisponible" })));
    renderAt("/agent/facturation/import");

    fireEvent.click(await screen.findByRole("button", { name: "Importer" }));
    expect(screen.getByText("Choisissez le fichier CSV à importer.")).toBeTruthy();
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    await upload();
    expect(await screen.findByText("Le service des dossiers est indisponible : réessayez dans quelques minutes.")).toBeTruthy();
  });

  it("documents the CSV columns with an example", async () => {
    renderAt("/agent/facturation/import");

    const columns = screen.getByRole("table", { name: "Colonnes du fichier" });
    expect(within(columns).getAllByRole("row")).toHaveLength(12);
    expect(within(columns).getByText("total_facture")).toBeTruthy();
    expect(screen.getByText(/2026-000123;6000;Septembre 2026;05\/10\/2026;31\/10\/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;51,50/))
      .toBeTruthy();
  });
});

describe("a dossier's invoices", () => {
  const TO_PAY = invoiceSummary({});
  const PAID = invoiceSummary({
    id: 99, number: "2026-000099", status: "PAID", statusLabel: "Payée",
    payment: { paidAt: "2026-09-05T10:00:00Z", method: "CARD", methodLabel: "carte bancaire", reference: "PF-1" },
  });

  it("lists every invoice with its PDF, and cancels one only with a reason", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    let reads = 0;
    const calls = serve(
      billing.dossierInvoices("6000", () => json(pageOf(++reads === 1 ? [TO_PAY, PAID]
        : [{ ...TO_PAY, status: "CANCELLED", statusLabel: "Annulée", cancellation: { reason: "Facturée deux fois", cancelledAt: "2026-10-07T09:00:00Z" } }, PAID]))),
      billing.cancelInvoice(123, { ...TO_PAY, status: "CANCELLED", statusLabel: "Annulée", lines: [] }),
    );
    renderAt("/agent/facturation/dossiers/6000");

    const table = await screen.findByRole("table", { name: "Factures du dossier 6000" });
    expect(within(table).getByRole("link", { name: "PDF de la facture 2026-000123" }).getAttribute("href"))
      .toBe("/api/billing/invoices/123/pdf");
    expect(within(table).getByText("Payée le 05/09/2026 par carte bancaire")).toBeTruthy();
    // Paid: not cancellable.
    expect(within(table).getAllByRole("button", { name: /Annuler la facture/ })).toHaveLength(1);

    fireEvent.click(within(table).getByRole("button", { name: "Annuler la facture 2026-000123" }));
    const dialog = screen.getByRole("dialog", { name: "Annuler la facture 2026-000123" });
    const reason = within(dialog).getByLabelText(/Motif/);
    await waitFor(() => expect(document.activeElement).toBe(reason));
    fireEvent.click(within(dialog).getByRole("button", { name: "Confirmer l'annulation" }));
    expect(within(dialog).getByText("Indiquez le motif de l'annulation : il est communiqué à la famille.")).toBeTruthy();
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    fireEvent.change(reason, { target: { value: "  Facturée deux fois " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Confirmer l'annulation" }));

    expect(await screen.findByText("La facture 2026-000123 est annulée.")).toBeTruthy();
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/billing/invoices/123/cancellation");
    expect(post.body).toEqual({ reason: "Facturée deux fois" });
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(await screen.findByText("Annulée le 07/10/2026 — Motif : Facturée deux fois")).toBeTruthy();
  });

  it("says why a cancellation is refused (409: paid meanwhile)", async () => {
    serve(billing.dossierInvoices("6000", pageOf([TO_PAY])),
      billing.cancelInvoice(123, () => problem(409, "La facture 2026-000123 est payée : elle ne peut plus être annulée.",
        { slug: "facture-non-annulable" })));
    renderAt("/agent/facturation/dossiers/6000");

    fireEvent.click(await screen.findByRole("button", { name: "Annuler la facture 2026-000123" }));
    const dialog = screen.getByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText(/Motif/), { target: { value: "Erreur de tarif" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Confirmer l'annulation" }));

    const message = await within(dialog).findByText("La facture 2026-000123 est payée : elle ne peut plus être annulée.");
    await expectFocusOn(message);
    fireEvent.click(within(dialog).getByRole("button", { name: "Ne pas annuler" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("Journal des paiements", () => {
  afterEach(() => vi.useRealTimers());

  const paid = (id: number, amount: string | number, changes: Partial<Payment> = {}): Payment => ({
    ...PAYMENT, id, amount, status: "PAID", statusLabel: "Payée", reference: `PF-${id}`, settledAt: "2026-10-06T08:16:00Z", ...changes,
  });

  it("shows today's payments in Paris, what was received and the CSV export", async () => {
    // 23:30 in UTC on the 5th is already the 6th in Paris.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-10-05T23:30:00Z"));
    const calls = serve(billing.journal("2026-10-06", [
      paid(1, "0.10", { createdAt: "2026-10-05T22:05:00Z" }),
      paid(2, 0.2, { familyName: "MARTIN", dossierNumber: "6001" }),
      { ...PAYMENT, id: 3, reference: "PF-3", status: "REFUSED", statusLabel: "Paiement refusé", amount: "51.50" },
    ]));
    renderAt("/agent/facturation/journal");

    const table = await screen.findByRole("table", { name: "Paiements du 06/10/2026" });
    expect(calls.map((c) => c.url)).toContain("/api/billing/payments?date=2026-10-06");
    expect((screen.getByLabelText(/Jour/) as HTMLInputElement).value).toBe("2026-10-06");
    const rows = within(table).getAllByRole("row").map((row) => [...row.querySelectorAll("th, td")].map((cell) => read(cell.textContent)));
    expect(rows[0]).toEqual(["Heure", "Référence", "Dossier", "Famille", "Factures", "Montant", "Statut"]);
    expect(rows[1]).toEqual(["00:05", "PF-1", "6000", "DURAND", "2026-000123", "0,10 €", "Payée"]);
    expect(rows[2]).toEqual(["10:15", "PF-2", "6001", "MARTIN", "2026-000123", "0,20 €", "Payée"]);
    expect(rows[3][6]).toBe("Paiement refusé");
    // Only what was paid counts, in cents.
    expect(read(screen.getByText(/^Total encaissé le/).textContent)).toBe("Total encaissé le 06/10/2026 : 0,30 €");
    expect(screen.getByRole("link", { name: /Exporter en CSV/ }).getAttribute("href")).toBe("/api/billing/payments/journal.csv?date=2026-10-06");
  });

  it("goes to another day, and to a payment's details", async () => {
    serve(
      billing.journal("2026-10-06", [paid(77, "51.50")]),
      billing.journal("2026-10-07", []),
      billing.payment(77, paid(77, "51.50", { reference: "PF-2026-000077" })),
    );
    renderAt("/agent/facturation/journal?date=2026-10-06");

    fireEvent.change(await screen.findByLabelText(/Jour/), { target: { value: "2026-10-07" } });
    expect(await screen.findByText("Aucun paiement le 07/10/2026.")).toBeTruthy();
    expect(screen.getByRole("link", { name: /Exporter en CSV/ }).getAttribute("href")).toBe("/api/billing/payments/journal.csv?date=2026-10-07");

    fireEvent.change(screen.getByLabelText(/Jour/), { target: { value: "2026-10-06" } });
    fireEvent.click(await screen.findByRole("link", { name: "PF-77" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Paiement PF-2026-000077" })).toBeTruthy();
    expect(screen.getByText("Systempay (banque partenaire)")).toBeTruthy();
    expect(screen.getByText("06/10/2026 à 10:16")).toBeTruthy();
    expect(within(screen.getByRole("table", { name: "Factures de ce paiement" })).getByText("2026-000123")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Journal des paiements de ce jour" }).getAttribute("href"))
      .toBe("/agent/facturation/journal?date=2026-10-06");
  });
});
