import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import type { NewsDraft } from "../../api/news";
import { ANONYMOUS, type Me } from "../../api/session";
import { expectFocusOn } from "../../test/focus";
import { agentForm, agentNewsItem, news, newsPage } from "../../test/handlers/news";
import { FAMILY, session } from "../../test/handlers/session";
import { renderApp, renderWith } from "../../test/render";
import { callsTo, json, MULTIPART_SET_BY_FETCH, problem, serve } from "../../test/server";
import { AgentActualites } from ".";

const AGENT: Me = {
  ...ANONYMOUS, authenticated: true, username: "agent.jeunesse", name: "Agent Jeunesse", roles: ["agent"], services: ["jeunesse"],
};

const renderAt = (path: string, me: Me = AGENT) => renderWith(
  <Routes>
    <Route path="/agent/actualites/*" element={<AgentActualites />} />
  </Routes>,
  { path, me },
);

/** Text as read, spaces of any kind (fr-FR's no-break ones) as plain spaces. */
const read = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

const form = () => screen.getByRole("form", { name: "Publier une actualité" });

/** Types the text in the rich-text field as the browser would leave it. */
function typeText(html: string) {
  const editor = within(form()).getByRole("textbox", { name: /^Texte/ });
  editor.innerHTML = html;
  fireEvent.input(editor);
}

const PDF = new File(["%PDF-1.7\n"], "fiche-inscription.pdf", { type: "application/pdf" });

describe("the agents' news", () => {
  it("is for agents only", async () => {
    renderAt("/agent/actualites", FAMILY);

    expect(await screen.findByRole("heading", { level: 1, name: "Accès refusé" })).toBeTruthy();
  });

  it("is « Actualités » in the agent's menu", async () => {
    serve(...session(AGENT), news.list(newsPage([])));
    renderApp("/agent/actualites");

    expect(await screen.findByRole("heading", { level: 1, name: "Actualités" })).toBeTruthy();
    const nav = screen.getAllByRole("navigation").find((n) => n.id === "fr-header-main-navigation")!;
    expect(within(nav).getByRole("link", { name: "Actualités" }).getAttribute("aria-current")).toBe("page");
    expect(within(nav).getByRole("link", { name: "Espace agent" }).getAttribute("aria-current")).toBeNull();
    expect(await screen.findByText("Aucune actualité pour le moment.")).toBeTruthy();
    expect(document.title).toBe("Actualités — Portail Famille");
  });

  it("lists every item with its status, category, audience and dates, page by page", async () => {
    const calls = serve(news.list(newsPage([
      agentNewsItem({ id: 31, title: "Inscriptions d'été", status: "SCHEDULED", statusLabel: "Programmée", category: "INSCRIPTIONS",
        categoryLabel: "Inscriptions", audience: "FAMILIES", audienceLabel: "Familles connectées", publicationDate: "2027-01-10",
        expiryDate: null, deadline: "2027-06-15", form: agentForm(31) }),
      agentNewsItem({ id: 12, status: "DRAFT", statusLabel: "Brouillon", draft: true }),
    ], { total: 45 })));
    renderAt("/agent/actualites");

    const table = await screen.findByRole("table", { name: "Actualités (page 1 sur 3)" });
    const rows = within(table).getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell").map((c) => read(c.textContent)));
    expect(rows).toEqual([
      ["Inscriptions d'été", "Programmée", "Inscriptions", "Familles connectées", "10/01/2027", "—", "15/06/2027", "fiche-inscription.pdf"],
      ["Vacances de Noël", "Brouillon", "Vacances", "Tout public", "01/12/2026", "04/01/2027", "—", "—"],
    ]);
    expect(within(table).getByRole("link", { name: "Inscriptions d'été" }).getAttribute("href")).toBe("/agent/actualites/31");
    expect(screen.getByRole("link", { name: "Publier une actualité" }).getAttribute("href")).toBe("/agent/actualites/nouvelle");
    expect(calls.some((c) => c.url === "/api/messaging/agent/news?page=0&size=20")).toBe(true);
  });

  it("creates an item: the service's refusal under each field, then published and its page, the focus on what was done", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    let attempt = 0;
    const created = agentNewsItem({
      id: 31, title: "Inscriptions au centre de loisirs d'été", category: "INSCRIPTIONS", categoryLabel: "Inscriptions",
      audience: "FAMILIES", audienceLabel: "Familles connectées", bodyHtml: "<p>Inscrivez <strong>vite</strong> vos enfants.</p>",
      publicationDate: "2026-12-01", expiryDate: null, deadline: "2027-06-15",
    });
    const calls = serve(
      news.create(() => (++attempt === 1
        ? problem(400, "La demande contient des erreurs.", { errors: [
          { field: "title", message: "Le titre est obligatoire." },
          { field: "text", message: "Le texte est obligatoire." },
          { field: "category", message: "Choisissez une catégorie." },
        ] })
        : json(created, 201))),
      news.item(31, created),
      news.list(newsPage([created])),
    );
    renderAt("/agent/actualites/nouvelle");

    expect(screen.getByRole("heading", { level: 1, name: "Publier une actualité" })).toBeTruthy();
    fireEvent.click(within(form()).getByRole("button", { name: "Publier" }));

    const refusal = await screen.findByText("L'actualité n'est pas enregistrée : corrigez les champs signalés.");
    await expectFocusOn(refusal);
    expect(screen.getByText("Le titre est obligatoire.")).toBeTruthy();
    // The service names the text `text`: under « Texte » all the same.
    expect(screen.getByText("Le texte est obligatoire.")).toBeTruthy();
    expect(screen.getByText("Choisissez une catégorie.")).toBeTruthy();
    expect(within(form()).getByRole("textbox", { name: /^Texte/ }).getAttribute("aria-invalid")).toBe("true");

    fireEvent.change(within(form()).getByLabelText(/^Titre/), { target: { value: "  Inscriptions au centre de loisirs d'été " } });
    typeText("<p>Inscrivez <strong>vite</strong> vos enfants.</p>");
    fireEvent.change(within(form()).getByLabelText(/^Catégorie/), { target: { value: "INSCRIPTIONS" } });
    fireEvent.click(within(form()).getByLabelText(/^Familles connectées/));
    fireEvent.change(within(form()).getByLabelText(/^Date de publication/), { target: { value: "2026-12-01" } });
    fireEvent.change(within(form()).getByLabelText(/^Date limite d'inscription/), { target: { value: "2027-06-15" } });
    fireEvent.click(within(form()).getByRole("button", { name: "Publier" }));

    const done = await screen.findByText("Actualité publiée : elle paraît sur la page d'accueil.");
    expect(screen.getByRole("heading", { level: 1, name: "Inscriptions au centre de loisirs d'été" })).toBeTruthy();
    await expectFocusOn(done);
    const sent = callsTo("/api/messaging/agent/news", "POST");
    expect(sent).toHaveLength(2);
    expect(sent[1].headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(sent[1].body).toMatchObject({
      title: "Inscriptions au centre de loisirs d'été", text: "<p>Inscrivez <strong>vite</strong> vos enfants.</p>",
      category: "INSCRIPTIONS", audience: "FAMILIES", publicationDate: "2026-12-01", expiryDate: null, deadline: "2027-06-15",
      linkUrl: null, linkLabel: null, draft: false,
    });
    expect(sent[1].body).not.toHaveProperty("body");
    // The saved item's form is the one shown, its PDF to attach below.
    expect((within(form()).getByLabelText(/^Titre/) as HTMLInputElement).value).toBe("Inscriptions au centre de loisirs d'été");
    expect(screen.getByRole("heading", { level: 2, name: "Formulaire à télécharger" })).toBeTruthy();
    expect(calls.some((c) => c.url === "/api/messaging/agent/news/31")).toBe(true);
  });

  it("saves a draft with « Enregistrer le brouillon »", async () => {
    serve(news.update(12, (info) => info.request.json().then((body) =>
      json(agentNewsItem({ draft: true, status: "DRAFT", statusLabel: "Brouillon", title: (body as NewsDraft).title })))),
    news.item(12, agentNewsItem({ draft: true, status: "DRAFT", statusLabel: "Brouillon" })));
    renderAt("/agent/actualites/12");

    await screen.findByRole("heading", { level: 1, name: "Vacances de Noël" });
    expect(within(form()).getByRole("textbox", { name: /^Texte/ }).innerHTML).toContain("<strong>21 décembre</strong>");
    fireEvent.change(within(form()).getByLabelText(/^Titre/), { target: { value: "Vacances de fin d'année" } });
    fireEvent.click(within(form()).getByRole("button", { name: "Enregistrer le brouillon" }));

    expect(await screen.findByText("Brouillon enregistré : l'actualité ne paraît pas sur la page d'accueil.")).toBeTruthy();
    const sent = callsTo("/api/messaging/agent/news/12", "PUT");
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatchObject({ title: "Vacances de fin d'année", draft: true, category: "VACANCES", expiryDate: "2027-01-04" });
  });

  it("attaches the PDF form, says so, and removes it", async () => {
    document.cookie = "XSRF-TOKEN=jeton-csrf";
    serve(
      news.item(12, agentNewsItem()),
      news.uploadForm(12, agentNewsItem({ form: agentForm(12) })),
      news.removeForm(12, agentNewsItem({ form: null })),
    );
    renderAt("/agent/actualites/12");

    const section = (await screen.findByRole("heading", { level: 2, name: "Formulaire à télécharger" })).closest("section")!;
    expect(within(section).getByText("Aucun formulaire n'est joint à cette actualité.")).toBeTruthy();
    const upload = within(section).getByRole("form", { name: "Joindre un formulaire" });

    // Not a PDF: said under the field, nothing sent.
    fireEvent.change(within(upload).getByLabelText(/Formulaire PDF/), {
      target: { files: [new File(["x"], "photo.png", { type: "image/png" })] },
    });
    fireEvent.click(within(upload).getByRole("button", { name: "Joindre le formulaire" }));
    expect(await within(upload).findByText("Le formulaire doit être un fichier PDF.")).toBeTruthy();
    expect(callsTo("/api/messaging/agent/news/12/form", "PUT")).toHaveLength(0);

    fireEvent.change(within(upload).getByLabelText(/Formulaire PDF/), { target: { files: [PDF] } });
    fireEvent.click(within(upload).getByRole("button", { name: "Joindre le formulaire" }));

    const attached = await within(section).findByText("Le formulaire fiche-inscription.pdf est joint à l'actualité.");
    await expectFocusOn(attached);
    const download = within(section).getByRole("link", { name: /Télécharger fiche-inscription\.pdf/ });
    expect(download.getAttribute("href")).toBe("/api/messaging/agent/news/12/form");
    expect(read(download.textContent)).toContain("PDF – 120 Ko");
    const [put] = callsTo("/api/messaging/agent/news/12/form", "PUT");
    expect(put.headers.get("content-type")).toMatch(MULTIPART_SET_BY_FETCH);
    expect(put.headers.get("X-XSRF-TOKEN")).toBe("jeton-csrf");
    expect(((put.body as FormData).get("file") as File).name).toBe("fiche-inscription.pdf");

    fireEvent.click(within(section).getByRole("button", { name: "Retirer le formulaire fiche-inscription.pdf" }));
    expect(await within(section).findByText("Le formulaire a été retiré de l'actualité.")).toBeTruthy();
    expect(within(section).getByText("Aucun formulaire n'est joint à cette actualité.")).toBeTruthy();
    expect(callsTo("/api/messaging/agent/news/12/form", "DELETE")).toHaveLength(1);
  });

  it("says why the service refused the file, under the field", async () => {
    serve(news.item(12, agentNewsItem()),
      news.uploadForm(12, () => problem(400, "La demande contient des erreurs.", { errors: [{ field: "file", message: "Le fichier n'est pas un PDF lisible." }] })));
    renderAt("/agent/actualites/12");

    const upload = await screen.findByRole("form", { name: "Joindre un formulaire" });
    fireEvent.change(within(upload).getByLabelText(/Formulaire PDF/), { target: { files: [PDF] } });
    fireEvent.click(within(upload).getByRole("button", { name: "Joindre le formulaire" }));

    expect(await within(upload).findByText("Le fichier n'est pas un PDF lisible.")).toBeTruthy();
  });

  it("deletes an item once confirmed, and the list says so", async () => {
    serve(news.item(12, agentNewsItem()), news.remove(12), news.list(newsPage([])));
    renderAt("/agent/actualites/12");

    fireEvent.click(await screen.findByRole("button", { name: "Supprimer l'actualité" }));
    const question = screen.getByText(/Supprimer définitivement « Vacances de Noël »/);
    await expectFocusOn(question);
    fireEvent.click(screen.getByRole("button", { name: "Annuler" }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Supprimer l'actualité"));
    expect(callsTo("/api/messaging/agent/news/12", "DELETE")).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Supprimer l'actualité" }));
    fireEvent.click(screen.getByRole("button", { name: "Confirmer la suppression" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Actualités" })).toBeTruthy();
    const said = await screen.findByText("L'actualité « Vacances de Noël » a été supprimée.");
    await expectFocusOn(said);
    expect(callsTo("/api/messaging/agent/news/12", "DELETE")).toHaveLength(1);
  });

  it("names an unknown item « introuvable »", async () => {
    serve(news.item(99, () => problem(404, "Actualité introuvable.")));
    renderAt("/agent/actualites/99");

    expect(await screen.findByRole("heading", { level: 1, name: "Actualité introuvable" })).toBeTruthy();
  });
});

describe("the text's toolbar", () => {
  /** The browser's formatting command, recorded (jsdom has none): what the toolbar asks for, and it marks the text. */
  function fakeExecCommand() {
    const commands: [string, string | undefined][] = [];
    Object.defineProperty(document, "execCommand", {
      configurable: true,
      value: (command: string, _ui: boolean, value?: string) => {
        commands.push([command, value]);
        return true;
      },
    });
    return commands;
  }

  afterEach(() => {
    Reflect.deleteProperty(document, "execCommand");
  });

  it("offers « Gras », « Liste à puces », « Liste numérotée » and « Lien » as buttons of a labelled toolbar", async () => {
    const commands = fakeExecCommand();
    renderAt("/agent/actualites/nouvelle");

    const editor = within(form()).getByRole("textbox", { name: /^Texte/ });
    expect(editor.getAttribute("contenteditable")).toBe("true");
    expect(editor.getAttribute("aria-multiline")).toBe("true");
    const toolbar = within(form()).getByRole("toolbar", { name: "Mise en forme du texte" });
    expect(within(toolbar).getAllByRole("button").map((b) => b.textContent)).toEqual(["Gras", "Liste à puces", "Liste numérotée", "Lien"]);

    fireEvent.click(within(toolbar).getByRole("button", { name: "Gras" }));
    fireEvent.click(within(toolbar).getByRole("button", { name: "Liste numérotée" }));
    expect(commands.filter(([c]) => c !== "defaultParagraphSeparator")).toEqual([["bold", undefined], ["insertOrderedList", undefined]]);

    fireEvent.click(within(toolbar).getByRole("button", { name: "Lien" }));
    const address = within(form()).getByLabelText(/^Adresse du lien/);
    await waitFor(() => expect(document.activeElement).toBe(address));
    fireEvent.change(address, { target: { value: "javascript:alert(1)" } });
    fireEvent.click(within(form()).getByRole("button", { name: "Insérer le lien" }));
    expect(within(form()).getByText("Indiquez une adresse qui commence par https:// ou http://.")).toBeTruthy();

    fireEvent.change(address, { target: { value: "https://www.example.fr/centre" } });
    fireEvent.click(within(form()).getByRole("button", { name: "Insérer le lien" }));
    // Nothing selected: the address becomes the link's text.
    expect(commands.at(-1)).toEqual(["insertHTML", '<a href="https://www.example.fr/centre">https://www.example.fr/centre</a>']);
    expect(within(form()).queryByLabelText(/^Adresse du lien/)).toBeNull();
  });
});
