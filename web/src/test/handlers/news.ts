// messaging-service's news endpoints, one handler each, named as in api/news.ts: each answers `answer` (a body sent as
// JSON, or a resolver). The bodies are shaped as its controllers write them: ids are numbers, days yyyy-MM-dd.
import { http } from "msw";
import type { AgentNewsItem, NewsItem, Page } from "../../api/news";
import { noContent, resolverOf, type Answer } from "../server";

const NEWS = "/api/messaging/news";
const AGENT = "/api/messaging/agent/news";

export const news = {
  /** The current items (every test's default: none, so that the home page renders without a handler of its own). */
  current: (answer: Answer = []) => http.get(NEWS, resolverOf(answer)),

  /* Agents */
  list: (answer: Answer) => http.get(AGENT, resolverOf(answer)),
  item: (id: number, answer: Answer) => http.get(`${AGENT}/${id}`, resolverOf(answer)),
  create: (answer: Answer) => http.post(AGENT, resolverOf(answer)),
  update: (id: number, answer: Answer) => http.put(`${AGENT}/${id}`, resolverOf(answer)),
  remove: (id: number, answer: Answer = () => noContent()) => http.delete(`${AGENT}/${id}`, resolverOf(answer)),
  uploadForm: (id: number, answer: Answer) => http.put(`${AGENT}/${id}/form`, resolverOf(answer)),
  removeForm: (id: number, answer: Answer) => http.delete(`${AGENT}/${id}/form`, resolverOf(answer)),
};

/** An item as families read it: « Vacances de Noël », public, no deadline, link or form; with `changes`. */
export const newsItem = (changes: Partial<NewsItem> = {}): NewsItem => ({
  id: 12, title: "Vacances de Noël", bodyHtml: "<p>Les accueils de loisirs sont ouverts du <strong>21 décembre</strong> au 2 janvier.</p>",
  category: "VACANCES", categoryLabel: "Vacances", audience: "PUBLIC", audienceLabel: "Tout public",
  publicationDate: "2026-12-01", expiryDate: "2027-01-04", deadline: null, linkUrl: null, linkLabel: null, form: null,
  ...changes,
});

/** The same item as agents manage it: published by agent.jeunesse. */
export const agentNewsItem = (changes: Partial<AgentNewsItem> = {}): AgentNewsItem => {
  const id = changes.id ?? 12;
  return {
    ...newsItem({ id }), status: "PUBLISHED", statusLabel: "Publiée", draft: false, updatedAt: "2026-12-01T10:00:00Z",
    updatedBy: "agent.jeunesse", ...changes,
  };
};

/** The form as agents reach it. */
export const agentForm = (id: number, fileName = "fiche-inscription.pdf", size = 120 * 1024) =>
  ({ fileName, size, url: `${AGENT}/${id}/form` });

/** The form as families reach it. */
export const familyForm = (id: number, fileName = "fiche-inscription.pdf", size = 120 * 1024) =>
  ({ fileName, size, url: `${NEWS}/${id}/form` });

export const newsPage = <T,>(items: T[], changes: Partial<Page<T>> = {}): Page<T> =>
  ({ items, page: 0, size: 20, total: items.length, ...changes });
