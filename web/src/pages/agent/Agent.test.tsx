import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { ANONYMOUS, type Me } from "../../api/session";
import { dossier } from "../../test/handlers/dossier";
import { renderWith } from "../../test/render";
import { json, MULTIPART_SET_BY_FETCH, problem, serve } from "../../test/server";
import { Agent } from "./Agent";
import { AgentDossier } from "./AgentDossier";

const AGENT: Me = {
  ...ANONYMOUS, authenticated: true, username: "agent.jeunesse", name: "Agent Jeunesse", roles: ["agent"], services: ["jeunesse"],
};

/** Dossier 6000 of the DURAND family: no request, guardian, child or document yet. */
const DURAND = [
  dossier.dossier("6000", { number: "6000", familyName: "DURAND", email: "claire.durand@example.fr", phone: "+33612345678" }),
  dossier.requests("6000", []),
  dossier.guardians("6000", []),
  dossier.children("6000", []),
  dossier.documents("6000", []),
];

/** The agents' two pages, as the agent AGENT sees them from `path`. */
const renderAt = (path: string) => renderWith(
  <Routes>
    <Route path="/agent" element={<Agent />} />
    <Route path="/agent/dossiers/:number" element={<AgentDossier />} />
  </Routes>,
  { path, me: AGENT },
);

describe("Espace agent", () => {
  it("creates a dossier and shows its access key once, with a link to the dossier", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    const calls = serve(dossier.createDossier(() => json(
      { number: "1234", familyName: "MARTIN", email: "martin@example.fr", phone: "+33468960000", accessKey: "K7P2M9QX" }, 201)));
    renderAt("/agent");

    const form = screen.getByRole("form", { name: "Créer un dossier" });
    fireEvent.change(within(form).getByLabelText(/Numéro de dossier/), { target: { value: "1234" } });
    fireEvent.change(within(form).getByLabelText("Nom de famille"), { target: { value: "MARTIN" } });
    fireEvent.change(within(form).getByLabelText("Adresse e-mail"), { target: { value: "martin@example.fr" } });
    fireEvent.change(within(form).getByLabelText("Téléphone"), { target: { value: "04 68 96 00 00" } });
    fireEvent.click(within(form).getByRole("button", { name: "Créer le dossier" }));

    expect(await screen.findByText("K7P2M9QX")).toBeTruthy();
    expect(screen.getByText(/Dossier 1234 créé\. Clé d'accès :/).textContent).toBe(
      "Dossier 1234 créé. Clé d'accès : K7P2M9QX — notez-la maintenant : elle ne sera plus affichée (elle est imprimée sur les factures).");
    expect(screen.getByRole("link", { name: "Ouvrir le dossier 1234" }).getAttribute("href")).toBe("/agent/dossiers/1234");
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/dossier/dossiers");
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(post.body).toEqual({ number: "1234", familyName: "MARTIN", email: "martin@example.fr", phone: "04 68 96 00 00" });
    // The form is empty again, for the next dossier.
    expect((within(form).getByLabelText(/Numéro de dossier/) as HTMLInputElement).value).toBe("");
  });

  it("shows each refused field of a new dossier under it", async () => {
    serve(dossier.createDossier(() => problem(400, "Certains champs sont invalides.",
      { slug: "validation", errors: [{ field: "number", message: "Le numéro de dossier comporte 3 ou 4 chiffres." }] })));
    renderAt("/agent");

    const form = screen.getByRole("form", { name: "Créer un dossier" });
    fireEvent.click(within(form).getByRole("button", { name: "Créer le dossier" }));

    const message = await within(form).findByText("Le numéro de dossier comporte 3 ou 4 chiffres.");
    expect(within(form).getByLabelText(/Numéro de dossier/).getAttribute("aria-describedby")).toContain(message.id);
    expect(screen.queryByText(/Clé d'accès/)).toBeNull();
  });
});

describe("a dossier seen by an agent", () => {
  it("adds a child with its activities", async () => {
    const calls = serve(...DURAND, dossier.addChild("6000", () => json(
      { id: 9, firstName: "Léo", lastName: "DURAND", birthDate: "2019-03-04", school: null, className: null, activities: [] }, 201)));
    renderAt("/agent/dossiers/6000");

    const form = await screen.findByRole("form", { name: "Ajouter un enfant" });
    fireEvent.change(within(form).getByLabelText("Prénom"), { target: { value: "Léo" } });
    fireEvent.change(within(form).getByLabelText("Nom"), { target: { value: "DURAND" } });
    fireEvent.change(within(form).getByLabelText("Date de naissance"), { target: { value: "2019-03-04" } });
    fireEvent.change(within(form).getByLabelText(/Activités/), { target: { value: "Repas Enfants, Centre de loisirs, " } });
    fireEvent.click(within(form).getByRole("button", { name: "Ajouter l'enfant" }));

    expect(await within(form).findByText("Enfant ajouté au dossier.")).toBeTruthy();
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/dossier/dossiers/6000/children");
    expect(post.body).toEqual({
      firstName: "Léo", lastName: "DURAND", birthDate: "2019-03-04", school: null, className: null,
      activities: ["Repas Enfants", "Centre de loisirs"],
    });
  });

  it("adds a guardian", async () => {
    const calls = serve(...DURAND, dossier.addGuardian("6000", () => json(
      { id: 2, civility: "MONSIEUR", civilityLabel: "Monsieur", firstName: "Paul", lastName: "DURAND" }, 201)));
    renderAt("/agent/dossiers/6000");

    const form = await screen.findByRole("form", { name: "Ajouter un responsable légal" });
    fireEvent.change(within(form).getByLabelText("Civilité"), { target: { value: "MONSIEUR" } });
    fireEvent.change(within(form).getByLabelText("Prénom"), { target: { value: "Paul" } });
    fireEvent.change(within(form).getByLabelText("Nom"), { target: { value: "DURAND" } });
    fireEvent.change(within(form).getByLabelText("Téléphone portable"), { target: { value: "06 98 76 54 32" } });
    fireEvent.click(within(form).getByRole("button", { name: "Ajouter le responsable légal" }));

    await within(form).findByText("Responsable légal ajouté au dossier.");
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/dossier/dossiers/6000/guardians");
    expect(post.body).toEqual({
      civility: "MONSIEUR", firstName: "Paul", lastName: "DURAND", email: null, mobilePhone: "06 98 76 54 32",
      homePhone: null, workPhone: null, addressLine1: null, addressLine2: null, postcode: null, city: null,
    });
  });

  it("puts a document at the family's disposal as a multipart form", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    const calls = serve(...DURAND, dossier.publishDocument("6000", () => json(
      { id: 5, type: "ATTESTATION", typeLabel: "Attestation", title: "Attestation CAF 2026", fileName: "attestation.pdf",
        contentType: "application/pdf", size: 2048, publishedAt: "2026-11-27T10:00:00Z", downloadUrl: "/api/dossier/documents/5/file" },
      201)));
    renderAt("/agent/dossiers/6000");

    const form = await screen.findByRole("form", { name: "Mettre un document à disposition" });
    fireEvent.change(within(form).getByLabelText("Type"), { target: { value: "ATTESTATION" } });
    fireEvent.change(within(form).getByLabelText("Titre"), { target: { value: "Attestation CAF 2026" } });
    const file = new File(["%PDF-1.7"], "attestation.pdf", { type: "application/pdf" });
    fireEvent.change(within(form).getByLabelText(/Fichier/), { target: { files: [file] } });
    fireEvent.click(within(form).getByRole("button", { name: "Mettre à disposition" }));

    expect(await within(form).findByText("Document mis à disposition de la famille.")).toBeTruthy();
    const post = calls.find((c) => c.method === "POST")!;
    expect(post.url).toBe("/api/dossier/dossiers/6000/documents");
    expect(post.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    // The browser sets the multipart Content-Type with its boundary: the app sets none of its own.
    expect(post.headers.get("Content-Type")).toMatch(MULTIPART_SET_BY_FETCH);
    const sent = post.body as FormData;
    expect([sent.get("type"), sent.get("title"), (sent.get("file") as File).name])
      .toEqual(["ATTESTATION", "Attestation CAF 2026", "attestation.pdf"]);
    // The list is read again.
    await waitFor(() => expect(calls.filter((c) => c.url.endsWith("/documents") && c.method === "GET")).toHaveLength(2));
  });

  it("says why a document was refused (too large)", async () => {
    serve(...DURAND, dossier.publishDocument("6000", () => problem(413, "Le fichier dépasse 10 Mo.",
      { slug: "fichier-trop-volumineux" })));
    renderAt("/agent/dossiers/6000");

    const form = await screen.findByRole("form", { name: "Mettre un document à disposition" });
    fireEvent.change(within(form).getByLabelText("Type"), { target: { value: "REGLEMENT" } });
    fireEvent.change(within(form).getByLabelText("Titre"), { target: { value: "Règlement" } });
    fireEvent.change(within(form).getByLabelText(/Fichier/), { target: { files: [new File(["x"], "gros.pdf")] } });
    fireEvent.click(within(form).getByRole("button", { name: "Mettre à disposition" }));

    expect(await within(form).findByText("Le fichier dépasse 10 Mo.")).toBeTruthy();
  });
});
