// messaging-service's endpoints, one handler each, named as in api/messaging.ts: each answers `answer` (a body sent
// as JSON, or a resolver). The bodies are shaped as its controllers write them: ids are numbers, instants ISO 8601 UTC.
import { http, type HttpResponseResolver } from "msw";
import type {
  AgentItem, AnswerTemplate, Conversation, Department, FamilyItem, Page, ServiceUnread,
} from "../../api/messaging";
import { json, noContent, problem, resolverOf, type Answer } from "../server";

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
  addTemplate: (service: string, answer: Answer) => http.post(`${M}/agent/services/${service}/templates`, resolverOf(answer)),
  changeTemplate: (id: number, answer: Answer) => http.put(`${M}/agent/templates/${id}`, resolverOf(answer)),
  deleteTemplate: (id: number, answer: Answer = () => noContent()) => http.delete(`${M}/agent/templates/${id}`, resolverOf(answer)),

  /* Admins: the catalogue */
  adminCatalogue: (answer: Answer = CATALOGUE) => http.get(`${M}/admin/catalogue`, resolverOf(answer)),
  addService: (answer: Answer) => http.post(`${M}/admin/services`, resolverOf(answer)),
  changeService: (code: string, answer: Answer) => http.put(`${M}/admin/services/${code}`, resolverOf(answer)),
  addTheme: (code: string, answer: Answer) => http.post(`${M}/admin/services/${code}/themes`, resolverOf(answer)),
  changeTheme: (id: number, answer: Answer) => http.put(`${M}/admin/themes/${id}`, resolverOf(answer)),
};

/**
 * The answer templates of `service` kept as messaging-service keeps them, for a test that writes some and reads the
 * list again: listed by title (case folded), added with the next id, changed, deleted; `templates` holds them.
 */
export function templateStore(service: string, initial: AnswerTemplate[] = []) {
  const templates = initial.map((t) => ({ ...t }));
  let next = Math.max(100, ...templates.map((t) => t.id + 1));
  const byTitle = () => [...templates].sort((a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase(), "fr"));
  const handlers = [
    messaging.templates(service, () => json(byTitle())),
    messaging.addTemplate(service, async ({ request }) => {
      const text = (await request.json()) as { title: string; body: string };
      const created: AnswerTemplate = { id: next++, serviceCode: service, ...text, updatedAt: "2026-12-02T09:00:00Z",
        updatedBy: "agent.jeunesse" };
      templates.push(created);
      return json(created, 201);
    }),
    http.put(`${M}/agent/templates/:id`, async ({ request, params }) => {
      const template = templates.find((t) => t.id === Number(params.id));
      if (!template) return problem(404, "Cette réponse type est introuvable.");
      Object.assign(template, (await request.json()) as object);
      return json(template);
    }),
    http.delete(`${M}/agent/templates/:id`, ({ params }) => {
      const index = templates.findIndex((t) => t.id === Number(params.id));
      if (index < 0) return problem(404, "Cette réponse type est introuvable.");
      templates.splice(index, 1);
      return noContent();
    }),
  ];
  return { templates, handlers };
}

/**
 * The whole catalogue kept as messaging-service keeps it, for an admin's test that changes it and reads it again:
 * services and themes added, renamed, retired and brought back; `services` holds them.
 */
export function catalogueStore(initial: Department[] = CATALOGUE) {
  const services: Department[] = initial.map((s) => ({ ...s, themes: s.themes.map((t) => ({ ...t })) }));
  let next = Math.max(100, ...services.flatMap((s) => s.themes.map((t) => t.id + 1)));
  const byName = () => [...services].sort((a, b) => a.name.localeCompare(b.name, "fr"));
  const handlers = [
    messaging.adminCatalogue(() => json(byName())),
    messaging.addService(async ({ request }) => {
      const body = (await request.json()) as { code: string; name: string };
      const created: Department = { code: body.code, name: body.name, active: true, themes: [] };
      services.push(created);
      return json({ ...created, themes: [] }, 201);
    }),
    http.put(`${M}/admin/services/:code`, async ({ request, params }) => {
      const service = services.find((s) => s.code === params.code);
      if (!service) return problem(404, `Le service ${String(params.code)} est introuvable.`);
      Object.assign(service, (await request.json()) as object);
      return json({ ...service, themes: [] });
    }),
    http.post(`${M}/admin/services/:code/themes`, async ({ request, params }) => {
      const service = services.find((s) => s.code === params.code);
      if (!service) return problem(404, `Le service ${String(params.code)} est introuvable.`);
      const theme = { id: next++, name: ((await request.json()) as { name: string }).name, active: true };
      service.themes.push(theme);
      return json(theme, 201);
    }),
    http.put(`${M}/admin/themes/:id`, async ({ request, params }) => {
      const theme = services.flatMap((s) => s.themes).find((t) => t.id === Number(params.id));
      if (!theme) return problem(404, "Ce thème est introuvable.");
      Object.assign(theme, (await request.json()) as object);
      return json(theme);
    }),
  ];
  return { services, handlers };
}

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
