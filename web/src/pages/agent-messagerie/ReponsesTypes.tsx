import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ApiProblem } from "../../api/http";
import {
  BODY_MAX, TEMPLATE_TITLE_MAX, addTemplate, changeTemplate, deleteTemplate, fetchAgentUnread, fetchTemplates, messagingKeys,
  type AnswerTemplate, type TemplateText,
} from "../../api/messaging";
import { errorOf, useFocusOn } from "../../components/forms";
import { ProblemAlert, frenchNumber, remaining } from "../../components/messaging";
import { AgentMessageriePage } from "./AgentMessageriePage";

/** What is wrong with a template before sending it (the service checks again). */
function templateErrors({ title, body }: TemplateText): Record<string, string> {
  const errors: Record<string, string> = {};
  if (title.trim() === "") errors.title = "Écrivez le titre de la réponse type.";
  else if (title.length > TEMPLATE_TITLE_MAX) errors.title = `Le titre ne doit pas dépasser ${TEMPLATE_TITLE_MAX} caractères.`;
  if (body.trim() === "") errors.body = "Écrivez le texte de la réponse type.";
  else if (body.length > BODY_MAX) errors.body = `Le texte ne doit pas dépasser ${frenchNumber(BODY_MAX)} caractères.`;
  return errors;
}

/**
 * « Titre » and « Message » (messaging-service names the field so in its refusals) of a template, their limits followed as the agent types; `save` resolves once saved (the
 * refusal's fields are then shown at the fields, its detail above them, focused).
 */
function TemplateForm({ heading, initial = { title: "", body: "" }, submitLabel, save, onCancel, focusOnOpen = false }: {
  heading: string; initial?: TemplateText; submitLabel: string; save: (text: TemplateText) => Promise<unknown>;
  onCancel?: () => void; focusOnOpen?: boolean;
}) {
  const headingId = useId();
  const [text, setText] = useState<TemplateText>(initial);
  const [own, setOwn] = useState<Record<string, string>>({});
  const mutation = useMutation({ mutationFn: save, onSuccess: () => setText({ title: "", body: "" }) });
  const outcome = useFocusOn(mutation.error);
  const titleField = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnOpen) titleField.current?.querySelector("input")?.focus();
  }, [focusOnOpen]);
  const fields = { ...(mutation.error instanceof ApiProblem ? mutation.error.fields : {}), ...own };
  const change = (changes: Partial<TemplateText>) => {
    setText((t) => ({ ...t, ...changes }));
    setOwn({});
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = templateErrors(text);
    setOwn(errors);
    if (Object.keys(errors).length > 0) {
      mutation.reset();
      const first = errors.title ? "input" : "textarea";
      (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>(first)?.focus();
      return;
    }
    mutation.mutate({ title: text.title.trim(), body: text.body });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="fr-mb-4w">
      <h3 id={headingId} className="fr-h5">{heading}</h3>
      <div ref={outcome} tabIndex={-1}>{mutation.isError && <ProblemAlert error={mutation.error} />}</div>
      <Input ref={titleField} label="Titre" hintText={`Le nom sous lequel les agents la choisissent. ${remaining(text.title, TEMPLATE_TITLE_MAX)}`}
        {...errorOf(fields, "title")}
        nativeInputProps={{ value: text.title, autoComplete: "off", required: true,
          "aria-invalid": fields.title ? true : undefined, onChange: (e) => change({ title: e.target.value }) }} />
      <Input label="Message" textArea hintText={`Le message envoyé à la famille, modifiable avant l'envoi. ${remaining(text.body, BODY_MAX)}`}
        {...errorOf(fields, "body")}
        nativeTextAreaProps={{ value: text.body, rows: 8, required: true,
          "aria-invalid": fields.body ? true : undefined, onChange: (e) => change({ body: e.target.value }) }} />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li><Button type="submit" disabled={mutation.isPending}>{submitLabel}</Button></li>
        {onCancel && <li><Button type="button" priority="secondary" onClick={onCancel} disabled={mutation.isPending}>Annuler</Button></li>}
      </ul>
    </form>
  );
}

/** One template: its title and text, « Modifier », « Supprimer » with its confirmation. */
function TemplateItem({ template, editing, onEdit, onCancelEdit, onSaved, onDeleted }: {
  template: AnswerTemplate; editing: boolean; onEdit: () => void; onCancelEdit: () => void;
  onSaved: (saved: AnswerTemplate) => void; onDeleted: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({ mutationFn: () => deleteTemplate(template.id), onSuccess: onDeleted,
    onSettled: () => setConfirming(false) });
  const confirmation = useFocusOn(confirming);
  const failure = useFocusOn(remove.error);
  const questionId = useId();
  // Back from « Annuler » (of the change or of the deletion), the focus returns to the button that opened it.
  const modify = useRef<HTMLButtonElement>(null);
  const erase = useRef<HTMLButtonElement>(null);
  const [back, setBack] = useState<{ to: "modify" | "erase" } | null>(null);
  useEffect(() => {
    if (back) (back.to === "modify" ? modify : erase).current?.focus();
  }, [back]);
  if (editing) {
    return (
      <li className="fr-mb-3w">
        <TemplateForm heading={`Modifier la réponse type « ${template.title} »`} initial={template}
          submitLabel="Enregistrer les modifications" focusOnOpen
          onCancel={() => { onCancelEdit(); setBack({ to: "modify" }); }}
          save={async (text) => onSaved(await changeTemplate(template.id, text))} />
      </li>
    );
  }
  return (
    <li className="fr-mb-3w">
      <article className="fr-p-2w" style={{ border: "1px solid var(--border-default-grey)" }}>
        <h3 className="fr-h6 fr-mb-1w">{template.title}</h3>
        <p className="fr-mb-2w" style={{ whiteSpace: "pre-wrap" }}>{template.body}</p>
        <div ref={failure} tabIndex={-1}>{remove.isError && <ProblemAlert error={remove.error} />}</div>
        {confirming ? (
          <div ref={confirmation} tabIndex={-1} role="group" aria-labelledby={questionId}>
            <Alert severity="warning" small className="fr-mb-2w" description={
              <span id={questionId}>
                {`Supprimer la réponse type « ${template.title} » ? Les agents du service ne pourront plus la choisir.`}
              </span>
            } />
            <ul className="fr-btns-group fr-btns-group--inline-sm">
              <li><Button onClick={() => remove.mutate()} disabled={remove.isPending}>Oui, supprimer</Button></li>
              <li>
                <Button priority="secondary" onClick={() => { setConfirming(false); setBack({ to: "erase" }); }}
                  disabled={remove.isPending}>Annuler</Button>
              </li>
            </ul>
          </div>
        ) : (
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            <li>
              <Button ref={modify} priority="secondary" onClick={onEdit}>
                Modifier <span className="fr-sr-only">{`« ${template.title} »`}</span>
              </Button>
            </li>
            <li>
              <Button ref={erase} priority="tertiary" onClick={() => { remove.reset(); setConfirming(true); }}>
                Supprimer <span className="fr-sr-only">{`« ${template.title} »`}</span>
              </Button>
            </li>
          </ul>
        )}
      </article>
    </li>
  );
}

/** The templates of one service: listed by title, added, changed, deleted. */
function ServiceTemplates({ service, serviceName, onDone }: {
  service: string; serviceName: string; onDone: (message: string) => void;
}) {
  const client = useQueryClient();
  const templates = useQuery({ queryKey: messagingKeys.templates(service), queryFn: () => fetchTemplates(service) });
  const [editing, setEditing] = useState<number | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: messagingKeys.templates(service) });
  const done = async (message: string) => {
    await refresh();
    setEditing(null);
    onDone(message);
  };
  return (
    <>
      <section aria-labelledby="liste-titre">
        <h2 id="liste-titre" className="fr-h4">{`Réponses types — ${serviceName}`}</h2>
        {templates.isPending ? <p role="status">Chargement…</p> : templates.isError ? (
          <ProblemAlert error={templates.error} />
        ) : templates.data.length === 0 ? (
          <p>Ce service n'a pas encore de réponse type.</p>
        ) : (
          <ul className="fr-raw-list">
            {templates.data.map((t) => (
              <TemplateItem key={t.id} template={t} editing={editing === t.id} onEdit={() => setEditing(t.id)}
                onCancelEdit={() => setEditing(null)}
                onSaved={(saved) => void done(`La réponse type « ${saved.title} » a été modifiée.`)}
                onDeleted={() => void done(`La réponse type « ${t.title} » a été supprimée.`)} />
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Ajouter une réponse type" className="fr-mt-4w">
        <TemplateForm key={service} heading="Ajouter une réponse type" submitLabel="Ajouter la réponse type"
          save={async (text) => {
            const added = await addTemplate(service, text);
            await done(`La réponse type « ${added.title} » a été ajoutée.`);
          }} />
      </section>
    </>
  );
}

/** /agent/messagerie/reponses-types: the « réponses types » of the agent's services, which they write for each other. */
export function ReponsesTypes() {
  const services = useQuery({ queryKey: messagingKeys.agentUnread(), queryFn: fetchAgentUnread });
  const [chosen, setChosen] = useState<string | null>(null);
  // A new object each time, so that the same message said twice takes the focus again.
  const [done, setDone] = useState<{ message: string } | null>(null);
  const outcome = useFocusOn(done);
  const service = services.data?.find((s) => s.serviceCode === chosen) ?? services.data?.[0];
  return (
    <AgentMessageriePage title="Réponses types"
      lead="Les réponses préparées par les agents d'un service, qu'ils choisissent en répondant aux familles.">
      <div ref={outcome} tabIndex={-1}>
        {done && <Alert severity="success" role="status" small description={done.message} className="fr-mb-2w" />}
      </div>
      {services.isPending ? <p role="status">Chargement…</p> : services.isError ? (
        <ProblemAlert error={services.error} />
      ) : service === undefined ? (
        <p>Vous ne faites partie d'aucun service de la messagerie.</p>
      ) : (
        <>
          <Select label="Service" hint="Les réponses types d'un service sont partagées par tous ses agents."
            nativeSelectProps={{ value: service.serviceCode, onChange: (e) => { setChosen(e.target.value); setDone(null); } }}>
            {services.data.map((s) => <option key={s.serviceCode} value={s.serviceCode}>{s.serviceName}</option>)}
          </Select>
          <ServiceTemplates key={service.serviceCode} service={service.serviceCode} serviceName={service.serviceName}
            onDone={(message) => setDone({ message })} />
        </>
      )}
    </AgentMessageriePage>
  );
}
