import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { ApiProblem } from "../../api/http";
import {
  BODY_MAX, SUBJECT_MAX, attachmentsError, fetchCatalogue, messagingKeys, startConversation,
} from "../../api/messaging";
import { errorOf, useFocusOn } from "../../components/forms";
import {
  AttachmentsField, BodyField, ProblemAlert, attachmentsProblem, frenchNumber, remaining,
} from "../../components/messaging";

type Form = { service: string; theme: string; subject: string; body: string };
const EMPTY: Form = { service: "", theme: "", subject: "", body: "" };

/** What is missing or too long, checked before sending (the service checks again). */
function check(form: Form, files: File[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.service) errors.service = "Choisissez le service à contacter.";
  if (!form.theme) errors.theme = "Choisissez le thème de votre demande.";
  if (form.subject.trim() === "") errors.subject = "Indiquez l'objet de votre demande.";
  else if (form.subject.length > SUBJECT_MAX) errors.subject = `L'objet ne doit pas dépasser ${SUBJECT_MAX} caractères.`;
  if (form.body.trim() === "") errors.body = "Écrivez votre message.";
  else if (form.body.length > BODY_MAX) errors.body = `Le message ne doit pas dépasser ${frenchNumber(BODY_MAX)} caractères.`;
  const filesError = attachmentsError(files);
  if (filesError) errors.attachments = filesError;
  return errors;
}

/** « Envoyer un message »: 1 the service then the theme, 2 « Objet » and the message, 3 attachments, 4 « Envoyer ». */
export function EnvoyerMessage() {
  const catalogue = useQuery({ queryKey: messagingKeys.catalogue(), queryFn: fetchCatalogue, staleTime: 300_000 });
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(EMPTY);
  const [files, setFiles] = useState<File[]>([]);
  const [own, setOwn] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState(0);
  const send = useMutation({
    mutationFn: () => startConversation({ service: form.service, theme: Number(form.theme), subject: form.subject, body: form.body }, files),
    onSuccess: (conversation) => {
      void client.invalidateQueries({ queryKey: messagingKeys.boxes() });
      client.setQueryData(messagingKeys.conversation(String(conversation.id)), conversation);
      queueMicrotask(() => navigate(`/messagerie/conversations/${conversation.id}`, { state: { sent: true } }));
    },
  });
  const hasOwn = Object.keys(own).length > 0;
  const outcome = useFocusOn(send.error ?? (hasOwn ? checked : null));
  const fields = { ...(send.error instanceof ApiProblem ? send.error.fields : {}), ...own };
  const service = catalogue.data?.find((s) => s.code === form.service);
  const set = (name: keyof Form, value: string) => {
    setForm((f) => ({ ...f, [name]: value, ...(name === "service" ? { theme: "" } : {}) }));
    setOwn(({ [name]: _dropped, ...rest }) => rest);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = check(form, files);
    setOwn(errors);
    setChecked((n) => n + 1);
    if (Object.keys(errors).length === 0) {
      send.mutate();
    } else {
      send.reset();
    }
  };

  if (catalogue.isPending) return <p role="status">Chargement…</p>;
  if (catalogue.isError) return <ProblemAlert error={catalogue.error} title="Les services ne peuvent pas être affichés" />;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Envoyer un message">
      <div ref={outcome} tabIndex={-1}>
        {send.isError ? (
          <ProblemAlert error={send.error} title="Votre message n'a pas été envoyé" />
        ) : hasOwn ? (
          <ProblemAlert error={new ApiProblem(400, "Corrigez les champs signalés ci-dessous.", {})}
            title="Votre message n'a pas été envoyé" />
        ) : null}
      </div>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend"><h2 className="fr-h5 fr-mb-0">1. Le service et le thème de votre demande</h2></legend>
        <div className="fr-fieldset__element">
          <Select label="Service à contacter" {...errorOf(fields, "service")}
            nativeSelectProps={{ value: form.service, required: true, onChange: (e) => set("service", e.target.value) }}>
            <option value="" disabled>Choisissez un service</option>
            {catalogue.data.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Select label="Thème de votre demande" hint={service ? undefined : "Choisissez d'abord le service."}
            disabled={!service} {...errorOf(fields, "theme")}
            nativeSelectProps={{ value: form.theme, required: true, onChange: (e) => set("theme", e.target.value) }}>
            <option value="" disabled>Choisissez un thème</option>
            {(service?.themes ?? []).map((t) => <option key={t.id} value={String(t.id)}>{t.name}</option>)}
          </Select>
        </div>
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend"><h2 className="fr-h5 fr-mb-0">2. Votre demande</h2></legend>
        <div className="fr-fieldset__element">
          <Input label="Objet" hintText={remaining(form.subject, SUBJECT_MAX)} {...errorOf(fields, "subject")}
            nativeInputProps={{ value: form.subject, required: true, autoComplete: "off",
              onChange: (e) => set("subject", e.target.value.replace(/[\r\n]+/g, " ")) }} />
        </div>
        <div className="fr-fieldset__element">
          <BodyField value={form.body} onChange={(value) => set("body", value)} error={fields.body} />
        </div>
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend"><h2 className="fr-h5 fr-mb-0">3. Pièces jointes (facultatif)</h2></legend>
        <div className="fr-fieldset__element">
          <AttachmentsField files={files} onChange={(chosen) => { setFiles(chosen); setOwn(({ attachments: _a, ...rest }) => rest); }}
            error={fields.attachments ?? attachmentsProblem(send.error)} />
        </div>
      </fieldset>
      <Button type="submit" disabled={send.isPending}>Envoyer</Button>
    </form>
  );
}
