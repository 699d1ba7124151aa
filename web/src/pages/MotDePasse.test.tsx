import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { ANONYMOUS, DEFAULT_PORTAL, LOGIN_URL } from "../api";

const SENT = "Si un compte correspond à cette adresse, un mail vient de lui être envoyé. Le lien est valable une heure. "
  + "Pensez à regarder dans votre dossier spam.";
const TOO_MANY = "Trop de demandes de nouveau mot de passe pour cette adresse ou depuis votre connexion : réessayez dans une heure.";
const TOKEN = "q8Jt2vX0bN5mK3rL7wP1sD4fG6hZ9cY2eA0uT5iO8yR";

type Call = { url: string; method: string; body: unknown; headers: Record<string, string> };

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const problem = (status: number, detail: string, errors: { field: string; message: string }[] = []) =>
  json({ status, detail, errors }, status);

/** The gateway: a visitor, the default portal, and the identity service as `answer` says. */
function serve(answer: (call: Call) => Response | Promise<Response> | undefined) {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    if (url === "/api/me") {
      return json(ANONYMOUS);
    }
    if (url === "/api/portal") {
      return json(DEFAULT_PORTAL);
    }
    const call = {
      url,
      method: init?.method ?? "GET",
      body: init?.body ? JSON.parse(init.body as string) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    return (await answer(call)) ?? problem(500, "Réponse inattendue");
  }));
  return calls;
}

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <App />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** The element the focus is in, or on: the message of the outcome. */
const focused = () => document.activeElement as HTMLElement;

beforeEach(() => {
  document.cookie = "XSRF-TOKEN=jeton-csrf";
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.cookie = "XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
});

describe("Mot de passe oublié", () => {
  it("asks for the link with the address typed and says the same thing whatever the address (202)", async () => {
    const calls = serve((call) => call.url === "/api/identity/password-resets" ? new Response(null, { status: 202 }) : undefined);
    renderAt("/mot-de-passe-oublie");

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
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: "/api/identity/password-resets", method: "POST", body: { email: "claire.durand@example.fr" },
      headers: { "X-XSRF-TOKEN": "jeton-csrf" },
    });
  });

  it("shows why the link is not sent when asked too often (429), and keeps the form", async () => {
    serve((call) => call.url === "/api/identity/password-resets" ? problem(429, TOO_MANY) : undefined);
    renderAt("/mot-de-passe-oublie");

    fireEvent.change(await screen.findByLabelText("Adresse e-mail"), { target: { value: "claire.durand@example.fr" } });
    fireEvent.click(screen.getByRole("button", { name: "Recevoir le lien" }));

    const message = await screen.findByText(TOO_MANY);
    expect(focused().contains(message)).toBe(true);
    expect(screen.queryByText(SENT)).toBeNull();
    expect((screen.getByLabelText("Adresse e-mail") as HTMLInputElement).value).toBe("claire.durand@example.fr");
    expect(screen.getByRole("button", { name: "Recevoir le lien" })).toBeTruthy();
  });

  it("shows the service's message under « Adresse e-mail » (400)", async () => {
    serve((call) => call.url === "/api/identity/password-resets"
      ? problem(400, "Certains champs sont invalides.", [{ field: "email", message: "doit être une adresse électronique syntaxiquement correcte" }])
      : undefined);
    renderAt("/mot-de-passe-oublie");

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
    const calls = serve((call) => call.url === "/api/identity/password-resets/complete"
      ? problem(400, "Certains champs sont invalides.", [{ field: "password", message: "doit comporter au moins 12 caractères" }])
      : undefined);
    renderAt(`/mot-de-passe/${TOKEN}`);

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
    expect(calls[0]).toMatchObject({
      url: "/api/identity/password-resets/complete", method: "POST",
      body: { token: TOKEN, password: "court", passwordConfirmation: "court" },
    });
  });

  it("says the password is changed and offers « Se connecter » (200)", async () => {
    const calls = serve((call) => call.url === "/api/identity/password-resets/complete"
      ? json({ username: "claire.durand" })
      : undefined);
    renderAt(`/mot-de-passe/${TOKEN}`);

    await screen.findByRole("heading", { level: 1, name: "Nouveau mot de passe" });
    choose("mimosa-en-fleurs-2026", "mimosa-en-fleurs-2026");

    const message = await screen.findByText("Votre mot de passe a été modifié. Vous avez été déconnecté de tous vos appareils.");
    expect(message.closest("[role='status']")).toBeTruthy();
    expect(focused().contains(message)).toBe(true);
    expect(screen.getByRole("heading", { level: 1, name: "Nouveau mot de passe" })).toBeTruthy();
    const main = screen.getByRole("main");
    expect(within(main).getByRole("link", { name: "Se connecter" }).getAttribute("href")).toBe(LOGIN_URL);
    expect(screen.queryByLabelText(/^Nouveau mot de passe/)).toBeNull();
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ token: TOKEN, password: "mimosa-en-fleurs-2026", passwordConfirmation: "mimosa-en-fleurs-2026" });
  });

  it("says the link is expired or already used (410) and offers to ask for a new one", async () => {
    serve((call) => call.url === "/api/identity/password-resets/complete"
      ? problem(410, "Ce lien est expiré.")
      : call.url === "/api/identity/password-resets" ? new Response(null, { status: 202 }) : undefined);
    renderAt("/mot-de-passe/jeton-perime");

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
    serve(() => undefined);
    renderAt("/inscription");

    await screen.findByRole("heading", { level: 1, name: "Inscription au Portail Famille" });
    expect(screen.getByText(/^Vous avez déjà un compte \?/)).toBeTruthy();
    const main = screen.getByRole("main");
    expect(within(main).getByRole("link", { name: "Mot de passe oublié ?" }).getAttribute("href")).toBe("/mot-de-passe-oublie");
  });
});
