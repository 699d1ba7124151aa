import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DossierRequest } from "../../api/dossier";
import { dossier } from "../../test/handlers/dossier";
import { renderWith } from "../../test/render";
import { json, MULTIPART_SET_BY_FETCH, problem, serve } from "../../test/server";
import { MesDemarches } from "./MesDemarches";

const SUBMITTED: DossierRequest = {
  id: 7, type: "CERTIFICATE", typeLabel: "Demande d'attestation", status: "SUBMITTED", statusLabel: "Envoyée",
  description: "Attestation pour la CAF", createdAt: "2026-11-26T09:15:00Z", attachment: null,
  history: [{ status: "SUBMITTED", statusLabel: "Envoyée", comment: null, changedAt: "2026-11-26T09:15:00Z" }],
};

const REFUSED: DossierRequest = {
  ...SUBMITTED, id: 3, status: "REFUSED", statusLabel: "Refusée",
  history: [...SUBMITTED.history,
    { status: "REFUSED", statusLabel: "Refusée", comment: "Pièce manquante", changedAt: "2026-11-27T08:00:00Z" }],
};

const renderIt = () => renderWith(<MesDemarches dossier="6000" />);

describe("Mes démarches", () => {
  it("lists the requests with their status, date in Paris time and the agent's comment", async () => {
    serve(dossier.requests("6000", [SUBMITTED, REFUSED]));
    renderIt();

    const items = await screen.findAllByRole("heading", { level: 3, name: /Demande d'attestation/ });
    expect(items).toHaveLength(2);
    expect(screen.getAllByText("Envoyée le 26/11/2026 à 10:15")).toHaveLength(2);
    expect(within(items[1]).getByText("Refusée")).toBeTruthy();
    expect(screen.getByText(/Pièce manquante/)).toBeTruthy();
    expect(screen.getAllByRole("button", { name: "Annuler la démarche" })).toHaveLength(1);
  });

  it("cancels a request with the CSRF header", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    const calls = serve(
      dossier.requests("6000", [SUBMITTED]),
      dossier.cancelRequest(7, { ...SUBMITTED, status: "CANCELLED", statusLabel: "Annulée" }),
    );
    renderIt();

    fireEvent.click(await screen.findByRole("button", { name: "Annuler la démarche" }));

    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/dossier/requests/7/cancel");
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
  });

  it("shows the field the service refused, in French", async () => {
    serve(
      dossier.requests("6000", []),
      dossier.submitRequest("6000", () => problem(400, "Certains champs sont invalides",
        { slug: "validation", errors: [{ field: "description", message: "ne doit pas être vide" }] })),
    );
    renderIt();

    expect(await screen.findByText("Vous n'avez aucune démarche en cours.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Envoyer la démarche" }));

    expect(await screen.findByText("ne doit pas être vide")).toBeTruthy();
  });

  it("shows the file attached to a request", async () => {
    serve(dossier.requests("6000", [{ ...SUBMITTED, attachment: {
      fileName: "avis-imposition.pdf", contentType: "application/pdf", size: 245_760, downloadUrl: "/api/dossier/requests/7/attachment",
    } }]));
    renderIt();

    const link = await screen.findByRole("link", { name: "Pièce jointe : avis-imposition.pdf" });
    expect(link.getAttribute("href")).toBe("/api/dossier/requests/7/attachment");
  });

  it("sends JSON when no file is attached", async () => {
    const calls = serve(dossier.requests("6000", []), dossier.submitRequest("6000", () => json(SUBMITTED, 201)));
    renderIt();

    await screen.findByText("Vous n'avez aucune démarche en cours.");
    fireEvent.change(screen.getByLabelText("Type de démarche"), { target: { value: "CERTIFICATE" } });
    fireEvent.change(screen.getByLabelText(/Votre demande/), { target: { value: "Attestation pour la CAF" } });
    fireEvent.click(screen.getByRole("button", { name: "Envoyer la démarche" }));

    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.headers.get("Content-Type")).toBe("application/json");
    expect(post.body).toEqual({ type: "CERTIFICATE", description: "Attestation pour la CAF" });
  });

  it("sends a multipart form with the attached file and the CSRF header", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    const calls = serve(dossier.requests("6000", []), dossier.submitRequest("6000", () => json(SUBMITTED, 201)));
    renderIt();

    await screen.findByText("Vous n'avez aucune démarche en cours.");
    const file = new File(["%PDF-1.7"], "avis-imposition.pdf", { type: "application/pdf" });
    fireEvent.change(screen.getByLabelText("Type de démarche"), { target: { value: "CERTIFICATE" } });
    fireEvent.change(screen.getByLabelText(/Votre demande/), { target: { value: "Attestation pour la CAF" } });
    fireEvent.change(screen.getByLabelText(/Pièce jointe \(facultative\)/), { target: { files: [file] } });
    fireEvent.click(screen.getByRole("button", { name: "Envoyer la démarche" }));

    expect(await screen.findByText("Votre démarche a été envoyée.")).toBeTruthy();
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/dossier/dossiers/6000/requests");
    expect(post.body).toBeInstanceOf(FormData);
    const form = post.body as FormData;
    expect(form.get("type")).toBe("CERTIFICATE");
    expect(form.get("description")).toBe("Attestation pour la CAF");
    expect((form.get("file") as File).name).toBe("avis-imposition.pdf");
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    // The browser sets the multipart Content-Type with its boundary: the app sets none of its own.
    expect(post.headers.get("Content-Type")).toMatch(MULTIPART_SET_BY_FETCH);
  });

  it("says why the service refused the attached file", async () => {
    serve(
      dossier.requests("6000", []),
      dossier.submitRequest("6000", () => problem(415, "Le fichier doit être un PDF, une image PNG ou JPEG.",
        { slug: "type-de-fichier-refuse" })),
    );
    renderIt();

    await screen.findByText("Vous n'avez aucune démarche en cours.");
    const fileField = screen.getByLabelText(/Pièce jointe \(facultative\)/);
    fireEvent.change(fileField, { target: { files: [new File(["MZ"], "programme.exe")] } });
    fireEvent.click(screen.getByRole("button", { name: "Envoyer la démarche" }));

    const message = await screen.findByText("Le fichier doit être un PDF, une image PNG ou JPEG.");
    expect(fileField.getAttribute("aria-describedby")).toContain(message.id);
  });
});
