import { useEffect, useRef } from "react";
import { useLocation } from "react-router-dom";

/**
 * After a move inside a section (side menu, a link to one of its items, « Retour »), the focus goes to the new page's
 * title, read first; not on arrival, where the skip links come first. {@code keepFocus} says, from the navigation's
 * state, when the new page puts the focus elsewhere itself (a message just sent).
 */
export function useFocusTitleOnNavigation(keepFocus?: (state: unknown) => boolean) {
  const { pathname, state } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) {
      return;
    }
    previous.current = pathname;
    if (keepFocus?.(state)) {
      return;
    }
    const title = document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("h1");
    if (title) {
      title.tabIndex = -1;
      title.focus();
    }
    // keepFocus is a rule fixed by the section, not a value to watch.
  }, [pathname, state]);
}
