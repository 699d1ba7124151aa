import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ANONYMOUS, type Me } from "../../api/session";
import { familyForm, news, newsItem } from "../../test/handlers/news";
import { portal } from "../../test/handlers/portal";
import { FAMILY } from "../../test/handlers/session";
import { renderApp } from "../../test/render";
import { callsTo, problem, serve } from "../../test/server";

/** Text as read, spaces of any kind (fr-FR's no-break ones) as plain spaces. */
const read = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

const CENTRE_ETE = newsItem({
  id: 21, title: "Inscriptions au centre de loisirs d'été", category: "INSCRIPTIONS", categoryLabel: "Inscriptions",
  bodyHtml: "<p>Inscrivez vos enfants :</p><ul><li>en ligne</li><li>à l'accueil</li></ul>", deadline: "2027-06-15",
  form: familyForm(21, "fiche-inscription.pdf", 120 * 1024),
});
const CANTINE = newsItem({
  id: 22, title: "Inscriptions à la cantine", category: "INSCRIPTIONS", categoryLabel: "Inscriptions",
  bodyHtml: "<p>Pour la rentrée.</p>", deadline: "2027-03-01",
});
const NOEL = newsItem();
const TRAVAUX = newsItem({
  id: 23, title: "Travaux à l'accueil", category: "INFORMATIONS", categoryLabel: "Informations", bodyHtml: "<p>Fermé lundi.</p>",
  audience: "FAMILIES", audienceLabel: "Familles connectées", linkUrl: "https://www.example.fr/travaux", linkLabel: "Le plan d'accès",
});
const FICHE_SANITAIRE = newsItem({
  id: 24, title: "Fiche sanitaire", category: "FORMULAIRES", categoryLabel: "Formulaires", bodyHtml: "<p>À remplir.</p>",
  form: familyForm(24, "fiche-sanitaire.pdf", 850 * 1024),
});

/** The home page for `me`, the news answering `items` (or a resolver). */
function home(me: Me, items: Parameters<typeof news.current>[0]) {
  const calls = serve(news.current(items), ...portal(me));
  renderApp("/");
  return calls;
}

const section = async () => {
  const title = await screen.findByRole("heading", { level: 2, name: "Je m'informe" });
  return title.closest("section")!;
};

const group = (within_: HTMLElement, name: string) =>
  within(within_).getByRole("heading", { level: 3, name }).closest("section")!;

describe("« Je m'informe » on the home page", () => {
  it("shows the deadlines first, nearest first, with their French date, then the holidays, the forms and the rest", async () => {
    // In the order messaging-service would not give them: the page puts the nearest deadline first.
    home(FAMILY, [CENTRE_ETE, CANTINE, NOEL, FICHE_SANITAIRE, TRAVAUX]);

    const informe = await section();
    await within(informe).findByRole("heading", { level: 3, name: "Dates limites d'inscription" });
    const groups = within(informe).getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(groups).toEqual(["Dates limites d'inscription", "Prochaines vacances", "Formulaires", "Autres actualités"]);

    const deadlines = group(informe, "Dates limites d'inscription");
    const titles = within(deadlines).getAllByRole("heading", { level: 4 }).map((h) => h.textContent);
    expect(titles).toEqual(["Inscriptions à la cantine", "Inscriptions au centre de loisirs d'été"]);
    const ete = within(deadlines).getByRole("article", { name: "Inscriptions au centre de loisirs d'été" });
    expect(within(ete).getByText("Date limite d'inscription : 15/06/2027")).toBeTruthy();
    expect(within(ete).getByText("Inscriptions")).toBeTruthy();
    // The text as the agent formatted it: a list.
    expect(within(ete).getAllByRole("listitem").map((li) => li.textContent)).toContain("à l'accueil");
    const download = within(ete).getByRole("link", { name: /Télécharger fiche-inscription\.pdf/ });
    expect(download.getAttribute("href")).toBe("/api/messaging/news/21/form");
    expect(read(download.textContent)).toBe("Télécharger fiche-inscription.pdfPDF – 120 Ko");
    expect(within(deadlines).getByText("Date limite d'inscription : 01/03/2027")).toBeTruthy();

    const holidays = group(informe, "Prochaines vacances");
    const noel = within(holidays).getByRole("article", { name: "Vacances de Noël" });
    expect(within(noel).getByText("21 décembre").tagName).toBe("STRONG");
    expect(within(noel).queryByText(/Date limite/)).toBeNull();

    const forms = group(informe, "Formulaires");
    expect(read(within(forms).getByRole("link", { name: /fiche-sanitaire\.pdf/ }).textContent)).toContain("PDF – 850 Ko");

    const others = group(informe, "Autres actualités");
    const travaux = within(others).getByRole("article", { name: "Travaux à l'accueil" });
    expect(within(travaux).getByText("Familles connectées")).toBeTruthy();
    const link = within(travaux).getByRole("link", { name: "Le plan d'accès" });
    expect(link.getAttribute("href")).toBe("https://www.example.fr/travaux");
    expect(link.getAttribute("target")).toBe("_blank");
  });

  it("shows a visitor what messaging-service gives a visitor, and a family logged in what it gives families", async () => {
    // messaging-service decides who reads what, from the session the gateway relays: the fake answers as it would.
    const gateway = (me: Me) => http.get("/api/messaging/news", () =>
      HttpResponse.json(me.authenticated ? [NOEL, TRAVAUX] : [NOEL]));

    serve(gateway(ANONYMOUS), ...portal(ANONYMOUS));
    const { unmount } = renderApp("/");
    const visitor = await section();
    expect(await within(visitor).findByRole("heading", { level: 4, name: "Vacances de Noël" })).toBeTruthy();
    expect(within(visitor).queryByText("Travaux à l'accueil")).toBeNull();
    expect(callsTo("/api/messaging/news")).toHaveLength(1);
    unmount();

    serve(gateway(FAMILY), ...portal(FAMILY));
    renderApp("/");
    const family = await section();
    expect(await within(family).findByRole("heading", { level: 4, name: "Travaux à l'accueil" })).toBeTruthy();
    expect(within(family).getByRole("heading", { level: 4, name: "Vacances de Noël" })).toBeTruthy();
  });

  it("says when there is no news", async () => {
    home(ANONYMOUS, []);

    const informe = await section();
    expect(await within(informe).findByText("Aucune actualité pour le moment.")).toBeTruthy();
    expect(within(informe).queryByRole("heading", { level: 3 })).toBeNull();
  });

  it("says the news cannot be shown when messaging-service fails, and the rest of the home page stays", async () => {
    home(FAMILY, () => problem(503, "Service indisponible", { slug: "service-indisponible" }));

    const informe = await section();
    expect(await within(informe).findByText(/Les actualités ne peuvent pas être affichées pour le moment/)).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Bonjour Claire DURAND" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Je navigue" })).toBeTruthy();
    expect(screen.getByRole("link", { name: /Payer mes factures/ })).toBeTruthy();
  });
});
