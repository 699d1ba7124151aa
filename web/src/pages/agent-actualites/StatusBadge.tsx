import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { AgentNewsItem, NewsStatus } from "../../api/news";

/** The colour of a status (DSFR severities; only a cue: the label says it). */
const SEVERITY: Record<NewsStatus, "success" | "info" | "warning" | undefined> = {
  DRAFT: undefined, SCHEDULED: "info", PUBLISHED: "success", EXPIRED: "warning",
};

/** « Brouillon », « Programmée », « Publiée », « Expirée », as messaging-service names them. */
export function StatusBadge({ item }: { item: Pick<AgentNewsItem, "status" | "statusLabel"> }) {
  return <Badge as="span" small noIcon severity={SEVERITY[item.status]}>{item.statusLabel}</Badge>;
}
