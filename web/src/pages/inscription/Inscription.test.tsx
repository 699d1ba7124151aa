import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Registration } from "../../api/identity";
import { identity } from "../../test/handlers/identity";
import { renderApp, renderWith } from "../../test/render";
import { accepted, callsUnder, json, problem, serve } from "../../test/server";
import { DRAFT_KEY } from "./draft";
import { PersonalStep } from "./PersonalStep";

const DRAFT_ID = "Zk3v1Q8yT0cW5nB2mR7pL4xH9sJ6dA1eF0gK3uN5oP8";

const DRAFT: Registration = {
  id: DRAFT_ID, step: "DOSSIER", civility: "MADAME", lastName: "DURAND", firstName: "Claire",
  email: "claire.durand@example.fr", phone: "+33612345678", username: "claire.durand@example.fr",
  dossierNumber: null, familyName: null, cguVersion: null, cguAcceptedAt: null, expiresAt: "2026-12-03T09:15:00Z",
};

const LINKED: Registration = { ...DRAFT, step: "CGU", dossierNumber: "6000", familyName: "DURAND" };
const REVIEW: Registration = { ...LINKED, step: "REVIEW", cguVersion: "2026-01", cguAcceptedAt: "2026-11-26T09:15:00Z" };

const CGU = {
  version: "2026-01",
  title: "Conditions générales d'utilisation du Portail Famille",
  text: "Article 1 : le portail permet aux familles de suivre leur dossier.\n\nArticle 2 : vos données restent en France.",
  publishedAt: "2026-01-05T08:00:00Z",
};

/** What the page asked of the identity service (a visitor's session and the portal aside), with `method` if given. */
const identityCalls = (method?: string) =>
  callsUnder("/api/identity/").filter((call) => method === undefined || call.method === method);

function fillPersonalDetails() {
  fireEvent.change(screen.getByLabelText("Civilité"), { target: { value: "MADAME" } });
  fireEvent.change(screen.getByLabelText("Nom"), { target: { value: " DURAND " } });
  fireEvent.change(screen.getByLabelText("Prénom"), { target: { value: "Claire" } });
  fireEvent.change(screen.getByLabelText(/^Adresse e-mail/), { target: { value: "claire.durand@example.fr" } });
  fireEvent.change(screen.getByLabelText(/^Mot de passe/), { target: { value: "mimosa-en-fleurs-2026" } });
  fireEvent.change(screen.getByLabelText("Confirmation du mot de passe"), { target: { value: "mimosa-en-fleurs-2026" } });
}

beforeEach(() => localStorage.clear());

afterEach(() => localStorage.clear());

describe("Inscription (« Ma première connexion »)", () => {
  it("starts at step 1 and shows the service's message under « Mot de passe »", async () => {
    serve(identity.startRegistration(() => problem(400, "Certains champs sont invalides.",
      { slug: "validation", errors: [{ field: "password", message: "doit comporter au moins 12 caractères" }] })));
    renderApp("/inscription");

    expect(await screen.findByRole("heading", { level: 1, name: "Inscription au Portail Famille" })).toBeTruthy();
    expect(document.title).toBe("Inscription — Portail Famille");
    expect(screen.getByText("Étape 1 sur 4")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: /^Informations personnelles/ })).toBeTruthy();
    expect(screen.getByText("Laissez vide pour utiliser votre adresse e-mail comme identifiant")).toBeTruthy();
    expect(screen.getByText("12 caractères au moins ; ni votre identifiant ni votre adresse e-mail")).toBeTruthy();
    expect((screen.getByLabelText(/^Mot de passe/) as HTMLInputElement).type).toBe("password");
    fillPersonalDetails();
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez" }));

    const message = await screen.findByText("doit comporter au moins 12 caractères");
    const password = screen.getByLabelText(/^Mot de passe/);
    expect(password.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(screen.getByText("Certains champs sont invalides.")).toBeTruthy();
    expect(screen.getByText("Étape 1 sur 4")).toBeTruthy();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    expect(identityCalls("POST")[0].url).toBe("/api/identity/registrations");
  });

  it("keeps the new draft's id in the browser and goes on to « Références dossier »", async () => {
    serve(identity.startRegistration(() => json(DRAFT, 201)));
    renderApp("/inscription");

    await screen.findByText("Étape 1 sur 4");
    fillPersonalDetails();
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez" }));

    expect(await screen.findByText("Étape 2 sur 4")).toBeTruthy();
    const title = screen.getByRole("heading", { level: 2, name: /^Références dossier/ });
    expect(document.activeElement).toBe(title);
    expect(localStorage.getItem(DRAFT_KEY)).toBe(DRAFT_ID);
    const bold = screen.getByText("VOUS TROUVEREZ VOTRE NUMÉRO DE DOSSIER SUR VOTRE FACTURE");
    expect(bold.tagName).toBe("STRONG");
    expect(screen.getByRole("button", { name: "Enregistrez pour passer à l'étape suivante" })).toBeTruthy();
    expect(identityCalls("POST")[0].body).toEqual({
      civility: "MADAME", lastName: "DURAND", firstName: "Claire", email: "claire.durand@example.fr", phone: null,
      username: null, password: "mimosa-en-fleurs-2026", passwordConfirmation: "mimosa-en-fleurs-2026",
    });
  });

  it("resumes a stored draft at the step the service says: the CGU, to read and accept", async () => {
    localStorage.setItem(DRAFT_KEY, DRAFT_ID);
    serve(identity.currentCgu(CGU), identity.registration(LINKED));
    renderApp("/inscription");

    expect(await screen.findByText("Article 2 : vos données restent en France.")).toBeTruthy();
    expect(identityCalls()[0].url).toBe(`/api/identity/registrations/${DRAFT_ID}`);
    expect(screen.getByText("Étape 3 sur 4")).toBeTruthy();
    const text = screen.getByRole("region", { name: "Texte des conditions générales d'utilisation" });
    expect(text.getAttribute("tabindex")).toBe("0");
    expect(within(text).getByRole("heading", { name: CGU.title })).toBeTruthy();
    expect(within(text).getByText("Article 1 : le portail permet aux familles de suivre leur dossier.")).toBeTruthy();
    expect(screen.getByLabelText("J'ai lu")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Accepter" })).toBeTruthy();
  });

  it("asks to check « J'ai lu » before accepting, sending nothing, then accepts the version read", async () => {
    localStorage.setItem(DRAFT_KEY, DRAFT_ID);
    serve(identity.currentCgu(CGU), identity.acceptCgu(REVIEW), identity.registration(LINKED));
    renderApp("/inscription");

    fireEvent.click(await screen.findByRole("button", { name: "Accepter" }));

    const message = await screen.findByText("Cochez « J'ai lu » pour accepter les conditions.");
    const checkbox = screen.getByLabelText("J'ai lu");
    expect(checkbox.getAttribute("aria-describedby")).toBe(message.id);
    await waitFor(() => expect(document.activeElement).toBe(checkbox));
    expect(identityCalls("PUT")).toHaveLength(0);

    fireEvent.click(checkbox);
    expect(screen.queryByText("Cochez « J'ai lu » pour accepter les conditions.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Accepter" }));

    expect(await screen.findByText("Étape 4 sur 4")).toBeTruthy();
    const put = identityCalls("PUT")[0];
    expect(put.url).toBe(`/api/identity/registrations/${DRAFT_ID}/cgu`);
    expect(put.body).toEqual({ version: "2026-01", accepted: true });
  });

  it("stays on step 2 and says the draft is kept when the dossiers cannot be checked (503)", async () => {
    localStorage.setItem(DRAFT_KEY, DRAFT_ID);
    const detail = "La vérification des dossiers est momentanément indisponible. Votre inscription est conservée : réessayez dans quelques minutes.";
    serve(identity.linkDossier(() => problem(503, detail, { slug: "service-indisponible" })), identity.registration(DRAFT));
    renderApp("/inscription");

    fireEvent.change(await screen.findByLabelText(/^Numéro de dossier/), { target: { value: "6000" } });
    fireEvent.change(screen.getByLabelText(/^Clé d'accès/), { target: { value: "K7Q2M9XA" } });
    fireEvent.change(screen.getByLabelText(/^Nom de famille/), { target: { value: "DURAND" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez pour passer à l'étape suivante" }));

    expect(await screen.findByText(detail)).toBeTruthy();
    expect(screen.getByText("Étape 2 sur 4")).toBeTruthy();
    expect((screen.getByLabelText(/^Numéro de dossier/) as HTMLInputElement).value).toBe("6000");
    expect(localStorage.getItem(DRAFT_KEY)).toBe(DRAFT_ID);
    const put = identityCalls("PUT")[0];
    expect(put.url).toBe(`/api/identity/registrations/${DRAFT_ID}/dossier`);
    expect(put.body).toEqual({ dossierNumber: "6000", accessKey: "K7Q2M9XA", familyName: "DURAND" });
  });

  it("says itself that the draft is kept when a 503 is not the service's problem+json (a proxy's)", async () => {
    localStorage.setItem(DRAFT_KEY, DRAFT_ID);
    serve(
      identity.linkDossier(() => new HttpResponse("<html>503 Service Unavailable</html>",
        { status: 503, headers: { "Content-Type": "text/html" } })),
      identity.registration(DRAFT),
    );
    renderApp("/inscription");

    fireEvent.change(await screen.findByLabelText(/^Numéro de dossier/), { target: { value: "6000" } });
    fireEvent.change(screen.getByLabelText(/^Clé d'accès/), { target: { value: "K7Q2M9XA" } });
    fireEvent.change(screen.getByLabelText(/^Nom de famille/), { target: { value: "DURAND" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez pour passer à l'étape suivante" }));

    expect(await screen.findByText("Une erreur est survenue. Réessayez dans quelques minutes. "
      + "Votre inscription est conservée : réessayez dans quelques minutes.")).toBeTruthy();
    expect(screen.getByText("Étape 2 sur 4")).toBeTruthy();
    expect(localStorage.getItem(DRAFT_KEY)).toBe(DRAFT_ID);
  });

  it("shows the summary, submits, then tells to look for the mail and sends it again", async () => {
    localStorage.setItem(DRAFT_KEY, DRAFT_ID);
    serve(
      identity.submitRegistration({ ...REVIEW, step: "SUBMITTED" }),
      identity.resendActivationMail(accepted),
      identity.registration(REVIEW),
    );
    renderApp("/inscription");

    expect(await screen.findByText("Étape 4 sur 4")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: /^Vérifiez vos informations/ })).toBeTruthy();
    expect(screen.getByText("06 12 34 56 78")).toBeTruthy();
    expect(screen.getByText("6000")).toBeTruthy();
    expect(screen.getByText("Version 2026-01, acceptée le 26/11/2026 à 10:15")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: "Modifier" })).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "valider" }));

    expect(await screen.findByRole("heading", { name: "Un mail vous a été envoyé" })).toBeTruthy();
    expect(screen.getByText("Un mail vous a été envoyé à l'adresse claire.durand@example.fr pour activer votre compte. "
      + "Pensez à regarder dans votre dossier spam.")).toBeTruthy();
    expect(screen.queryByText("Étape 4 sur 4")).toBeNull();
    expect(identityCalls("POST")[0].url).toBe(`/api/identity/registrations/${DRAFT_ID}/submit`);
    expect(localStorage.getItem(DRAFT_KEY)).toBe(DRAFT_ID);

    fireEvent.click(screen.getByRole("button", { name: "renvoyer le mail" }));
    expect(await screen.findByText("Un nouveau mail vous a été envoyé.")).toBeTruthy();
    expect(identityCalls("POST")[1].url).toBe(`/api/identity/registrations/${DRAFT_ID}/resend`);

    fireEvent.click(screen.getByRole("link", { name: "Recommencer une inscription" }));
    expect(await screen.findByText("Étape 1 sur 4")).toBeTruthy();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    expect((screen.getByLabelText("Nom") as HTMLInputElement).value).toBe("");
  });

  it("shows why the mail is not sent again so soon (429)", async () => {
    localStorage.setItem(DRAFT_KEY, DRAFT_ID);
    serve(
      identity.resendActivationMail(() => problem(429,
        "Un mail vient de vous être envoyé : attendez quelques minutes avant d'en demander un autre.", { slug: "trop-de-demandes" })),
      identity.registration({ ...REVIEW, step: "SUBMITTED" }),
    );
    renderApp("/inscription");

    fireEvent.click(await screen.findByRole("button", { name: "renvoyer le mail" }));

    expect(await screen.findByText("Un mail vient de vous être envoyé : attendez quelques minutes avant d'en demander un autre.")).toBeTruthy();
  });

  it("brings back step 1 with the message under « Identifiant » when it is already taken (409)", async () => {
    localStorage.setItem(DRAFT_KEY, DRAFT_ID);
    const taken = "Cet identifiant est déjà utilisé : choisissez-en un autre.";
    serve(
      identity.submitRegistration(() => problem(409, taken, { slug: "validation", errors: [{ field: "username", message: taken }] })),
      identity.registration({ ...REVIEW, username: "cdurand" }),
    );
    renderApp("/inscription");

    fireEvent.click(await screen.findByRole("button", { name: "valider" }));

    expect(await screen.findByText("Étape 1 sur 4")).toBeTruthy();
    const username = screen.getByLabelText(/^Identifiant/) as HTMLInputElement;
    expect(username.value).toBe("cdurand");
    const message = screen.getAllByText(taken).find((element) => element.id !== "")!;
    expect(username.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect((screen.getByLabelText("Nom") as HTMLInputElement).value).toBe("DURAND");
    expect((screen.getByLabelText(/^Mot de passe/) as HTMLInputElement).value).toBe("");
  });

  it("reopens step 2 from the summary with the draft's references, and « Annuler » goes back", async () => {
    localStorage.setItem(DRAFT_KEY, DRAFT_ID);
    serve(identity.registration(REVIEW));
    renderApp("/inscription");

    const [, dossier] = await screen.findAllByRole("button", { name: "Modifier" });
    fireEvent.click(dossier);

    expect(await screen.findByText("Étape 2 sur 4")).toBeTruthy();
    expect((screen.getByLabelText(/^Numéro de dossier/) as HTMLInputElement).value).toBe("6000");
    expect((screen.getByLabelText(/^Nom de famille/) as HTMLInputElement).value).toBe("DURAND");
    expect((screen.getByLabelText(/^Clé d'accès/) as HTMLInputElement).value).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Annuler" }));

    expect(await screen.findByText("Étape 4 sur 4")).toBeTruthy();
    expect(identityCalls().every((c) => c.method === "GET")).toBe(true);
  });

  it("starts again, saying so, when the stored draft has expired (404)", async () => {
    localStorage.setItem(DRAFT_KEY, DRAFT_ID);
    serve(identity.registration(() => problem(404, "Inscription introuvable.", { slug: "inscription-introuvable" })));
    renderApp("/inscription");

    expect(await screen.findByText("Votre inscription a expiré : recommencez.")).toBeTruthy();
    expect(screen.getByText("Étape 1 sur 4")).toBeTruthy();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });
});

describe("Inscription: « Mot de passe actuel » to change the e-mail or the identifiant once the dossier is checked", () => {
  const CURRENT_PASSWORD = /^Mot de passe actuel/;
  const HINT = "Pour changer l'adresse e-mail ou l'identifiant après la vérification du dossier, "
    + "saisissez à nouveau le mot de passe choisi.";
  const NEW_EMAIL = "claire.martin@example.fr";

  /** The summary's « Modifier » of the personal information, of a draft whose dossier is checked. */
  async function reopenPersonalDetails(view: Registration = REVIEW) {
    localStorage.setItem(DRAFT_KEY, DRAFT_ID);
    const [personal] = await screen.findAllByRole("button", { name: "Modifier" });
    fireEvent.click(personal);
    expect(await screen.findByText("Étape 1 sur 4")).toBeTruthy();
    expect((screen.getByLabelText(/^Adresse e-mail/) as HTMLInputElement).value).toBe(view.email);
  }

  const putBody = () => identityCalls("PUT")[0].body as Record<string, unknown>;

  it("is not asked before the dossier check, neither on a new registration nor on a saved draft", async () => {
    serve(identity.startRegistration(() => json(DRAFT, 201)));
    renderApp("/inscription");

    await screen.findByText("Étape 1 sur 4");
    fillPersonalDetails();
    fireEvent.change(screen.getByLabelText(/^Adresse e-mail/), { target: { value: NEW_EMAIL } });
    expect(screen.queryByLabelText(CURRENT_PASSWORD)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez" }));
    expect(await screen.findByText("Étape 2 sur 4")).toBeTruthy();
    expect(identityCalls("POST")[0].body).not.toHaveProperty("currentPassword");
    cleanup();

    // A draft saved, its dossier not checked yet (dossierNumber null): its e-mail changes freely.
    serve(identity.changePersonalDetails(() => json({ ...DRAFT, email: NEW_EMAIL, username: NEW_EMAIL })));
    renderWith(<PersonalStep view={DRAFT} onSaved={() => undefined} onExpired={() => undefined} />);
    fireEvent.change(screen.getByLabelText(/^Adresse e-mail/), { target: { value: NEW_EMAIL } });
    fireEvent.change(screen.getByLabelText(/^Identifiant/), { target: { value: "cmartin" } });
    expect(screen.queryByLabelText(CURRENT_PASSWORD)).toBeNull();
    expect(screen.queryByText(HINT)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez" }));
    await waitFor(() => expect(identityCalls("PUT")).toHaveLength(1));
    expect(putBody()).not.toHaveProperty("currentPassword");
  });

  it("appears after the dossier check once the e-mail changes, and the request carries it", async () => {
    serve(
      identity.changePersonalDetails(() => json({ ...REVIEW, email: NEW_EMAIL, username: NEW_EMAIL })),
      identity.registration(REVIEW),
    );
    renderApp("/inscription");
    await reopenPersonalDetails();

    expect(screen.queryByLabelText(CURRENT_PASSWORD)).toBeNull();
    // The same address in capitals is the same address for the service: nothing to prove.
    fireEvent.change(screen.getByLabelText(/^Adresse e-mail/), { target: { value: " Claire.Durand@Example.fr " } });
    expect(screen.queryByLabelText(CURRENT_PASSWORD)).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Adresse e-mail/), { target: { value: NEW_EMAIL } });

    const current = screen.getByLabelText(CURRENT_PASSWORD) as HTMLInputElement;
    expect(current.type).toBe("password");
    expect(current.getAttribute("autocomplete")).toBe("current-password");
    expect(current.required).toBe(true);
    const hint = screen.getByText(HINT);
    expect(current.labels?.[0].contains(hint)).toBe(true); // the DSFR's hint: in the label, read with it
    fireEvent.change(current, { target: { value: "mimosa-en-fleurs-2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez" }));

    expect(await screen.findByText("Étape 4 sur 4")).toBeTruthy();
    const put = identityCalls("PUT")[0];
    expect(put.url).toBe(`/api/identity/registrations/${DRAFT_ID}/personal`);
    expect(put.body).toEqual({
      civility: "MADAME", lastName: "DURAND", firstName: "Claire", email: NEW_EMAIL, phone: "06 12 34 56 78",
      username: null, password: "", passwordConfirmation: "", currentPassword: "mimosa-en-fleurs-2026",
    });
  });

  it("appears too when the identifiant changes, and goes when it is put back", async () => {
    serve(identity.registration(REVIEW));
    renderApp("/inscription");
    await reopenPersonalDetails();

    fireEvent.change(screen.getByLabelText(/^Identifiant/), { target: { value: "cdurand" } });
    expect(screen.getByLabelText(CURRENT_PASSWORD)).toBeTruthy();
    // Typing the e-mail as identifiant is leaving it empty.
    fireEvent.change(screen.getByLabelText(/^Identifiant/), { target: { value: "Claire.Durand@example.fr" } });
    expect(screen.queryByLabelText(CURRENT_PASSWORD)).toBeNull();
  });

  it("sends nothing of it when neither the e-mail nor the identifiant changes", async () => {
    serve(identity.changePersonalDetails(() => json({ ...REVIEW, phone: "+33698765432" })), identity.registration(REVIEW));
    renderApp("/inscription");
    await reopenPersonalDetails();

    fireEvent.change(screen.getByLabelText(/^Téléphone/), { target: { value: "06 98 76 54 32" } });
    expect(screen.queryByLabelText(CURRENT_PASSWORD)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez" }));

    expect(await screen.findByText("Étape 4 sur 4")).toBeTruthy();
    expect(putBody()).not.toHaveProperty("currentPassword");
    expect(putBody().phone).toBe("06 98 76 54 32");
  });

  it("shows the service's message under « Mot de passe actuel » when it is missing, then when it is wrong (400)", async () => {
    const again = "est nécessaire pour changer l'adresse e-mail ou l'identifiant une fois le dossier vérifié : "
      + "retapez le mot de passe choisi pour cette inscription";
    let tries = 0;
    serve(
      identity.changePersonalDetails(() => {
        tries++;
        const message = tries === 1 ? again : "est incorrect";
        return problem(400, `Certains champs sont invalides : Mot de passe actuel ${message}.`,
          { slug: "validation", errors: [{ field: "currentPassword", message }] });
      }),
      identity.registration(REVIEW),
    );
    renderApp("/inscription");
    await reopenPersonalDetails();

    fireEvent.change(screen.getByLabelText(/^Adresse e-mail/), { target: { value: NEW_EMAIL } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez" }));

    const missing = await screen.findByText(again);
    const current = screen.getByLabelText(CURRENT_PASSWORD);
    expect(current.getAttribute("aria-describedby")?.split(" ")).toContain(missing.id);
    expect(screen.getByText(`Certains champs sont invalides : Mot de passe actuel ${again}.`)).toBeTruthy();
    expect(screen.getByText("Étape 1 sur 4")).toBeTruthy();
    expect(identityCalls("PUT")[0].body).toHaveProperty("currentPassword", "");

    fireEvent.change(current, { target: { value: "pas-le-bon-2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez" }));

    const wrong = await screen.findByText("est incorrect");
    expect(screen.getByLabelText(CURRENT_PASSWORD).getAttribute("aria-describedby")?.split(" ")).toContain(wrong.id);
    expect(screen.queryByText(again)).toBeNull();
    expect(identityCalls("PUT")[1].body).toHaveProperty("currentPassword", "pas-le-bon-2026");
  });

  it("shows why no more tries are taken for now (429)", async () => {
    const tooMany = "Trop d'essais du mot de passe de cette inscription : réessayez dans une heure ou recommencez votre inscription.";
    serve(
      identity.changePersonalDetails(() => problem(429, tooMany, { slug: "trop-de-demandes" })),
      identity.registration(REVIEW),
    );
    renderApp("/inscription");
    await reopenPersonalDetails();

    fireEvent.change(screen.getByLabelText(/^Adresse e-mail/), { target: { value: NEW_EMAIL } });
    fireEvent.change(screen.getByLabelText(CURRENT_PASSWORD), { target: { value: "mimosa-en-fleurs-2026" } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrez" }));

    expect(await screen.findByText(tooMany)).toBeTruthy();
    expect(screen.getByText("Étape 1 sur 4")).toBeTruthy();
    expect(screen.getByLabelText(CURRENT_PASSWORD)).toBeTruthy();
  });
});
