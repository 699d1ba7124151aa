import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ANONYMOUS, type Me } from "./api/session";
import { dossier } from "./test/handlers/dossier";
import { portal } from "./test/handlers/portal";
import { FAMILY } from "./test/handlers/session";
import { renderApp } from "./test/render";
import { serve } from "./test/server";

const MARIE = {
  id: 1, firstName: "Marie", lastName: "DURAND", birthDate: "2016-05-12", school: "École Jean Macé, Prades",
  className: "CM1", activities: ["Repas Enfants", "Atelier 3D"],
};

/** The gateway: `me`, the default portal, the account, dossier 6000's `children` and no request. */
function serveAs(me: Me, children: unknown[] = [MARIE]) {
  serve(dossier.children("6000", children), ...portal(me));
}

describe("the portal shell", () => {
  it("offers « Se connecter » and « S'inscrire » to a visitor", async () => {
    serveAs(ANONYMOUS);
    renderApp("/");

    const main = await screen.findByRole("main");
    expect(within(main).getByRole("link", { name: "Se connecter" }).getAttribute("href")).toBe("/oauth2/authorization/keycloak");
    expect(within(main).getByRole("link", { name: "S'inscrire" }).getAttribute("href")).toBe("/inscription");
    expect(within(main).getByRole("link", { name: "Mot de passe oublié ?" }).getAttribute("href")).toBe("/mot-de-passe-oublie");
    expect(screen.queryByText("Se déconnecter")).toBeNull();
    expect(screen.queryByRole("link", { name: "Mon compte" })).toBeNull();
    expect(document.title).toBe("Accueil — Portail Famille");
  });

  it("greets a logged-in family by name, offers « Se déconnecter » and the three sections", async () => {
    serveAs(FAMILY);
    renderApp("/");

    expect(await screen.findByRole("heading", { level: 1, name: "Bonjour Claire DURAND" })).toBeTruthy();
    expect(screen.getAllByText("Se déconnecter").length).toBeGreaterThan(0);
    expect(screen.queryByRole("link", { name: "Mot de passe oublié ?" })).toBeNull();
    const nav = screen.getAllByRole("navigation").find((n) => n.id === "fr-header-main-navigation")!;
    for (const section of ["Mon dossier", "Facturation", "Messagerie"]) {
      expect(within(nav).getByRole("link", { name: section })).toBeTruthy();
    }
    expect(within(nav).queryByRole("link", { name: "Espace agent" })).toBeNull();
    expect(screen.getAllByRole("link", { name: "Mon compte" }).every((link) => link.getAttribute("href") === "/mon-compte")).toBe(true);
  });

  it("gives the Messagerie its own page title and « Messages reçus »", async () => {
    serveAs(FAMILY);
    renderApp("/messagerie");

    expect(await screen.findByRole("heading", { level: 1, name: "Messagerie" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Messages reçus" })).toBeTruthy();
    expect(document.title).toBe("Messagerie — Portail Famille");
  });

  it("asks a visitor to log in before a family section", async () => {
    serveAs(ANONYMOUS);
    renderApp("/mon-dossier");

    expect(await screen.findByText("Connexion requise")).toBeTruthy();
  });

  it("shows « Mes enfants » in Mon dossier with birth date, school, class and activities", async () => {
    serveAs(FAMILY);
    renderApp("/mon-dossier");

    expect(await screen.findByRole("heading", { level: 3, name: "Marie DURAND" })).toBeTruthy();
    expect(screen.getByText("12/05/2016")).toBeTruthy();
    expect(screen.getByText("École Jean Macé, Prades — CM1")).toBeTruthy();
    expect(screen.getByText("Repas Enfants")).toBeTruthy();
    expect(screen.getByText("Atelier 3D")).toBeTruthy();
  });

  it("splits Mon dossier into four pages, with « Vous êtes ici : » and a side menu", async () => {
    serveAs(FAMILY);
    renderApp("/mon-dossier");

    expect(await screen.findByRole("heading", { level: 1, name: "Mon dossier" })).toBeTruthy();
    expect(screen.getByText("Suivre l'état de mes dernières démarches")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Mes démarches" })).toBeTruthy();
    const main = screen.getByRole("main");
    for (const [page, path] of [["Mes enfants", "/mon-dossier/enfants"], ["Mes coordonnées", "/mon-dossier/coordonnees"],
      ["Mes documents", "/mon-dossier/documents"]]) {
      expect(within(main).getAllByRole("link", { name: page }).every((link) => link.getAttribute("href") === path)).toBe(true);
    }

    const menu = screen.getByRole("navigation", { name: "Dossier" });
    fireEvent.click(within(menu).getByRole("link", { name: "Mes enfants" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Mes enfants" })).toBeTruthy();
    expect(screen.getByText("Voir les informations qui concernent mes enfants")).toBeTruthy();
    expect(document.title).toBe("Mes enfants — Portail Famille");
    expect(screen.getByText("Vous êtes ici :")).toBeTruthy();
    const breadcrumb = screen.getByRole("navigation", { name: "vous êtes ici :" });
    expect(within(breadcrumb).getByRole("link", { name: "Accueil" }).getAttribute("href")).toBe("/");
    expect(within(breadcrumb).getByRole("link", { name: "Dossier" }).getAttribute("href")).toBe("/mon-dossier");
    expect(within(breadcrumb).getByText("Mes enfants").getAttribute("aria-current")).toBe("page");
    expect(within(menu).getByRole("link", { name: "Mes enfants" }).getAttribute("aria-current")).toBe("page");
    expect(await screen.findByRole("heading", { level: 2, name: "Marie DURAND" })).toBeTruthy();
  });

  it("says so when no child is on the dossier", async () => {
    serveAs(FAMILY, []);
    renderApp("/mon-dossier");

    expect(await screen.findByText("Aucun enfant n'est inscrit sur votre dossier.")).toBeTruthy();
  });

  it("refuses the agents' space to a family", async () => {
    serveAs(FAMILY);
    renderApp("/agent");

    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeTruthy();
  });

  it("shows a French page for an unknown address", async () => {
    serveAs(ANONYMOUS);
    renderApp("/nulle-part");

    expect(await screen.findByRole("heading", { level: 1, name: "Page introuvable" })).toBeTruthy();
  });
});
