// The identity service: registration (« Ma première connexion »), activation, the CGU, the password forgotten,
// and the logged-in family's account.
import type { Civility } from "./dossier";
import { getJson, send } from "./http";

/** The query keys of the identity service, for every useQuery and invalidation. */
export const identityKeys = {
  all: ["identity"] as const,
  account: () => [...identityKeys.all, "account"] as const,
  currentCgu: () => [...identityKeys.all, "cgu", "current"] as const,
  registrations: () => [...identityKeys.all, "registrations"] as const,
  registration: (id: string | null) => [...identityKeys.registrations(), id] as const,
};

/** The steps of « Ma première connexion », as the identity service names them: the next one to do. */
export type RegistrationStep = "PERSONAL" | "DOSSIER" | "CGU" | "REVIEW" | "SUBMITTED";

/**
 * A registration draft (the access key of the dossier is never given back). `dossierNumber` is set once the dossier
 * check (step 2) has passed: from then on, the e-mail and the identifiant change only with the draft's password typed
 * again ({@link PersonalDetails}'s `currentPassword`).
 */
export type Registration = {
  id: string;
  step: RegistrationStep;
  civility: Civility;
  lastName: string;
  firstName: string;
  email: string;
  phone: string | null;
  username: string;
  dossierNumber: string | null;
  familyName: string | null;
  cguVersion: string | null;
  cguAcceptedAt: string | null;
  expiresAt: string;
};

/**
 * Step 1 « Informations personnelles ». `username` null: the e-mail is the identifiant. On a change, empty
 * password fields keep the password already chosen. `currentPassword`: the password chosen for this registration,
 * typed again; sent only on a change of the e-mail or the identifiant after the dossier check, which needs it (400
 * naming the field when missing or « est incorrect », 429 after 5 wrong tries in an hour).
 */
export type PersonalDetails = {
  civility: Civility | null;
  lastName: string;
  firstName: string;
  email: string;
  phone: string | null;
  username: string | null;
  password: string;
  passwordConfirmation: string;
  currentPassword?: string;
};

/** Step 2 « Références dossier »: as printed on the family's invoice. */
export type DossierReferences = { dossierNumber: string; accessKey: string; familyName: string };

/** The conditions générales d'utilisation in force: `text` is plain text, paragraphs separated by blank lines. */
export type CguText = { version: string; title: string; text: string; publishedAt: string };

export type Activation = { username: string };

/* ----- Registration ----- */

const registrationUrl = (id: string) => `/api/identity/registrations/${encodeURIComponent(id)}`;

export const fetchRegistration = (id: string) => send<Registration>("GET", registrationUrl(id));
export const startRegistration = (details: PersonalDetails) =>
  send<Registration>("POST", "/api/identity/registrations", details);
/** 400 on `currentPassword` (missing, or « est incorrect »); 429 after too many tries of it. */
export const changePersonalDetails = (id: string, details: PersonalDetails) =>
  send<Registration>("PUT", `${registrationUrl(id)}/personal`, details);
export const linkDossier = (id: string, references: DossierReferences) =>
  send<Registration>("PUT", `${registrationUrl(id)}/dossier`, references);
export const fetchCurrentCgu = () => getJson<CguText>("/api/identity/cgu/current");
export const acceptCgu = (id: string, version: string) =>
  send<Registration>("PUT", `${registrationUrl(id)}/cgu`, { version, accepted: true });
export const submitRegistration = (id: string) => send<Registration>("POST", `${registrationUrl(id)}/submit`);
/** 202 Accepted, no body; 429 when asked again too soon. */
export const resendActivationMail = (id: string) => send<void>("POST", `${registrationUrl(id)}/resend`);
export const activateAccount = (token: string) => send<Activation>("POST", "/api/identity/activations", { token });

/* ----- Password forgotten ----- */

/** « Mot de passe oublié »: 202 Accepted, no body, the same whether or not an account has this address; 429 when asked too often. */
export const requestPasswordReset = (email: string) => send<void>("POST", "/api/identity/password-resets", { email });

/** The new password chosen with the e-mail's link (`token`: the end of « /mot-de-passe/{token} »). */
export type NewPassword = { token: string; password: string; passwordConfirmation: string };
export type PasswordSet = { username: string };

/** 200 once the password is changed; 410 when the link is expired or already used. */
export const completePasswordReset = (newPassword: NewPassword) =>
  send<PasswordSet>("POST", "/api/identity/password-resets/complete", newPassword);

/* ----- The logged-in family's account ----- */

/** The logged-in family's account, as the identity service keeps it; `mustAcceptCgu`: new CGU to accept first. */
export type AccountView = {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  dossier: string | null;
  cguVersionAccepted: string | null;
  cguAcceptedAt: string | null;
  currentCguVersion: string;
  mustAcceptCgu: boolean;
};

/** « Changer mon mot de passe »: the current password, then the new one twice. */
export type PasswordChange = { currentPassword: string; newPassword: string; newPasswordConfirmation: string };

export const fetchAccount = () => getJson<AccountView>("/api/identity/me/account");
/** 409 when `version` is no longer the current one (the CGU changed meanwhile: read them again). */
export const acceptAccountCgu = (version: string) =>
  send<AccountView>("PUT", "/api/identity/me/cgu", { version, accepted: true });
/** 204: every session of the account is ended, the portal's too. */
export const changePassword = (change: PasswordChange) => send<void>("POST", "/api/identity/me/password", change);
/** 204: the account is deleted (a DELETE with a JSON body); the family's dossier stays with the authority. */
export const deleteAccount = (currentPassword: string) =>
  send<void>("DELETE", "/api/identity/me/account", { currentPassword });

/** « Changer mon adresse e-mail »: the new address, and the current password to prove it is the account's holder. */
export type EmailChange = { newEmail: string; currentPassword: string };
/** The account's address once the change is confirmed. */
export type EmailChanged = { email: string };

/**
 * 202, no body: a link of confirmation is sent to the new address; the account keeps its address until it is opened.
 * 400 with the field `newEmail` (not an address, or already the account's) or `currentPassword` (« est incorrect »).
 */
export const requestEmailChange = (change: EmailChange) => send<void>("POST", "/api/identity/me/email", change);
/**
 * The link of the confirmation mail (`token`: the end of « /confirmation-e-mail/{token} »): 200 once the address is
 * changed; 410 when the link is expired or already used; 409 when the address is now another account's.
 */
export const completeEmailChange = (token: string) =>
  send<EmailChanged>("POST", "/api/identity/email-changes/complete", { token });
