import { cleanup } from "@testing-library/react";
import { Blob as NodeBlob, File as NodeFile } from "node:buffer";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { startDsfr } from "../dsfr";
import { calls, serve, server } from "./server";

// jsdom has no matchMedia; the DSFR's script asks it for the colour scheme once it has loaded.
if (typeof window.matchMedia !== "function") {
  window.matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}

// Multipart bodies: fetch (Node's, which MSW intercepts) cannot read jsdom's FormData and File: a file's name is
// lost, or the file is sent as « [object File] ». Files and forms are Node's own here, as they are the browser's own
// in the browser.
const NodeFormData = (await new Response(new URLSearchParams()).formData()).constructor as typeof FormData;
globalThis.Blob = NodeBlob as unknown as typeof Blob;
globalThis.File = NodeFile as unknown as typeof File;
globalThis.FormData = NodeFormData;

startDsfr();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));

beforeEach(() => {
  calls.length = 0;
  serve();
});

afterEach(() => {
  cleanup();
  document.cookie = "XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
});

afterAll(() => server.close());
