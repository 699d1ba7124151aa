import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";

/**
 * The text of an item: a small rich-text field (contentEditable) that writes only what messaging-service keeps
 * (paragraphs, bold, bullet and numbered lists, links). Its toolbar's buttons are reached with Tab and act on the text
 * selected in the field (kept while the focus is on the toolbar); Ctrl+B (⌘B) puts the selection in bold from the field
 * itself; a paste is pasted as plain text. The HTML it gives is cleaned again by the service, which is the rule.
 *
 * Uncontrolled: `initialHtml` fills it when it appears (give it a new `key` to fill it again), `onChange` follows it.
 */
export function EditeurTexte({ label, hint, initialHtml, onChange, error }: {
  label: string;
  hint?: string;
  initialHtml: string;
  onChange: (html: string) => void;
  error?: string;
}) {
  const id = useId();
  const editorId = `${id}-editeur`;
  const labelId = `${id}-label`;
  const hintId = `${id}-aide`;
  const errorId = `${id}-erreur`;
  const editor = useRef<HTMLDivElement>(null);
  /** The selection in the field when it last had one: the toolbar acts on it. */
  const saved = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [linkUrl, setLinkUrl] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  const linkInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (editor.current) {
      // The item's text as messaging-service keeps it, sanitised by its allow-list (see accueil/Actualite.tsx).
      editor.current.innerHTML = initialHtml;
    }
    // Filled once: afterwards the field is the agent's (a new key fills it again).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (linking) {
      linkInput.current?.focus();
    }
  }, [linking]);

  const changed = () => onChange(htmlOf(editor.current));

  const saveSelection = () => {
    const selection = document.getSelection();
    if (selection && selection.rangeCount > 0 && editor.current?.contains(selection.anchorNode)) {
      saved.current = selection.getRangeAt(0).cloneRange();
    }
  };

  /** Back in the field with its selection as it was, for a command to act on. */
  const restoreSelection = () => {
    editor.current?.focus();
    const selection = document.getSelection();
    if (selection && saved.current) {
      selection.removeAllRanges();
      selection.addRange(saved.current);
    }
  };

  const run = (command: string, value?: string) => {
    if (typeof document.execCommand !== "function") {
      return;
    }
    restoreSelection();
    // execCommand is deprecated but the one way every browser offers to format a contentEditable's selection and keep
    // its undo history; paragraphs rather than divs for new lines.
    document.execCommand("defaultParagraphSeparator", false, "p");
    document.execCommand(command, false, value);
    saveSelection();
    changed();
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    event.preventDefault();
    document.execCommand("insertText", false, event.clipboardData.getData("text/plain"));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Italic, underline and the like are not kept by the service: only bold is offered.
    if ((event.ctrlKey || event.metaKey) && ["i", "u"].includes(event.key.toLowerCase())) {
      event.preventDefault();
    }
  };

  const insertLink = () => {
    const url = linkUrl.trim();
    if (!/^https?:\/\/[^\s]+$/i.test(url)) {
      setLinkError("Indiquez une adresse qui commence par https:// ou http://.");
      return;
    }
    const range = saved.current;
    if (range && !range.collapsed) {
      run("createLink", url);
    } else {
      // No text selected: the address itself becomes the link's text.
      run("insertHTML", `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`);
    }
    closeLink();
  };

  const closeLink = () => {
    setLinking(false);
    setLinkUrl("");
    setLinkError(null);
    restoreSelection();
  };

  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      {/* A div cannot be a label's control: the label names the field by aria-labelledby and gives it the focus. */}
      <label className="fr-label" id={labelId} onClick={() => editor.current?.focus()}>
        {label}
        {hint && <span className="fr-hint-text" id={hintId}>{hint}</span>}
      </label>
      <div role="toolbar" aria-label="Mise en forme du texte" aria-controls={editorId} className="fr-mt-1w fr-mb-1v">
        <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mb-0">
          <li>
            <Button type="button" size="small" priority="tertiary" iconId="ri-bold"
              nativeButtonProps={{ onMouseDown: (e) => e.preventDefault() }} onClick={() => run("bold")}>
              Gras
            </Button>
          </li>
          <li>
            <Button type="button" size="small" priority="tertiary" iconId="ri-list-unordered"
              nativeButtonProps={{ onMouseDown: (e) => e.preventDefault() }} onClick={() => run("insertUnorderedList")}>
              Liste à puces
            </Button>
          </li>
          <li>
            <Button type="button" size="small" priority="tertiary" iconId="ri-list-ordered"
              nativeButtonProps={{ onMouseDown: (e) => e.preventDefault() }} onClick={() => run("insertOrderedList")}>
              Liste numérotée
            </Button>
          </li>
          <li>
            <Button type="button" size="small" priority="tertiary" iconId="ri-link"
              nativeButtonProps={{ onMouseDown: (e) => e.preventDefault(), "aria-expanded": linking }}
              onClick={() => { saveSelection(); setLinking(true); }}>
              Lien
            </Button>
          </li>
        </ul>
      </div>
      {linking && (
        <div className="fr-p-2w fr-mb-1w" style={{ border: "1px solid var(--border-default-grey)" }}>
          <Input label="Adresse du lien" hintText="Sur le texte sélectionné, ou l'adresse elle-même si aucun texte ne l'est. Par exemple https://www.example.fr"
            state={linkError ? "error" : "default"} stateRelatedMessage={linkError ?? undefined}
            nativeInputProps={{
              ref: linkInput, type: "url", value: linkUrl, autoComplete: "off",
              onChange: (e) => { setLinkUrl(e.target.value); setLinkError(null); },
              onKeyDown: (e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  insertLink();
                } else if (e.key === "Escape") {
                  e.preventDefault();
                  closeLink();
                }
              },
            }} />
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-mb-0">
            <li><Button type="button" size="small" onClick={insertLink}>Insérer le lien</Button></li>
            <li><Button type="button" size="small" priority="secondary" onClick={closeLink}>Annuler</Button></li>
          </ul>
        </div>
      )}
      <div id={editorId} ref={editor} role="textbox" aria-multiline="true" aria-labelledby={labelId}
        aria-describedby={describedBy} aria-invalid={error ? true : undefined} contentEditable suppressContentEditableWarning
        tabIndex={0} className="fr-input" style={{ minHeight: "12rem", height: "auto", overflowY: "auto" }}
        onInput={changed} onBlur={changed} onKeyUp={saveSelection} onMouseUp={saveSelection} onFocus={saveSelection}
        onPaste={onPaste} onKeyDown={onKeyDown} />
      {error && <p className="fr-error-text" id={errorId}>{error}</p>}
    </div>
  );
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The field's HTML, or nothing when it has no text (an emptied field keeps a <br> or an empty paragraph). */
export function htmlOf(element: HTMLElement | null): string {
  if (!element || (element.textContent ?? "").trim() === "") {
    return "";
  }
  return element.innerHTML;
}
