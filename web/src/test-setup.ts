import { startDsfr } from "./dsfr";

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

startDsfr();
