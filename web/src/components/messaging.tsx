// What the families' and the agents' Messagerie pages share: a conversation's messages, the message field with its
// limit, the attachments field, the reply form, the pager, the unread marker.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { ApiProblem } from "../api/http";
import {
  ATTACHMENT_ACCEPT, ATTACHMENT_HINT, BODY_MAX, attachmentsError, type Conversation, type Message,
} from "../api/messaging";
import { fileSize, frenchDateTime } from "../format";
import { errorOf, useFocusOn } from "./forms";

/** « 1 234 » as French people write it (a plain space, so that screen readers and tests read it alike). */
export const frenchNumber = (n: number) => n.toLocaleString("fr-FR").replace(/\s/g, " ");

/** The limit of a text field, followed as people type: « 4 980 caractères restants sur 5 000 ». */
export function remaining(text: string, max: number): string {
  const left = max - text.length;
  return left >= 0
    ? `${frenchNumber(left)} caractère${left > 1 ? "s" : ""} restant${left > 1 ? "s" : ""} sur ${frenchNumber(max)}`
    : `${frenchNumber(-left)} caractère${-left > 1 ? "s" : ""} de trop (${frenchNumber(max)} au plus)`;
}

/** The marker of an unread conversation, said to screen readers too. */
export const UnreadBadge = () => <span className="fr-badge fr-badge--sm fr-badge--new fr-ml-1w">Non lu</span>;

/** The problem of a refused call, the `detail` for people to read. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) {
    return null;
  }
  const detail = error instanceof ApiProblem ? error.detail : "Une erreur est survenue. Réessayez dans quelques minutes.";
  return <Alert severity="error" small={!title} title={title ?? ""} description={detail} className="fr-mb-2w" />;
}

/** One message: who wrote (the service's name for families), when (Paris), the text as typed, its attachments. */
function MessageItem({ message, familySuffix }: { message: Message; familySuffix: string }) {
  const author = message.from === "FAMILY" ? `${message.authorName}${familySuffix}` : message.authorName;
  return (
    <li className="fr-mb-3w">
      <article className="fr-p-2w" style={{ border: "1px solid var(--border-default-grey)",
        background: message.from === "SERVICE" ? "var(--background-alt-blue-france)" : undefined }}>
        <h3 className="fr-h6 fr-mb-1v">{author}</h3>
        <p className="fr-text--sm fr-mb-2w">Le {frenchDateTime(message.sentAt)}</p>
        <p className="fr-mb-1w" style={{ whiteSpace: "pre-wrap" }}>{message.body}</p>
        {message.attachments.length > 0 && (
          <>
            <p className="fr-text--sm fr-text--bold fr-mb-1v">Pièces jointes</p>
            <ul>
              {message.attachments.map((attachment) => (
                <li key={attachment.id}>
                  <a className="fr-link fr-link--download" href={attachment.downloadUrl} download={attachment.fileName}>
                    {`Télécharger ${attachment.fileName}`}
                    <span className="fr-link__detail">{fileSize(attachment.size)}</span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </article>
    </li>
  );
}

/**
 * Every message of a conversation, the oldest first, as a mail thread: a family's message signed by the account that
 * wrote it (two guardians share the dossier's conversations) followed by `familySuffix`, a service's by its name.
 */
export function Thread({ conversation, familySuffix = "" }: { conversation: Conversation; familySuffix?: string }) {
  return (
    <section aria-labelledby="messages-titre">
      <h2 id="messages-titre" className="fr-h4">Messages</h2>
      <ol className="fr-raw-list">
        {conversation.messages.map((message) => <MessageItem key={message.id} message={message} familySuffix={familySuffix} />)}
      </ol>
    </section>
  );
}

/** The message's text, its limit said as people type. */
export function BodyField({ value, onChange, error, label = "Message" }: {
  value: string; onChange: (value: string) => void; error?: string; label?: string;
}) {
  return (
    <Input label={label} textArea hintText={remaining(value, BODY_MAX)} {...errorOf(error ? { body: error } : {}, "body")}
      nativeTextAreaProps={{ value, rows: 8, required: true, onChange: (e) => onChange(e.target.value) }} />
  );
}

/** Up to three files, 10 Mo each, PDF, JPEG, PNG, ODT or DOCX (said beside the field). */
export function AttachmentsField({ files, onChange, error }: { files: File[]; onChange: (files: File[]) => void; error?: string }) {
  const inputId = useId();
  const hintId = `${inputId}-aide`;
  const errorId = `${inputId}-erreur`;
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={`fr-upload-group fr-mb-3w${error ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={inputId}>
        Pièces jointes
        <span className="fr-hint-text" id={hintId}>{ATTACHMENT_HINT}</span>
      </label>
      <input ref={input} className="fr-upload" type="file" id={inputId} multiple accept={ATTACHMENT_ACCEPT}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId} aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(Array.from(e.target.files ?? []))} />
      {error && <p className="fr-error-text" id={errorId}>{error}</p>}
      {files.length > 0 && (
        <ul className="fr-mt-1w">
          {files.map((file) => <li key={`${file.name}-${file.size}`}>{file.name} ({fileSize(file.size)})</li>)}
        </ul>
      )}
    </div>
  );
}

/** The field a refusal names among `errors`, or the files' refusal (400 on « Pièces jointes », 413, 415). */
export function attachmentsProblem(error: unknown): string | undefined {
  if (!(error instanceof ApiProblem)) {
    return undefined;
  }
  return error.fields.attachments ?? (error.status === 413 || error.status === 415 ? error.detail : undefined);
}

/**
 * « Répondre »: the text (maybe from a template, `above`), the attachments, « Envoyer ». `send` resolves once sent;
 * the form then empties and says so.
 */
export function ReplyForm({ send, above, text, onText, sentMessage = "Votre réponse a été envoyée." }: {
  send: (body: string, files: File[]) => Promise<unknown>; above?: ReactNode; text?: string; onText?: (text: string) => void;
  sentMessage?: string;
}) {
  const [ownBody, setOwnBody] = useState("");
  const body = text ?? ownBody;
  const setBody = onText ?? setOwnBody;
  const [files, setFiles] = useState<File[]>([]);
  const [formKey, setFormKey] = useState(0);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(0);
  const [pending, setPending] = useState(false);
  const outcome = useFocusOn(error ?? (sent || null));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const own: Record<string, string> = {};
    if (body.trim() === "") own.body = "Écrivez votre message.";
    else if (body.length > BODY_MAX) own.body = `Le message ne doit pas dépasser ${frenchNumber(BODY_MAX)} caractères.`;
    const filesError = attachmentsError(files);
    if (filesError) own.attachments = filesError;
    setFields(own);
    if (Object.keys(own).length > 0) {
      setError(null);
      return;
    }
    setPending(true);
    try {
      await send(body, files);
      setBody("");
      setFiles([]);
      setFormKey((k) => k + 1);
      setError(null);
      setSent((n) => n + 1);
    } catch (refusal) {
      setFields(refusal instanceof ApiProblem ? refusal.fields : {});
      setError(refusal);
      setSent(0);
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="repondre-titre" className="fr-mt-4w">
      <h2 id="repondre-titre" className="fr-h4">Répondre</h2>
      <div ref={outcome} tabIndex={-1}>
        {error ? (
          <ProblemAlert error={error} />
        ) : sent > 0 ? (
          <Alert severity="success" role="status" small description={sentMessage} className="fr-mb-2w" />
        ) : null}
      </div>
      {above}
      <BodyField value={body} onChange={setBody} error={fields.body} />
      <AttachmentsField key={formKey} files={files} onChange={setFiles} error={fields.attachments ?? attachmentsProblem(error)} />
      <Button type="submit" disabled={pending}>Envoyer</Button>
    </form>
  );
}

/** « Page précédente » / « Page suivante » of a listing, and where we are. */
export function Pager({ page, size, total, onPage }: { page: number; size: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) {
    return null;
  }
  return (
    <nav aria-label="Pages" className="fr-mt-2w">
      <p className="fr-mb-1w">Page {page + 1} sur {pages}</p>
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li><Button priority="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>Page précédente</Button></li>
        <li><Button priority="secondary" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>Page suivante</Button></li>
      </ul>
    </nav>
  );
}
