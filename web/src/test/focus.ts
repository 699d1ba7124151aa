import { waitFor } from "@testing-library/react";
import { expect } from "vitest";

/** The focus is on the message, or on the element that holds it (not merely on the page's body). */
export const expectFocusOn = (message: HTMLElement) => waitFor(() => {
  const focused = document.activeElement as HTMLElement;
  expect(focused).not.toBe(document.body);
  expect(focused.contains(message)).toBe(true);
});
