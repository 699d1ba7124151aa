import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import type { ServiceUnread } from "../../api/messaging";
import { ANONYMOUS, type Me } from "../../api/session";
import { expectFocusOn } from "../../test/focus";
import { JEUNESSE_COUNTS, TEMPLATES, messaging, pageOf, templateStore } from "../../test/handlers/messaging";
import { renderWith } from "../../test/render";
import { problem, serve } from "../../test/server";
import { AgentMessagerie } from ".";

const AGENT: Me = {
  ...ANONYMOUS, authenticated: true, username: "agent.jeunesse", name: "Julie MARTY", roles: ["agent"], services: ["jeunesse"],
};

const TWO_SERVICES: ServiceUnread[] = [...JEUNESSE_COUNTS,
  { serviceCode: "enfance", serviceName: "Service Enfance", unread: 0, unassigned: 0 }];

const renderAt = (path: string, me: Me = AGENT) => renderWith(
  <Routes><Route path="/agent/messagerie/*" element={<AgentMessagerie />} /></Routes>, { path, me });

const PAGE = "/agent/messagerie/reponses-types";
const listOf = () => screen.getByRole("region", { name: /^Réponses types — / });
const titlesListed = () => within(listOf()).queryAllByRole("heading", { level: 3 }).map((h) => h.textContent);
const addForm = () => screen.getByRole("form", { name: "Ajouter une réponse type" });

describe("« Réponses types »", () => {
  it("is linked from the agents' Messagerie", async () => {
    serve(messaging.agentUnread(JEUNESSE_COUNTS), messaging.catalogue(), messaging.inbox(pageOf([])),
      messaging.templates("jeunesse", TEMPLATES));
    renderAt("/agent/messagerie");

    fireEvent.click(await screen.findByRole("link", { name: "Réponses types" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Réponses types" })).toBeTruthy();
    expect(await screen.findByRole("heading", { level: 3, name: "Inscription reçue" })).toBeTruthy();
  });

  it("lists the service's templates by title and adds one, which then appears in the list", async () => {
    const store = templateStore("jeunesse", TEMPLATES);
    const calls = serve(messaging.agentUnread(JEUNESSE_COUNTS), ...store.handlers);
    renderAt(PAGE);

    expect(await screen.findByRole("heading", { level: 2, name: "Réponses types — Service Jeunesse" })).toBeTruthy();
    await waitFor(() => expect(titlesListed()).toEqual(["Inscription reçue"]));
    expect(screen.getByText("Bonjour, votre demande d'inscription est bien reçue.")).toBeTruthy();

    const form = addForm();
    const title = within(form).getByLabelText(/^Titre/);
    const text = within(form).getByLabelText(/^Message/);
    expect(within(form).getByText(/5 000 caractères restants sur 5 000/)).toBeTruthy();
    fireEvent.change(title, { target: { value: "Accusé de réception" } });
    fireEvent.change(text, { target: { value: "Nous avons bien reçu votre message." } });
    expect(within(form).getByText(/81 caractères restants sur 100/)).toBeTruthy();
    expect(within(form).getByText(/4 965 caractères restants sur 5 000/)).toBeTruthy();
    fireEvent.click(within(form).getByRole("button", { name: "Ajouter la réponse type" }));

    const done = await screen.findByText("La réponse type « Accusé de réception » a été ajoutée.");
    await expectFocusOn(done);
    expect(titlesListed()).toEqual(["Accusé de réception", "Inscription reçue"]);
    expect(calls.find((c) => c.method === "POST")).toMatchObject({
      url: "/api/messaging/agent/services/jeunesse/templates",
      body: { title: "Accusé de réception", body: "Nous avons bien reçu votre message." },
    });
    expect((within(addForm()).getByLabelText(/^Titre/) as HTMLInputElement).value).toBe("");
  });

  it("shows the service's refusal (400) at the field it names", async () => {
    const calls = serve(messaging.agentUnread(JEUNESSE_COUNTS), messaging.templates("jeunesse", []),
      messaging.addTemplate("jeunesse", () => problem(400, "Certains champs sont invalides : « Titre » la taille doit être comprise entre 0 et 100.",
        { errors: [{ field: "title", message: "la taille doit être comprise entre 0 et 100" }] })));
    renderAt(PAGE);

    expect(await screen.findByText("Ce service n'a pas encore de réponse type.")).toBeTruthy();
    const form = addForm();
    fireEvent.change(within(form).getByLabelText(/^Titre/), { target: { value: "Horaires" } });
    fireEvent.change(within(form).getByLabelText(/^Message/), { target: { value: "De 8 h à 18 h." } });
    fireEvent.click(within(form).getByRole("button", { name: "Ajouter la réponse type" }));

    const alert = await within(form).findByRole("alert");
    expect(alert.textContent).toContain("« Titre » la taille doit être comprise entre 0 et 100.");
    await expectFocusOn(alert);
    const title = within(form).getByLabelText(/^Titre/);
    expect(title.getAttribute("aria-invalid")).toBe("true");
    const described = (title.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain("la taille doit être comprise entre 0 et 100");
    expect(within(form).getByLabelText(/^Message/).getAttribute("aria-invalid")).toBeNull();
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(1);
  });

  it("says what is missing without calling the service", async () => {
    const calls = serve(messaging.agentUnread(JEUNESSE_COUNTS), messaging.templates("jeunesse", []));
    renderAt(PAGE);

    const form = await waitFor(addForm);
    fireEvent.click(within(form).getByRole("button", { name: "Ajouter la réponse type" }));

    expect(await within(form).findByText("Écrivez le titre de la réponse type.")).toBeTruthy();
    expect(within(form).getByText("Écrivez le texte de la réponse type.")).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("changes a template", async () => {
    const store = templateStore("jeunesse", TEMPLATES);
    const calls = serve(messaging.agentUnread(JEUNESSE_COUNTS), ...store.handlers);
    renderAt(PAGE);

    fireEvent.click(await screen.findByRole("button", { name: "Modifier « Inscription reçue »" }));
    const form = screen.getByRole("form", { name: "Modifier la réponse type « Inscription reçue »" });
    const title = within(form).getByLabelText(/^Titre/) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(title.value).toBe("Inscription reçue");
    fireEvent.change(title, { target: { value: "Inscription bien reçue" } });
    fireEvent.click(within(form).getByRole("button", { name: "Enregistrer les modifications" }));

    await expectFocusOn(await screen.findByText("La réponse type « Inscription bien reçue » a été modifiée."));
    expect(titlesListed()).toEqual(["Inscription bien reçue"]);
    expect(calls.find((c) => c.method === "PUT")).toMatchObject({
      url: "/api/messaging/agent/templates/3",
      body: { title: "Inscription bien reçue", body: "Bonjour, votre demande d'inscription est bien reçue." },
    });
  });

  it("deletes a template once confirmed, and not when cancelled", async () => {
    const store = templateStore("jeunesse", TEMPLATES);
    const calls = serve(messaging.agentUnread(JEUNESSE_COUNTS), ...store.handlers);
    renderAt(PAGE);

    fireEvent.click(await screen.findByRole("button", { name: "Supprimer « Inscription reçue »" }));
    let confirmation = screen.getByRole("group", { name: /Supprimer la réponse type « Inscription reçue » \?/ });
    await expectFocusOn(confirmation);
    fireEvent.click(within(confirmation).getByRole("button", { name: "Annuler" }));
    const erase = screen.getByRole("button", { name: "Supprimer « Inscription reçue »" });
    await waitFor(() => expect(document.activeElement).toBe(erase));
    expect(calls.filter((c) => c.method === "DELETE")).toEqual([]);

    fireEvent.click(erase);
    confirmation = screen.getByRole("group", { name: /Supprimer la réponse type « Inscription reçue » \?/ });
    fireEvent.click(within(confirmation).getByRole("button", { name: "Oui, supprimer" }));

    await expectFocusOn(await screen.findByText("La réponse type « Inscription reçue » a été supprimée."));
    expect(await screen.findByText("Ce service n'a pas encore de réponse type.")).toBeTruthy();
    expect(calls.filter((c) => c.method === "DELETE").map((c) => c.url)).toEqual(["/api/messaging/agent/templates/3"]);
  });

  it("lets an agent of two services choose the service", async () => {
    serve(messaging.agentUnread(TWO_SERVICES), messaging.templates("jeunesse", TEMPLATES), messaging.templates("enfance", [
      { id: 9, serviceCode: "enfance", title: "Crèche : pièces à fournir", body: "Le livret de famille.", updatedAt: "2026-11-02T10:00:00Z" },
    ]));
    renderAt(PAGE);

    const service = await screen.findByLabelText(/^Service/);
    expect(within(service).getAllByRole("option").map((o) => o.textContent)).toEqual(["Service Jeunesse", "Service Enfance"]);
    await waitFor(() => expect(titlesListed()).toEqual(["Inscription reçue"]));
    fireEvent.change(service, { target: { value: "enfance" } });

    expect(await screen.findByRole("heading", { level: 2, name: "Réponses types — Service Enfance" })).toBeTruthy();
    await waitFor(() => expect(titlesListed()).toEqual(["Crèche : pièces à fournir"]));
  });
});
