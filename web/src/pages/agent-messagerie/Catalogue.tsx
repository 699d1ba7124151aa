import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ApiProblem } from "../../api/http";
import {
  CATALOGUE_NAME_MAX, SERVICE_CODE_HINT, SERVICE_CODE_PATTERN, addService, addTheme, changeService, changeTheme,
  fetchAdminCatalogue, messagingKeys, type Department, type Theme,
} from "../../api/messaging";
import type { Me } from "../../api/session";
import { errorOf, useFocusOn } from "../../components/forms";
import { ProblemAlert, remaining } from "../../components/messaging";
import { useSession } from "../../session";
import { AgentMessageriePage } from "./AgentMessageriePage";

/** Admins manage the catalogue (`@AdminOnly` on messaging-service's side). */
export const isAdmin = (me: Me) => me.roles.includes("admin");

/** « Actif » or « Retiré »: a retired service or theme stays readable in old conversations, refused for new ones. */
const Status = ({ active }: { active: boolean }) => (
  <Badge as="span" small severity={active ? "success" : undefined} noIcon>{active ? "Actif" : "Retiré"}</Badge>
);

function nameError(name: string): string | undefined {
  if (name.trim() === "") return "Écrivez le nom.";
  if (name.length > CATALOGUE_NAME_MAX) return `Le nom ne doit pas dépasser ${CATALOGUE_NAME_MAX} caractères.`;
  return undefined;
}

/**
 * One name to write (a new theme, a service's or a theme's new name): its limit followed as the admin types, the
 * refusal's message at the field (`name`: a name already taken, 409), its detail above it, focused.
 */
function NameForm({ title, label, initial = "", submitLabel, save, onCancel, focusOnOpen = false }: {
  title: string; label: string; initial?: string; submitLabel: string; save: (name: string) => Promise<unknown>;
  onCancel?: () => void; focusOnOpen?: boolean;
}) {
  const [name, setName] = useState(initial);
  const [own, setOwn] = useState<string | undefined>();
  const mutation = useMutation({ mutationFn: save, onSuccess: () => setName("") });
  const outcome = useFocusOn(mutation.error);
  const field = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnOpen) field.current?.querySelector("input")?.focus();
  }, [focusOnOpen]);
  const fields = { ...(mutation.error instanceof ApiProblem ? mutation.error.fields : {}), ...(own ? { name: own } : {}) };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const error = nameError(name);
    setOwn(error);
    if (error) {
      mutation.reset();
      field.current?.querySelector("input")?.focus();
      return;
    }
    mutation.mutate(name.trim());
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className="fr-mb-2w">
      <div ref={outcome} tabIndex={-1}>{mutation.isError && <ProblemAlert error={mutation.error} />}</div>
      <Input ref={field} label={label} hintText={remaining(name, CATALOGUE_NAME_MAX)} {...errorOf(fields, "name")}
        nativeInputProps={{ value: name, autoComplete: "off", required: true, "aria-invalid": fields.name ? true : undefined,
          onChange: (e) => { setName(e.target.value); setOwn(undefined); } }} />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li><Button type="submit" disabled={mutation.isPending}>{submitLabel}</Button></li>
        {onCancel && <li><Button type="button" priority="secondary" onClick={onCancel} disabled={mutation.isPending}>Annuler</Button></li>}
      </ul>
    </form>
  );
}

/** « Ajouter un service »: its code (the agents' `services` value, never changed) and its name. */
function AddServiceForm({ onAdded }: { onAdded: (service: Department) => Promise<void> }) {
  const titleId = useId();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [own, setOwn] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: () => addService({ code: code.trim(), name: name.trim() }),
    onSuccess: async (service) => {
      setCode("");
      setName("");
      await onAdded(service);
    },
  });
  const outcome = useFocusOn(mutation.error);
  const fields = { ...(mutation.error instanceof ApiProblem ? mutation.error.fields : {}), ...own };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (code.trim() === "") errors.code = "Écrivez le code du service.";
    else if (!SERVICE_CODE_PATTERN.test(code.trim())) {
      errors.code = "Le code doit comporter de 2 à 30 lettres minuscules, chiffres ou tirets, en commençant par une lettre.";
    }
    const nameProblem = nameError(name);
    if (nameProblem) errors.name = nameProblem;
    setOwn(errors);
    if (Object.keys(errors).length > 0) {
      mutation.reset();
      (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>(errors.code ? "input[name=code]" : "input[name=name]")?.focus();
      return;
    }
    mutation.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={titleId} className="fr-mb-6w">
      <h2 id={titleId} className="fr-h4">Ajouter un service</h2>
      <div ref={outcome} tabIndex={-1}>{mutation.isError && <ProblemAlert error={mutation.error} />}</div>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-5">
          <Input label="Code" hintText={SERVICE_CODE_HINT} {...errorOf(fields, "code")}
            nativeInputProps={{ name: "code", value: code, autoComplete: "off", spellCheck: false, maxLength: 30, required: true,
              "aria-invalid": fields.code ? true : undefined,
              onChange: (e) => { setCode(e.target.value); setOwn({}); } }} />
        </div>
        <div className="fr-col-12 fr-col-md-7">
          <Input label="Nom" hintText={`Tel que les familles le lisent (par exemple Service Jeunesse). ${remaining(name, CATALOGUE_NAME_MAX)}`}
            {...errorOf(fields, "name")}
            nativeInputProps={{ name: "name", value: name, autoComplete: "off", required: true,
              "aria-invalid": fields.name ? true : undefined,
              onChange: (e) => { setName(e.target.value); setOwn({}); } }} />
        </div>
      </div>
      <Button type="submit" disabled={mutation.isPending}>Ajouter le service</Button>
    </form>
  );
}

type Actions = {
  /** Retire or bring back: the call, then the catalogue read again and `message` said. */
  toggle: (run: () => Promise<unknown>, message: string) => void;
  pending: boolean;
  /** After a form's change: the catalogue read again, then `message` said. */
  done: (message: string) => Promise<void>;
};

/** A theme's row: its name, « Actif » / « Retiré », « Renommer », « Retirer » / « Remettre en service ». */
function ThemeRow({ service, theme, actions }: { service: Department; theme: Theme; actions: Actions }) {
  const [renaming, setRenaming] = useState(false);
  const rename = useRef<HTMLButtonElement>(null);
  const [back, setBack] = useState(0);
  useEffect(() => {
    if (back > 0) rename.current?.focus();
  }, [back]);
  const about = <span className="fr-sr-only">{`le thème « ${theme.name} » (${service.name})`}</span>;
  if (renaming) {
    return (
      <tr>
        <td colSpan={3}>
          <NameForm title={`Renommer le thème « ${theme.name} » (${service.name})`} label={`Nouveau nom du thème « ${theme.name} »`}
            initial={theme.name} submitLabel="Enregistrer le nom" focusOnOpen
            onCancel={() => { setRenaming(false); setBack((n) => n + 1); }}
            save={async (name) => {
              await changeTheme(theme.id, { name, active: theme.active });
              await actions.done(`Le thème « ${theme.name} » du service ${service.name} s'appelle désormais « ${name} ».`);
              setRenaming(false);
            }} />
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td>{theme.name}</td>
      <td><Status active={theme.active} /></td>
      <td>
        <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          <li><Button ref={rename} size="small" priority="secondary" onClick={() => setRenaming(true)}>Renommer {about}</Button></li>
          <li>
            {theme.active ? (
              <Button size="small" priority="tertiary" disabled={actions.pending}
                onClick={() => actions.toggle(() => changeTheme(theme.id, { name: theme.name, active: false }),
                  `Le thème « ${theme.name} » du service ${service.name} est retiré : les familles ne peuvent plus le choisir ; `
                  + "ses conversations restent lisibles.")}>
                Retirer {about}
              </Button>
            ) : (
              <Button size="small" priority="tertiary" disabled={actions.pending}
                onClick={() => actions.toggle(() => changeTheme(theme.id, { name: theme.name, active: true }),
                  `Le thème « ${theme.name} » du service ${service.name} est de nouveau proposé aux familles.`)}>
                Remettre en service {about}
              </Button>
            )}
          </li>
        </ul>
      </td>
    </tr>
  );
}

/** A service: its name, code and status, rename, retire or bring back; its themes; « Ajouter un thème ». */
function ServiceSection({ service, actions }: { service: Department; actions: Actions }) {
  const headingId = useId();
  const [renaming, setRenaming] = useState(false);
  const rename = useRef<HTMLButtonElement>(null);
  const [back, setBack] = useState(0);
  useEffect(() => {
    if (back > 0) rename.current?.focus();
  }, [back]);
  const about = <span className="fr-sr-only">{`le service « ${service.name} »`}</span>;
  return (
    <section aria-labelledby={headingId} className="fr-mb-6w fr-p-3w" style={{ border: "1px solid var(--border-default-grey)" }}>
      <h2 id={headingId} className="fr-h4 fr-mb-1w">{service.name}</h2>
      <p className="fr-text--sm">
        Statut : <Status active={service.active} /> — {`Code : ${service.code}`}
      </p>
      {renaming ? (
        <NameForm title={`Renommer le service « ${service.name} »`} label={`Nouveau nom du service « ${service.name} »`}
          initial={service.name} submitLabel="Enregistrer le nom" focusOnOpen
          onCancel={() => { setRenaming(false); setBack((n) => n + 1); }}
          save={async (name) => {
            await changeService(service.code, { name, active: service.active });
            await actions.done(`Le service « ${service.name} » s'appelle désormais « ${name} ».`);
            setRenaming(false);
          }} />
      ) : (
        <ul className="fr-btns-group fr-btns-group--inline-sm">
          <li><Button ref={rename} priority="secondary" onClick={() => setRenaming(true)}>Renommer {about}</Button></li>
          <li>
            {service.active ? (
              <Button priority="tertiary" disabled={actions.pending}
                onClick={() => actions.toggle(() => changeService(service.code, { name: service.name, active: false }),
                  `Le service « ${service.name} » est retiré : les familles ne peuvent plus lui écrire ; `
                  + "ses conversations restent lisibles.")}>
                Retirer {about}
              </Button>
            ) : (
              <Button priority="tertiary" disabled={actions.pending}
                onClick={() => actions.toggle(() => changeService(service.code, { name: service.name, active: true }),
                  `Le service « ${service.name} » est de nouveau proposé aux familles.`)}>
                Remettre en service {about}
              </Button>
            )}
          </li>
        </ul>
      )}
      <h3 className="fr-h6 fr-mt-2w">Thèmes</h3>
      {service.themes.length === 0 ? (
        <p>{"Aucun thème : les familles ne voient le service qu'avec au moins un thème actif."}</p>
      ) : (
        <div className="fr-table fr-table--no-caption fr-mb-2w">
          <table>
            <caption>{`Thèmes du service ${service.name}`}</caption>
            <thead><tr><th scope="col">Thème</th><th scope="col">Statut</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {service.themes.map((theme) => <ThemeRow key={theme.id} service={service} theme={theme} actions={actions} />)}
            </tbody>
          </table>
        </div>
      )}
      <NameForm title={`Ajouter un thème au service ${service.name}`} label="Nouveau thème" submitLabel="Ajouter le thème"
        save={async (name) => {
          await addTheme(service.code, name);
          await actions.done(`Le thème « ${name} » a été ajouté au service ${service.name}.`);
        }} />
    </section>
  );
}

/** /agent/messagerie/catalogue (admins): the services families write to and their themes; add, rename, retire, bring back. */
export function Catalogue() {
  const { me } = useSession();
  const client = useQueryClient();
  const catalogue = useQuery({ queryKey: messagingKeys.adminCatalogue(), queryFn: fetchAdminCatalogue, enabled: isAdmin(me) });
  // A new object each time, so that the same message said twice takes the focus again.
  const [said, setSaid] = useState<{ message: string } | null>(null);
  const refresh = () => Promise.all([
    client.invalidateQueries({ queryKey: messagingKeys.adminCatalogue() }),
    client.invalidateQueries({ queryKey: messagingKeys.catalogue() }),
  ]);
  const toggle = useMutation({
    mutationFn: async ({ run, message }: { run: () => Promise<unknown>; message: string }) => {
      await run();
      await refresh();
      return message;
    },
    onSuccess: (message) => setSaid({ message }),
  });
  const done = async (message: string) => {
    await refresh();
    toggle.reset();
    setSaid({ message });
  };
  const actions: Actions = {
    toggle: (run, message) => { setSaid(null); toggle.mutate({ run, message }); },
    pending: toggle.isPending,
    done,
  };
  const outcome = useFocusOn(toggle.error ?? said);

  if (!isAdmin(me)) {
    return (
      <AgentMessageriePage title="Accès refusé">
        <p>Le catalogue des services est réservé aux administrateurs du portail.</p>
      </AgentMessageriePage>
    );
  }
  return (
    <AgentMessageriePage title="Catalogue des services"
      lead="Les services auxquels les familles écrivent et les thèmes de leurs demandes. Un service ou un thème retiré n'est plus proposé aux familles ; ses conversations restent lisibles.">
      <div ref={outcome} tabIndex={-1}>
        {toggle.isError ? <ProblemAlert error={toggle.error} />
          : said ? <Alert severity="success" role="status" small description={said.message} className="fr-mb-2w" /> : null}
      </div>
      <AddServiceForm onAdded={(service) => done(
        `Le service « ${service.name} » a été ajouté. Ajoutez-lui des thèmes : les familles ne le voient qu'avec au moins un thème actif.`)} />
      {catalogue.isPending ? <p role="status">Chargement…</p> : catalogue.isError ? (
        <ProblemAlert error={catalogue.error} />
      ) : catalogue.data.length === 0 ? (
        <p>Aucun service pour l'instant.</p>
      ) : (
        catalogue.data.map((service) => <ServiceSection key={service.code} service={service} actions={actions} />)
      )}
    </AgentMessageriePage>
  );
}
