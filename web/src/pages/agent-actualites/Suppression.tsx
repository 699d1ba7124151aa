import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { deleteNews, newsKeys, type AgentNewsItem } from "../../api/news";
import { AGENT_NEWS } from "./AgentActualitesPage";
import type { ListState } from "./Liste";
import { ProblemMessage } from "./ProblemMessage";

/**
 * « Supprimer l'actualité », once confirmed: it leaves the home page and the list at once (its form with it); back to
 * the list, which says so. « Annuler » puts the focus back on the button.
 */
export function Suppression({ item }: { item: AgentNewsItem }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const remove = useMutation({
    mutationFn: () => deleteNews(item.id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: newsKeys.agentItem(item.id) });
      await queryClient.invalidateQueries({ queryKey: newsKeys.all });
      navigate(AGENT_NEWS, { state: { deleted: item.title } satisfies ListState });
    },
  });
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) {
      question.current?.focus();
    } else if (asked.current) {
      trigger.current?.focus();
    }
    asked.current = confirming;
  }, [confirming]);

  return (
    <section aria-labelledby="suppression-titre" className="fr-mt-6w">
      <h2 id="suppression-titre" className="fr-h4">Supprimer l'actualité</h2>
      {!confirming ? (
        <Button ref={trigger} priority="secondary" iconId="fr-icon-delete-line" onClick={() => setConfirming(true)}>
          Supprimer l'actualité
        </Button>
      ) : (
        <div className="fr-p-3w" style={{ border: "1px solid var(--border-plain-error)" }}>
          <p ref={question} tabIndex={-1} className="fr-text--bold">
            Supprimer définitivement « {item.title} » ? Elle ne paraîtra plus sur la page d'accueil et son formulaire
            sera supprimé avec elle.
          </p>
          <ProblemMessage error={remove.error} />
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-mb-0">
            <li>
              <Button disabled={remove.isPending} onClick={() => remove.mutate()}>Confirmer la suppression</Button>
            </li>
            <li>
              <Button priority="secondary" disabled={remove.isPending}
                onClick={() => {
                  setConfirming(false);
                  remove.reset();
                }}>
                Annuler
              </Button>
            </li>
          </ul>
        </div>
      )}
    </section>
  );
}
