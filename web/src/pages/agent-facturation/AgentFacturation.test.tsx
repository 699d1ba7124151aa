import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse } from "msw";
import { Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { InvoiceDetail } from "../../api/billing";
import { ANONYMOUS, type Me } from "../../api/session";
import { expectFocusOn } from "../../test/focus";
import {
  alreadyImportedAnswer, billing, cancelledSummary, importedAnswer, invoiceSummary, journalLine, journalOf, PAID_PAYMENT,
  paidSummary, PAYMENT_ID, pageOf, SEED_ID, SEED_INVOICE, uuid,
} from "../../test/handlers/billing";
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
  it("uploads the CSV and says how many invoices were imported, and which", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    const calls = serve(billing.importInvoices(() => json(importedAnswer(["2026-000123", "2026-000124", "2026-000125"], 1), 201)));
    renderAt("/agent/facturation/import");

    await upload();

    expect(await screen.findByText("3 factures importées")).toBeTruthy();
    expect(screen.getByText("Import terminé : 3 facture(s) créée(s), 1 déjà importée(s).")).toBeTruthy();
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/billing/imports");
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(post.headers.get("Content-Type")).toMatch(MULTIPART_SET_BY_FETCH);
    expect(((post.body as FormData).get("file") as File).name).toBe("factures-octobre.csv");
    const list = screen.getByRole("list", { name: "Factures importées" });
    expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["2026-000123", "2026-000124", "2026-000125"]);
  });

  it("says when the batch was already imported (200, nothing created)", async () => {
    serve(billing.importInvoices(alreadyImportedAnswer(3)));
    renderAt("/agent/facturation/import");

    await upload();

    expect(await screen.findByText("Ce lot a déjà été importé : aucune facture ajoutée.")).toBeTruthy();
    expect(screen.queryByText(/factures? importées?$/)).toBeNull();
  });

  it("shows the report of a refused file row by row, the focus on its title", async () => {
    serve(billing.importInvoices(() => HttpResponse.json({
      type: "urn:portail-famille:problem:import-refuse", status: 422, title: "Unprocessable Content",
      detail: "Le lot est refusé : 3 ligne(s) en erreur. Aucune facture n’a été importée ; corrigez le fichier puis importez-le à nouveau.",
      errors: [
        { row: 3, location: "ligne 3", field: "quantite", fieldLabel: "Quantité", code: "import.quantity.not-positive",
          message: "« Quantité » doit être supérieure à zéro (-10,00)." },
        { row: 5, location: "ligne 5", field: "montant", fieldLabel: "Montant", code: "import.amount.mismatch",
          message: "« Montant » vaut 44,10 alors que tarif × quantité = 4,40 × 10,00 = 44,00 (arrondi au centime)." },
        { row: 7, location: "ligne 7", field: "dossier", fieldLabel: "N° de dossier", code: "import.dossier.unknown",
          message: "Le dossier 9999 de la facture 2026-001002 est inconnu." },
        { row: 9, location: "ligne 9", field: null, fieldLabel: null, code: "import.row.columns",
          message: "La ligne compte 12 valeurs pour 11 colonnes (dans un fichier séparé par des virgules, un nombre à virgule s’écrit entre guillemets : \"4,40\")." },
        { row: 0, location: "fichier", field: null, fieldLabel: null, code: "import.file.unreadable",
          message: "Le fichier n’est plus lisible à partir de cette ligne (guillemet ouvert et jamais refermé ?)." },
      ],
    }, { status: 422, headers: { "Content-Type": "application/problem+json" } })));
    renderAt("/agent/facturation/import");

    await upload();

    const title = await screen.findByRole("heading", { name: "Rapport d'erreurs : aucune facture importée" });
    await expectFocusOn(title);
    expect(screen.getByText(/^Le lot est refusé : 3 ligne\(s\) en erreur\./)).toBeTruthy();
    const table = screen.getByRole("table", { name: "5 erreurs dans le fichier" });
    const rows = within(table).getAllByRole("row").map((row) =>
      [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ["Ligne", "Colonne", "Problème"],
      ["3", "Quantité (quantite)", "« Quantité » doit être supérieure à zéro (-10,00)."],
      ["5", "Montant (montant)", "« Montant » vaut 44,10 alors que tarif × quantité = 4,40 × 10,00 = 44,00 (arrondi au centime)."],
      ["7", "N° de dossier (dossier)", "Le dossier 9999 de la facture 2026-001002 est inconnu."],
      ["9", "—", "La ligne compte 12 valeurs pour 11 colonnes (dans un fichier séparé par des virgules, un nombre à virgule s’écrit entre guillemets : \"4,40\")."],
      ["Fichier", "—", "Le fichier n’est plus lisible à partir de cette ligne (guillemet ouvert et jamais refermé ?)."],
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

  it("documents the parser's CSV columns, in their order, with its example", async () => {
    renderAt("/agent/facturation/import");

    const columns = screen.getByRole("table", { name: "Colonnes du fichier" });
    const rows = within(columns).getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell").slice(0, 3).map((c) => c.textContent));
    // billing-service's ImportField: column, French label of the report, required.
    expect(rows).toEqual([
      ["numero_facture", "Numéro de facture", "oui"],
      ["dossier", "N° de dossier", "oui"],
      ["periode", "Période", "oui"],
      ["date_emission", "Date d’émission", "oui"],
      ["date_echeance", "Date d’échéance", "oui"],
      ["beneficiaire", "Nom et prénom", "non"],
      ["prestation", "Prestation", "oui"],
      ["tarif", "Tarif", "oui"],
      ["quantite", "Quantité", "oui"],
      ["montant", "Montant", "oui"],
      ["total_facture", "Total de la facture", "oui"],
    ]);
    const example = screen.getByText(/^numero_facture;dossier;/).textContent!.split("\n");
    expect(example).toEqual([
      "numero_facture;dossier;periode;date_emission;date_echeance;beneficiaire;prestation;tarif;quantite;montant;total_facture",
      "2026-000123;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;51,50",
      "2026-000123;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Atelier 3D;0,75;10,00;7,50;51,50",
      "2026-000124;6001;Septembre 2026;05/10/2026;31/10/2026;;Frais de dossier;0,3333;3;1,00;1,00",
    ]);
  });
});

describe("a dossier's invoices", () => {
  const TO_PAY = invoiceSummary({});
  const PAID = paidSummary({ id: uuid(99), number: "2026-000099" });
  const CANCELLED: InvoiceDetail = {
    ...SEED_INVOICE, status: "CANCELLED", statusLabel: "Annulée", payable: false,
    cancellation: { cancelledAt: "2026-10-07T09:00:00Z", reason: "Facturée deux fois", cancelledBy: "regisseur" },
  };

  it("lists every invoice with its PDF, how and when paid, and cancels one only with a reason", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    let reads = 0;
    const calls = serve(
      billing.dossierInvoices("6000", () => json(pageOf(++reads === 1 ? [TO_PAY, PAID]
        : [cancelledSummary({}, "Facturée deux fois", "2026-10-07T09:00:00Z"), PAID]))),
      billing.cancelInvoice(SEED_ID, CANCELLED),
    );
    renderAt("/agent/facturation/dossiers/6000");

    const table = await screen.findByRole("table", { name: "Factures du dossier 6000" });
    expect(calls.map((c) => c.url)).toContain("/api/billing/dossiers/6000/invoices?page=0&size=20");
    expect(within(table).getByRole("link", { name: "PDF de la facture 2026-000123" }).getAttribute("href"))
      .toBe(`/api/billing/invoices/${SEED_ID}/pdf`);
    const paidRow = within(table).getAllByRole("row").find((r) => r.textContent?.includes("2026-000099"))!;
    expect(within(paidRow).getByText("Payée")).toBeTruthy();
    expect(within(paidRow).getByText("Payée le 05/10/2026 — Carte bancaire en ligne")).toBeTruthy();
    const toPayRow = within(table).getAllByRole("row").find((r) => r.textContent?.includes("2026-000123"))!;
    expect(within(toPayRow).queryByText(/ le \d\d\/\d\d\/\d{4} — /)).toBeNull();
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

    expect(await screen.findByText("La facture 2026-000123 est annulée. Motif communiqué à la famille : Facturée deux fois")).toBeTruthy();
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe(`/api/billing/invoices/${SEED_ID}/cancellation`);
    expect(post.body).toEqual({ reason: "Facturée deux fois" });
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(screen.queryByRole("dialog")).toBeNull();
    const row = (await screen.findAllByRole("row")).find((r) => r.textContent?.includes("2026-000123"))!;
    await waitFor(() => expect(within(row).getByText("Annulée")).toBeTruthy());
    expect(within(row).getByText("Annulée le 07/10/2026 — Motif : Facturée deux fois")).toBeTruthy();
    expect(screen.queryAllByRole("button", { name: /Annuler la facture/ })).toHaveLength(0);
  });

  it("says why a cancellation is refused (409: paid meanwhile)", async () => {
    serve(billing.dossierInvoices("6000", pageOf([TO_PAY])),
      billing.cancelInvoice(SEED_ID, () => problem(409, "La facture 2026-000123 est déjà payée : elle ne peut pas être annulée.",
        { slug: "annulation-refusee" })));
    renderAt("/agent/facturation/dossiers/6000");

    fireEvent.click(await screen.findByRole("button", { name: "Annuler la facture 2026-000123" }));
    const dialog = screen.getByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText(/Motif/), { target: { value: "Erreur de tarif" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Confirmer l'annulation" }));

    const message = await within(dialog).findByText("La facture 2026-000123 est déjà payée : elle ne peut pas être annulée.");
    await expectFocusOn(message);
    fireEvent.click(within(dialog).getByRole("button", { name: "Ne pas annuler" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("a payment", () => {
  it("shows its dossier as a link to it, its family and the bank in billing-service's words", async () => {
    serve(billing.payment(PAYMENT_ID, {
      ...PAID_PAYMENT, provider: "PAYFIP", providerLabel: "PayFiP", reference: "a1b2c3d4e5", dossierNumber: "6001", familyName: "MARTIN",
    }));
    renderAt(`/agent/facturation/paiements/${PAYMENT_ID}`);

    expect(await screen.findByRole("heading", { level: 1, name: "Paiement a1b2c3d4e5" })).toBeTruthy();
    const details = [...document.querySelectorAll("dt")].map((dt) => [read(dt.textContent), read(dt.nextElementSibling?.textContent)]);
    expect(details).toEqual(expect.arrayContaining([
      ["Dossier", "6001"], ["Famille", "MARTIN"], ["Moyen de paiement", "PayFiP"],
    ]));
    fireEvent.click(screen.getByRole("link", { name: "6001" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Dossier" })).toBeTruthy();
  });

  it("says so when the family's name is unknown", async () => {
    serve(billing.payment(PAYMENT_ID, { ...PAID_PAYMENT, familyName: null }));
    renderAt(`/agent/facturation/paiements/${PAYMENT_ID}`);

    await screen.findByRole("heading", { level: 1, name: "Paiement 20261006-000077" });
    const famille = [...document.querySelectorAll("dt")].find((dt) => dt.textContent === "Famille")!;
    expect(famille.nextElementSibling?.textContent).toBe("—");
  });
});

describe("Journal des paiements", () => {
  afterEach(() => vi.useRealTimers());

  it("shows today's payments in Paris, what billing-service says was received and the CSV export", async () => {
    // 23:30 in UTC on the 5th is already the 6th in Paris.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-10-05T23:30:00Z"));
    const calls = serve(billing.journal("2026-10-06", journalOf("2026-10-06", [
      journalLine({ id: uuid(1), reference: "20261005-000001", amount: 0.1, createdAt: "2026-10-05T22:05:00Z" }),
      journalLine({ id: uuid(2), reference: "20261006-000002", amount: 0.2, familyName: "MARTIN", dossierNumber: "6001",
        invoiceNumbers: ["2026-000201", "2026-000202"] }),
      journalLine({ id: uuid(3), reference: "a1b2c3d4e5", status: "REFUSED", statusLabel: "Paiement refusé", amount: 51.5,
        provider: "PAYFIP", providerLabel: "PayFiP", bankStatus: "R", settledAt: "2026-10-06T08:20:00Z" }),
      journalLine({ id: uuid(4), reference: "20261006-000004", status: "ABANDONED", statusLabel: "Paiement abandonné", amount: 12,
        anomaly: "Payé à la banque après abandon, factures déjà réglées ou en paiement ailleurs : à rembourser" }),
    ], 2, 0.3)));
    renderAt("/agent/facturation/journal");

    const table = await screen.findByRole("table", { name: "Paiements du 06/10/2026" });
    expect(calls.map((c) => c.url)).toContain("/api/billing/payments?date=2026-10-06");
    expect((screen.getByLabelText(/Jour/) as HTMLInputElement).value).toBe("2026-10-06");
    const rows = within(table).getAllByRole("row").map((row) => [...row.querySelectorAll("th, td")].map((cell) => read(cell.textContent)));
    expect(rows[0]).toEqual(["Heure", "Référence", "Dossier", "Famille", "Factures", "Montant", "Moyen de paiement", "Statut"]);
    expect(rows[1]).toEqual(["00:05", "20261005-000001", "6000", "DURAND", "2026-000123", "0,10 €", "Carte bancaire (Systempay)", "Paiement accepté"]);
    expect(rows[2]).toEqual(["10:15", "20261006-000002", "6001", "MARTIN", "2026-000201, 2026-000202", "0,20 €", "Carte bancaire (Systempay)", "Paiement accepté"]);
    expect(rows[3].slice(6)).toEqual(["PayFiP", "Paiement refusé"]);
    const abandoned = within(table).getAllByRole("row")[4];
    expect(within(abandoned).getByText("Paiement abandonné")).toBeTruthy();
    expect(within(abandoned).getByText("À vérifier : Payé à la banque après abandon, factures déjà réglées ou en paiement ailleurs : à rembourser"))
      .toBeTruthy();
    // The day's takings as billing-service counts them.
    expect(read(screen.getByText(/^Total encaissé le/).textContent)).toBe("Total encaissé le 06/10/2026 : 0,30 €");
    expect(read(screen.getByText(/^Total encaissé le/).parentElement!.textContent)).toContain("(2 paiements acceptés sur 4)");
    expect(screen.getByRole("link", { name: /Exporter en CSV/ }).getAttribute("href")).toBe("/api/billing/payments/journal.csv?date=2026-10-06");
  });

  it("goes to another day, and to a payment's details", async () => {
    serve(
      billing.journal("2026-10-06", journalOf("2026-10-06", [journalLine()], 1, 51.5)),
      billing.journal("2026-10-07", journalOf("2026-10-07", [], 0, 0)),
      billing.payment(PAYMENT_ID, PAID_PAYMENT),
    );
    renderAt("/agent/facturation/journal?date=2026-10-06");

    fireEvent.change(await screen.findByLabelText(/Jour/), { target: { value: "2026-10-07" } });
    expect(await screen.findByText("Aucun paiement le 07/10/2026.")).toBeTruthy();
    expect(read(screen.getByText(/^Total encaissé le/).textContent)).toBe("Total encaissé le 07/10/2026 : 0,00 €");
    expect(screen.getByRole("link", { name: /Exporter en CSV/ }).getAttribute("href")).toBe("/api/billing/payments/journal.csv?date=2026-10-07");

    fireEvent.change(screen.getByLabelText(/Jour/), { target: { value: "2026-10-06" } });
    fireEvent.click(await screen.findByRole("link", { name: "20261006-000077" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Paiement 20261006-000077" })).toBeTruthy();
    expect(screen.getByText("Paiement accepté")).toBeTruthy();
    expect(screen.getByText("Carte bancaire (Systempay)")).toBeTruthy();
    expect(screen.getByRole("link", { name: "6000" }).getAttribute("href")).toBe("/agent/dossiers/6000");
    expect(screen.getByText("DURAND")).toBeTruthy();
    expect(screen.getByText("06/10/2026 à 10:16")).toBeTruthy();
    expect(within(screen.getByRole("table", { name: "Factures de ce paiement" })).getByText("2026-000123")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Journal des paiements de ce jour" }).getAttribute("href"))
      .toBe("/agent/facturation/journal?date=2026-10-06");
  });
});
