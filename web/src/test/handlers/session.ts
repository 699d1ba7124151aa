// The gateway's own answers: who is logged in (/api/me) and the portal's names.
import { http, HttpResponse } from "msw";
import { ANONYMOUS, DEFAULT_PORTAL, type Me, type Portal } from "../../api/session";

/** A logged-in family: Claire DURAND, dossier 6000. */
export const FAMILY: Me = {
  authenticated: true,
  username: "claire.durand",
  name: "Claire DURAND",
  givenName: "Claire",
  familyName: "DURAND",
  email: "claire.durand@example.fr",
  roles: ["famille"],
  dossier: "6000",
  services: [],
};

/** /api/me answers `me` (a visitor by default), /api/portal the default portal. */
export const session = (me: Me = ANONYMOUS, portal: Portal = DEFAULT_PORTAL) => [
  http.get("/api/me", () => HttpResponse.json(me)),
  http.get("/api/portal", () => HttpResponse.json(portal)),
];
