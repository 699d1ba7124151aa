import { fireEvent, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { LOGIN_URL } from "../../api/session";
import { identity } from "../../test/handlers/identity";
import { renderApp } from "../../test/render";
import { accepted, callsUnder, problem, serve } from "../../test/server";

const SENT = "Si un compte correspond à cette adresse, un mail vient de lui être envoyé. Le lien est valable une heure. "
  + "Pensez à regarder dans votre dossier spam.";
const TOO_MANY = "Trop de demandes de nouveau mot de passe pour cette adresse ou depuis votre connexion : réessayez dans une heure.";
const TOKEN = "q8Jt2vX0bN5mK3rL7wP1sD4fG6hZ9cY2eA0uT5iO8yR";

/** What the page asked of the identity service (a visitor's session and the portal aside). */
const identityCalls = () => callsUnder("/api/identity/");

/** The element the focus is in, or on: the message of the outcome. */
const focused = () => document.activeElement as HTMLElement;

beforeEach(() => {
  document.cookie = "XSRF-TOKEN=jeton-csrf";
});

describe("Mot de passe oublié", () => {
  it("asks for the link with the address typed and says the same thing whatever the address (202)", async () => {
    serve(identity.requestPasswordReset(accepted));
    renderApp("/mot-de-passe-oublie");

    expect(await screen.findByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeTruthy();
    expect(document.title).toBe("Mot de passe oublié — Portail Famille");
    expect(screen.getByText("Indiquez l'adresse e-mail de votre compte : nous vous envoyons un lien pour choisir un nouveau "
      + "mot de passe.")).toBeTruthy();
    const email = screen.getByLabelText("Adresse e-mail") as HTMLInputElement;
    expect(email.type).toBe("email");
    fireEvent.change(email, { target: { value: " claire.durand@example.fr " } });
    fireEvent.click(screen.getByRole("button", { name: "Recevoir le lien" }));

    const message = await screen.findByText(SENT);
    expect(message.closest("[role='status']")).toBeTruthy();
    expect(focused().contains(message)).toBe(true);
    expect(screen.queryByRole("button", { name: "Recevoir le lien" })).toBeNull();
    expect(screen.getByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeTruthy();
    const calls = identityCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: "/api/identity/password-resets", method: "POST", body: { email: "claire.durand@example.fr" },
    });
    expect(calls[0].headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
  });

  it("shows why the link is not sent when asked too often (429), and keeps the form", async () => {
    serve(identity.requestPasswordReset(() => problem(429, TOO_MANY, { slug: "trop-de-demandes" })));
    renderApp("/mot-de-passe-oublie");

    fireEvent.change(await screen.findByLabelText("Adresse e-mail"), { target: { value: "claire.durand@example.fr" } });
    fireEvent.click(screen.getByRole("button", { name: "Recevoir le lien" }));

    const message = await screen.findByText(TOO_MANY);
    expect(focused().contains(message)).toBe(true);
    expect(screen.queryByText(SENT)).toBeNull();
    expect((screen.getByLabelText("Adresse e-mail") as HTMLInputElement).value).toBe("claire.durand@example.fr");
    expect(screen.getByRole("button", { name: "Recevoir le lien" })).toBeTruthy();
  });

  it("shows the service's message under « Adresse e-mail » (400)", async () => {
    serve(identity.requestPasswordReset(() => problem(400, "Certains champs sont invalides.", {
      slug: "validation", errors: [{ field: "email", message: "doit être une adresse électronique syntaxiquement correcte" }],
    })));
    renderApp("/mot-de-passe-oublie");

    fireEvent.change(await screen.findByLabelText("Adresse e-mail"), { target: { value: "claire.durand" } });
    fireEvent.click(screen.getByRole("button", { name: "Recevoir le lien" }));

    const message = await screen.findByText("doit être une adresse électronique syntaxiquement correcte");
    const email = screen.getByLabelText(/^Adresse e-mail/);
    expect(email.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByText(SENT)).toBeNull();
  });
});

describe("Nouveau mot de passe", () => {
  function choose(password: string, confirmation = password) {
    fireEvent.change(screen.getByLabelText(/^Nouveau mot de passe/), { target: { value: password } });
    fireEvent.change(screen.getByLabelText("Confirmation du mot de passe"), { target: { value: confirmation } });
    fireEvent.click(screen.getByRole("button", { name: "Enregistrer le mot de passe" }));
  }

  it("shows the service's message under « Nouveau mot de passe » (400)", async () => {
    serve(identity.completePasswordReset(() => problem(400, "Certains champs sont invalides.",
      { slug: "validation", errors: [{ field: "password", message: "doit comporter au moins 12 caractères" }] })));
    renderApp(`/mot-de-passe/${TOKEN}`);

    expect(await screen.findByRole("heading", { level: 1, name: "Nouveau mot de passe" })).toBeTruthy();
    expect(document.title).toBe("Nouveau mot de passe — Portail Famille");
    expect(screen.getByText("12 caractères au moins ; ni votre identifiant ni votre adresse e-mail")).toBeTruthy();
    expect((screen.getByLabelText(/^Nouveau mot de passe/) as HTMLInputElement).type).toBe("password");
    expect((screen.getByLabelText("Confirmation du mot de passe") as HTMLInputElement).type).toBe("password");
    choose("court");

    const message = await screen.findByText("doit comporter au moins 12 caractères");
    const password = screen.getByLabelText(/^Nouveau mot de passe/);
    expect(password.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Confirmation du mot de passe").getAttribute("aria-invalid")).not.toBe("true");
    expect(screen.getByRole("button", { name: "Enregistrer le mot de passe" })).toBeTruthy();
    expect(identityCalls()[0]).toMatchObject({
      url: "/api/identity/password-resets/complete", method: "POST",
      body: { token: TOKEN, password: "court", passwordConfirmation: "court" },
    });
  });

  it("says the password is changed and offers « Se connecter » (200)", async () => {
    serve(identity.completePasswordReset({ username: "claire.durand" }));
    renderApp(`/mot-de-passe/${TOKEN}`);

    await screen.findByRole("heading", { level: 1, name: "Nouveau mot de passe" });
    choose("mimosa-en-fleurs-2026", "mimosa-en-fleurs-2026");

    const message = await screen.findByText("Votre mot de passe a été modifié. Vous avez été déconnecté de tous vos appareils.");
    expect(message.closest("[role='status']")).toBeTruthy();
    expect(focused().contains(message)).toBe(true);
    expect(screen.getByRole("heading", { level: 1, name: "Nouveau mot de passe" })).toBeTruthy();
    const main = screen.getByRole("main");
    expect(within(main).getByRole("link", { name: "Se connecter" }).getAttribute("href")).toBe(LOGIN_URL);
    expect(screen.queryByLabelText(/^Nouveau mot de passe/)).toBeNull();
    const calls = identityCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ token: TOKEN, password: "mimosa-en-fleurs-2026", passwordConfirmation: "mimosa-en-fleurs-2026" });
  });

  it("says the link is expired or already used (410) and offers to ask for a new one", async () => {
    serve(
      identity.completePasswordReset(() => problem(410, "Ce lien est expiré.", { slug: "lien-expire" })),
      identity.requestPasswordReset(accepted),
    );
    renderApp("/mot-de-passe/jeton-perime");

    await screen.findByRole("heading", { level: 1, name: "Nouveau mot de passe" });
    choose("mimosa-en-fleurs-2026");

    const message = await screen.findByText("Ce lien est expiré ou a déjà été utilisé.");
    expect(focused().contains(message)).toBe(true);
    expect(screen.queryByText(/Votre mot de passe a été modifié/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Enregistrer le mot de passe" })).toBeNull();
    const link = within(screen.getByRole("main")).getByRole("link", { name: "Demander un nouveau lien" });
    expect(link.getAttribute("href")).toBe("/mot-de-passe-oublie");
    fireEvent.click(link);

    expect(await screen.findByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Recevoir le lien" })).toBeTruthy();
  });
});

describe("the ways to « Mot de passe oublié »", () => {
  it("offers it on the registration page", async () => {
    serve();
    renderApp("/inscription");

    await screen.findByRole("heading", { level: 1, name: "Inscription au Portail Famille" });
    expect(screen.getByText(/^Vous avez déjà un compte \?/)).toBeTruthy();
    const main = screen.getByRole("main");
    expect(within(main).getByRole("link", { name: "Mot de passe oublié ?" }).getAttribute("href")).toBe("/mot-de-passe-oublie");
  });
});
