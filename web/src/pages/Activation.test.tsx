import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { identity } from "../test/handlers/identity";
import { renderApp } from "../test/render";
import { json, problem, serve } from "../test/server";

describe("Activation du compte", () => {
  it("activates the account once, even in StrictMode, and offers « Se connecter »", async () => {
    let activated: () => void = () => undefined;
    const calls = serve(identity.activateAccount(() => new Promise<Response>((resolve) => {
      activated = () => resolve(json({ username: "claire.durand" }));
    })));
    renderApp("/activation/jeton-d-activation", { strict: true });

    expect((await screen.findByText("Activation de votre compte…")).getAttribute("role")).toBe("status");
    await waitFor(() => expect(calls.filter((c) => c.url === "/api/identity/activations")).toHaveLength(1));
    activated();
    expect(await screen.findByRole("heading", { level: 1, name: "Compte activé" })).toBeTruthy();
    expect(screen.getByText("BRAVO ! VOTRE COMPTE EST MAINTENANT ACTIF, BIENVENUE SUR LE PORTAIL FAMILLE DE ROUSSILLON CONFLENT !")).toBeTruthy();
    const main = screen.getByRole("main");
    expect(within(main).getByRole("link", { name: "Se connecter" }).getAttribute("href")).toBe("/oauth2/authorization/keycloak");
    expect(document.title).toBe("Compte activé — Portail Famille");
    const activations = calls.filter((c) => c.url === "/api/identity/activations");
    expect(activations).toHaveLength(1);
    expect(activations[0]).toMatchObject({ method: "POST", body: { token: "jeton-d-activation" } });
  });

  it("says the link is expired or already used (410) and offers to register", async () => {
    serve(identity.activateAccount(() => problem(410, "Ce lien d'activation est expiré.", { slug: "lien-expire" })));
    renderApp("/activation/jeton-perime");

    expect(await screen.findByRole("heading", { level: 1, name: "Lien expiré" })).toBeTruthy();
    expect(screen.getByText("Ce lien est expiré ou a déjà été utilisé.")).toBeTruthy();
    expect(within(screen.getByRole("main")).getByRole("link", { name: "S'inscrire" }).getAttribute("href")).toBe("/inscription");
    expect(screen.queryByText(/BRAVO/)).toBeNull();
  });
});
