import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiProblem, fieldsOf, isProblem } from "../../api/http";
import {
  createNews, draftFieldsOf, newsKeys, updateNews, useAgentNewsItem, type AgentNewsItem, type NewsDraft,
} from "../../api/news";
import { frenchDate, frenchDateTime } from "../../format";
import { AGENT_NEWS, AgentActualitesPage } from "./AgentActualitesPage";
import { FormulaireActualite } from "./FormulaireActualite";
import { FormulairePdf } from "./FormulairePdf";
import { ProblemMessage } from "./ProblemMessage";
import { StatusBadge } from "./StatusBadge";
import { Suppression } from "./Suppression";

/** What the item's page is told by the one it comes from: the item was just created. */
export type SavedState = { saved: string };

/** The navigation's state says the page shows what was just saved (and puts the focus there itself). */
export const isSavedState = (state: unknown): state is SavedState =>
  typeof state === "object" && state !== null && typeof (state as SavedState).saved === "string";

/** What saving did, in the words of the item's status. */
function savedMessage(item: AgentNewsItem): string {
  switch (item.status) {
    case "DRAFT":
      return "Brouillon enregistré : l'actualité ne paraît pas sur la page d'accueil.";
    case "SCHEDULED":
      return `Actualité programmée : elle paraîtra sur la page d'accueil le ${frenchDate(item.publicationDate)}.`;
    case "PUBLISHED":
      return "Actualité publiée : elle paraît sur la page d'accueil.";
    case "EXPIRED":
      return "Actualité enregistrée : sa date d'expiration est passée, elle ne paraît plus sur la page d'accueil.";
  }
}

/** The outcome of the last save: what it did, or why it was refused (above the form, focused). */
function Outcome({ message, error }: { message: string | null; error: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message || error) {
      ref.current?.focus();
    }
  }, [message, error]);
  const invalid = error instanceof ApiProblem && Object.keys(error.fields).length > 0;
  return (
    <div ref={ref} tabIndex={-1} aria-live="polite">
      {message && <Alert severity="success" small description={message} className="fr-mb-3w" />}
      {error ? (
        <ProblemMessage error={error} title={invalid ? "L'actualité n'est pas enregistrée : corrigez les champs signalés." : undefined} />
      ) : null}
    </div>
  );
}

/**
 * « Publier une actualité » (/agent/actualites/nouvelle) and an item's page (/agent/actualites/:id): the form, then,
 * once the item exists, its PDF form and its deletion.
 */
export function EditerActualite() {
  const { id } = useParams();
  // Its own state for each item: from « nouvelle » to the item just created, or from an item to another, the router
  // would otherwise keep this page as it was (the same component in the same place).
  return <Editeur key={id ?? "nouvelle"} id={id} />;
}

function Editeur({ id }: { id: string | undefined }) {
  const { state } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const item = useAgentNewsItem(id);
  const [message, setMessage] = useState<string | null>(isSavedState(state) ? state.saved : null);
  const save = useMutation({
    mutationFn: (draft: NewsDraft) => (id === undefined ? createNews(draft) : updateNews(id, draft)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(newsKeys.agentItem(saved.id), saved);
      await queryClient.invalidateQueries({
        queryKey: newsKeys.all,
        predicate: (query) => query.queryKey[2] !== "item",
      });
      if (id === undefined) {
        navigate(`${AGENT_NEWS}/${saved.id}`, { state: { saved: savedMessage(saved) } satisfies SavedState });
      } else {
        setMessage(savedMessage(saved));
      }
    },
    onMutate: () => setMessage(null),
  });
  const changed = (saved: AgentNewsItem) => {
    queryClient.setQueryData(newsKeys.agentItem(saved.id), saved);
    return queryClient.invalidateQueries({ queryKey: newsKeys.all, predicate: (query) => query.queryKey[2] !== "item" });
  };

  if (id === undefined) {
    return (
      <AgentActualitesPage title="Publier une actualité">
        <Outcome message={null} error={save.error} />
        <FormulaireActualite fields={draftFieldsOf(fieldsOf(save.error))} pending={save.isPending} onSave={save.mutate} />
        <p className="fr-mt-4w">Vous pourrez joindre un formulaire PDF une fois l'actualité enregistrée.</p>
      </AgentActualitesPage>
    );
  }
  if (item.isPending) {
    return <p role="status">Chargement…</p>;
  }
  if (item.isError) {
    return isProblem(item.error, 404) ? (
      <AgentActualitesPage title="Actualité introuvable">
        <p>Cette actualité n'existe pas ou a été supprimée.</p>
        <p><Link to={AGENT_NEWS}>Retour aux actualités</Link></p>
      </AgentActualitesPage>
    ) : (
      <AgentActualitesPage title="Actualité">
        <ProblemMessage error={item.error} />
      </AgentActualitesPage>
    );
  }
  const current = item.data;
  return (
    <AgentActualitesPage title={current.title}>
      <p>
        <StatusBadge item={current} />{" "}
        <span className="fr-text--sm">
          Modifiée le {frenchDateTime(current.updatedAt)} par {current.updatedBy}
        </span>
      </p>
      <Outcome message={message} error={save.error} />
      <FormulaireActualite key={current.id} item={current} fields={draftFieldsOf(fieldsOf(save.error))}
        pending={save.isPending} onSave={save.mutate} />
      <FormulairePdf item={current} onChanged={changed} />
      <Suppression item={current} />
    </AgentActualitesPage>
  );
}
