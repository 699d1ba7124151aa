import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { AccountView } from "../api/identity";
import type { Me } from "../api/session";
import { dossier } from "../test/handlers/dossier";
import { ACCOUNT, identity } from "../test/handlers/identity";
import { portal } from "../test/handlers/portal";
import { FAMILY } from "../test/handlers/session";
import { expectFocusOn } from "../test/focus";
import { renderApp } from "../test/render";
import { callsTo, json, problem, serve } from "../test/server";

const AGENT: Me = { ...FAMILY, username: "agent.martin", name: "Paul MARTIN", roles: ["agent"], dossier: null };

/** New CGU came out since the family accepted the last ones. */
const OUTDATED: AccountView = { ...ACCOUNT, currentCguVersion: "2026-02", mustAcceptCgu: true };

const CGU = {
  version: "2026-02",
  title: "Conditions générales d'utilisation du Portail Famille",
  text: "Article 1 : le portail permet aux familles de suivre leur dossier.\n\nArticle 2 : vos données restent en France.",
  publishedAt: "2027-01-04T09:00:00Z",
};

/** The portal for `me`, with the CGU in force. */
const portalWithCgu = (me: Me) => [identity.currentCgu(CGU), ...portal(me)];

beforeEach(() => {
  document.cookie = "XSRF-TOKEN=jeton-csrf";
});

describe("new CGU to accept", () => {
  const NEW_CGU = "Nouvelles conditions générales d'utilisation";

  it("shows only the new CGU to a family until it accepts them, then the page it asked for", async () => {
    serve(
      identity.account(OUTDATED),
      identity.acceptAccountCgu({ ...OUTDATED, cguVersionAccepted: "2026-02", mustAcceptCgu: false }),
      ...portalWithCgu(FAMILY),
    );
    renderApp("/mon-dossier");

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
    expect(callsTo("/api/dossier/dossiers/6000/requests")).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Accepter" }));
    expect(await screen.findByText("Cochez « J'ai lu » pour accepter les conditions.")).toBeTruthy();
    expect(callsTo("/api/identity/me/cgu", "PUT")).toHaveLength(0);

    fireEvent.click(screen.getByLabelText("J'ai lu"));
    fireEvent.click(screen.getByRole("button", { name: "Accepter" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Mon dossier" })).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 1, name: NEW_CGU })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("main"));
    const put = callsTo("/api/identity/me/cgu", "PUT");
    expect(put).toHaveLength(1);
    expect(put[0].body).toEqual({ version: "2026-02", accepted: true });
    expect(put[0].headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
  });

  it("keeps every page behind the new CGU, the header's links included", async () => {
    serve(identity.account(OUTDATED), ...portalWithCgu(FAMILY));
    renderApp("/");

    expect(await screen.findByRole("heading", { level: 1, name: NEW_CGU })).toBeTruthy();
    const nav = screen.getAllByRole("navigation").find((n) => n.id === "fr-header-main-navigation")!;
    fireEvent.click(within(nav).getByRole("link", { name: "Facturation" }));

    expect(await screen.findByRole("heading", { level: 1, name: NEW_CGU })).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 1, name: "Facturation" })).toBeNull();
  });

  it("shows the newer CGU to read again when they changed meanwhile (409)", async () => {
    const changed = "Les conditions générales d'utilisation ont changé : rechargez-les.";
    let cguReads = 0;
    serve(
      identity.account(OUTDATED),
      identity.currentCgu(() => {
        cguReads += 1;
        return json(cguReads === 1 ? CGU : { ...CGU, version: "2026-03", text: "Article 1 : nouvelle version." });
      }),
      identity.acceptAccountCgu(() => problem(409, changed, { slug: "cgu-perimees" })),
      ...portalWithCgu(FAMILY),
    );
    renderApp("/");

    fireEvent.click(await screen.findByLabelText("J'ai lu"));
    fireEvent.click(screen.getByRole("button", { name: "Accepter" }));

    expect(await screen.findByText("Article 1 : nouvelle version.")).toBeTruthy();
    const message = screen.getByText(changed);
    await expectFocusOn(message);
    expect((screen.getByLabelText("J'ai lu") as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole("heading", { level: 1, name: NEW_CGU })).toBeTruthy();
    expect(callsTo("/api/identity/me/cgu", "PUT")[0].body).toEqual({ version: "2026-02", accepted: true });
  });

  it("shows the new CGU as soon as the gateway refuses a page's call because they are to accept (403 cgu-a-accepter)", async () => {
    // The account was read before the new CGU came out; the gateway knows better.
    let accountReads = 0;
    serve(
      identity.account(() => {
        accountReads += 1;
        return json(accountReads === 1 ? ACCOUNT : OUTDATED);
      }),
      dossier.children("6000", () => problem(403, "Acceptez les conditions générales d'utilisation en vigueur pour continuer.",
        { slug: "cgu-a-accepter" })),
      ...portalWithCgu(FAMILY),
    );
    renderApp("/mon-dossier");

    expect(await screen.findByRole("heading", { level: 1, name: NEW_CGU })).toBeTruthy();
    expect(accountReads).toBe(2);
    expect(screen.queryByRole("heading", { level: 1, name: "Mon dossier" })).toBeNull();
  });

  it("does not read the account again for another refusal (403 of a page)", async () => {
    serve(
      dossier.children("6000", () => problem(403, "Accès refusé.", { slug: "acces-refuse" })),
      ...portalWithCgu(FAMILY),
    );
    renderApp("/mon-dossier");

    expect(await screen.findByRole("heading", { level: 1, name: "Mon dossier" })).toBeTruthy();
    await waitFor(() => expect(callsTo("/api/dossier/dossiers/6000/children").length).toBeGreaterThan(0));
    expect(callsTo("/api/identity/me/account")).toHaveLength(1);
  });

  it("does not block the portal when the account cannot be read (503)", async () => {
    serve(
      identity.account(() => problem(503, "Le service est momentanément indisponible.", { slug: "service-indisponible" })),
      ...portalWithCgu(FAMILY),
    );
    renderApp("/mon-dossier");

    expect(await screen.findByRole("heading", { level: 1, name: "Mon dossier" })).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 1, name: NEW_CGU })).toBeNull();
  });

  it("does not ask an agent's account", async () => {
    serve(...portalWithCgu(AGENT));
    renderApp("/");

    expect(await screen.findByRole("heading", { level: 1, name: "Bonjour Claire DURAND" })).toBeTruthy();
    expect(callsTo("/api/identity/me/account")).toHaveLength(0);
    expect(screen.queryByRole("link", { name: "Mon compte" })).toBeNull();
  });
});