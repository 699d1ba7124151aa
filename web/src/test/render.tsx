import { render } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, type ReactElement } from "react";
import { MemoryRouter } from "react-router-dom";
import { DEFAULT_PORTAL, type Me } from "../api/session";
import { App } from "../App";
import { SessionContext } from "../session";

type Options = {
  /** The address the router starts at. */
  path?: string;
  /** The session given to `ui` without /api/me (the whole app reads its own). */
  me?: Me;
  /** In React's StrictMode (effects run twice). */
  strict?: boolean;
};

/** Renders `ui` as the app does: a fresh query client (no retry), a router at `path`, and the session `me` if given. */
export function renderWith(ui: ReactElement, { path = "/", me, strict = false }: Options = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const page = me ? <SessionContext.Provider value={{ me, portal: DEFAULT_PORTAL }}>{ui}</SessionContext.Provider> : ui;
  const tree = (
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>{page}</MemoryRouter>
    </QueryClientProvider>
  );
  return render(strict ? <StrictMode>{tree}</StrictMode> : tree);
}

/** The whole portal at `path`: its header, its routes, its session from /api/me. */
export const renderApp = (path: string, { strict = false }: { strict?: boolean } = {}) =>
  renderWith(<App />, { path, strict });
