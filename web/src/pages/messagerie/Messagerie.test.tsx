import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { expectFocusOn } from "../../test/focus";
import {
  ANSWERED, QUESTION, familyItem, messaging, pageOf,
} from "../../test/handlers/messaging";
import { portal } from "../../test/handlers/portal";
import { FAMILY } from "../../test/handlers/session";
import { renderApp } from "../../test/render";
import { MULTIPART_SET_BY_FETCH, json, problem, serve } from "../../test/server";

/** Text as read, spaces of any kind as plain spaces. */
const read = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ");

const header = () => screen.getAllByRole("navigation").find((n) => n.id === "fr-header-main-navigation")!;

async function fill({ service = "jeunesse", theme = "1", subject = "Inscription au centre de loisirs",
  body = "Bonjour,\nMarie peut-elle venir le mercredi ?" } = {}) {
  const form = await screen.findByRole("form", { name: "Envoyer un message" });
  fireEvent.change(within(form).getByLabelText(/Service à contacter/), { target: { value: service } });
  fireEvent.change(within(form).getByLabelText(/Thème de votre demande/), { target: { value: theme } });
  fireEvent.change(within(form).getByLabelText(/^Objet/), { target: { value: subject } });
  fireEvent.change(within(form).getByLabelText(/^Message/), { target: { value: body } });
  return form;
}

describe("Messagerie (families)", () => {
  it("sends a message: the service, then its themes, « Objet », the message, « Envoyer », then the conversation", async () => {
    const calls = serve(messaging.catalogue(), messaging.start(() => json(QUESTION, 201)), messaging.unreadCount({ unread: 0 }),
      messaging.conversation(42, QUESTION), ...portal(FAMILY));
    renderApp("/messagerie/nouveau");

    const form = await screen.findByRole("form", { name: "Envoyer un message" });
    expect(screen.getByRole("heading", { level: 1, name: "Envoyer un message" })).toBeTruthy();
    expect(within(form).getByText(/3 fichiers au plus, 10 Mo chacun, au format PDF, JPEG, PNG, ODT ou DOCX/)).toBeTruthy();
    const theme = within(form).getByLabelText(/Thème de votre demande/) as HTMLSelectElement;
    expect(theme.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText(/Service à contacter/), { target: { value: "facturation" } });
    expect(within(theme).getAllByRole("option").map((o) => o.textContent))
      .toEqual(["Choisissez un thème", "Facture", "Tarifs", "Problème technique", "Autre"]);

    await fill();
    expect(read(within(form).getByText(/caractères restants sur 150/).textContent)).toBe("118 caractères restants sur 150");
    fireEvent.click(within(form).getByRole("button", { name: "Envoyer" }));

    const sent = await screen.findByText("Votre message a été envoyé");
    await expectFocusOn(sent);
    expect(sent.closest("[role=status]")).not.toBeNull();
    expect(screen.getByRole("heading", { level: 1, name: "Inscription au centre de loisirs" })).toBeTruthy();
    expect(screen.getByText(/Marie peut-elle venir le mercredi/)).toBeTruthy();
    expect(screen.getByRole("link", { name: /Télécharger attestation\.pdf/ }).getAttribute("href"))
      .toBe("/api/messaging/conversations/42/attachments/7");
    const post = calls.find((c) => c.method === "POST" && c.url === "/api/messaging/conversations")!;
    expect(post.body).toEqual({ service: "jeunesse", theme: 1, subject: "Inscription au centre de loisirs",
      body: "Bonjour,\nMarie peut-elle venir le mercredi ?" });
  });

  it("sends the attachments as multipart « attachments »", async () => {
    const calls = serve(messaging.catalogue(), messaging.start(() => json(QUESTION, 201)), messaging.conversation(42, QUESTION),
      ...portal(FAMILY));
    renderApp("/messagerie/nouveau");

    const form = await fill();
    const pdf = new File(["%PDF-1.7"], "attestation.pdf", { type: "application/pdf" });
    fireEvent.change(within(form).getByLabelText(/Pièces jointes/), { target: { files: [pdf] } });
    fireEvent.click(within(form).getByRole("button", { name: "Envoyer" }));

    expect(await screen.findByText("Votre message a été envoyé")).toBeTruthy();
    const post = calls.find((c) => c.method === "POST" && c.url === "/api/messaging/conversations")!;
    expect(post.headers.get("content-type")).toMatch(MULTIPART_SET_BY_FETCH);
    const body = post.body as FormData;
    expect(body.get("service")).toBe("jeunesse");
    expect(body.get("theme")).toBe("1");
    expect((body.getAll("attachments")[0] as File).name).toBe("attestation.pdf");
  });

  it("says what is missing before sending, and a 4th file is refused", async () => {
    const calls = serve(messaging.catalogue(), ...portal(FAMILY));
    renderApp("/messagerie/nouveau");

    const form = await screen.findByRole("form", { name: "Envoyer un message" });
    const files = [1, 2, 3, 4].map((n) => new File(["x"], `piece-${n}.pdf`, { type: "application/pdf" }));
    fireEvent.change(within(form).getByLabelText(/Pièces jointes/), { target: { files } });
    fireEvent.click(within(form).getByRole("button", { name: "Envoyer" }));

    await expectFocusOn(await screen.findByText("Corrigez les champs signalés ci-dessous."));
    expect(screen.getByText("Choisissez le service à contacter.")).toBeTruthy();
    expect(screen.getByText("Choisissez le thème de votre demande.")).toBeTruthy();
    expect(screen.getByText("Indiquez l'objet de votre demande.")).toBeTruthy();
    expect(screen.getByText("Écrivez votre message.")).toBeTruthy();
    expect(screen.getByText("Vous pouvez joindre 3 fichiers au plus.")).toBeTruthy();
    expect(calls.filter((c) => c.method === "POST")).toEqual([]);
  });

  it("shows the service's refusal: its detail and the field it names", async () => {
    serve(messaging.catalogue(), messaging.start(() => problem(400, "Le formulaire contient des erreurs.",
      { errors: [{ field: "theme", message: "Ce thème n'est plus proposé." }] })), ...portal(FAMILY));
    renderApp("/messagerie/nouveau");

    const form = await fill();
    fireEvent.click(within(form).getByRole("button", { name: "Envoyer" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Votre message n'a pas été envoyé")).toBeTruthy();
    expect(within(alert).getByText("Le formulaire contient des erreurs.")).toBeTruthy();
    expect(screen.getByText("Ce thème n'est plus proposé.")).toBeTruthy();
  });

  it("shows a refused file's detail (413)", async () => {
    serve(messaging.catalogue(), messaging.start(() => problem(413, "Le fichier dépasse la taille maximale de 10 Mo.")), ...portal(FAMILY));
    renderApp("/messagerie/nouveau");

    const form = await fill();
    fireEvent.change(within(form).getByLabelText(/Pièces jointes/),
      { target: { files: [new File(["x"], "scan.pdf", { type: "application/pdf" })] } });
    fireEvent.click(within(form).getByRole("button", { name: "Envoyer" }));

    expect((await screen.findAllByText("Le fichier dépasse la taille maximale de 10 Mo.")).length).toBeGreaterThan(0);
  });

  it("lists « Messages reçus » with the unread ones marked, and their count in the header", async () => {
    serve(messaging.unreadCount({ unread: 2 }),
      messaging.box("RECEIVED", pageOf([familyItem({ unread: true }), familyItem({ id: 41, subject: "Tarifs 2027", unread: false })],
        { total: 45 })), ...portal(FAMILY));
    renderApp("/messagerie");

    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(within(rows[0]).getByRole("link", { name: "Inscription au centre de loisirs" }).getAttribute("href"))
      .toBe("/messagerie/conversations/42");
    expect(within(rows[0]).getByText("Non lu")).toBeTruthy();
    expect(within(rows[0]).getByText("Service Jeunesse")).toBeTruthy();
    expect(read(within(rows[0]).getByText(/01\/12\/2026/).textContent)).toBe("01/12/2026 à 15:05");
    expect(within(rows[1]).queryByText("Non lu")).toBeNull();
    expect(screen.getByText("Page 1 sur 3")).toBeTruthy();
    expect(await within(header()).findByRole("link", { name: /^Messagerie\s*2\s*messages non lus$/ })).toBeTruthy();
  });

  it("pages « Messages reçus »: « Page suivante »", async () => {
    const calls = serve(messaging.box("RECEIVED", (info: { request: Request }) => {
      const page = Number(new URL(info.request.url).searchParams.get("page"));
      return json(pageOf([familyItem({ id: 50 + page, subject: `Question ${page + 1}` })], { page, total: 45 }));
    }), ...portal(FAMILY));
    renderApp("/messagerie");

    expect(await screen.findByRole("link", { name: "Question 1" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Page suivante" }));

    expect(await screen.findByRole("link", { name: "Question 2" })).toBeTruthy();
    expect(screen.getByText("Page 2 sur 3")).toBeTruthy();
    expect(calls.some((c) => c.url === "/api/messaging/conversations?box=RECEIVED&page=1&size=20")).toBe(true);
  });

  it("shows the count in the header on every page", async () => {
    serve(messaging.unreadCount({ unread: 1 }), ...portal(FAMILY));
    renderApp("/mon-dossier");
    await screen.findByRole("heading", { level: 1 });

    expect(await within(header()).findByRole("link", { name: /^Messagerie\s*1\s*message non lu$/ })).toBeTruthy();
  });

  it("shows a conversation, the service as author, the time in Paris, and answers in it", async () => {
    const reopened = { ...ANSWERED, messages: [...ANSWERED.messages, { ...QUESTION.messages[0], id: 102, body: "Merci !",
      attachments: [], sentAt: "2026-12-01T15:00:00Z" }] };
    const calls = serve(messaging.conversation(42, ANSWERED), messaging.answer(42, () => json(reopened, 201)),
      messaging.unreadCount({ unread: 0 }), ...portal(FAMILY));
    renderApp("/messagerie/conversations/42");

    expect(await screen.findByRole("heading", { level: 1, name: "Inscription au centre de loisirs" })).toBeTruthy();
    const messages = screen.getAllByRole("article");
    expect(within(messages[1]).getByRole("heading", { level: 3, name: "Service Jeunesse" })).toBeTruthy();
    expect(read(within(messages[1]).getByText(/^Le /).textContent)).toBe("Le 01/12/2026 à 15:05");
    expect(within(messages[0]).getByRole("heading", { level: 3, name: "Claire DURAND" })).toBeTruthy();

    const form = screen.getByRole("form", { name: "Répondre" });
    fireEvent.change(within(form).getByLabelText(/^Message/), { target: { value: "Merci !" } });
    fireEvent.click(within(form).getByRole("button", { name: "Envoyer" }));

    const done = await within(form).findByText("Votre message a été envoyé.");
    expect(done.closest("[role=status]")).not.toBeNull();
    await expectFocusOn(done);
    expect(screen.getAllByRole("article")).toHaveLength(3);
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({ body: "Merci !" });
  });

  it("marks a conversation unread again: « Marquer comme non lu »", async () => {
    const calls = serve(messaging.conversation(42, ANSWERED), messaging.markUnread(42), messaging.unreadCount({ unread: 0 }),
      ...portal(FAMILY));
    renderApp("/messagerie/conversations/42");

    fireEvent.click(await screen.findByRole("button", { name: "Marquer comme non lu" }));

    await expectFocusOn(await screen.findByText("La conversation est marquée comme non lue."));
    expect(calls.some((c) => c.method === "POST" && c.url === "/api/messaging/conversations/42/unread")).toBe(true);
  });

  it("says « introuvable » for a conversation of another dossier (404)", async () => {
    serve(messaging.conversation(99, () => problem(404, "Conversation introuvable.")), ...portal(FAMILY));
    renderApp("/messagerie/conversations/99");

    expect(await screen.findByRole("heading", { level: 1, name: "Conversation introuvable" })).toBeTruthy();
  });

  it("lists « Messages envoyés »", async () => {
    const calls = serve(messaging.box("SENT", pageOf([familyItem({ status: "NEW", statusLabel: "Nouveau" })])), ...portal(FAMILY));
    renderApp("/messagerie/envoyes");

    expect(await screen.findByRole("heading", { level: 1, name: "Messages envoyés" })).toBeTruthy();
    expect(await screen.findByText("Nouveau")).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.url === "/api/messaging/conversations?box=SENT&page=0&size=20")).toBe(true));
  });
});
