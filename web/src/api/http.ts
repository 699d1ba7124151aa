// Calls to the gateway. The browser holds only the session cookie; state-changing calls echo the
// CSRF cookie (__Host-XSRF-TOKEN, or XSRF-TOKEN on http://localhost) in the X-XSRF-TOKEN header.
// Every refusal is read as an ApiProblem.

/** The prefix of every problem type the services send (`Problems.type(slug)` on the Java side). */
export const PROBLEM_TYPE_PREFIX = "urn:portail-famille:problem:";

/** The stable `type` of a problem+json, from the slug the service gives it (e.g. « service-indisponible »). */
export const problemType = (slug: string) => `${PROBLEM_TYPE_PREFIX}${slug}`;

/**
 * The problem types the pages decide on. Pages decide on these (or on the HTTP status), never on the French
 * `detail`, which is for people to read and may be reworded at any time.
 */
export const ProblemTypes = {
  /** 503: a service, or one it calls, is unavailable (the gateway's fallback says so too). */
  serviceUnavailable: problemType("service-indisponible"),
  /** 403 from the gateway: the family has not accepted the CGU in force (new ones came out since it logged in). */
  cguToAccept: problemType("cgu-a-accepter"),
} as const;

type Listener = () => void;
const cguToAcceptListeners = new Set<Listener>();

/**
 * `listener` is called each time the gateway refuses a call because the CGU in force are to accept (403
 * « cgu-a-accepter », docs/adr/008-cgu-gate.md), whichever page made it; returns how to stop listening. The app
 * then reads the account again, which says so, and shows only the new CGU until they are accepted.
 */
export function onCguToAccept(listener: Listener): () => void {
  cguToAcceptListeners.add(listener);
  return () => {
    cguToAcceptListeners.delete(listener);
  };
}

/** Tells the listeners if `response` is the gateway's « CGU to accept » (its body is read from a copy). */
async function noticeCguToAccept(response: Response): Promise<void> {
  if (response.status !== 403 || cguToAcceptListeners.size === 0) {
    return;
  }
  try {
    const problem = await response.clone().json();
    if (problem?.type === ProblemTypes.cguToAccept) {
      cguToAcceptListeners.forEach((listener) => listener());
    }
  } catch {
    // not a problem+json: another refusal
  }
}

/**
 * A refusal of the API (RFC 9457 problem+json): its status, its stable `type` (null when the answer was not a
 * problem+json, e.g. a proxy's), its French title and detail and, for a form, each field's message (`errors`).
 */
export class ApiProblem extends Error {
  constructor(public readonly status: number, public readonly detail: string,
              public readonly fields: Record<string, string>,
              public readonly type: string | null = null,
              public readonly title: string | null = null) {
    super(detail);
  }
}

/** `error` is a refusal with this status. */
export const isProblem = (error: unknown, status: number): error is ApiProblem =>
  error instanceof ApiProblem && error.status === status;

/** `error` is a refusal of this type (one of {@link ProblemTypes}). */
export const hasProblemType = (error: unknown, type: string): boolean =>
  error instanceof ApiProblem && error.type === type;

/** Each field's message of a refused form (« errors » of the problem+json), by field name. */
export const fieldsOf = (error: unknown): Record<string, string> => (error instanceof ApiProblem ? error.fields : {});

const GENERAL_ERROR = "Une erreur est survenue. Réessayez dans quelques minutes.";

/** When a refusal carries no problem+json (e.g. a proxy's), what to tell people. */
const FALLBACK_DETAIL: Record<number, string> = {
  413: "Le fichier dépasse la taille autorisée (10 Mo au plus).",
  415: "Le fichier doit être un PDF ou une image PNG ou JPEG.",
};

/** The problem+json of a refused call, read as an {@link ApiProblem}. */
async function problemOf(response: Response): Promise<ApiProblem> {
  let detail = FALLBACK_DETAIL[response.status] ?? GENERAL_ERROR;
  let type: string | null = null;
  let title: string | null = null;
  const fields: Record<string, string> = {};
  try {
    const problem = await response.json();
    detail = problem.detail ?? detail;
    type = typeof problem.type === "string" ? problem.type : null;
    title = typeof problem.title === "string" ? problem.title : null;
    for (const error of problem.errors ?? []) {
      fields[error.field] = error.message;
    }
  } catch {
    // not a problem+json: keep the general message
  }
  return new ApiProblem(response.status, detail, fields, type, title);
}

async function answerOf<T>(response: Response): Promise<T> {
  if (!response.ok) {
    await noticeCguToAccept(response);
    throw await problemOf(response);
  }
  // An accepted call may answer with no body at all (e.g. 202 Accepted, 204 No Content).
  const text = await response.text();
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

/** A plain read: a refusal is an Error naming the URL and status (the page says what failed in its own words). */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) {
    await noticeCguToAccept(response);
    throw new Error(`${url} : ${response.status}`);
  }
  return (await response.json()) as T;
}

/** A call with a JSON body (or none), the CSRF header, and the refusal read as an {@link ApiProblem}. */
export async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
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

/** The CSRF cookies' names: `__Host-XSRF-TOKEN` when the portal is served over https, `XSRF-TOKEN` on localhost. */
const CSRF_COOKIES = ["__Host-XSRF-TOKEN=", "XSRF-TOKEN="];

export function csrfToken(): string {
  const cookies = document.cookie.split("; ");
  for (const name of CSRF_COOKIES) {
    const match = cookies.find((c) => c.startsWith(name));
    if (match) {
      return decodeURIComponent(match.substring(name.length));
    }
  }
  return "";
}
