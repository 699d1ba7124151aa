import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { describe, expect, it } from "vitest";
import type { Conversation } from "../../api/messaging";
import { ANONYMOUS, type Me } from "../../api/session";
import { expectFocusOn } from "../../test/focus";
import {
  AGENT_QUESTION, CATALOGUE, JEUNESSE_COUNTS, TEMPLATES, agentItem, messaging, pageOf,
} from "../../test/handlers/messaging";
import { FAMILY, session } from "../../test/handlers/session";
import { renderApp, renderWith } from "../../test/render";
import { json, problem, serve } from "../../test/server";
import { AgentMessagerie } from ".";

const AGENT: Me = {
  ...ANONYMOUS, authenticated: true, username: "agent.jeunesse", name: "Julie MARTY", roles: ["agent"], services: ["jeunesse"],
};

const renderAt = (path: string, me: Me = AGENT) => renderWith(
  <Routes>
    <Route path="/agent/messagerie/*" element={<AgentMessagerie />} />
    <Route path="/agent/dossiers/:number" element={<h1>Dossier</h1>} />
  </Routes>,
  { path, me },
);

const TAKEN: Conversation = { ...AGENT_QUESTION, status: "IN_PROGRESS", statusLabel: "En cours", assignedTo: "agent.jeunesse",
  assignedName: "Julie MARTY", steps: [{ kind: "TAKEN", kindLabel: "Prise en charge", fromServiceName: null, toServiceName: null,
    note: null, happenedAt: "2026-12-01T10:00:00Z", byName: "Julie MARTY" }] };

describe("the agents' Messagerie", () => {
  it("is for agents only", async () => {
    renderAt("/agent/messagerie", FAMILY);

    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeTruthy();
  });

  it("is in the agent's menu", async () => {
    serve(messaging.agentUnread(JEUNESSE_COUNTS), messaging.catalogue(), messaging.inbox(pageOf([])), ...session(AGENT));
    renderApp("/agent/messagerie");

    expect(await screen.findByRole("heading", { level: 1, name: "Messagerie" })).toBeTruthy();
    const nav = screen.getAllByRole("navigation").find((n) => n.id === "fr-header-main-navigation")!;
    expect(within(nav).getByRole("link", { name: "Gestion de la messagerie" }).getAttribute("aria-current")).toBe("page");
    expect(within(nav).getByRole("link", { name: "Espace agent" }).getAttribute("aria-current")).toBeNull();
  });

  it("shows the service's counts, « Non attribués » with the unread marked, the dossier's link, and filters", async () => {
    const calls = serve(messaging.agentUnread(JEUNESSE_COUNTS), messaging.catalogue(),
      messaging.inbox(pageOf([agentItem()])));
    renderAt("/agent/messagerie");

    expect(await screen.findByRole("button", { name: "Service Jeunesse — 1 non lu, 1 non attribué" })).toBeTruthy();
    const table = await screen.findByRole("table");
    const row = within(table).getAllByRole("row")[1];
    expect(within(row).getByText("Non lu")).toBeTruthy();
    expect(within(row).getByRole("link", { name: "Inscription au centre de loisirs" }).getAttribute("href"))
      .toBe("/agent/messagerie/conversations/42");
    expect(within(row).getByRole("link", { name: "6000" }).getAttribute("href")).toBe("/agent/dossiers/6000");
    expect(calls.some((c) => c.url === "/api/messaging/agent/conversations?service=jeunesse&box=UNASSIGNED&page=0&size=20")).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Tous" }));
    fireEvent.change(screen.getByLabelText("Thème"), { target: { value: "1" } });
    fireEvent.change(screen.getByLabelText("Statut"), { target: { value: "NEW" } });
    fireEvent.change(screen.getByLabelText("Numéro de dossier ou nom de la famille"), { target: { value: "durand" } });
    fireEvent.click(screen.getByRole("button", { name: "Rechercher" }));

    await waitFor(() => expect(calls.some((c) => c.url
      === "/api/messaging/agent/conversations?service=jeunesse&box=ALL&theme=1&status=NEW&q=durand&page=0&size=20")).toBe(true));
    expect(within(screen.getByLabelText("Statut")).getAllByRole("option").map((o) => o.textContent))
      .toEqual(["Tous les statuts", "Nouveau", "En cours", "Répondu", "Clos"]);
  });

  it("takes the conversation: « Prendre en charge »", async () => {
    const calls = serve(messaging.agentConversation(42, AGENT_QUESTION), messaging.take(42, TAKEN), messaging.templates("jeunesse", []),
      messaging.catalogue(), messaging.agentUnread(JEUNESSE_COUNTS));
    renderAt("/agent/messagerie/conversations/42");

    expect(await screen.findByRole("heading", { level: 1, name: "Inscription au centre de loisirs" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Dossier n° 6000" }).getAttribute("href")).toBe("/agent/dossiers/6000");
    expect(screen.getByText("Claire DURAND")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "Claire DURAND (famille)" })).toBeTruthy();
    expect(screen.getByRole("link", { name: /Télécharger attestation\.pdf/ }).getAttribute("href"))
      .toBe("/api/messaging/agent/conversations/42/attachments/7");
    fireEvent.click(screen.getByRole("button", { name: "Prendre en charge" }));

    const done = await screen.findByText("Vous avez pris en charge cette conversation.");
    await expectFocusOn(done);
    expect(screen.getByText("En cours")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Prendre en charge" })).toBeNull();
    expect(calls.some((c) => c.method === "POST" && c.url === "/api/messaging/agent/conversations/42/take")).toBe(true);
  });

  it("shows who has it when another agent took it first (409)", async () => {
    serve(messaging.agentConversation(42, AGENT_QUESTION), messaging.templates("jeunesse", []), messaging.catalogue(),
      messaging.take(42, () => problem(409, "Paul BLANC a déjà pris en charge cette conversation.")));
    renderAt("/agent/messagerie/conversations/42");

    fireEvent.click(await screen.findByRole("button", { name: "Prendre en charge" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Paul BLANC a déjà pris en charge cette conversation.")).toBeTruthy();
  });

  it("answers with a template edited before sending", async () => {
    const answered: Conversation = { ...TAKEN, status: "ANSWERED", statusLabel: "Répondu", messages: [...TAKEN.messages, {
      id: 101, from: "SERVICE", authorName: "Julie MARTY", authorUsername: "agent.jeunesse", body: "Bonjour, votre demande d'inscription est bien reçue. Marie est inscrite.",
      sentAt: "2026-12-01T14:05:00Z", attachments: [] }] };
    const calls = serve(messaging.agentConversation(42, TAKEN), messaging.templates("jeunesse", TEMPLATES), messaging.catalogue(),
      messaging.agentAnswer(42, () => json(answered, 201)), messaging.agentUnread(JEUNESSE_COUNTS));
    renderAt("/agent/messagerie/conversations/42");

    const form = await screen.findByRole("form", { name: "Répondre" });
    const templates = await within(form).findByLabelText(/Réponses types/);
    fireEvent.change(templates, { target: { value: "3" } });
    const body = within(form).getByLabelText(/^Message/) as HTMLTextAreaElement;
    expect(body.value).toBe("Bonjour, votre demande d'inscription est bien reçue.");
    fireEvent.change(body, { target: { value: `${body.value} Marie est inscrite.` } });
    fireEvent.click(within(form).getByRole("button", { name: "Envoyer" }));

    const done = await within(form).findByText("Votre réponse a été envoyée.");
    await expectFocusOn(done);
    expect(screen.getByText("Répondu")).toBeTruthy();
    expect(calls.find((c) => c.method === "POST" && c.url === "/api/messaging/agent/conversations/42/messages")!.body)
      .toEqual({ body: "Bonjour, votre demande d'inscription est bien reçue. Marie est inscrite." });
    expect(within(form).getByLabelText(/^Message/)).toHaveProperty("value", "");
  });

  it("answers with attachments as multipart", async () => {
    const calls = serve(messaging.agentConversation(42, TAKEN), messaging.templates("jeunesse", []), messaging.catalogue(),
      messaging.agentAnswer(42, () => json(TAKEN, 201)), messaging.agentUnread(JEUNESSE_COUNTS));
    renderAt("/agent/messagerie/conversations/42");

    const form = await screen.findByRole("form", { name: "Répondre" });
    fireEvent.change(within(form).getByLabelText(/^Message/), { target: { value: "Voici le formulaire." } });
    fireEvent.change(within(form).getByLabelText(/Pièces jointes/),
      { target: { files: [new File(["%PDF-1.7"], "formulaire.pdf", { type: "application/pdf" })] } });
    fireEvent.click(within(form).getByRole("button", { name: "Envoyer" }));

    expect(await within(form).findByText("Votre réponse a été envoyée.")).toBeTruthy();
    const body = calls.find((c) => c.method === "POST" && c.url === "/api/messaging/agent/conversations/42/messages")!.body as FormData;
    expect(body.get("body")).toBe("Voici le formulaire.");
    expect((body.get("attachments") as File).name).toBe("formulaire.pdf");
  });

  it("says what is missing in an answer", async () => {
    const calls = serve(messaging.agentConversation(42, TAKEN), messaging.templates("jeunesse", []), messaging.catalogue());
    renderAt("/agent/messagerie/conversations/42");

    const form = await screen.findByRole("form", { name: "Répondre" });
    fireEvent.click(within(form).getByRole("button", { name: "Envoyer" }));

    expect(await within(form).findByText("Écrivez votre message.")).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("transfers to another service with a note", async () => {
    const calls = serve(messaging.agentConversation(42, TAKEN), messaging.templates("jeunesse", []), messaging.catalogue(CATALOGUE),
      messaging.transfer(42, { ...TAKEN, serviceCode: "enfance", serviceName: "Service Enfance", status: "NEW", statusLabel: "Nouveau" }),
      messaging.agentUnread(JEUNESSE_COUNTS));
    renderAt("/agent/messagerie/conversations/42");

    const form = await screen.findByRole("form", { name: "Transférer" });
    const service = within(form).getByLabelText("Service");
    await waitFor(() => expect(within(service).queryByRole("option", { name: "Service Enfance" })).not.toBeNull());
    expect(within(service).queryByRole("option", { name: "Service Jeunesse" })).toBeNull();
    fireEvent.click(within(form).getByRole("button", { name: "Transférer" }));
    expect(await within(form).findByText("Écrivez une note pour les agents du service.")).toBeTruthy();

    fireEvent.change(service, { target: { value: "enfance" } });
    fireEvent.change(within(form).getByLabelText(/^Note/), { target: { value: "Concerne la crèche." } });
    fireEvent.click(within(form).getByRole("button", { name: "Transférer" }));

    const done = await screen.findByText("La conversation a été transférée au Service Enfance");
    await expectFocusOn(done);
    expect(calls.find((c) => c.url === "/api/messaging/agent/conversations/42/transfer")!.body)
      .toEqual({ service: "enfance", note: "Concerne la crèche." });
  });

  it("closes the conversation: « Clore »", async () => {
    serve(messaging.agentConversation(42, TAKEN), messaging.templates("jeunesse", []), messaging.catalogue(),
      messaging.close(42, { ...TAKEN, status: "CLOSED", statusLabel: "Clos" }), messaging.agentUnread(JEUNESSE_COUNTS));
    renderAt("/agent/messagerie/conversations/42");

    fireEvent.click(await screen.findByRole("button", { name: "Clore" }));

    await expectFocusOn(await screen.findByText("La conversation est close."));
    expect(screen.getByText("Clos")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Clore" })).toBeNull();
  });

  it("says « introuvable » for another service's conversation (404)", async () => {
    serve(messaging.agentConversation(77, () => problem(404, "Conversation introuvable.")));
    renderAt("/agent/messagerie/conversations/77");

    expect(await screen.findByRole("heading", { level: 1, name: "Conversation introuvable" })).toBeTruthy();
  });
});
