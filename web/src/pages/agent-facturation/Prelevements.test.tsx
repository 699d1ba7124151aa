import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { ANONYMOUS, type Me } from "../../api/session";
import { expectFocusOn } from "../../test/focus";
import { pageOf } from "../../test/handlers/billing";
import {
  AGENT_MANDATE, AGENT_MANDATE_ID, AGENT_MANDATE_SUMMARY, COLLECTION, COLLECTION_ID, collectionDetail, directDebit,
  FIRST_DEBIT, REASONS,
} from "../../test/handlers/directDebit";
import { renderWith } from "../../test/render";
import { callsTo, json, MULTIPART_SET_BY_FETCH, problem, serve } from "../../test/server";
import { AgentFacturation } from ".";

const AGENT: Me = {
  ...ANONYMOUS, authenticated: true, username: "regisseur", name: "Régisseur Facturation", roles: ["agent"], services: ["facturation"],
};

const PAGE = "/agent/facturation/prelevements";

const renderAt = (path: string) => renderWith(
  <Routes><Route path="/agent/facturation/*" element={<AgentFacturation />} /></Routes>,
  { path, me: AGENT },
);

/** Text as read, spaces of any kind (fr-FR's no-break ones) as plain spaces. */
const read = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

const cellsOf = (table: HTMLElement) => within(table).getAllByRole("row").map((row) =>
  [...row.querySelectorAll("th, td")].map((cell) => read(cell.textContent)));

/** The page's two lists, empty unless said otherwise. */
const lists = (collections = pageOf<unknown>([]), mandates = pageOf<unknown>([])) =>
  [directDebit.collections(collections), directDebit.mandates(mandates)];

async function exportFor(date: string) {
  const form = await screen.findByRole("form", { name: "Préparer un fichier de prélèvement" });
  fireEvent.change(within(form).getByLabelText(/Date de prélèvement/), { target: { value: date } });
  fireEvent.click(within(form).getByRole("button", { name: "Exporter le fichier" }));
}

describe("Prélèvements automatiques", () => {
  it("is a card of the agents' billing", async () => {
    renderAt("/agent/facturation");

    expect(screen.getByRole("link", { name: /Prélèvements automatiques/ }).getAttribute("href")).toBe(PAGE);
  });

  it("exports the file of a date, then shows its debits and the file to download", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    serve(...lists(), directDebit.exportCollection(() => json(collectionDetail(), 201)));
    renderAt(PAGE);

    expect(await screen.findByText("Aucun fichier de prélèvement n'a encore été exporté.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Exporter le fichier" }));
    expect(screen.getByText("Indiquez la date de prélèvement.")).toBeTruthy();
    expect(callsTo("/api/billing/direct-debits/collections", "POST")).toHaveLength(0);

    await exportFor("2026-12-15");

    expect(await screen.findByRole("heading", { level: 1, name: "Fichier de prélèvement du 15/12/2026" })).toBeTruthy();
    const post = callsTo("/api/billing/direct-debits/collections", "POST")[0];
    expect(post.body).toEqual({ collectionDate: "2026-12-15" });
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    const notice = screen.getByText(/^Fichier exporté : /);
    expect(read(notice.textContent))
      .toBe("Fichier exporté : 2 prélèvements pour 51,60 €, le 15/12/2026. Téléchargez-le et remettez-le à la banque.");
    await expectFocusOn(notice);
    const download = screen.getByRole("link", { name: "Télécharger le fichier du 15/12/2026" });
    expect(download.getAttribute("href")).toBe(`/api/billing/direct-debits/collections/${COLLECTION_ID}/file`);
    expect(download.getAttribute("download")).toBe("prelevements-2026-12-15.xml");
    expect(screen.getByText("pain.008.001.02")).toBeTruthy();
    const rows = cellsOf(screen.getByRole("table", { name: "Prélèvements du fichier" }));
    expect(rows[0]).toEqual(["Facture", "Dossier", "Titulaire du compte", "RUM", "IBAN", "Montant", "Séquence", "État", "Actions"]);
    expect(rows[1]).toEqual(["2026-000123", "6000", "Claire DURAND", "RCC-2026-7K3M9Q2X4B", "FR76 **** **** **** **** **** 189",
      "51,50 €", "Premier prélèvement (FRST)", "Prélèvement prévu", "Saisir un rejet"]);
    expect(rows[2].slice(5, 7)).toEqual(["0,10 €", "Prélèvement suivant (RCUR)Coordonnées bancaires modifiées"]);
    // Fetched by the export: not asked again.
    expect(callsTo(`/api/billing/direct-debits/collections/${COLLECTION_ID}`)).toHaveLength(0);
  });

  it("says when the date was already exported: the same file, no invoice debited twice", async () => {
    serve(...lists(), directDebit.exportCollection(collectionDetail({ alreadyExported: true })));
    renderAt(PAGE);

    await exportFor("2026-12-15");

    const notice = await screen.findByText(/^Ce fichier a déjà été exporté le/);
    expect(read(notice.textContent)).toBe(
      "Ce fichier a déjà été exporté le 02/12/2026 à 10:20 : il est proposé à nouveau, aucune facture n'est prélevée deux fois.");
    await expectFocusOn(notice);
    expect(screen.getByRole("heading", { level: 1, name: "Fichier de prélèvement du 15/12/2026" })).toBeTruthy();
  });

  it("says why nothing was exported (409: no invoice to collect), and a date too early at the field", async () => {
    const NOTHING = "Aucune facture à prélever au 15/12/2026 : aucune facture « À payer » échue à cette date n’a de mandat actif.";
    const TOO_EARLY = "« Date de prélèvement » doit être au plus tôt le 03/12/2026 : la banque prélève au moins un jour ouvré après avoir reçu le fichier";
    let asks = 0;
    serve(...lists(), directDebit.exportCollection(() => (++asks === 1
      ? problem(409, NOTHING, { slug: "rien-a-prelever" })
      : problem(400, "Certains champs sont invalides.", { slug: "validation", errors: [{ field: "collectionDate", message: TOO_EARLY }] }))));
    renderAt(PAGE);

    await exportFor("2026-12-15");
    const message = await screen.findByText(NOTHING);
    await expectFocusOn(message);
    expect(screen.getByText("Aucun fichier exporté")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Prélèvements automatiques" })).toBeTruthy();

    await exportFor("2026-12-02");
    const early = await screen.findByText(TOO_EARLY);
    const field = screen.getByLabelText(/Date de prélèvement/);
    expect(field.getAttribute("aria-describedby")?.split(" ")).toContain(early.id);
    expect(screen.queryByText(NOTHING)).toBeNull();
  });

  it("lists the files exported with their count, total, rejections and the file", async () => {
    serve(...lists(pageOf([{ ...COLLECTION, rejectedCount: 1 }])), directDebit.collection(COLLECTION_ID, collectionDetail()));
    renderAt(PAGE);

    const table = await screen.findByRole("table", { name: "Fichiers exportés" });
    expect(callsTo("/api/billing/direct-debits/collections?page=0&size=20")).toHaveLength(1);
    const rows = cellsOf(table);
    expect(rows[0]).toEqual(["Date de prélèvement", "Nombre de prélèvements", "Montant total", "Rejets", "Exporté le", "Fichier"]);
    expect(rows[1]).toEqual(["15/12/2026 : voir les prélèvements", "2", "51,60 €", "1", "02/12/2026 à 10:20 par regisseur",
      "Télécharger le fichier du 15/12/2026"]);
    expect(within(table).getByRole("link", { name: "Télécharger le fichier du 15/12/2026" }).getAttribute("href"))
      .toBe(`/api/billing/direct-debits/collections/${COLLECTION_ID}/file`);

    fireEvent.click(within(table).getByRole("link", { name: "15/12/2026 : voir les prélèvements" }));
    expect(await screen.findByRole("table", { name: "Prélèvements du fichier" })).toBeTruthy();
    expect(screen.queryByText(/^Fichier exporté/)).toBeNull();
  });
});

describe("a debit the bank rejected", () => {
  it("is typed with the bank's reason: the debit rejected, the family told", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    serve(
      directDebit.collection(COLLECTION_ID, collectionDetail()),
      directDebit.reasons(REASONS),
      directDebit.reject(COLLECTION_ID, FIRST_DEBIT.endToEndId, {
        ...FIRST_DEBIT, status: "REJECTED", statusLabel: "Rejeté", rejectionReason: "Provision insuffisante",
        rejectedAt: "2026-12-16T08:00:00Z",
      }),
    );
    renderAt(`${PAGE}/${COLLECTION_ID}`);

    fireEvent.click(await screen.findByRole("button", { name: "Saisir un rejet pour la facture 2026-000123" }));
    const dialog = screen.getByRole("dialog", { name: "Saisir le rejet du prélèvement de la facture 2026-000123" });
    const select = await within(dialog).findByLabelText(/Motif du rejet/);
    await waitFor(() => expect(document.activeElement).toBe(select));
    expect(within(select).getAllByRole("option").map((o) => o.textContent))
      .toEqual(["Choisissez un motif", "Compte clôturé (AC04)", "Provision insuffisante (AM04)", "Pas de mandat (MD01)"]);
    fireEvent.click(within(dialog).getByRole("button", { name: "Enregistrer le rejet" }));
    expect(within(dialog).getByText("Choisissez le motif du rejet donné par la banque.")).toBeTruthy();

    fireEvent.change(select, { target: { value: "AM04" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Enregistrer le rejet" }));

    expect(await screen.findByText(
      "Le prélèvement de la facture 2026-000123 est enregistré comme rejeté (Provision insuffisante) : la famille est prévenue et sa facture peut être payée en ligne.",
    )).toBeTruthy();
    const post = callsTo(`/api/billing/direct-debits/collections/${COLLECTION_ID}/debits/PF-2026-000123/rejection`, "POST")[0];
    expect(post.body).toEqual({ reasonCode: "AM04" });
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(screen.queryByRole("dialog")).toBeNull();
    const row = screen.getAllByRole("row").find((r) => r.textContent?.includes("2026-000123"))!;
    expect(within(row).getByText("Rejeté")).toBeTruthy();
    expect(within(row).getByText("Provision insuffisante — le 16/12/2026 à 09:00")).toBeTruthy();
    expect(within(row).queryByRole("button")).toBeNull();
    expect(screen.getAllByRole("button", { name: /Saisir un rejet/ })).toHaveLength(1);
    const rejections = [...document.querySelectorAll("dt")].find((dt) => dt.textContent === "Rejets")!;
    expect(rejections.nextElementSibling?.textContent).toBe("1");
  });

  it("says why a rejection is refused", async () => {
    serve(
      directDebit.collection(COLLECTION_ID, collectionDetail()),
      directDebit.reasons(REASONS),
      directDebit.reject(COLLECTION_ID, FIRST_DEBIT.endToEndId,
        () => problem(404, "Ce prélèvement ne figure pas dans ce fichier.", { slug: "prelevement-introuvable" })),
    );
    renderAt(`${PAGE}/${COLLECTION_ID}`);

    fireEvent.click(await screen.findByRole("button", { name: "Saisir un rejet pour la facture 2026-000123" }));
    const dialog = screen.getByRole("dialog");
    fireEvent.change(await within(dialog).findByLabelText(/Motif du rejet/), { target: { value: "AC04" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Enregistrer le rejet" }));
    const message = await within(dialog).findByText("Ce prélèvement ne figure pas dans ce fichier.");
    await expectFocusOn(message);
    fireEvent.click(within(dialog).getByRole("button", { name: "Annuler" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("is read in the bank's report (pain.002): the summary, the references the file does not have", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    serve(...lists(), directDebit.statusReport({
      collectionId: COLLECTION_ID, collectionDate: "2026-12-15", wholeFileRejected: false, rejected: 2, alreadyRejected: 1,
      unknown: ["PF-2026-009999"],
    }));
    renderAt(PAGE);

    const form = await screen.findByRole("form", { name: "Importer le compte rendu de la banque (pain.002)" });
    fireEvent.click(within(form).getByRole("button", { name: "Importer le compte rendu" }));
    expect(within(form).getByText("Choisissez le compte rendu de la banque à importer.")).toBeTruthy();
    const report = new File(["<Document/>"], "pain002-2026-12-16.xml", { type: "application/xml" });
    fireEvent.change(within(form).getByLabelText(/Compte rendu de la banque/), { target: { files: [report] } });
    fireEvent.click(within(form).getByRole("button", { name: "Importer le compte rendu" }));

    const summary = await screen.findByText(/^2 prélèvements rejetés/);
    expect(summary.textContent).toBe("2 prélèvements rejetés : les familles sont prévenues et leurs factures peuvent être payées en ligne. "
      + "1 rejet déjà enregistré auparavant : rien de plus n'est fait pour lui.");
    await expectFocusOn(summary);
    const unknown = screen.getByRole("list", { name: /absente du fichier/ });
    expect(within(unknown).getAllByRole("listitem").map((i) => i.textContent)).toEqual(["PF-2026-009999"]);
    expect(screen.getByRole("link", { name: "Voir les prélèvements du fichier du 15/12/2026" }).getAttribute("href"))
      .toBe(`${PAGE}/${COLLECTION_ID}`);
    const post = callsTo("/api/billing/direct-debits/status-reports", "POST")[0];
    expect(post.headers.get("Content-Type")).toMatch(MULTIPART_SET_BY_FETCH);
    expect(((post.body as FormData).get("file") as File).name).toBe("pain002-2026-12-16.xml");
  });

  it("says at the field why the bank's report is unreadable", async () => {
    const UNREADABLE = "« Fichier » n’est pas un compte rendu de la banque lisible : balise Document absente";
    serve(...lists(), directDebit.statusReport(() => problem(400, "Certains champs sont invalides.",
      { slug: "validation", errors: [{ field: "file", message: UNREADABLE }] })));
    renderAt(PAGE);

    const form = await screen.findByRole("form", { name: "Importer le compte rendu de la banque (pain.002)" });
    fireEvent.change(within(form).getByLabelText(/Compte rendu de la banque/),
      { target: { files: [new File(["x"], "rapport.xml", { type: "application/xml" })] } });
    fireEvent.click(within(form).getByRole("button", { name: "Importer le compte rendu" }));
    expect(await within(form).findByText(UNREADABLE)).toBeTruthy();
  });
});

describe("the families' mandates", () => {
  it("lists them, of one dossier when asked, and shows one with its IBAN masked for an agent", async () => {
    serve(
      directDebit.collections(pageOf([])),
      directDebit.mandates(pageOf([AGENT_MANDATE_SUMMARY])),
      directDebit.mandate(AGENT_MANDATE_ID, AGENT_MANDATE),
    );
    renderAt(PAGE);

    const all = await screen.findByRole("table", { name: "Mandats signés" });
    expect(callsTo("/api/billing/direct-debits/mandates?page=0&size=20")).toHaveLength(1);
    expect(cellsOf(all)[1]).toEqual(["RCC-2026-7K3M9Q2X4B", "6000", "Claire DURAND", "FR76 **** **** **** **** **** 189", "Actif",
      "02/12/2026", "15/12/2026"]);
    const search = screen.getByRole("form", { name: "Rechercher les mandats d'un dossier" });
    fireEvent.change(within(search).getByLabelText(/Numéro de dossier/), { target: { value: " 6000 " } });
    fireEvent.click(within(search).getByRole("button", { name: "Rechercher" }));
    const mine = await screen.findByRole("table", { name: "Mandats du dossier 6000" });
    expect(callsTo("/api/billing/direct-debits/mandates?page=0&size=20&dossier=6000")).toHaveLength(1);

    fireEvent.click(within(mine).getByRole("link", { name: "RCC-2026-7K3M9Q2X4B" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Mandat RCC-2026-7K3M9Q2X4B" })).toBeTruthy();
    const iban = [...document.querySelectorAll("dt")].find((dt) => dt.textContent === "IBAN")!.nextElementSibling!;
    expect(read(iban.textContent)).toBe("FR76 **** **** **** **** **** 189IBAN complet réservé à la trésorerie");
    expect(screen.getByText("12 rue des Lilas, 66130 Ille-sur-Têt")).toBeTruthy();
  });

  it("shows the whole IBAN to the treasury", async () => {
    serve(directDebit.mandate(AGENT_MANDATE_ID, { ...AGENT_MANDATE, iban: "FR7630006000011234567890189" }));
    renderAt(`${PAGE}/mandats/${AGENT_MANDATE_ID}`);

    expect(await screen.findByText("FR76 3000 6000 0112 3456 7890 189")).toBeTruthy();
    expect(screen.queryByText("IBAN complet réservé à la trésorerie")).toBeNull();
  });

  it("says when a dossier has none", async () => {
    serve(directDebit.collections(pageOf([])), directDebit.mandates(pageOf([])));
    renderAt(`${PAGE}?dossier=6001`);

    expect(await screen.findByText("Aucun mandat signé pour le dossier 6001.")).toBeTruthy();
    expect((screen.getByLabelText(/Numéro de dossier/) as HTMLInputElement).value).toBe("6001");
  });
});
