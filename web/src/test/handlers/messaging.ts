// messaging-service's endpoints, one handler each, named as in api/messaging.ts: each answers `answer` (a body sent
// as JSON, or a resolver). The bodies are shaped as its controllers write them: ids are numbers, instants ISO 8601 UTC.
import { http, type HttpResponseResolver } from "msw";
import type {
  AgentItem, AnswerTemplate, Conversation, Department, FamilyItem, Page, ServiceUnread,
} from "../../api/messaging";
import { noContent, resolverOf, type Answer } from "../server";

const M = "/api/messaging";

/** Answers only when the request's query parameter `name` is `value`; otherwise the next handler answers. */
const when = (name: string, value: string, answer: Answer): HttpResponseResolver => {
  const resolver = resolverOf(answer);
  return (info) => (new URL(info.request.url).searchParams.get(name) === value ? resolver(info) : undefined);
};

export const messaging = {
  catalogue: (answer: Answer = CATALOGUE) => http.get(`${M}/catalogue`, resolverOf(answer)),

  /* Families */
  unreadCount: (answer: Answer) => http.get(`${M}/unread-count`, resolverOf(answer)),
  box: (box: "RECEIVED" | "SENT", answer: Answer) => http.get(`${M}/conversations`, when("box", box, answer)),
  start: (answer: Answer) => http.post(`${M}/conversations`, resolverOf(answer)),
  conversation: (id: number, answer: Answer) => http.get(`${M}/conversations/${id}`, resolverOf(answer)),
  answer: (id: number, answer: Answer) => http.post(`${M}/conversations/${id}/messages`, resolverOf(answer)),
  markUnread: (id: number, answer: Answer = () => noContent()) => http.post(`${M}/conversations/${id}/unread`, resolverOf(answer)),

  /* Agents */
  agentUnread: (answer: Answer) => http.get(`${M}/agent/unread-counts`, resolverOf(answer)),
  inbox: (answer: Answer) => http.get(`${M}/agent/conversations`, resolverOf(answer)),
  agentConversation: (id: number, answer: Answer) => http.get(`${M}/agent/conversations/${id}`, resolverOf(answer)),
  agentAnswer: (id: number, answer: Answer) => http.post(`${M}/agent/conversations/${id}/messages`, resolverOf(answer)),
  take: (id: number, answer: Answer) => http.post(`${M}/agent/conversations/${id}/take`, resolverOf(answer)),
  transfer: (id: number, answer: Answer) => http.post(`${M}/agent/conversations/${id}/transfer`, resolverOf(answer)),
  close: (id: number, answer: Answer) => http.post(`${M}/agent/conversations/${id}/close`, resolverOf(answer)),
  agentMarkUnread: (id: number, answer: Answer = () => noContent()) =>
    http.post(`${M}/agent/conversations/${id}/unread`, resolverOf(answer)),
  templates: (service: string, answer: Answer) => http.get(`${M}/agent/services/${service}/templates`, resolverOf(answer)),
};

/* ----- The demo catalogue (V2__catalogue.sql) ----- */

const themes = (first: number, names: string[]) => names.map((name, i) => ({ id: first + i, name, active: true }));

export const CATALOGUE: Department[] = [
  { code: "accueil", name: "Accueil", active: true, themes: themes(13, ["Inscriptions", "Tarifs", "Facture", "Problème technique", "Autre"]) },
  { code: "facturation", name: "Facturation", active: true, themes: themes(9, ["Facture", "Tarifs", "Problème technique", "Autre"]) },
  { code: "enfance", name: "Service Enfance", active: true, themes: themes(5, ["Inscriptions", "Tarifs", "Problème technique", "Autre"]) },
  { code: "jeunesse", name: "Service Jeunesse", active: true, themes: themes(1, ["Inscriptions", "Tarifs", "Problème technique", "Autre"]) },
];

/** Claire's question to the Service Jeunesse about « Inscriptions », as the family reads it. */
export const QUESTION: Conversation = {
  id: 42, dossierNumber: "6000", serviceCode: "jeunesse", serviceName: "Service Jeunesse", themeId: 1,
  themeName: "Inscriptions", subject: "Inscription au centre de loisirs", status: "NEW", statusLabel: "Nouveau",
  createdAt: "2026-12-01T09:30:00Z", lastMessageAt: "2026-12-01T09:30:00Z",
  messages: [{
    id: 100, from: "FAMILY", authorName: "Claire DURAND", serviceCode: "jeunesse", serviceName: "Service Jeunesse",
    body: "Bonjour,\nMarie peut-elle venir le mercredi ?", sentAt: "2026-12-01T09:30:00Z",
    attachments: [{ id: 7, fileName: "attestation.pdf", contentType: "application/pdf", size: 120 * 1024,
      downloadUrl: "/api/messaging/conversations/42/attachments/7" }],
  }],
};

/** The same, answered by the service (its name as author for the family). */
export const ANSWERED: Conversation = {
  ...QUESTION, status: "ANSWERED", statusLabel: "Répondu", lastMessageAt: "2026-12-01T14:05:00Z",
  messages: [...QUESTION.messages, {
    id: 101, from: "SERVICE", authorName: "Service Jeunesse", serviceCode: "jeunesse", serviceName: "Service Jeunesse",
    body: "Bonjour, oui, il reste des places.", sentAt: "2026-12-01T14:05:00Z", attachments: [],
  }],
};

/** The conversation as an agent of the Service Jeunesse reads it. */
export const AGENT_QUESTION: Conversation = {
  ...QUESTION, familyName: "Claire DURAND", steps: [],
  messages: QUESTION.messages.map((m) => ({ ...m, authorUsername: "claire.durand",
    attachments: m.attachments.map((a) => ({ ...a, downloadUrl: `/api/messaging/agent/conversations/42/attachments/${a.id}` })) })),
};

export const familyItem = (changes: Partial<FamilyItem> = {}): FamilyItem => ({
  id: 42, serviceCode: "jeunesse", serviceName: "Service Jeunesse", themeName: "Inscriptions",
  subject: "Inscription au centre de loisirs", status: "ANSWERED", statusLabel: "Répondu", date: "2026-12-01T14:05:00Z",
  unread: false, ...changes,
});

export const agentItem = (changes: Partial<AgentItem> = {}): AgentItem => ({
  ...familyItem({ status: "NEW", statusLabel: "Nouveau", date: "2026-12-01T09:30:00Z" }), dossierNumber: "6000",
  familyName: "Claire DURAND", themeId: 1, assignedTo: null, assignedName: null, lastMessageAt: "2026-12-01T09:30:00Z",
  unread: true, ...changes,
});

export const JEUNESSE_COUNTS: ServiceUnread[] = [{ serviceCode: "jeunesse", serviceName: "Service Jeunesse", unread: 1, unassigned: 1 }];

export const TEMPLATES: AnswerTemplate[] = [
  { id: 3, serviceCode: "jeunesse", title: "Inscription reçue", body: "Bonjour, votre demande d'inscription est bien reçue.",
    updatedAt: "2026-11-01T10:00:00Z" },
];

export const pageOf = <T,>(items: T[], changes: Partial<Page<T>> = {}): Page<T> =>
  ({ items, page: 0, size: 20, total: items.length, ...changes });
