/** Where the browser keeps the draft's id (a secret), so that a reload or a return the next day resumes it. */
export const DRAFT_KEY = "portail.inscription";

// localStorage may be refused (some private browsing modes): the registration then works without resuming.
export function readDraftId(): string | null {
  try {
    return localStorage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
}

export function writeDraftId(id: string) {
  try {
    localStorage.setItem(DRAFT_KEY, id);
  } catch {
    // no resume after a reload
  }
}

export function clearDraftId() {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // nothing kept
  }
}
