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
  /** The file the family attached when filing it, if any. */
  attachment: RequestAttachment | null;
};

export type RequestAttachment = { fileName: string; contentType: string; size: number; downloadUrl: string };

/** A refusal of the API (RFC 9457 problem+json): its French detail and, for a form, each field's message. */
export class ApiProblem extends Error {
  constructor(public readonly status: number, public readonly detail: string,
              public readonly fields: Record<string, string>) {
    super(detail);
  }
}

const GENERAL_ERROR = "Une erreur est survenue. Réessayez dans quelques minutes.";

/** When a refusal carries no problem+json (e.g. a proxy's), what to tell people. */
const FALLBACK_DETAIL: Record<number, string> = {
  413: "Le fichier dépasse la taille autorisée (10 Mo au plus).",
  415: "Le fichier doit être un PDF ou une image PNG ou JPEG.",
};

/** The problem+json of a refused call, read as an {@link ApiProblem}. */
async function problemOf(response: Response): Promise<ApiProblem> {
  let detail = FALLBACK_DETAIL[response.status] ?? GENERAL_ERROR;
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
  return new ApiProblem(response.status, detail, fields);
}

async function answerOf<T>(response: Response): Promise<T> {
  if (!response.ok) {
    throw await problemOf(response);
  }
  // An accepted call may answer with no body at all (e.g. 202 Accepted, 204 No Content).
  const text = await response.text();
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", "Content-Type": "application/json", "X-XSRF-TOKEN": csrfToken() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answerOf<T>(response);
}

/**
 * POSTs a multipart/form-data (files). No Content-Type of our own: the browser sets it with the
 * boundary of the parts.
 */
export async function sendForm<T>(url: string, formData: FormData): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { Accept: "application/json", "X-XSRF-TOKEN": csrfToken() },
    body: formData,
  });
  return answerOf<T>(response);
}

const dossierUrl = (dossier: string) => `/api/dossier/dossiers/${encodeURIComponent(dossier)}`;

export const fetchRequests = (dossier: string) =>
  getJson<DossierRequest[]>(`/api/dossier/dossiers/${encodeURIComponent(dossier)}/requests`);
/** A new request: JSON, or multipart/form-data when the family attaches a file. */
export function submitRequest(dossier: string, request: { type: string; description: string; file?: File | null }) {
  const url = `${dossierUrl(dossier)}/requests`;
  if (!request.file) {
    return send<DossierRequest>("POST", url, { type: request.type, description: request.description });
  }
  const form = new FormData();
  form.append("type", request.type);
  form.append("description", request.description);
  form.append("file", request.file);
  return sendForm<DossierRequest>(url, form);
}
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

export type Civility = "MADAME" | "MONSIEUR";

/** What a family keeps up to date itself; an empty field is sent as null. */
export type ContactDetails = {
  email: string | null;
  mobilePhone: string | null;
  homePhone: string | null;
  workPhone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postcode: string | null;
  city: string | null;
};

/** A guardian (responsable légal) of a dossier; phones in E.164 (« +33612345678 »). */
export type Guardian = ContactDetails & {
  id: number;
  civility: Civility;
  civilityLabel: string;
  firstName: string;
  lastName: string;
  updatedAt: string;
};

export type NewGuardian = ContactDetails & { civility: Civility; firstName: string; lastName: string };

export const fetchGuardians = (dossier: string) => getJson<Guardian[]>(`${dossierUrl(dossier)}/guardians`);
export const addGuardian = (dossier: string, guardian: NewGuardian) =>
  send<Guardian>("POST", `${dossierUrl(dossier)}/guardians`, guardian);
export const changeContactDetails = (dossier: string, guardianId: number, contact: ContactDetails) =>
  send<Guardian>("PUT", `${dossierUrl(dossier)}/guardians/${guardianId}/contact-details`, contact);

export type DocumentType = "ATTESTATION" | "REGLEMENT" | "FORMULAIRE" | "FACTURE" | "AUTRE";

export type DossierDocument = {
  id: number;
  type: DocumentType;
  typeLabel: string;
  title: string;
  fileName: string;
  contentType: string;
  size: number;
  publishedAt: string;
  downloadUrl: string;
};

export const fetchDocuments = (dossier: string) => getJson<DossierDocument[]>(`${dossierUrl(dossier)}/documents`);
export function publishDocument(dossier: string, document: { type: string; title: string; file: File | null }) {
  const form = new FormData();
  form.append("type", document.type);
  form.append("title", document.title);
  if (document.file) {
    form.append("file", document.file);
  }
  return sendForm<DossierDocument>(`${dossierUrl(dossier)}/documents`, form);
}

export type NewDossier = { number: string; familyName: string; email: string; phone: string | null };
/** The answer to a dossier's creation: the only time its access key is given. */
export type CreatedDossier = Dossier & { accessKey: string };

export const createDossier = (dossier: NewDossier) => send<CreatedDossier>("POST", "/api/dossier/dossiers", dossier);

export type NewChild = {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  school: string | null;
  className: string | null;
  activities: string[];
};

export const addChild = (dossier: string, child: NewChild) => send<Child>("POST", `${dossierUrl(dossier)}/children`, child);

/** « +33612345678 » as people in France write it: « 06 12 34 56 78 »; other numbers as they are. */
export function frenchPhone(phone: string): string {
  const national = /^\+33(\d{9})$/.exec(phone);
  if (!national) {
    return phone;
  }
  return `0${national[1]}`.replace(/(\d{2})(?=\d)/g, "$1 ");
}

/** The day of an instant in France: « 26/11/2026 » (Europe/Paris). */
export function frenchDay(instant: string): string {
  return new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" })
    .format(new Date(instant));
}

/** A file's size as French people read it: « 850 octets », « 120 Ko », « 1,2 Mo » (1 Ko = 1 024 octets). */
export function fileSize(bytes: number): string {
  const kilobytes = bytes / 1024;
  if (bytes < 1024) {
    return `${bytes} octet${bytes > 1 ? "s" : ""}`;
  }
  if (Math.round(kilobytes) < 1024) {
    return `${Math.round(kilobytes)} Ko`;
  }
  const megabytes = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(kilobytes / 1024);
  return `${megabytes} Mo`;
}

/** The steps of « Ma première connexion », as the identity service names them: the next one to do. */
export type RegistrationStep = "PERSONAL" | "DOSSIER" | "CGU" | "REVIEW" | "SUBMITTED";

/** A registration draft (the access key of the dossier is never given back). */
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
 * password fields keep the password already chosen.
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
};

/** Step 2 « Références dossier »: as printed on the family's invoice. */
export type DossierReferences = { dossierNumber: string; accessKey: string; familyName: string };

/** The conditions générales d'utilisation in force: `text` is plain text, paragraphs separated by blank lines. */
export type CguText = { version: string; title: string; text: string; publishedAt: string };

export type Activation = { authorityName: string };

const registrationUrl = (id: string) => `/api/identity/registrations/${encodeURIComponent(id)}`;

export const fetchRegistration = (id: string) => send<Registration>("GET", registrationUrl(id));
export const startRegistration = (details: PersonalDetails) =>
  send<Registration>("POST", "/api/identity/registrations", details);
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

/** « Mot de passe oublié »: 202 Accepted, no body, the same whether or not an account has this address; 429 when asked too often. */
export const requestPasswordReset = (email: string) => send<void>("POST", "/api/identity/password-resets", { email });

/** The new password chosen with the e-mail's link (`token`: the end of « /mot-de-passe/{token} »). */
export type NewPassword = { token: string; password: string; passwordConfirmation: string };
export type PasswordSet = { username: string };

/** 200 once the password is changed; 410 when the link is expired or already used. */
export const completePasswordReset = (newPassword: NewPassword) =>
  send<PasswordSet>("POST", "/api/identity/password-resets/complete", newPassword);

export const isFamily = (me: Me) => me.authenticated && me.roles.includes("famille");

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
