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
