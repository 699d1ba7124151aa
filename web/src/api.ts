// Calls to the gateway. The browser holds only the session cookie; state-changing calls echo the
// CSRF cookie (XSRF-TOKEN) in the X-XSRF-TOKEN header.

export type Me = {
  authenticated: boolean;
  username: string | null;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  roles: string[];
  dossier: string | null;
  services: string[];
};

export type Portal = {
  portalName: string;
  authorityName: string;
  authorityShortName: string;
};

export const LOGIN_URL = "/oauth2/authorization/keycloak";

export const ANONYMOUS: Me = {
  authenticated: false,
  username: null,
  name: null,
  givenName: null,
  familyName: null,
  email: null,
  roles: [],
  dossier: null,
  services: [],
};

export const DEFAULT_PORTAL: Portal = {
  portalName: "Portail Famille",
  authorityName: "Communauté de communes Roussillon Conflent",
  authorityShortName: "Roussillon Conflent",
};

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) {
    throw new Error(`${url} : ${response.status}`);
  }
  return (await response.json()) as T;
}

export type Child = {
  id: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  school: string | null;
  className: string | null;
  activities: string[];
};

export type RequestStatus = "SUBMITTED" | "IN_PROGRESS" | "ACCEPTED" | "REFUSED" | "CANCELLED";

export type RequestStep = { status: RequestStatus; statusLabel: string; comment: string | null; changedAt: string };

export type DossierRequest = {
  id: number;
  type: string;
  typeLabel: string;
  status: RequestStatus;
  statusLabel: string;
  description: string | null;
  createdAt: string;
  history: RequestStep[];
};

/** A refusal of the API (RFC 9457 problem+json): its French detail and, for a form, each field's message. */
export class ApiProblem extends Error {
  constructor(public readonly status: number, public readonly detail: string,
              public readonly fields: Record<string, string>) {
    super(detail);
  }
}

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", "Content-Type": "application/json", "X-XSRF-TOKEN": csrfToken() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let detail = "Une erreur est survenue. Réessayez dans quelques minutes.";
    const fields: Record<string, string> = {};
    try {
      const problem = await response.json();
      detail = problem.detail ?? detail;
      for (const error of problem.errors ?? []) {
        fields[error.field] = error.message;
      }
    } catch {
      // not a problem+json: keep the general message
    }
    throw new ApiProblem(response.status, detail, fields);
  }
  return (await response.json()) as T;
}

export const fetchRequests = (dossier: string) =>
  getJson<DossierRequest[]>(`/api/dossier/dossiers/${encodeURIComponent(dossier)}/requests`);
export const submitRequest = (dossier: string, request: { type: string; description: string }) =>
  send<DossierRequest>("POST", `/api/dossier/dossiers/${encodeURIComponent(dossier)}/requests`, request);
export const cancelRequest = (id: number) => send<DossierRequest>("POST", `/api/dossier/requests/${id}/cancel`);

/** An instant as people in France read it: « 26/11/2026 à 10:15 » (Europe/Paris). */
export function frenchDateTime(instant: string): string {
  const formatted = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit",
  }).format(new Date(instant));
  return formatted.replace(" ", " à ");
}

export type DossierHit = { number: string; familyName: string; children: string[]; openRequests: number };
export type SearchResults = { items: DossierHit[]; page: number; size: number; total: number };
export type Dossier = {
  number: string;
  familyName: string;
  email: string;
  phone: string | null;
  linkingLockedUntil?: string;
};

export const searchDossiers = (query: string, page: number) =>
  getJson<SearchResults>(`/api/dossier/dossiers?q=${encodeURIComponent(query)}&page=${page}&size=20`);
export const fetchDossier = (number: string) => getJson<Dossier>(`/api/dossier/dossiers/${encodeURIComponent(number)}`);
export const decideRequest = (id: number, action: "take" | "accept" | "refuse", comment?: string) =>
  send<DossierRequest>("POST", `/api/dossier/requests/${id}/${action}`, action === "take" ? undefined : { comment: comment ?? "" });

export const fetchMe = () => getJson<Me>("/api/me");
export const fetchChildren = (dossier: string) =>
  getJson<Child[]>(`/api/dossier/dossiers/${encodeURIComponent(dossier)}/children`);

/** « 2016-05-12 » read as people in France write it: « 12/05/2016 » (no time zone involved). */
export function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}
export const fetchPortal = () => getJson<Portal>("/api/portal");

export function csrfToken(): string {
  const match = document.cookie.split("; ").find((c) => c.startsWith("XSRF-TOKEN="));
  return match ? decodeURIComponent(match.substring("XSRF-TOKEN=".length)) : "";
}

/** Logs out of the portal and of Keycloak: a real form POST, so the browser follows the redirects. */
export function logout(): void {
  const form = document.createElement("form");
  form.method = "post";
  form.action = "/logout";
  const input = document.createElement("input");
  input.type = "hidden";
  input.name = "_csrf";
  input.value = csrfToken();
  form.appendChild(input);
  document.body.appendChild(form);
  form.submit();
}

export const isAgent = (me: Me) => me.roles.includes("agent") || me.roles.includes("admin");
