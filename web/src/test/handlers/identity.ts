// The identity service's endpoints, one handler each, named as in api/identity.ts: each answers `answer`
// (a body sent as JSON, or a resolver).
import { http } from "msw";
import type { AccountView } from "../../api/identity";
import { resolverOf, type Answer } from "../server";

/**
 * Claire DURAND's account (the session's FAMILY): the CGU in force, 2026-01, accepted late in the evening of 26/11
 * UTC, already the 27th in France.
 */
export const ACCOUNT: AccountView = {
  username: "claire.durand", email: "claire.durand@example.fr", firstName: "Claire", lastName: "DURAND", dossier: "6000",
  cguVersionAccepted: "2026-01", cguAcceptedAt: "2026-11-26T23:30:00Z", currentCguVersion: "2026-01", mustAcceptCgu: false,
};

const REGISTRATIONS = "/api/identity/registrations";
const ACCOUNT_URL = "/api/identity/me/account";

export const identity = {
  /* Registration */
  startRegistration: (answer: Answer) => http.post(REGISTRATIONS, resolverOf(answer)),
  registration: (answer: Answer) => http.get(`${REGISTRATIONS}/:id`, resolverOf(answer)),
  changePersonalDetails: (answer: Answer) => http.put(`${REGISTRATIONS}/:id/personal`, resolverOf(answer)),
  linkDossier: (answer: Answer) => http.put(`${REGISTRATIONS}/:id/dossier`, resolverOf(answer)),
  acceptCgu: (answer: Answer) => http.put(`${REGISTRATIONS}/:id/cgu`, resolverOf(answer)),
  submitRegistration: (answer: Answer) => http.post(`${REGISTRATIONS}/:id/submit`, resolverOf(answer)),
  resendActivationMail: (answer: Answer) => http.post(`${REGISTRATIONS}/:id/resend`, resolverOf(answer)),
  activateAccount: (answer: Answer) => http.post("/api/identity/activations", resolverOf(answer)),
  currentCgu: (answer: Answer) => http.get("/api/identity/cgu/current", resolverOf(answer)),

  /* Password forgotten */
  requestPasswordReset: (answer: Answer) => http.post("/api/identity/password-resets", resolverOf(answer)),
  completePasswordReset: (answer: Answer) => http.post("/api/identity/password-resets/complete", resolverOf(answer)),

  /* The logged-in family's account */
  account: (answer: Answer) => http.get(ACCOUNT_URL, resolverOf(answer)),
  deleteAccount: (answer: Answer) => http.delete(ACCOUNT_URL, resolverOf(answer)),
  acceptAccountCgu: (answer: Answer) => http.put("/api/identity/me/cgu", resolverOf(answer)),
  changePassword: (answer: Answer) => http.post("/api/identity/me/password", resolverOf(answer)),
  requestEmailChange: (answer: Answer) => http.post("/api/identity/me/email", resolverOf(answer)),
  completeEmailChange: (answer: Answer) => http.post("/api/identity/email-changes/complete", resolverOf(answer)),
};
