import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiProblem, isProblem } from "../../api/http";
import {
  NOTE_MAX, agentAnswer, agentMarkUnread, closeConversation, fetchAgentConversation, fetchCatalogue, fetchTemplates, messagingKeys,
  takeConversation, transferConversation, type Conversation,
} from "../../api/messaging";
import { errorOf, useFocusOn } from "../../components/forms";
import { ProblemAlert, ReplyForm, Thread, remaining } from "../../components/messaging";
import { frenchDateTime } from "../../format";
import { useSession } from "../../session";
import { AGENT_MESSAGING, AgentMessageriePage } from "./AgentMessageriePage";

/** « Réponses types » of the conversation's service: one picked fills the message, which the agent edits. */
function TemplatePicker({ service, onPick }: { service: string; onPick: (body: string) => void }) {
  const templates = useQuery({ queryKey: messagingKeys.templates(service), queryFn: () => fetchTemplates(service) });
  const [chosen, setChosen] = useState("");
  if (!templates.isSuccess || templates.data.length === 0) {
    return null;
  }
  return (
    <Select label="Réponses types" hint="Le texte choisi remplace le message, que vous pouvez modifier avant l'envoi."
      nativeSelectProps={{ value: chosen, onChange: (e) => {
        setChosen(e.target.value);
        const template = templates.data.find((t) => String(t.id) === e.target.value);
        if (template) onPick(template.body);
      } }}>
      <option value="">Choisir une réponse type</option>
      {templates.data.map((t) => <option key={t.id} value={String(t.id)}>{t.title}</option>)}
    </Select>
  );
}

/** « Transférer » to another service with a note for its agents (the family does not read it). */
function TransferForm({ conversation, onDone }: { conversation: Conversation; onDone: (serviceName: string) => void }) {
  const catalogue = useQuery({ queryKey: messagingKeys.catalogue(), queryFn: fetchCatalogue, staleTime: 300_000 });
  const [service, setService] = useState("");
  const [note, setNote] = useState("");
  const [own, setOwn] = useState<Record<string, string>>({});
  const transfer = useMutation({
    mutationFn: () => transferConversation(String(conversation.id), service, note),
    onSuccess: (updated) => onDone(updated.serviceName),
  });
  const outcome = useFocusOn(transfer.error);
  const fields = { ...(transfer.error instanceof ApiProblem ? transfer.error.fields : {}), ...own };
  const others = (catalogue.data ?? []).filter((s) => s.code !== conversation.serviceCode);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!service) errors.service = "Choisissez le service.";
    if (note.trim() === "") errors.note = "Écrivez une note pour les agents du service.";
    else if (note.length > NOTE_MAX) errors.note = `La note ne doit pas dépasser ${NOTE_MAX} caractères.`;
    setOwn(errors);
    if (Object.keys(errors).length === 0) transfer.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="transferer-titre" className="fr-mt-6w">
      <h2 id="transferer-titre" className="fr-h4">Transférer</h2>
      <div ref={outcome} tabIndex={-1}>{transfer.isError && <ProblemAlert error={transfer.error} />}</div>
      <Select label="Service" {...errorOf(fields, "service")}
        nativeSelectProps={{ value: service, onChange: (e) => { setService(e.target.value); setOwn({}); } }}>
        <option value="" disabled>Choisissez un service</option>
        {others.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
      </Select>
      <Input label="Note" textArea hintText={`Pour les agents du service, la famille ne la lit pas. ${remaining(note, NOTE_MAX)}`}
        {...errorOf(fields, "note")}
        nativeTextAreaProps={{ value: note, onChange: (e) => { setNote(e.target.value); setOwn({}); } }} />
      <Button type="submit" priority="secondary" disabled={transfer.isPending}>Transférer</Button>
    </form>
  );
}

/** A conversation of one of the agent's services: take, answer (templates, attachments), transfer, close. */
export function ConversationAgent() {
  const { id = "" } = useParams();
  const { me } = useSession();
  const client = useQueryClient();
  const conversation = useQuery({ queryKey: messagingKeys.agentConversation(id), queryFn: () => fetchAgentConversation(id) });
  const [text, setText] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const [transferredTo, setTransferredTo] = useState<string | null>(null);
  const updated = (c: Conversation) => {
    client.setQueryData(messagingKeys.agentConversation(id), c);
    void client.invalidateQueries({ queryKey: messagingKeys.agentUnread() });
    void client.invalidateQueries({ queryKey: [...messagingKeys.agent(), "inbox"] });
  };
  const take = useMutation({ mutationFn: () => takeConversation(id),
    onSuccess: (c) => { updated(c); setDone("Vous avez pris en charge cette conversation."); } });
  const close = useMutation({ mutationFn: () => closeConversation(id),
    onSuccess: (c) => { updated(c); setDone("La conversation est close."); } });
  const unread = useMutation({ mutationFn: () => agentMarkUnread(id),
    onSuccess: () => { void client.invalidateQueries({ queryKey: messagingKeys.agentUnread() });
      void client.invalidateQueries({ queryKey: [...messagingKeys.agent(), "inbox"] });
      setDone("La conversation est marquée comme non lue."); } });
  const actionError = take.error ?? close.error ?? unread.error;
  const outcome = useFocusOn(actionError ?? done);
  const transferred = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conversation.isSuccess) void client.invalidateQueries({ queryKey: messagingKeys.agentUnread() });
  }, [conversation.isSuccess, client]);
  useEffect(() => {
    if (transferredTo) transferred.current?.focus();
  }, [transferredTo]);

  if (transferredTo) {
    return (
      <AgentMessageriePage title="Conversation transférée">
        <div ref={transferred} tabIndex={-1}>
          <Alert severity="success" role="status" title={`La conversation a été transférée au ${transferredTo}`}
            description="Ses agents la trouveront dans « Non attribués »." className="fr-mb-4w" />
        </div>
        <Link className="fr-link" to={AGENT_MESSAGING}>Revenir à la messagerie</Link>
      </AgentMessageriePage>
    );
  }
  if (conversation.data === undefined && !conversation.isError) {
    return <AgentMessageriePage title="Conversation"><p role="status">Chargement…</p></AgentMessageriePage>;
  }
  if (conversation.data === undefined) {
    return isProblem(conversation.error, 404) ? (
      <AgentMessageriePage title="Conversation introuvable">
        <p>Cette conversation est introuvable : elle n'existe pas ou n'est pas celle d'un de vos services.</p>
        <Link className="fr-link" to={AGENT_MESSAGING}>Revenir à la messagerie</Link>
      </AgentMessageriePage>
    ) : (
      <AgentMessageriePage title="Conversation"><ProblemAlert error={conversation.error} /></AgentMessageriePage>
    );
  }
  const c = conversation.data;
  const mine = c.assignedTo !== undefined && c.assignedTo === me.username;
  const reply = async (body: string, files: File[]) => {
    updated(await agentAnswer(id, body, files));
    setDone(null);
  };
  return (
    <AgentMessageriePage title={c.subject}>
      <div ref={outcome} tabIndex={-1}>
        {actionError ? <ProblemAlert error={actionError} />
          : done ? <Alert severity="success" role="status" small description={done} className="fr-mb-2w" /> : null}
      </div>
      <dl className="fr-mb-3w">
        <dt className="fr-text--bold">Dossier</dt>
        <dd><Link to={`/agent/dossiers/${encodeURIComponent(c.dossierNumber)}`}>{`Dossier n° ${c.dossierNumber}`}</Link></dd>
        <dt className="fr-text--bold">Famille</dt><dd>{c.familyName ?? "—"}</dd>
        <dt className="fr-text--bold">Service et thème</dt><dd>{c.serviceName} — {c.themeName}</dd>
        <dt className="fr-text--bold">Statut</dt><dd>{c.statusLabel}</dd>
        <dt className="fr-text--bold">Pris en charge par</dt><dd>{c.assignedName ?? "Personne"}</dd>
      </dl>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {!mine && c.status !== "CLOSED" && (
          <li><Button onClick={() => { setDone(null); close.reset(); unread.reset(); take.mutate(); }} disabled={take.isPending}>Prendre en charge</Button></li>
        )}
        {c.status !== "CLOSED" && (
          <li><Button priority="secondary" onClick={() => { setDone(null); take.reset(); unread.reset(); close.mutate(); }} disabled={close.isPending}>Clore</Button></li>
        )}
        <li><Button priority="tertiary" onClick={() => { setDone(null); take.reset(); close.reset(); unread.mutate(); }}
          disabled={unread.isPending}>Marquer comme non lu</Button></li>
      </ul>
      {c.steps && c.steps.length > 0 && (
        <section aria-labelledby="suivi-titre">
          <h2 id="suivi-titre" className="fr-h4">Suivi</h2>
          <ul>
            {c.steps.map((step, index) => (
              <li key={index}>
                {`${frenchDateTime(step.happenedAt)} — ${step.kindLabel}`}
                {step.byName ? ` par ${step.byName}` : ""}
                {step.kind === "TRANSFERRED" ? ` de ${step.fromServiceName} à ${step.toServiceName}` : ""}
                {step.note ? ` — Note : ${step.note}` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Thread conversation={c} familySuffix=" (famille)" />
      <ReplyForm send={reply} text={text} onText={setText}
        above={<TemplatePicker service={c.serviceCode} onPick={setText} />} />
      <TransferForm conversation={c} onDone={setTransferredTo} />
    </AgentMessageriePage>
  );
}
