import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../App";
import { ANONYMOUS, DEFAULT_PORTAL, logout, type AccountView, type Me } from "../api";
import { LOGOUT_DELAY_MS } from "./MonCompte";

// logout() submits a form to /logout, which jsdom cannot follow: the tests only see that it is called.
vi.mock("../api", async (importOriginal) => ({ ...(await importOriginal<typeof import("../api")>()), logout: vi.fn() }));

const FAMILY: Me = {
  authenticated: true, username: "claire.durand", name: "Claire DURAND", givenName: "Claire", familyName: "DURAND",
  email: "claire.durand@example.fr", roles: ["famille"], dossier: "6000", services: [],
};

const AGENT: Me = { ...FAMILY, username: "agent.martin", name: "Paul MARTIN", roles: ["agent"], dossier: null };

/** Accepted late in the evening of 26/11 UTC: already the 27th in France. */
const ACCOUNT: AccountView = {
  username: "claire.durand", email: "claire.durand@example.fr", firstName: "Claire", lastName: "DURAND", dossier: "6000",
  cguVersionAccepted: "2026-01", cguAcceptedAt: "2026-11-26T23:30:00Z", currentCguVersion: "2026-01", mustAcceptCgu: false,
};

/** New CGU came out since the family accepted the last ones. */
const OUTDATED: AccountView = { ...ACCOUNT, currentCguVersion: "2026-02", mustAcceptCgu: true };

const CGU = {
  version: "2026-02",
  title: "Conditions générales d'utilisation du Portail Famille",
  text: "Article 1 : le portail permet aux familles de suivre leur dossier.\n\nArticle 2 : vos données restent en France.",
  publishedAt: "2027-01-04T09:00:00Z",
};

const INVALID = "Certains champs sont invalides.";
const PASSWORD_CHANGED = "Votre mot de passe a été modifié. Reconnectez-vous avec le nouveau.";
const EMAIL_SENT = "Un mail de confirmation a été envoyé à claire.martin@example.fr. Votre adresse actuelle reste celle du "
  + "compte tant que vous n'avez pas ouvert le lien (valable 24 heures).";
const DELETED = "Votre compte a été supprimé. Votre dossier famille reste suivi par la collectivité.";

type Call = { url: string; method: string; body: unknown; headers: Record<string, string> };

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const problem = (status: number, detail: string, errors: { field: string; message: string }[] = []) =>
  json({ status, detail, errors }, status);

const noContent = () => new Response(null, { status: 204 });

/**
 * The gateway: `me`, the default portal, no child, the CGU in force, and `answer` for the rest (the account
 * included, ACCOUNT when it does not answer it).
 */
function serve(me: Me, answer: (call: Call) => Response | Promise<Response> | undefined = () => undefined) {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    const call = {
      url,
      method: init?.method ?? "GET",
      body: init?.body ? JSON.parse(init.body as string) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const answered = await answer(call);
    if (answered) {
      return answered;
    }
    switch (url) {
      case "/api/me": return json(me);
      case "/api/portal": return json(DEFAULT_PORTAL);
      case "/api/identity/me/account": return json(ACCOUNT);
      case "/api/identity/cgu/current": return json(CGU);
      case "/api/dossier/dossiers/6000/children": return json([]);
      case "/api/dossier/dossiers/6000/requests": return json([]);
      default: return problem(500, "Réponse inattendue");
    }
  }));
  return calls;
}

function renderAt(path: string, strict = false) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const app = (
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
        <App />
      </MemoryRouter>
    </QueryClientProvider>
  );
  return render(strict ? <StrictMode>{app}</StrictMode> : app);
}

/** The focus is on the message, or on the element that holds it (not merely on the page's body). */
const expectFocusOn = (message: HTMLElement) => waitFor(() => {
  const focused = document.activeElement as HTMLElement;
  expect(focused).not.toBe(document.body);
  expect(focused.contains(message)).toBe(true);
});
const callsTo = (calls: Call[], url: string, method = "GET") => calls.filter((c) => c.url === url && c.method === method);

beforeEach(() => {
  document.cookie = "XSRF-TOKEN=jeton-csrf";
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.mocked(logout).mockClear();
  document.cookie = "XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
});

describe("new CGU to accept", () => {
  const NEW_CGU = "Nouvelles conditions générales d'utilisation";

  it("shows only the new CGU to a family until it accepts them, then the page it asked for", async () => {
    const calls = serve(FAMILY, (call) => {
      if (call.url === "/api/identity/me/account") {
        return json(OUTDATED);
      }
      return call.url === "/api/identity/me/cgu" ? json({ ...OUTDATED, cguVersionAccepted: "2026-02", mustAcceptCgu: false }) : undefined;
    });
    renderAt("/mon-dossier");

    expect(await screen.findByRole("heading", { level: 1, name: NEW_CGU })).toBeTruthy();
    expect(document.title).toBe(`${NEW_CGU} — Portail Famille`);
    expect(screen.getByText("Les conditions générales d'utilisation ont changé : lisez-les et acceptez-les pour continuer "
      + "à utiliser le portail.")).toBeTruthy();
    const text = await screen.findByRole("region", { name: "Texte des conditions générales d'utilisation" });
    expect(text.getAttribute("tabindex")).toBe("0");
    expect(within(text).getByRole("heading", { level: 2, name: CGU.title })).toBeTruthy();
    expect(within(text).getByText("Article 2 : vos données restent en France.")).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 1, name: "Mon dossier" })).toBeNull();
    expect(screen.getAllByText("Se déconnecter").length).toBeGreaterThan(0);
    expect(callsTo(calls, "/api/dossier/dossiers/6000/requests")).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Accepter" }));
    expect(await screen.findByText("Cochez « J'ai lu » pour accepter les conditions.")).toBeTruthy();
    expect(callsTo(calls, "/api/identity/me/cgu", "PUT")).toHaveLength(0);

    fireEvent.click(screen.getByLabelText("J'ai lu"));
    fireEvent.click(screen.getByRole("button", { name: "Accepter" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Mon dossier" })).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 1, name: NEW_CGU })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("main"));
    const put = callsTo(calls, "/api/identity/me/cgu", "PUT");
    expect(put).toHaveLength(1);
    expect(put[0].body).toEqual({ version: "2026-02", accepted: true });
    expect(put[0].headers["X-XSRF-TOKEN"]).toBe("jeton-csrf");
  });

  it("keeps every page behind the new CGU, the header's links included", async () => {
    serve(FAMILY, (call) => call.url === "/api/identity/me/account" ? json(OUTDATED) : undefined);
    renderAt("/");

    expect(await screen.findByRole("heading", { level: 1, name: NEW_CGU })).toBeTruthy();
    const nav = screen.getAllByRole("navigation").find((n) => n.id === "fr-header-main-navigation")!;
    fireEvent.click(within(nav).getByRole("link", { name: "Facturation" }));

    expect(await screen.findByRole("heading", { level: 1, name: NEW_CGU })).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 1, name: "Facturation" })).toBeNull();
  });

  it("shows the newer CGU to read again when they changed meanwhile (409)", async () => {
    const changed = "Les conditions générales d'utilisation ont changé : rechargez-les.";
    let cguReads = 0;
    const calls = serve(FAMILY, (call) => {
      if (call.url === "/api/identity/me/account") {
        return json(OUTDATED);
      }
      if (call.url === "/api/identity/cgu/current") {
        cguReads += 1;
        return json(cguReads === 1 ? CGU : { ...CGU, version: "2026-03", text: "Article 1 : nouvelle version." });
      }
      return call.url === "/api/identity/me/cgu" ? problem(409, changed) : undefined;
    });
    renderAt("/");

    fireEvent.click(await screen.findByLabelText("J'ai lu"));
    fireEvent.click(screen.getByRole("button", { name: "Accepter" }));

    expect(await screen.findByText("Article 1 : nouvelle version.")).toBeTruthy();
    const message = screen.getByText(changed);
    await expectFocusOn(message);
    expect((screen.getByLabelText("J'ai lu") as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole("heading", { level: 1, name: NEW_CGU })).toBeTruthy();
    expect(callsTo(calls, "/api/identity/me/cgu", "PUT")[0].body).toEqual({ version: "2026-02", accepted: true });
  });

  it("does not block the portal when the account cannot be read (503)", async () => {
    serve(FAMILY, (call) => call.url === "/api/identity/me/account"
      ? problem(503, "Le service est momentanément indisponible.")
      : undefined);
    renderAt("/mon-dossier");

    expect(await screen.findByRole("heading", { level: 1, name: "Mon dossier" })).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 1, name: NEW_CGU })).toBeNull();
  });

  it("does not ask an agent's account", async () => {
    const calls = serve(AGENT);
    renderAt("/");

    expect(await screen.findByRole("heading", { level: 1, name: "Bonjour Claire DURAND" })).toBeTruthy();
    expect(callsTo(calls, "/api/identity/me/account")).toHaveLength(0);
    expect(screen.queryByRole("link", { name: "Mon compte" })).toBeNull();
  });
});

describe("Mon compte", () => {
  const passwordForm = () => screen.getByRole("form", { name: "Changer mon mot de passe" });
  const deletionForm = () => screen.getByRole("form", { name: "Supprimer mon compte" });
  const emailForm = () => screen.getByRole("form", { name: "Changer mon adresse e-mail" });

  function changeEmail(newEmail: string, current: string) {
    const form = emailForm();
    fireEvent.change(within(form).getByLabelText(/^Nouvelle adresse e-mail/), { target: { value: newEmail } });
    fireEvent.change(within(form).getByLabelText("Mot de passe actuel"), { target: { value: current } });
    fireEvent.click(within(form).getByRole("button", { name: "Recevoir le lien de confirmation" }));
  }

  function changePassword(current: string, password: string, confirmation = password) {
    const form = passwordForm();
    fireEvent.change(within(form).getByLabelText("Mot de passe actuel"), { target: { value: current } });
    fireEvent.change(within(form).getByLabelText(/^Nouveau mot de passe/), { target: { value: password } });
    fireEvent.change(within(form).getByLabelText("Confirmation du nouveau mot de passe"), { target: { value: confirmation } });
    fireEvent.click(within(form).getByRole("button", { name: "Changer le mot de passe" }));
  }

  it("is reached from the header and shows the account, with the CGU accepted and their day in France", async () => {
    serve(FAMILY);
    renderAt("/");

    fireEvent.click((await screen.findAllByRole("link", { name: "Mon compte" }))[0]);

    expect(await screen.findByRole("heading", { level: 1, name: "Mon compte" })).toBeTruthy();
    expect(document.title).toBe("Mon compte — Portail Famille");
    expect(screen.getByRole("heading", { level: 2, name: "Mes informations" })).toBeTruthy();
    expect(await screen.findByText("Conditions générales d'utilisation acceptées : version 2026-01 le 27/11/2026")).toBeTruthy();
    const details = screen.getByRole("region", { name: "Mes informations" });
    for (const [term, value] of [["Identifiant", "claire.durand"], ["Nom", "DURAND"], ["Prénom", "Claire"],
      ["Adresse e-mail", "claire.durand@example.fr"], ["Dossier n°", "6000"]]) {
      expect(within(details).getByText(term).nextElementSibling?.textContent).toBe(value);
    }
    expect(screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent)).toEqual([
      "Mes informations", "Changer mon adresse e-mail", "Changer mon mot de passe", "Supprimer mon compte",
    ]);
    expect(screen.getByText("12 caractères au moins ; ni votre identifiant ni votre adresse e-mail")).toBeTruthy();
    const currents = screen.getAllByLabelText("Mot de passe actuel") as HTMLInputElement[];
    expect(currents).toHaveLength(3);
    expect(new Set(currents.map((input) => input.id)).size).toBe(3);
    expect(currents.every((input) => input.type === "password")).toBe(true);
  });

  it("asks a visitor to log in", async () => {
    const calls = serve(ANONYMOUS);
    renderAt("/mon-compte");

    expect(await screen.findByText("Connexion requise")).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Changer mon mot de passe" })).toBeNull();
    expect(callsTo(calls, "/api/identity/me/account")).toHaveLength(0);
  });

  it("shows « est incorrect » under « Mot de passe actuel » when the password is wrong (400)", async () => {
    const calls = serve(FAMILY, (call) => call.url === "/api/identity/me/password"
      ? problem(400, INVALID, [{ field: "currentPassword", message: "est incorrect" }])
      : undefined);
    renderAt("/mon-compte");

    await screen.findByRole("form", { name: "Changer mon mot de passe" });
    changePassword("pas-le-bon", "mimosa-en-fleurs-2026");

    const message = await screen.findByText("est incorrect");
    const current = within(passwordForm()).getByLabelText(/^Mot de passe actuel/);
    expect(current.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(current.getAttribute("aria-invalid")).toBe("true");
    expect(within(passwordForm()).getByLabelText(/^Nouveau mot de passe/).getAttribute("aria-invalid")).not.toBe("true");
    await expectFocusOn(screen.getByText(INVALID));
    expect(screen.queryByText(PASSWORD_CHANGED)).toBeNull();
    const post = callsTo(calls, "/api/identity/me/password", "POST");
    expect(post).toHaveLength(1);
    expect(post[0].body).toEqual({
      currentPassword: "pas-le-bon", newPassword: "mimosa-en-fleurs-2026", newPasswordConfirmation: "mimosa-en-fleurs-2026",
    });
    expect(post[0].headers["X-XSRF-TOKEN"]).toBe("jeton-csrf");
    expect(logout).not.toHaveBeenCalled();
  });

  it("says the password is changed (204) and logs out to reconnect", async () => {
    serve(FAMILY, (call) => call.url === "/api/identity/me/password" ? noContent() : undefined);
    renderAt("/mon-compte");

    await screen.findByRole("form", { name: "Changer mon mot de passe" });
    changePassword("ancien-mot-de-passe-2025", "mimosa-en-fleurs-2026");

    const message = await screen.findByText(PASSWORD_CHANGED);
    expect(message.closest("[role='status']")).toBeTruthy();
    await expectFocusOn(message);
    expect(screen.queryByRole("form", { name: "Changer mon mot de passe" })).toBeNull();
    expect(logout).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Se reconnecter" }));
    expect(logout).toHaveBeenCalledTimes(1);
  });

  it("deletes the account only once confirmed, then says so and logs out", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = serve(FAMILY, (call) => call.url === "/api/identity/me/account" && call.method === "DELETE"
      ? noContent()
      : undefined);
    renderAt("/mon-compte");

    await screen.findByRole("form", { name: "Supprimer mon compte" });
    expect(screen.getByText("Votre compte sera supprimé ; votre dossier famille reste suivi par la collectivité. "
      + "Cette action est définitive.")).toBeTruthy();
    fireEvent.change(within(deletionForm()).getByLabelText("Mot de passe actuel"), { target: { value: "mimosa-en-fleurs-2026" } });
    fireEvent.click(within(deletionForm()).getByRole("button", { name: "Supprimer mon compte" }));

    const question = await screen.findByText("Confirmez-vous la suppression de votre compte ?");
    await expectFocusOn(question);
    expect(callsTo(calls, "/api/identity/me/account", "DELETE")).toHaveLength(0);
    fireEvent.click(within(deletionForm()).getByRole("button", { name: "Annuler" }));

    expect(screen.queryByText("Confirmez-vous la suppression de votre compte ?")).toBeNull();
    const deleteButton = within(deletionForm()).getByRole("button", { name: "Supprimer mon compte" });
    await expectFocusOn(deleteButton);
    expect(callsTo(calls, "/api/identity/me/account", "DELETE")).toHaveLength(0);

    fireEvent.click(deleteButton);
    fireEvent.click(await within(deletionForm()).findByRole("button", { name: "Oui, supprimer mon compte" }));

    const message = await screen.findByText(DELETED);
    expect(message.closest("[role='status']")).toBeTruthy();
    await expectFocusOn(message);
    const deletions = callsTo(calls, "/api/identity/me/account", "DELETE");
    expect(deletions).toHaveLength(1);
    expect(deletions[0].body).toEqual({ currentPassword: "mimosa-en-fleurs-2026" });
    expect(deletions[0].headers["Content-Type"]).toBe("application/json");
    expect(deletions[0].headers["X-XSRF-TOKEN"]).toBe("jeton-csrf");
    expect(logout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(LOGOUT_DELAY_MS);
    expect(logout).toHaveBeenCalledTimes(1);
  });

  it("keeps the account and shows « est incorrect » under its « Mot de passe actuel » (400)", async () => {
    serve(FAMILY, (call) => call.url === "/api/identity/me/account" && call.method === "DELETE"
      ? problem(400, INVALID, [{ field: "currentPassword", message: "est incorrect" }])
      : undefined);
    renderAt("/mon-compte");

    await screen.findByRole("form", { name: "Supprimer mon compte" });
    fireEvent.change(within(deletionForm()).getByLabelText("Mot de passe actuel"), { target: { value: "pas-le-bon" } });
    fireEvent.click(within(deletionForm()).getByRole("button", { name: "Supprimer mon compte" }));
    fireEvent.click(await screen.findByRole("button", { name: "Oui, supprimer mon compte" }));

    const message = await within(deletionForm()).findByText("est incorrect");
    const current = within(deletionForm()).getByLabelText(/^Mot de passe actuel/);
    expect(current.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(within(passwordForm()).queryByText("est incorrect")).toBeNull();
    expect(screen.queryByText(DELETED)).toBeNull();
    expect(within(deletionForm()).getByRole("button", { name: "Supprimer mon compte" })).toBeTruthy();
    expect(logout).not.toHaveBeenCalled();
  });

  it("sends the link of confirmation to the new address (202) and says the account keeps its address until then", async () => {
    const calls = serve(FAMILY, (call) => call.url === "/api/identity/me/email" ? new Response(null, { status: 202 }) : undefined);
    renderAt("/mon-compte");

    await screen.findByRole("form", { name: "Changer mon adresse e-mail" });
    expect((within(emailForm()).getByLabelText(/^Nouvelle adresse e-mail/) as HTMLInputElement).type).toBe("email");
    expect((within(emailForm()).getByLabelText("Mot de passe actuel") as HTMLInputElement).type).toBe("password");
    changeEmail(" claire.martin@example.fr ", "mimosa-en-fleurs-2026");

    const message = await screen.findByText(EMAIL_SENT);
    expect(message.closest("[role='status']")).toBeTruthy();
    await expectFocusOn(message);
    const post = callsTo(calls, "/api/identity/me/email", "POST");
    expect(post).toHaveLength(1);
    expect(post[0].body).toEqual({ newEmail: "claire.martin@example.fr", currentPassword: "mimosa-en-fleurs-2026" });
    expect(post[0].headers["X-XSRF-TOKEN"]).toBe("jeton-csrf");
    expect((within(emailForm()).getByLabelText("Mot de passe actuel") as HTMLInputElement).value).toBe("");
    const details = screen.getByRole("region", { name: "Mes informations" });
    expect(within(details).getByText("Adresse e-mail").nextElementSibling?.textContent).toBe("claire.durand@example.fr");
    expect(logout).not.toHaveBeenCalled();
  });

  it("shows « est incorrect » under this section's « Mot de passe actuel » only (400)", async () => {
    serve(FAMILY, (call) => call.url === "/api/identity/me/email"
      ? problem(400, INVALID, [{ field: "currentPassword", message: "est incorrect" }])
      : undefined);
    renderAt("/mon-compte");

    await screen.findByRole("form", { name: "Changer mon adresse e-mail" });
    changeEmail("claire.martin@example.fr", "pas-le-bon");

    const message = await within(emailForm()).findByText("est incorrect");
    const current = within(emailForm()).getByLabelText(/^Mot de passe actuel/);
    expect(current.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(current.getAttribute("aria-invalid")).toBe("true");
    expect(within(emailForm()).getByLabelText(/^Nouvelle adresse e-mail/).getAttribute("aria-invalid")).not.toBe("true");
    expect(within(passwordForm()).queryByText("est incorrect")).toBeNull();
    expect(within(deletionForm()).queryByText("est incorrect")).toBeNull();
    await expectFocusOn(within(emailForm()).getByText(INVALID));
    expect(screen.queryByText(EMAIL_SENT)).toBeNull();
  });

  it("shows the service's message under « Nouvelle adresse e-mail » when it is already the account's (400)", async () => {
    const same = "est déjà l'adresse de votre compte";
    serve(FAMILY, (call) => call.url === "/api/identity/me/email"
      ? problem(400, INVALID, [{ field: "newEmail", message: same }])
      : undefined);
    renderAt("/mon-compte");

    await screen.findByRole("form", { name: "Changer mon adresse e-mail" });
    changeEmail("claire.durand@example.fr", "mimosa-en-fleurs-2026");

    const message = await within(emailForm()).findByText(same);
    const newEmail = within(emailForm()).getByLabelText(/^Nouvelle adresse e-mail/);
    expect(newEmail.getAttribute("aria-describedby")?.split(" ")).toContain(message.id);
    expect(newEmail.getAttribute("aria-invalid")).toBe("true");
  });
});

describe("Confirmation de l'adresse e-mail", () => {
  const COMPLETE = "/api/identity/email-changes/complete";

  it("confirms the new address once, even in StrictMode, and says the old one is told", async () => {
    let confirmed: () => void = () => undefined;
    const calls = serve(ANONYMOUS, (call) => call.url === COMPLETE
      ? new Promise<Response>((resolve) => {
        confirmed = () => resolve(json({ email: "claire.martin@example.fr" }));
      })
      : undefined);
    renderAt("/confirmation-e-mail/jeton-de-confirmation", true);

    expect((await screen.findByText("Confirmation de votre adresse e-mail…")).getAttribute("role")).toBe("status");
    await waitFor(() => expect(callsTo(calls, COMPLETE, "POST")).toHaveLength(1));
    confirmed();

    expect(await screen.findByRole("heading", { level: 1, name: "Adresse e-mail confirmée" })).toBeTruthy();
    const message = screen.getByText("Votre adresse e-mail est maintenant claire.martin@example.fr. "
      + "Un message a été envoyé à l'ancienne adresse pour l'en informer.");
    await expectFocusOn(message);
    expect(document.title).toBe("Adresse e-mail confirmée — Portail Famille");
    expect(within(screen.getByRole("main")).getByRole("link", { name: "Mon compte" }).getAttribute("href")).toBe("/mon-compte");
    const posts = callsTo(calls, COMPLETE, "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({ token: "jeton-de-confirmation" });
    expect(posts[0].headers["X-XSRF-TOKEN"]).toBe("jeton-csrf");
  });

  it("says the link is expired or already used (410)", async () => {
    serve(FAMILY, (call) => call.url === COMPLETE ? problem(410, "Ce lien de confirmation est expiré.") : undefined);
    renderAt("/confirmation-e-mail/jeton-perime");

    expect(await screen.findByRole("heading", { level: 1, name: "Lien expiré" })).toBeTruthy();
    const message = screen.getByText("Ce lien est expiré ou a déjà été utilisé.");
    await expectFocusOn(message);
    expect(within(screen.getByRole("main")).getByRole("link", { name: "Mon compte" }).getAttribute("href")).toBe("/mon-compte");
    expect(screen.queryByText(/Votre adresse e-mail est maintenant/)).toBeNull();
  });

  it("shows the service's message when the address is now another account's (409)", async () => {
    const taken = "Cette adresse e-mail est désormais celle d'un autre compte : choisissez-en une autre.";
    serve(ANONYMOUS, (call) => call.url === COMPLETE ? problem(409, taken) : undefined);
    renderAt("/confirmation-e-mail/jeton-de-confirmation");

    const message = await screen.findByText(taken);
    await expectFocusOn(message);
    expect(screen.getByRole("heading", { level: 1, name: "Confirmation de l'adresse e-mail" })).toBeTruthy();
    expect(screen.queryByText("Ce lien est expiré ou a déjà été utilisé.")).toBeNull();
  });
});
