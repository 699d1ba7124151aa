import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { ANONYMOUS } from "../api/session";
import { expectFocusOn } from "../test/focus";
import { identity } from "../test/handlers/identity";
import { portal } from "../test/handlers/portal";
import { FAMILY } from "../test/handlers/session";
import { renderApp } from "../test/render";
import { callsTo, json, problem, serve } from "../test/server";

beforeEach(() => {
  document.cookie = "XSRF-TOKEN=jeton-csrf";
});

describe("Confirmation de l'adresse e-mail", () => {
  const COMPLETE = "/api/identity/email-changes/complete";

  it("confirms the new address once, even in StrictMode, and says the old one is told", async () => {
    let confirmed: () => void = () => undefined;
    serve(identity.completeEmailChange(() => new Promise<Response>((resolve) => {
      confirmed = () => resolve(json({ email: "claire.martin@example.fr" }));
    })), ...portal(ANONYMOUS));
    renderApp("/confirmation-e-mail/jeton-de-confirmation", { strict: true });

    expect((await screen.findByText("Confirmation de votre adresse e-mail…")).getAttribute("role")).toBe("status");
    await waitFor(() => expect(callsTo(COMPLETE, "POST")).toHaveLength(1));
    confirmed();

    expect(await screen.findByRole("heading", { level: 1, name: "Adresse e-mail confirmée" })).toBeTruthy();
    const message = screen.getByText("Votre adresse e-mail est maintenant claire.martin@example.fr. "
      + "Un message a été envoyé à l'ancienne adresse pour l'en informer.");
    await expectFocusOn(message);
    expect(document.title).toBe("Adresse e-mail confirmée — Portail Famille");
    expect(within(screen.getByRole("main")).getByRole("link", { name: "Mon compte" }).getAttribute("href")).toBe("/mon-compte");
    const posts = callsTo(COMPLETE, "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({ token: "jeton-de-confirmation" });
    expect(posts[0].headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
  });

  it("says the link is expired or already used (410)", async () => {
    serve(identity.completeEmailChange(() => problem(410, "Ce lien de confirmation est expiré.", { slug: "lien-expire" })),
      ...portal(FAMILY));
    renderApp("/confirmation-e-mail/jeton-perime");

    expect(await screen.findByRole("heading", { level: 1, name: "Lien expiré" })).toBeTruthy();
    const message = screen.getByText("Ce lien est expiré ou a déjà été utilisé.");
    await expectFocusOn(message);
    expect(within(screen.getByRole("main")).getByRole("link", { name: "Mon compte" }).getAttribute("href")).toBe("/mon-compte");
    expect(screen.queryByText(/Votre adresse e-mail est maintenant/)).toBeNull();
  });

  it("shows the service's message when the address is now another account's (409)", async () => {
    const taken = "Cette adresse e-mail est désormais celle d'un autre compte : choisissez-en une autre.";
    serve(identity.completeEmailChange(() => problem(409, taken, { slug: "adresse-utilisee" })), ...portal(ANONYMOUS));
    renderApp("/confirmation-e-mail/jeton-de-confirmation");

    const message = await screen.findByText(taken);
    await expectFocusOn(message);
    expect(screen.getByRole("heading", { level: 1, name: "Confirmation de l'adresse e-mail" })).toBeTruthy();
    expect(screen.queryByText("Ce lien est expiré ou a déjà été utilisé.")).toBeNull();
  });
});