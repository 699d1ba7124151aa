import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DossierDocument } from "../../api/dossier";
import { dossier } from "../../test/handlers/dossier";
import { renderWith } from "../../test/render";
import { calls, serve } from "../../test/server";
import { MesDocuments } from "./MesDocuments";

const REGLEMENT: DossierDocument = {
  id: 4, type: "REGLEMENT", typeLabel: "Règlement", title: "Règlement du centre de loisirs 2026",
  fileName: "reglement-centre-de-loisirs.pdf", contentType: "application/pdf", size: 120 * 1024,
  // Late in the evening in Paris: already the 27th there.
  publishedAt: "2026-11-26T23:30:00Z", downloadUrl: "/api/dossier/documents/4/file",
};

const FACTURE: DossierDocument = {
  id: 12, type: "FACTURE", typeLabel: "Facture", title: "Facture d'octobre 2026", fileName: "facture-2026-10.pdf",
  contentType: "application/pdf", size: 1_258_291, publishedAt: "2026-11-02T08:00:00Z",
  downloadUrl: "/api/billing/invoices/12/pdf",
};

const renderIt = () => renderWith(<MesDocuments dossier="6000" />);

describe("Mes documents", () => {
  it("lists the documents with type, date in Paris, French size and a download link", async () => {
    serve(dossier.documents("6000", [REGLEMENT, FACTURE]));
    renderIt();

    const table = await screen.findByRole("table", { name: "Documents mis à ma disposition" });
    expect(calls.map((call) => call.url)).toEqual(["/api/dossier/dossiers/6000/documents"]);
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    const cells = within(rows[1]).getAllByRole("cell").map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual(["Règlement du centre de loisirs 2026", "Règlement", "27/11/2026", "120 Ko"]);
    const link = within(rows[1]).getByRole("link", { name: "Télécharger Règlement du centre de loisirs 2026" });
    expect(link.getAttribute("href")).toBe("/api/dossier/documents/4/file");
    expect(link.hasAttribute("download")).toBe(true);
    expect(within(rows[2]).getByText("1,2 Mo")).toBeTruthy();
    expect(within(rows[2]).getByRole("link", { name: /Télécharger/ }).getAttribute("href")).toBe("/api/billing/invoices/12/pdf");
  });

  it("says so when no document is available", async () => {
    serve(dossier.documents("6000", []));
    renderIt();

    expect(await screen.findByText("Aucun document n'est disponible pour le moment.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
