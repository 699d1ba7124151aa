// The Messagerie (messaging-service): a family writes to a service of the authority about a theme, the service's
// agents answer in the same conversation. The types below are messaging-service's answers as its controllers write
// them (CatalogueController, ConversationController, AgentConversationController, InboxController,
// AnswerTemplateController): the contract the pages rely on. Dates are UTC instants, shown in Europe/Paris.
import { send, sendForm } from "./http";

/* ----- The answers (the contract) ----- */

export type Theme = { id: number; name: string; active: boolean };

/**
 * A service families write to (`ServiceView`), with its themes: the active ones in `GET /catalogue`, every one (retired
 * included, `active: false`) in the admins' `GET /admin/catalogue`.
 */
export type Department = { code: string; name: string; active: boolean; themes: Theme[] };

/** Where a conversation stands; `statusLabel` is its French label (Nouveau, En cours, Répondu, Clos). */
export type ConversationStatus = "NEW" | "IN_PROGRESS" | "ANSWERED" | "CLOSED";

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  NEW: "Nouveau", IN_PROGRESS: "En cours", ANSWERED: "Répondu", CLOSED: "Clos",
};

/** A page of a listing: `page` from 0, `total` items in all. */
export type Page<T> = { items: T[]; page: number; size: number; total: number };

/** A conversation in « Messages reçus » / « Messages envoyés » (`FamilyItem`); `date` the last answer or message. */
export type FamilyItem = {
  id: number; serviceCode: string; serviceName: string; themeName: string; subject: string;
  status: ConversationStatus; statusLabel: string; date: string; unread: boolean;
};

/** A conversation in an agent's inbox (`AgentItem`). */
export type AgentItem = FamilyItem & {
  dossierNumber: string; familyName: string | null; themeId: number; assignedTo: string | null;
  assignedName: string | null; lastMessageAt: string;
};

export type Attachment = { id: number; fileName: string; contentType: string; size: number; downloadUrl: string };

/** A message: `authorName` is, for families, the service's name (« Service Jeunesse »). */
export type Message = {
  id: number; from: "FAMILY" | "SERVICE"; authorName: string; authorUsername?: string; serviceCode?: string;
  serviceName?: string; body: string; sentAt: string; attachments: Attachment[];
};

/** A handling step agents read (taken, transferred with its note, closed, reopened). */
export type Step = {
  kind: "TAKEN" | "TRANSFERRED" | "CLOSED" | "REOPENED"; kindLabel: string; fromServiceName: string | null;
  toServiceName: string | null; note: string | null; happenedAt: string; byName: string | null;
};

/** A conversation (`ConversationView`); `familyName`, `assignedTo`, `assignedName` and `steps` for agents only. */
export type Conversation = {
  id: number; dossierNumber: string; familyName?: string; serviceCode: string; serviceName: string; themeId: number;
  themeName: string; subject: string; status: ConversationStatus; statusLabel: string; assignedTo?: string;
  assignedName?: string; createdAt: string; lastMessageAt: string; messages: Message[]; steps?: Step[];
};

/** An agent's service and its counts (`ServiceUnread`). */
export type ServiceUnread = { serviceCode: string; serviceName: string; unread: number; unassigned: number };

/** An answer template (« réponse type ») of a service (`TemplateView`); `updatedBy` the last agent who wrote it. */
export type AnswerTemplate = {
  id: number; serviceCode: string; title: string; body: string; updatedAt: string; updatedBy?: string | null;
};

/** A template as an agent writes it (`TemplateText`): « Titre » 100 characters, « Texte » as long as a message. */
export type TemplateText = { title: string; body: string };

/** A new service (`CatalogueChange.NewDepartment`): its code, the agents' `services` claim value, never changed. */
export type NewService = { code: string; name: string };

/** Rename, retire (`active: false`) or bring back a service or a theme (`CatalogueChange.Change`). */
export type CatalogueChange = { name: string; active: boolean };

export type FamilyBox = "RECEIVED" | "SENT";
export type AgentBox = "UNASSIGNED" | "MINE" | "ALL";

/* ----- The rules the pages tell people (messaging-service's README) ----- */

export const SUBJECT_MAX = 150;
export const BODY_MAX = 5000;
export const NOTE_MAX = 1000;
/** « Titre » of an answer template. */
export const TEMPLATE_TITLE_MAX = 100;
/** The name of a service or of a theme. */
export const CATALOGUE_NAME_MAX = 100;
/** A service's code: 2 to 30 lower-case letters, digits or hyphens, a letter first (`CatalogueChange`). */
export const SERVICE_CODE_PATTERN = /^[a-z][a-z0-9-]{1,29}$/;
export const SERVICE_CODE_HINT = "De 2 à 30 lettres minuscules, chiffres ou tirets, en commençant par une lettre "
  + "(par exemple jeunesse) : la valeur du service des agents dans l'annuaire. Il ne pourra plus être changé.";
export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_HINT = "Facultatif : 3 fichiers au plus, 10 Mo chacun, au format PDF, JPEG, PNG, ODT ou DOCX.";
export const ATTACHMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,.odt,.docx,application/pdf,image/jpeg,image/png,"
  + "application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/* ----- Query keys ----- */

export const messagingKeys = {
  all: ["messaging"] as const,
  catalogue: () => [...messagingKeys.all, "catalogue"] as const,
  unreadCount: () => [...messagingKeys.all, "unread-count"] as const,
  boxes: () => [...messagingKeys.all, "box"] as const,
  box: (box: FamilyBox, page: number) => [...messagingKeys.boxes(), box, page] as const,
  conversation: (id: string) => [...messagingKeys.all, "conversation", id] as const,
  agent: () => [...messagingKeys.all, "agent"] as const,
  agentUnread: () => [...messagingKeys.agent(), "unread-counts"] as const,
  agentInbox: (query: AgentQuery) => [...messagingKeys.agent(), "inbox", query] as const,
  agentConversation: (id: string) => [...messagingKeys.agent(), "conversation", id] as const,
  templates: (service: string) => [...messagingKeys.agent(), "templates", service] as const,
  adminCatalogue: () => [...messagingKeys.all, "admin", "catalogue"] as const,
};

/* ----- The calls ----- */

const MESSAGING = "/api/messaging";
const FAMILY = `${MESSAGING}/conversations`;
const AGENT = `${MESSAGING}/agent/conversations`;
const id = (value: string | number) => encodeURIComponent(String(value));

/** Reads are refusals as ApiProblem too: a conversation of another dossier or service is a 404 the page names. */
const get = <T,>(url: string) => send<T>("GET", url);

export const fetchCatalogue = () => get<Department[]>(`${MESSAGING}/catalogue`);
export const fetchUnreadCount = () => get<{ unread: number }>(`${MESSAGING}/unread-count`);
export const fetchFamilyBox = (box: FamilyBox, page = 0, size = 20) =>
  get<Page<FamilyItem>>(`${FAMILY}?box=${box}&page=${page}&size=${size}`);
export const fetchConversation = (conversationId: string) => get<Conversation>(`${FAMILY}/${id(conversationId)}`);

/** JSON without attachments, multipart with them (the same fields and `attachments`). */
function post<T>(url: string, fields: Record<string, string | number>, files: File[]): Promise<T> {
  if (files.length === 0) {
    return send<T>("POST", url, fields);
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    form.append(name, String(value));
  }
  for (const file of files) {
    form.append("attachments", file);
  }
  return sendForm<T>(url, form);
}

/** « Marquer comme non lu » for this account: 204. */
export const markUnread = (conversationId: string) => send<void>("POST", `${FAMILY}/${id(conversationId)}/unread`);

export type NewConversation = { service: string; theme: number; subject: string; body: string };

export const startConversation = (message: NewConversation, files: File[]) => post<Conversation>(FAMILY, message, files);
export const answerConversation = (conversationId: string, body: string, files: File[]) =>
  post<Conversation>(`${FAMILY}/${id(conversationId)}/messages`, { body }, files);

export type AgentQuery = {
  service?: string; box: AgentBox; theme?: number; status?: ConversationStatus; q?: string; page: number;
};

export function agentInboxUrl(query: AgentQuery, size = 20): string {
  const params = new URLSearchParams();
  if (query.service) params.set("service", query.service);
  params.set("box", query.box);
  if (query.theme !== undefined) params.set("theme", String(query.theme));
  if (query.status) params.set("status", query.status);
  if (query.q) params.set("q", query.q);
  params.set("page", String(query.page));
  params.set("size", String(size));
  return `${AGENT}?${params.toString()}`;
}

export const fetchAgentInbox = (query: AgentQuery) => get<Page<AgentItem>>(agentInboxUrl(query));
export const fetchAgentUnread = () => get<ServiceUnread[]>(`${MESSAGING}/agent/unread-counts`);
export const fetchAgentConversation = (conversationId: string) => get<Conversation>(`${AGENT}/${id(conversationId)}`);
export const agentAnswer = (conversationId: string, body: string, files: File[]) =>
  post<Conversation>(`${AGENT}/${id(conversationId)}/messages`, { body }, files);
export const takeConversation = (conversationId: string) => send<Conversation>("POST", `${AGENT}/${id(conversationId)}/take`);
export const closeConversation = (conversationId: string) => send<Conversation>("POST", `${AGENT}/${id(conversationId)}/close`);
export const transferConversation = (conversationId: string, service: string, note: string) =>
  send<Conversation>("POST", `${AGENT}/${id(conversationId)}/transfer`, { service, note });
export const agentMarkUnread = (conversationId: string) => send<void>("POST", `${AGENT}/${id(conversationId)}/unread`);

/* « Réponses types »: the service's agents write, change and delete them. */
const templatesOf = (service: string) => `${MESSAGING}/agent/services/${id(service)}/templates`;
export const fetchTemplates = (service: string) => get<AnswerTemplate[]>(templatesOf(service));
export const addTemplate = (service: string, text: TemplateText) => send<AnswerTemplate>("POST", templatesOf(service), text);
export const changeTemplate = (templateId: number, text: TemplateText) =>
  send<AnswerTemplate>("PUT", `${MESSAGING}/agent/templates/${id(templateId)}`, text);
/** 204. */
export const deleteTemplate = (templateId: number) => send<void>("DELETE", `${MESSAGING}/agent/templates/${id(templateId)}`);

/* « Catalogue des services » (admins): every service and theme, retired ones included; never deleted. */
const ADMIN = `${MESSAGING}/admin`;
export const fetchAdminCatalogue = () => get<Department[]>(`${ADMIN}/catalogue`);
/** 201 with the service (no themes yet); 409 on a code or name already taken (`errors` names the field). */
export const addService = (service: NewService) => send<Department>("POST", `${ADMIN}/services`, service);
export const changeService = (code: string, change: CatalogueChange) =>
  send<Department>("PUT", `${ADMIN}/services/${id(code)}`, change);
export const addTheme = (code: string, name: string) => send<Theme>("POST", `${ADMIN}/services/${id(code)}/themes`, { name });
export const changeTheme = (themeId: number, change: CatalogueChange) =>
  send<Theme>("PUT", `${ADMIN}/themes/${id(themeId)}`, change);

/** What is wrong with the files chosen, checked before sending (the service checks again, from the content). */
export function attachmentsError(files: File[]): string | null {
  if (files.length > MAX_ATTACHMENTS) {
    return `Vous pouvez joindre ${MAX_ATTACHMENTS} fichiers au plus.`;
  }
  const tooLarge = files.find((file) => file.size > MAX_ATTACHMENT_BYTES);
  return tooLarge ? `Le fichier « ${tooLarge.name} » dépasse la taille maximale de 10 Mo.` : null;
}
