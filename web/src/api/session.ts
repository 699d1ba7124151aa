// The session: who is logged in (/api/me, as the gateway says), the portal's names, logging in and out,
// and what a role may see.
import { csrfToken, getJson } from "./http";

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

/** The query keys of the session, for every useQuery and invalidation. */
export const sessionKeys = {
  all: ["session"] as const,
  me: () => [...sessionKeys.all, "me"] as const,
  portal: () => [...sessionKeys.all, "portal"] as const,
};

export const fetchMe = () => getJson<Me>("/api/me");
export const fetchPortal = () => getJson<Portal>("/api/portal");

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

export const isFamily = (me: Me) => me.authenticated && me.roles.includes("famille");
