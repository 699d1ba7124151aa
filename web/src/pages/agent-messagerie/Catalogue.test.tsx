import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { ANONYMOUS, type Me } from "../../api/session";
import { expectFocusOn } from "../../test/focus";
import { CATALOGUE, JEUNESSE_COUNTS, catalogueStore, messaging, pageOf } from "../../test/handlers/messaging";
import { renderWith } from "../../test/render";
import { problem, serve } from "../../test/server";
import { AgentMessagerie } from ".";

const AGENT: Me = {
  ...ANONYMOUS, authenticated: true, username: "agent.jeunesse", name: "Julie MARTY", roles: ["agent"], services: ["jeunesse"],
};
const ADMIN: Me = { ...AGENT, username: "admin", name: "Alice ADMIN", roles: ["agent", "admin"] };

const renderAt = (path: string, me: Me) => renderWith(
  <Routes><Route path="/agent/messagerie/*" element={<AgentMessagerie />} /></Routes>, { path, me });

const PAGE = "/agent/messagerie/catalogue";
/** Two services of the demo catalogue: enough for a change, and a smaller page to search. */
const TWO = CATALOGUE.filter((s) => s.code === "enfance" || s.code === "jeunesse");
// By text rather than by role: the whole catalogue is a large page, where role queries are slow in jsdom.
const section = (name: string) => screen.getByText(name, { selector: "h2" }).closest("section")!;
/** A service's « Statut : Actif — Code : jeunesse ». */
const serviceLine = (name: string) => within(section(name)).getByText(/^Statut :/).textContent;
const themeRow = (service: string, theme: string) =>
  within(section(service).querySelector("table")!).getByText(theme, { selector: "td" }).closest("tr")!;

// The whole catalogue is a large page for jsdom: more time than the default 5 s on a loaded machine.
describe("« Catalogue des services »", { timeout: 15_000 }, () => {
  it("is linked from the Messagerie for admins", async () => {
    serve(messaging.agentUnread(JEUNESSE_COUNTS), messaging.catalogue(), messaging.inbox(pageOf([])), messaging.adminCatalogue(TWO));
    renderAt("/agent/messagerie", ADMIN);

    fireEvent.click(await screen.findByRole("link", { name: "Catalogue des services" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Catalogue des services" })).toBeTruthy();
    expect(await screen.findByText("Service Jeunesse", { selector: "h2" })).toBeTruthy();
  });

  it("is neither linked nor open for an agent who is not an admin", async () => {
    const calls = serve(messaging.agentUnread(JEUNESSE_COUNTS), messaging.catalogue(), messaging.inbox(pageOf([])),
      messaging.adminCatalogue());
    const { unmount } = renderAt("/agent/messagerie", AGENT);

    expect(await screen.findByRole("link", { name: "Réponses types" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Catalogue des services" })).toBeNull();
    unmount();

    renderAt(PAGE, AGENT);
    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeTruthy();
    expect(calls.filter((c) => c.url.startsWith("/api/messaging/admin/"))).toEqual([]);
  });

  it("lists every service with its themes and their status, retired ones included", async () => {
    const catalogue = CATALOGUE.map((s) => s.code === "enfance"
      ? { ...s, active: false, themes: s.themes.map((t) => ({ ...t, active: t.name !== "Tarifs" })) } : s);
    serve(messaging.adminCatalogue(catalogue));
    renderAt(PAGE, ADMIN);

    expect(await screen.findByText("Service Enfance", { selector: "h2" })).toBeTruthy();
    expect([...document.querySelectorAll("h2")].map((h) => h.textContent))
      .toEqual(["Ajouter un service", "Accueil", "Facturation", "Service Enfance", "Service Jeunesse"]);
    expect(serviceLine("Service Enfance")).toBe("Statut : Retiré — Code : enfance");
    expect(serviceLine("Service Jeunesse")).toBe("Statut : Actif — Code : jeunesse");
    expect(within(themeRow("Service Enfance", "Tarifs")).getByText("Retiré")).toBeTruthy();
    expect(within(themeRow("Service Enfance", "Inscriptions")).getByText("Actif")).toBeTruthy();
    expect(within(section("Service Enfance")).getByRole("button", { name: "Remettre en service le service « Service Enfance »" })).toBeTruthy();
  });

  it("retires a theme: « Retiré » is shown, with what it means", async () => {
    const store = catalogueStore(TWO);
    const calls = serve(...store.handlers, messaging.catalogue());
    renderAt(PAGE, ADMIN);

    await screen.findByText("Service Jeunesse", { selector: "h2" });
    expect(within(themeRow("Service Jeunesse", "Inscriptions")).getByText("Actif")).toBeTruthy();
    fireEvent.click(within(themeRow("Service Jeunesse", "Inscriptions"))
      .getByRole("button", { name: "Retirer le thème « Inscriptions » (Service Jeunesse)" }));

    const done = await screen.findByText(/Le thème « Inscriptions » du service Service Jeunesse est retiré/);
    await expectFocusOn(done);
    await waitFor(() => expect(within(themeRow("Service Jeunesse", "Inscriptions")).getByText("Retiré")).toBeTruthy());
    expect(within(themeRow("Service Jeunesse", "Tarifs")).getByText("Actif")).toBeTruthy();
    expect(within(themeRow("Service Enfance", "Inscriptions")).getByText("Actif")).toBeTruthy();
    expect(calls.find((c) => c.method === "PUT")).toMatchObject({ url: "/api/messaging/admin/themes/1",
      body: { name: "Inscriptions", active: false } });

    fireEvent.click(within(themeRow("Service Jeunesse", "Inscriptions"))
      .getByRole("button", { name: "Remettre en service le thème « Inscriptions » (Service Jeunesse)" }));
    await expectFocusOn(await screen.findByText("Le thème « Inscriptions » du service Service Jeunesse est de nouveau proposé aux familles."));
    await waitFor(() => expect(within(themeRow("Service Jeunesse", "Inscriptions")).getByText("Actif")).toBeTruthy());
  });

  it("retires a service, which is then « Retiré »", async () => {
    const store = catalogueStore(TWO);
    serve(...store.handlers, messaging.catalogue());
    renderAt(PAGE, ADMIN);

    await screen.findByText("Service Enfance", { selector: "h2" });
    fireEvent.click(within(section("Service Enfance")).getByRole("button", { name: "Retirer le service « Service Enfance »" }));

    await expectFocusOn(await screen.findByText(/Le service « Service Enfance » est retiré : les familles ne peuvent plus lui écrire/));
    await waitFor(() => expect(serviceLine("Service Enfance")).toBe("Statut : Retiré — Code : enfance"));
    expect(serviceLine("Service Jeunesse")).toBe("Statut : Actif — Code : jeunesse");
    expect(store.services.find((s) => s.code === "enfance")!.active).toBe(false);
  });

  it("adds a service, then a theme to it", async () => {
    const store = catalogueStore(TWO);
    const calls = serve(...store.handlers, messaging.catalogue());
    renderAt(PAGE, ADMIN);

    const add = (await screen.findByText("Ajouter un service", { selector: "h2" })).closest("form")!;
    fireEvent.change(within(add).getByLabelText(/^Code/), { target: { value: "piscine" } });
    fireEvent.change(within(add).getByLabelText(/^Nom/), { target: { value: "Piscine intercommunale" } });
    fireEvent.click(within(add).getByRole("button", { name: "Ajouter le service" }));

    await expectFocusOn(await screen.findByText(/Le service « Piscine intercommunale » a été ajouté\./));
    const piscine = await waitFor(() => section("Piscine intercommunale"));
    expect(within(piscine).getByText(/Aucun thème/)).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")).toMatchObject({ url: "/api/messaging/admin/services",
      body: { code: "piscine", name: "Piscine intercommunale" } });

    const addTheme = within(piscine).getByRole("form", { name: "Ajouter un thème au service Piscine intercommunale" });
    fireEvent.change(within(addTheme).getByLabelText(/^Nouveau thème/), { target: { value: "Horaires" } });
    fireEvent.click(within(addTheme).getByRole("button", { name: "Ajouter le thème" }));

    await expectFocusOn(await screen.findByText("Le thème « Horaires » a été ajouté au service Piscine intercommunale."));
    await waitFor(() => expect(within(themeRow("Piscine intercommunale", "Horaires")).getByText("Actif")).toBeTruthy());
  });

  it("checks the code before sending, and shows a name already taken (409) at its field", async () => {
    const calls = serve(messaging.adminCatalogue(TWO), messaging.addService(() => problem(409,
      "Certains champs sont invalides : « Nom » un autre service s’appelle déjà « Service Jeunesse ».",
      { slug: "conflit", errors: [{ field: "name", message: "un autre service s’appelle déjà « Service Jeunesse »" }] })));
    renderAt(PAGE, ADMIN);

    const add = (await screen.findByText("Ajouter un service", { selector: "h2" })).closest("form")!;
    fireEvent.change(within(add).getByLabelText(/^Code/), { target: { value: "Service Jeunesse" } });
    fireEvent.change(within(add).getByLabelText(/^Nom/), { target: { value: "Service Jeunesse" } });
    fireEvent.click(within(add).getByRole("button", { name: "Ajouter le service" }));
    expect(await within(add).findByText(/Le code doit comporter de 2 à 30 lettres minuscules/)).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);

    fireEvent.change(within(add).getByLabelText(/^Code/), { target: { value: "jeunesse-bis" } });
    fireEvent.click(within(add).getByRole("button", { name: "Ajouter le service" }));

    await expectFocusOn(await within(add).findByRole("alert"));
    const name = within(add).getByLabelText(/^Nom/);
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(within(add).getByText("un autre service s’appelle déjà « Service Jeunesse »")).toBeTruthy();
    expect(within(add).getByLabelText(/^Code/).getAttribute("aria-invalid")).toBeNull();
  });

  it("renames a theme, and « Annuler » gives the focus back", async () => {
    const store = catalogueStore(TWO);
    const calls = serve(...store.handlers, messaging.catalogue());
    renderAt(PAGE, ADMIN);

    await screen.findByText("Service Jeunesse", { selector: "h2" });
    const rename = () => within(themeRow("Service Jeunesse", "Tarifs"))
      .getByRole("button", { name: "Renommer le thème « Tarifs » (Service Jeunesse)" });
    fireEvent.click(rename());
    let form = screen.getByRole("form", { name: "Renommer le thème « Tarifs » (Service Jeunesse)" });
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText(/^Nouveau nom/)));
    fireEvent.click(within(form).getByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(document.activeElement).toBe(rename()));

    fireEvent.click(rename());
    form = screen.getByRole("form", { name: "Renommer le thème « Tarifs » (Service Jeunesse)" });
    fireEvent.change(within(form).getByLabelText(/^Nouveau nom/), { target: { value: "Tarifs et quotient familial" } });
    fireEvent.click(within(form).getByRole("button", { name: "Enregistrer le nom" }));

    await expectFocusOn(await screen.findByText(
      "Le thème « Tarifs » du service Service Jeunesse s'appelle désormais « Tarifs et quotient familial »."));
    expect(within(themeRow("Service Jeunesse", "Tarifs et quotient familial")).getByText("Actif")).toBeTruthy();
    expect(calls.find((c) => c.method === "PUT")).toMatchObject({ url: "/api/messaging/admin/themes/2",
      body: { name: "Tarifs et quotient familial", active: true } });
  });

  it("says why a change was refused", async () => {
    serve(messaging.adminCatalogue(TWO), messaging.changeTheme(1, () => problem(404, "Ce thème est introuvable.")));
    renderAt(PAGE, ADMIN);

    await screen.findByText("Service Jeunesse", { selector: "h2" });
    fireEvent.click(within(themeRow("Service Jeunesse", "Inscriptions"))
      .getByRole("button", { name: "Retirer le thème « Inscriptions » (Service Jeunesse)" }));

    const alert = (await screen.findByText("Ce thème est introuvable.")).closest<HTMLElement>("[role=alert]")!;
    await expectFocusOn(alert);
    expect(within(themeRow("Service Jeunesse", "Inscriptions")).getByText("Actif")).toBeTruthy();
  });
});
