// The one way the component tests fake the API: Mock Service Worker (node) answers the app's real fetch calls, so
// every test goes through api/http.ts (CSRF header, JSON or multipart body, problem+json) as the browser does.
import { http, HttpResponse, type DefaultBodyType, type HttpResponseResolver, type RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { problemType } from "../api/http";
import { news } from "./handlers/news";
import { session } from "./handlers/session";

/** A request the app sent: method, path with its query, headers and body (parsed JSON, FormData, text or none). */
export type Call = { method: string; url: string; headers: Headers; body: unknown };

/** Every request of the current test, in the order sent; emptied before each test. */
export const calls: Call[] = [];

/** The requests to `url` (path and query) with `method`. */
export const callsTo = (url: string, method = "GET") => calls.filter((c) => c.url === url && c.method === method);

/** The requests to one service, e.g. « /api/identity/ » (not the session's /api/me and /api/portal). */
export const callsUnder = (prefix: string) => calls.filter((c) => c.url.startsWith(prefix));

async function callOf(request: Request): Promise<Call> {
  const url = new URL(request.url);
  const contentType = request.headers.get("content-type") ?? "";
  let body: unknown;
  if (contentType.startsWith("multipart/form-data")) {
    body = await request.formData();
  } else {
    const text = await request.text();
    body = text === "" ? undefined : contentType.includes("json") ? JSON.parse(text) : text;
  }
  return { method: request.method, url: url.pathname + url.search, headers: request.headers, body };
}

/** Records each request, body included, before any handler answers it; answering nothing, it lets the next one answer. */
const recorder = http.all("*", async ({ request }) => {
  calls.push(await callOf(request.clone()));
});

/** A call of the API that no handler of the test answers: a 500, as an unexpected failure of the service. */
const unexpected = http.all("/api/*", () => problem(500, "Réponse inattendue"));

export const server = setupServer();

/**
 * The gateway for the current test: `handlers` first (the first that matches answers), then a visitor's session and
 * the default portal, no news (the home page's « Je m'informe » on every page test that shows it), then a 500 for any
 * other call of the API. Returns the log of the requests.
 */
export function serve(...handlers: RequestHandler[]): Call[] {
  server.resetHandlers(recorder, ...handlers, ...session(), news.current([]), unexpected);
  return calls;
}

/* ----- Answers ----- */

export const json = (body: unknown, status = 200) => HttpResponse.json(body as DefaultBodyType, { status });

/** 204 No Content. */
export const noContent = () => new HttpResponse(null, { status: 204 });

/** 202 Accepted, no body. */
export const accepted = () => new HttpResponse(null, { status: 202 });

/**
 * A refusal as the services send it (RFC 9457 problem+json): `slug` gives the stable type
 * (« urn:portail-famille:problem:<slug> »), `errors` each field's message.
 */
export function problem(status: number, detail: string,
                        { slug, errors }: { slug?: string; errors?: { field: string; message: string }[] } = {}) {
  return HttpResponse.json(
    { ...(slug ? { type: problemType(slug) } : {}), status, detail, ...(errors ? { errors } : {}) },
    { status, headers: { "Content-Type": "application/problem+json" } },
  );
}

/** What a handler answers: a body, sent as JSON with 200, or a resolver for anything else (a status, a delay…). */
export type Answer = HttpResponseResolver | object | unknown[] | string | number | boolean | null;

export const resolverOf = (answer: Answer): HttpResponseResolver =>
  typeof answer === "function" ? (answer as HttpResponseResolver) : () => json(answer);

/**
 * The Content-Type of a multipart body as fetch sets it, with a boundary of its own (Node's fetch here): it is
 * there only when the app sets no Content-Type itself, since an explicit one would be sent as it is.
 */
export const MULTIPART_SET_BY_FETCH = /^multipart\/form-data; boundary=-+formdata-undici-\d+$/;
