import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useCurrentNews, type NewsItem } from "../../api/news";
import { useSession } from "../../session";
import { Actualite } from "./Actualite";

type Group = { id: string; title: string; items: NewsItem[] };

/**
 * The current items grouped as a family reads them: what is to be done before a date first (« Dates limites
 * d'inscription », nearest first), then « Prochaines vacances », then « Formulaires » (the items with a form to
 * download), then the rest. An item is in the first group it fits, once: a registration with a deadline and a form is
 * under its deadline, its form with it.
 */
export function groupsOf(items: NewsItem[]): Group[] {
  const deadlines: NewsItem[] = [];
  const holidays: NewsItem[] = [];
  const forms: NewsItem[] = [];
  const others: NewsItem[] = [];
  for (const item of items) {
    if (item.deadline) {
      deadlines.push(item);
    } else if (item.category === "VACANCES") {
      holidays.push(item);
    } else if (item.form) {
      forms.push(item);
    } else {
      others.push(item);
    }
  }
  // messaging-service gives them nearest deadline first; kept so here whatever the order they came in (yyyy-MM-dd
  // sorts as text). The other groups keep its order: the newest first.
  deadlines.sort((a, b) => a.deadline!.localeCompare(b.deadline!));
  return [
    { id: "dates-limites", title: "Dates limites d'inscription", items: deadlines },
    { id: "vacances", title: "Prochaines vacances", items: holidays },
    { id: "formulaires", title: "Formulaires", items: forms },
    { id: "autres", title: others.length === items.length ? "Actualités" : "Autres actualités", items: others },
  ].filter((group) => group.items.length > 0);
}

/**
 * « Je m'informe » of the home page: the news the services publish (public ones for a visitor, those for families too
 * once logged in). Its failure is said here and leaves the rest of the home page as it is.
 */
export function JeMinforme() {
  const { me, portal } = useSession();
  const news = useCurrentNews(me.authenticated);
  return (
    <section aria-labelledby="informe-titre" className="fr-mb-6w">
      <h2 id="informe-titre">Je m'informe</h2>
      <p>
        Prochaines vacances, dates limites d'inscription, formulaires à télécharger : les actualités de la{" "}
        {portal.authorityName}.
      </p>
      {news.isPending ? (
        <p role="status">Chargement des actualités…</p>
      ) : news.isError ? (
        <Alert severity="info" small
          description="Les actualités ne peuvent pas être affichées pour le moment. Réessayez dans quelques minutes." />
      ) : news.data.length === 0 ? (
        <p>Aucune actualité pour le moment.</p>
      ) : (
        groupsOf(news.data).map((group) => (
          <section key={group.id} aria-labelledby={`${group.id}-titre`} className="fr-mt-4w">
            <h3 id={`${group.id}-titre`} className="fr-h4">{group.title}</h3>
            {group.items.map((item) => <Actualite key={item.id} item={item} />)}
          </section>
        ))
      )}
    </section>
  );
}
