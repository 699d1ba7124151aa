// messaging-service's news (« Je m'informe »): the items families read on the home page, and the agents' « Actualités »
// (write, schedule, attach a PDF form, delete). The types below are its answers as its controllers write them: the
// contract the pages rely on. Ids are numbers, days yyyy-MM-dd (no time zone), instants ISO 8601 UTC.
import { useQuery } from "@tanstack/react-query";
import { ApiProblem, csrfToken, send } from "./http";

/* ----- The answers (the contract) ----- */

/** What an item is about; `categoryLabel` is its French label. */
export type NewsCategory = "VACANCES" | "INSCRIPTIONS" | "FORMULAIRES" | "INFORMATIONS";

/** Who reads it: everyone (the home page logged out too), or families logged in only. */
export type NewsAudience = "PUBLIC" | "FAMILIES";

/** Where an item stands for agents; `statusLabel` is its French label. */
export type NewsStatus = "DRAFT" | "SCHEDULED" | "PUBLISHED" | "EXPIRED";

/** The PDF form attached to an item, downloaded as an attachment at `url`. */
export type NewsForm = {
  fileName: string;
  /** In bytes. */
  size: number;
  /** « /api/messaging/news/12/form » (families), « /api/messaging/agent/news/12/form » (agents). */
  url: string;
};

/** An item as families read it (GET /api/messaging/news). */
export type NewsItem = {
  id: number;
  title: string;
  /**
   * The text as HTML, sanitised by messaging-service before it is stored and again when served: only p, ul, ol, li,
   * strong, b, em, a[href] and br.
   */
  bodyHtml: string;
  category: NewsCategory;
  /** « Vacances », « Inscriptions », « Formulaires », « Informations ». */
  categoryLabel: string;
  audience: NewsAudience;
  /** « Tout public », « Familles connectées ». */
  audienceLabel: string;
  /** yyyy-MM-dd: shown from this day. */
  publicationDate: string;
  /** yyyy-MM-dd: no longer shown after this day; null: kept. */
  expiryDate: string | null;
  /** yyyy-MM-dd: « Date limite d'inscription »; null: none. */
  deadline: string | null;
  linkUrl: string | null;
  linkLabel: string | null;
  form: NewsForm | null;
};

/** An item as agents manage it (GET /api/messaging/agent/news…): its status and who changed it last. */
export type AgentNewsItem = NewsItem & {
  status: NewsStatus;
  /** « Brouillon », « Programmée », « Publiée », « Expirée ». */
  statusLabel: string;
  draft: boolean;
  /** ISO 8601 instant. */
  updatedAt: string;
  /** The agent's username. */
  updatedBy: string;
};

/** A page of a listing. */
export type Page<T> = { items: T[]; page: number; size: number; total: number };

/** What an agent writes (POST and PUT /api/messaging/agent/news…): `body` as HTML, sanitised by the service. */
export type NewsDraft = {
  title: string;
  body: string;
  category: NewsCategory;
  audience: NewsAudience;
  publicationDate: string;
  expiryDate: string | null;
  deadline: string | null;
  linkUrl: string | null;
  linkLabel: string | null;
  draft: boolean;
};

/* ----- What the pages tell people ----- */

export const CATEGORY_LABELS: Record<NewsCategory, string> = {
  VACANCES: "Vacances", INSCRIPTIONS: "Inscriptions", FORMULAIRES: "Formulaires", INFORMATIONS: "Informations",
};

export const AUDIENCE_LABELS: Record<NewsAudience, string> = { PUBLIC: "Tout public", FAMILIES: "Familles connectées" };

/** The attached form: a PDF of 10 Mo at most. */
export const FORM_MAX_BYTES = 10 * 1024 * 1024;
export const FORM_HINT = "Un fichier PDF, 10 Mo au plus. Il remplace le formulaire déjà joint.";
export const FORM_ACCEPT = ".pdf,application/pdf";

/** Why a chosen file cannot be the form, before sending it; null when it can. */
export function formFileError(file: File): string | null {
  const pdf = file.type === "application/pdf" || file.name.toLowerCase().endsWith(".pdf");
  if (!pdf) {
    return "Le formulaire doit être un fichier PDF.";
  }
  if (file.size > FORM_MAX_BYTES) {
    return "Le fichier dépasse la taille autorisée (10 Mo au plus).";
  }
  return null;
}

/* ----- Query keys ----- */

/** The query keys of the news, for every useQuery and invalidation. */
export const newsKeys = {
  all: ["news"] as const,
  /** The current items: what a visitor reads differs from what a family logged in reads. */
  current: (authenticated: boolean) => [...newsKeys.all, "current", authenticated ? "families" : "public"] as const,
  agent: () => [...newsKeys.all, "agent"] as const,
  agentPage: (page: number) => [...newsKeys.agent(), "page", page] as const,
  agentItem: (id: string | number) => [...newsKeys.agent(), "item", String(id)] as const,
};

/* ----- The calls ----- */

const NEWS = "/api/messaging/news";
const AGENT = "/api/messaging/agent/news";
const id = (value: string | number) => encodeURIComponent(String(value));

/** Reads are refusals as ApiProblem too: an unknown item is a 404 the page names « introuvable ». */
const get = <T,>(url: string) => send<T>("GET", url);

/** The current items for the caller (anonymous: public ones only), deadlines first, then the newest. */
export const fetchCurrentNews = () => get<NewsItem[]>(NEWS);

export const AGENT_PAGE_SIZE = 20;
export const fetchAgentNews = (page = 0, size = AGENT_PAGE_SIZE) =>
  get<Page<AgentNewsItem>>(`${AGENT}?page=${page}&size=${size}`);
export const fetchAgentNewsItem = (newsId: string | number) => get<AgentNewsItem>(`${AGENT}/${id(newsId)}`);
/**
 * What is sent: messaging-service calls the text `text` (its label « Texte »: `body` is a message's « Message »
 * there); the form keeps calling it `body`.
 */
const payloadOf = ({ body, ...rest }: NewsDraft) => ({ ...rest, text: body });

/** Each field's message of a refused draft, by the form's names (the service's `text` is the form's `body`). */
export const draftFieldsOf = (fields: Record<string, string>): Record<string, string> =>
  fields.text !== undefined && fields.body === undefined ? { ...fields, body: fields.text } : fields;

/** 201 with the item; a 400 problem names each wrong field. */
export const createNews = (draft: NewsDraft) => send<AgentNewsItem>("POST", AGENT, payloadOf(draft));
export const updateNews = (newsId: string | number, draft: NewsDraft) =>
  send<AgentNewsItem>("PUT", `${AGENT}/${id(newsId)}`, payloadOf(draft));
/** 204. */
export const deleteNews = (newsId: string | number) => send<void>("DELETE", `${AGENT}/${id(newsId)}`);
/** Removes the attached form: the item without it. */
export const deleteNewsForm = (newsId: string | number) => send<AgentNewsItem>("DELETE", `${AGENT}/${id(newsId)}/form`);

/** When a refusal of the upload carries no problem+json (a proxy's), what to tell people. */
const UPLOAD_FALLBACK: Record<number, string> = {
  413: "Le fichier dépasse la taille autorisée (10 Mo au plus).",
  415: "Le formulaire doit être un fichier PDF.",
};

/**
 * Attaches the PDF form (PUT, multipart field `file`): the item with it. http.ts's `sendForm` only POSTs, so the PUT is
 * written here, its refusal read as the same {@link ApiProblem} (status, type, detail, each field's message).
 */
export async function uploadNewsForm(newsId: string | number, file: File): Promise<AgentNewsItem> {
  const form = new FormData();
  form.append("file", file);
  // No Content-Type of our own: the browser sets it with the boundary of the parts.
  const response = await fetch(`${AGENT}/${id(newsId)}/form`, {
    method: "PUT",
    credentials: "same-origin",
    headers: { Accept: "application/json", "X-XSRF-TOKEN": csrfToken() },
    body: form,
  });
  const body = await response.json().catch(() => null);
  if (response.ok) {
    return body as AgentNewsItem;
  }
  const fields: Record<string, string> = {};
  for (const error of Array.isArray(body?.errors) ? body.errors : []) {
    fields[error.field] = error.message;
  }
  const detail = typeof body?.detail === "string" ? body.detail
    : UPLOAD_FALLBACK[response.status] ?? "Une erreur est survenue. Réessayez dans quelques minutes.";
  throw new ApiProblem(response.status, detail, fields, typeof body?.type === "string" ? body.type : null,
    typeof body?.title === "string" ? body.title : null);
}

/* ----- Hooks ----- */

/** The current items for the caller; kept a minute (agents publish a few times a day). */
export const useCurrentNews = (authenticated: boolean) =>
  useQuery({ queryKey: newsKeys.current(authenticated), queryFn: fetchCurrentNews, staleTime: 60_000, retry: false });

/** A page (from 0) of all the items, for agents. */
export const useAgentNews = (page: number) =>
  useQuery({ queryKey: newsKeys.agentPage(page), queryFn: () => fetchAgentNews(page) });

/** One item, for agents; not asked for while `newsId` is undefined (a new item). */
export const useAgentNewsItem = (newsId: string | undefined) =>
  useQuery({ queryKey: newsKeys.agentItem(newsId ?? ""), queryFn: () => fetchAgentNewsItem(newsId!), enabled: newsId !== undefined });
