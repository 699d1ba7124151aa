import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { useEffect, useRef } from "react";
import { Link, useLocation, useSearchParams } from "react-router-dom";
import { AGENT_PAGE_SIZE, useAgentNews } from "../../api/news";
import { CategoryBadge } from "../accueil/Actualite";
import { frenchDate } from "../../format";
import { ProblemMessage } from "./ProblemMessage";
import { AGENT_NEWS, AgentActualitesPage } from "./AgentActualitesPage";
import { StatusBadge } from "./StatusBadge";

/** What the list was told by the page it comes from: an item just deleted. */
export type ListState = { deleted?: string };

/** The item just deleted, said once on arrival (focused, so that it is read first). */
function Deleted({ title }: { title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="fr-mb-3w">
      <Alert severity="success" small description={`L'actualité « ${title} » a été supprimée.`} />
    </div>
  );
}

/** « Actualités »: every item, newest publication first, 20 a page, and « Publier une actualité ». */
export function Liste() {
  const [params] = useSearchParams();
  const { state } = useLocation();
  const deleted = (state as ListState | null)?.deleted;
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const list = useAgentNews(page - 1);
  const data = list.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / (data.size || AGENT_PAGE_SIZE))) : 1;

  return (
    <AgentActualitesPage title="Actualités"
      lead="Les actualités de « Je m'informe » sur la page d'accueil : vacances, dates limites d'inscription, formulaires.">
      {deleted && <Deleted title={deleted} />}
      <Button iconId="fr-icon-add-line" linkProps={{ to: `${AGENT_NEWS}/nouvelle` }} className="fr-mb-3w">
        Publier une actualité
      </Button>
      {list.isPending ? (
        <p role="status">Chargement…</p>
      ) : list.isError ? (
        <ProblemMessage error={list.error} />
      ) : data!.items.length === 0 ? (
        <p>Aucune actualité pour le moment.</p>
      ) : (
        <>
          <div className="fr-table">
            <table>
              <caption>Actualités{pageCount > 1 ? ` (page ${page} sur ${pageCount})` : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">Titre</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Catégorie</th>
                  <th scope="col">Public</th>
                  <th scope="col">Publication</th>
                  <th scope="col">Expiration</th>
                  <th scope="col">Date limite d'inscription</th>
                  <th scope="col">Formulaire</th>
                </tr>
              </thead>
              <tbody>
                {data!.items.map((item) => (
                  <tr key={item.id}>
                    <td><Link to={`${AGENT_NEWS}/${item.id}`}>{item.title}</Link></td>
                    <td><StatusBadge item={item} /></td>
                    <td><CategoryBadge item={item} /></td>
                    <td>{item.audienceLabel}</td>
                    <td>{frenchDate(item.publicationDate)}</td>
                    <td>{item.expiryDate ? frenchDate(item.expiryDate) : "—"}</td>
                    <td>{item.deadline ? frenchDate(item.deadline) : "—"}</td>
                    <td>{item.form ? item.form.fileName : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pageCount > 1 && (
            <Pagination count={pageCount} defaultPage={page} getPageLinkProps={(n) => ({ to: `${AGENT_NEWS}?page=${n}` })} />
          )}
        </>
      )}
    </AgentActualitesPage>
  );
}
