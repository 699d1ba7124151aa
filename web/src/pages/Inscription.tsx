import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useEffect, useId, useRef, useState, type FormEvent, type HTMLAttributes, type ReactNode } from "react";
import { Link } from "react-router-dom";
import {
  acceptCgu, ApiProblem, changePersonalDetails, fetchRegistration, frenchDateTime, frenchPhone,
  linkDossier, resendActivationMail, startRegistration, submitRegistration,
  type Civility, type PersonalDetails, type Registration, type RegistrationStep,
} from "../api";
import { useSession } from "../session";
import { usePageTitle } from "../usePageTitle";
import { CguAcceptance } from "./CguAcceptance";
import { errorOf, fieldsOf, FormError } from "./forms";
import { PASSWORD_RESET_REQUEST_PATH } from "./MotDePasse";

/** Where the browser keeps the draft's id (a secret), so that a reload or a return the next day resumes it. */
export const DRAFT_KEY = "portail.inscription";

// localStorage may be refused (some private browsing modes): the registration then works without resuming.
function readDraftId(): string | null {
  try {
    return localStorage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
}

function writeDraftId(id: string) {
  try {
    localStorage.setItem(DRAFT_KEY, id);
  } catch {
    // no resume after a reload
  }
}

function clearDraftId() {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // nothing kept
  }
}

type WizardStep = Exclude<RegistrationStep, "SUBMITTED">;

const STEPS: { step: WizardStep; title: string }[] = [
  { step: "PERSONAL", title: "Informations personnelles" },
  { step: "DOSSIER", title: "Références dossier" },
  { step: "CGU", title: "Conditions générales d'utilisation" },
  { step: "REVIEW", title: "Vérifiez vos informations" },
];

const CIVILITY_LABEL: Record<Civility, string> = { MADAME: "Madame", MONSIEUR: "Monsieur" };

const isProblem = (error: unknown, status: number) => error instanceof ApiProblem && error.status === status;

/** The buttons of a step: its own, then « Annuler » when the step is reopened from the summary. */
function StepButtons({ children, onCancel }: { children: ReactNode; onCancel?: () => void }) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline-sm">
      <li>{children}</li>
      {onCancel && (
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>Annuler</Button>
        </li>
      )}
    </ul>
  );
}

/* ----- Step 1 « Informations personnelles » ----- */

type PersonalForm = Record<keyof PersonalDetails, string>;

/** The draft's details in the form; the identifiant left empty when it is the e-mail; never the password. */
function personalFormOf(view: Registration | null): PersonalForm {
  return {
    civility: view?.civility ?? "",
    lastName: view?.lastName ?? "",
    firstName: view?.firstName ?? "",
    email: view?.email ?? "",
    phone: view?.phone ? frenchPhone(view.phone) : "",
    username: view && view.username !== view.email ? view.username : "",
    password: "",
    passwordConfirmation: "",
  };
}

/** What the API receives: trimmed, null for an empty optional field; passwords exactly as typed. */
function personalDetailsOf(form: PersonalForm): PersonalDetails {
  const optional = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    civility: form.civility === "" ? null : (form.civility as Civility),
    lastName: form.lastName.trim(),
    firstName: form.firstName.trim(),
    email: form.email.trim(),
    phone: optional(form.phone),
    username: optional(form.username),
    password: form.password,
    passwordConfirmation: form.passwordConfirmation,
  };
}

type PersonalField = {
  name: Exclude<keyof PersonalForm, "civility">;
  label: string;
  hint?: string;
  type?: string;
  autoComplete: string;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  maxLength: number;
};

const PERSONAL_FIELDS: PersonalField[] = [
  { name: "lastName", label: "Nom", autoComplete: "family-name", maxLength: 100 },
  { name: "firstName", label: "Prénom", autoComplete: "given-name", maxLength: 100 },
  { name: "email", label: "Adresse e-mail", hint: "Format attendu : nom@domaine.fr. Le lien d'activation de votre compte y sera envoyé.",
    type: "email", autoComplete: "email", inputMode: "email", maxLength: 254 },
  { name: "phone", label: "Téléphone", hint: "Facultatif. Format attendu : 06 12 34 56 78", type: "tel", autoComplete: "tel",
    inputMode: "tel", maxLength: 20 },
  { name: "username", label: "Identifiant", hint: "Laissez vide pour utiliser votre adresse e-mail comme identifiant",
    autoComplete: "username", maxLength: 100 },
  { name: "password", label: "Mot de passe", hint: "12 caractères au moins ; ni votre identifiant ni votre adresse e-mail",
    type: "password", autoComplete: "new-password", maxLength: 128 },
  { name: "passwordConfirmation", label: "Confirmation du mot de passe", type: "password", autoComplete: "new-password",
    maxLength: 128 },
];

function PersonalStep({ view, initialError, onSaved, onCancel, onExpired }: {
  view: Registration | null;
  /** A refusal met elsewhere that brings the family back here (the identifiant taken, on « valider »). */
  initialError?: ApiProblem;
  onSaved: (view: Registration) => void;
  onCancel?: () => void;
  onExpired: () => void;
}) {
  const [form, setForm] = useState(() => personalFormOf(view));
  const save = useMutation({
    mutationFn: () => (view
      ? changePersonalDetails(view.id, personalDetailsOf(form))
      : startRegistration(personalDetailsOf(form))),
    onSuccess: onSaved,
    onError: (error) => {
      if (isProblem(error, 404)) {
        onExpired();
      }
    },
  });
  const error = save.isIdle ? initialError : save.error;
  const fields = fieldsOf(error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Informations personnelles">
      <p className="fr-hint-text">Sauf mention contraire, tous les champs sont obligatoires.</p>
      <Select label="Civilité" {...errorOf(fields, "civility")}
        nativeSelectProps={{
          name: "civility", value: form.civility, required: true, autoComplete: "honorific-prefix",
          onChange: (e) => setForm({ ...form, civility: e.target.value }),
        }}>
        <option value="" disabled>Choisissez</option>
        <option value="MADAME">Madame</option>
        <option value="MONSIEUR">Monsieur</option>
      </Select>
      {PERSONAL_FIELDS.map((field) => (
        <Fragment key={field.name}>
          {field.name === "password" && view && (
            <p>Laissez les deux champs du mot de passe vides pour garder celui que vous avez déjà choisi.</p>
          )}
          <Input label={field.label} hintText={field.hint} {...errorOf(fields, field.name)}
            nativeInputProps={{
              name: field.name,
              type: field.type ?? "text",
              inputMode: field.inputMode,
              autoComplete: field.autoComplete,
              maxLength: field.maxLength,
              required: field.name !== "phone" && field.name !== "username" && !(view && field.type === "password"),
              spellCheck: field.type === "password" || field.name === "username" || field.name === "email" ? false : undefined,
              value: form[field.name],
              onChange: (e) => setForm({ ...form, [field.name]: e.target.value }),
            }} />
        </Fragment>
      ))}
      <FormError error={error} />
      <StepButtons onCancel={onCancel}>
        <Button type="submit" disabled={save.isPending}>Enregistrez</Button>
      </StepButtons>
    </form>
  );
}

/* ----- Step 2 « Références dossier » ----- */

/** 503: the detail says the draft is kept; a refusal without problem+json (a proxy's) is told so as well. */
function dossierErrorOf(error: Error): string {
  if (isProblem(error, 503) && !error.message.includes("conservée")) {
    return `${error.message} Votre inscription est conservée : réessayez dans quelques minutes.`;
  }
  return error.message;
}

function DossierStep({ view, onSaved, onCancel, onExpired }: {
  view: Registration;
  onSaved: (view: Registration) => void;
  onCancel?: () => void;
  onExpired: () => void;
}) {
  const [dossierNumber, setDossierNumber] = useState(view.dossierNumber ?? "");
  const [accessKey, setAccessKey] = useState("");
  const [familyName, setFamilyName] = useState(view.familyName ?? "");
  const save = useMutation({
    mutationFn: () => linkDossier(view.id, {
      dossierNumber: dossierNumber.trim(), accessKey: accessKey.trim(), familyName: familyName.trim(),
    }),
    onSuccess: onSaved,
    onError: (error) => {
      if (isProblem(error, 404)) {
        onExpired();
      }
    },
  });
  const fields = fieldsOf(save.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Références dossier">
      <p><strong>VOUS TROUVEREZ VOTRE NUMÉRO DE DOSSIER SUR VOTRE FACTURE</strong></p>
      <p>La clé d'accès est imprimée à côté du numéro de dossier. Tous les champs sont obligatoires.</p>
      <Input label="Numéro de dossier" hintText="3 ou 4 chiffres" {...errorOf(fields, "dossierNumber")}
        nativeInputProps={{
          name: "dossierNumber", inputMode: "numeric", maxLength: 4, autoComplete: "off", required: true,
          value: dossierNumber, onChange: (e) => setDossierNumber(e.target.value),
        }} />
      <Input label="Clé d'accès" hintText="8 caractères, imprimée à côté du numéro de dossier" {...errorOf(fields, "accessKey")}
        nativeInputProps={{
          name: "accessKey", maxLength: 8, autoComplete: "off", spellCheck: false, required: true,
          value: accessKey, onChange: (e) => setAccessKey(e.target.value),
        }} />
      <Input label="Nom de famille" hintText="tel qu'il figure sur la facture" {...errorOf(fields, "familyName")}
        nativeInputProps={{
          name: "familyName", maxLength: 100, autoComplete: "off", required: true,
          value: familyName, onChange: (e) => setFamilyName(e.target.value),
        }} />
      {save.isError && (
        <Alert severity="error" small description={dossierErrorOf(save.error)} className="fr-mb-2w" />
      )}
      <StepButtons onCancel={onCancel}>
        <Button type="submit" disabled={save.isPending}>Enregistrez pour passer à l'étape suivante</Button>
      </StepButtons>
    </form>
  );
}

/* ----- Step 3 « Conditions générales d'utilisation » ----- */

function CguStep({ view, onSaved, onExpired }: {
  view: Registration;
  onSaved: (view: Registration) => void;
  onExpired: () => void;
}) {
  const accept = useMutation({
    mutationFn: (version: string) => acceptCgu(view.id, version),
    onSuccess: onSaved,
    onError: (error) => {
      if (isProblem(error, 404)) {
        onExpired();
      }
    },
  });
  return <CguAcceptance onAccept={accept.mutate} pending={accept.isPending} error={accept.error} />;
}

/* ----- Step 4 « Vérifiez vos informations » ----- */

function SummarySection({ title, rows, onEdit }: { title: string; rows: [string, string][]; onEdit?: () => void }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="fr-mb-4w">
      <h3 id={titleId} className="fr-h5">{title}</h3>
      <dl>
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt className="fr-text--bold">{term}</dt>
            <dd className="fr-mb-1w">{value}</dd>
          </Fragment>
        ))}
      </dl>
      {onEdit && (
        <Button priority="secondary" size="small" iconId="fr-icon-edit-line" onClick={onEdit}
          nativeButtonProps={{ "aria-describedby": titleId }}>
          Modifier
        </Button>
      )}
    </section>
  );
}

function cguAcceptance(view: Registration): string {
  if (!view.cguVersion) {
    return "non acceptées";
  }
  return view.cguAcceptedAt
    ? `Version ${view.cguVersion}, acceptée le ${frenchDateTime(view.cguAcceptedAt)}`
    : `Version ${view.cguVersion}, acceptée`;
}

function ReviewStep({ view, onEdit, onConflict, onSaved, onExpired }: {
  view: Registration;
  onEdit: (step: "PERSONAL" | "DOSSIER") => void;
  onConflict: (problem: ApiProblem) => void;
  onSaved: (view: Registration) => void;
  onExpired: () => void;
}) {
  const submit = useMutation({
    mutationFn: () => submitRegistration(view.id),
    onSuccess: onSaved,
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) {
        onConflict(error);
      } else if (isProblem(error, 404)) {
        onExpired();
      }
    },
  });
  return (
    <>
      <SummarySection title="Informations personnelles" onEdit={() => onEdit("PERSONAL")} rows={[
        ["Civilité", CIVILITY_LABEL[view.civility] ?? view.civility],
        ["Nom", view.lastName],
        ["Prénom", view.firstName],
        ["Adresse e-mail", view.email],
        ["Téléphone", view.phone ? frenchPhone(view.phone) : "non renseigné"],
        ["Identifiant", view.username],
      ]} />
      <SummarySection title="Références dossier" onEdit={() => onEdit("DOSSIER")} rows={[
        ["Numéro de dossier", view.dossierNumber ?? "non renseigné"],
        ["Nom de famille", view.familyName ?? "non renseigné"],
      ]} />
      <SummarySection title="Conditions générales d'utilisation" rows={[["Conditions acceptées", cguAcceptance(view)]]} />
      {submit.isError && !isProblem(submit.error, 409) && (
        <Alert severity="error" small description={submit.error.message} className="fr-mb-2w" />
      )}
      <Button onClick={() => submit.mutate()} disabled={submit.isPending}>valider</Button>
    </>
  );
}

/* ----- After « valider » ----- */

function Submitted({ view, onRestart }: { view: Registration; onRestart: () => void }) {
  const resend = useMutation({ mutationFn: () => resendActivationMail(view.id) });
  return (
    <>
      <Alert severity="success" as="h2" title="Un mail vous a été envoyé" className="fr-mb-3w"
        description={`Un mail vous a été envoyé à l'adresse ${view.email} pour activer votre compte. Pensez à regarder dans votre dossier spam.`} />
      <Button priority="secondary" onClick={() => resend.mutate()} disabled={resend.isPending}>renvoyer le mail</Button>
      {resend.isSuccess && (
        <Alert severity="success" small description="Un nouveau mail vous a été envoyé." className="fr-mt-2w" />
      )}
      {resend.isError && <Alert severity="error" small description={resend.error.message} className="fr-mt-2w" />}
      <p className="fr-mt-4w">
        <Link className="fr-link" to="/inscription" onClick={onRestart}>Recommencer une inscription</Link>
      </p>
    </>
  );
}

/* ----- The wizard ----- */

/** A step reopened by the family (« Modifier ») or by the service (the identifiant taken on « valider »). */
type Reopened = { step: "PERSONAL" | "DOSSIER"; error?: ApiProblem };

/**
 * « Ma première connexion »: the four steps of a registration, then the activation mail. The server says which
 * step comes next; the draft's id is kept in the browser to resume it.
 */
export function Inscription() {
  usePageTitle("Inscription");
  const { portal } = useSession();
  const queryClient = useQueryClient();
  const [draftId, setDraftId] = useState<string | null>(readDraftId);
  const [expired, setExpired] = useState(false);
  const [reopened, setReopened] = useState<Reopened | null>(null);
  const registration = useQuery({
    queryKey: ["registration", draftId],
    queryFn: () => fetchRegistration(draftId!),
    enabled: draftId !== null,
    staleTime: Infinity,
    // A refusal (the draft expired: 404) is not tried again; a failure of the service once.
    retry: (failures, error) => failures < 1 && !(error instanceof ApiProblem && error.status < 500),
  });

  const forget = () => {
    queryClient.removeQueries({ queryKey: ["registration"] });
    clearDraftId();
    setDraftId(null);
    setReopened(null);
  };
  const onExpired = () => {
    forget();
    setExpired(true);
  };
  const restart = () => {
    forget();
    setExpired(false);
  };
  const onSaved = (view: Registration) => {
    queryClient.setQueryData(["registration", view.id], view);
    if (view.id !== draftId) {
      writeDraftId(view.id);
      setDraftId(view.id);
    }
    setReopened(null);
    setExpired(false);
  };

  const expiredOnLoad = isProblem(registration.error, 404);
  useEffect(() => {
    if (expiredOnLoad) {
      onExpired();
    }
  }, [expiredOnLoad]);

  const loading = draftId !== null && registration.isPending;
  const failed = draftId !== null && registration.isError && !expiredOnLoad;
  const view = draftId === null ? null : registration.data ?? null;
  const step: RegistrationStep | null = loading || failed ? null : reopened?.step ?? view?.step ?? "PERSONAL";

  // On a change of step (not on arrival), the focus goes to the new step's title, or to the message of the end.
  const stepperRef = useRef<HTMLDivElement>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const expiredRef = useRef<HTMLDivElement>(null);
  const previousStep = useRef<RegistrationStep | null>(null);
  useEffect(() => {
    const previous = previousStep.current;
    previousStep.current = step;
    if (previous === null || step === null || previous === step) {
      return;
    }
    if (step === "SUBMITTED") {
      endRef.current?.focus();
    } else if (expired && step === "PERSONAL") {
      expiredRef.current?.focus();
    } else {
      const title = stepperRef.current?.querySelector("h2");
      title?.setAttribute("tabindex", "-1");
      title?.focus();
    }
  }, [step, expired]);

  const index = STEPS.findIndex((s) => s.step === step);
  const editing = (target: Reopened["step"]) =>
    reopened?.step === target && !reopened.error ? () => setReopened(null) : undefined;
  return (
    <>
      <Breadcrumb currentPageLabel="Inscription" homeLinkProps={{ to: "/" }} segments={[]} />
      <h1>Inscription au {portal.portalName}</h1>
      <p className="fr-text--sm">
        Vous avez déjà un compte ?{" "}
        <Link className="fr-link fr-link--sm" to={PASSWORD_RESET_REQUEST_PATH}>Mot de passe oublié ?</Link>
      </p>
      {expired && (
        <div ref={expiredRef} tabIndex={-1} className="fr-mb-3w">
          <Alert severity="info" small description="Votre inscription a expiré : recommencez." />
        </div>
      )}
      {loading && <p role="status">Chargement de votre inscription…</p>}
      {failed && (
        <>
          <Alert severity="error" small className="fr-mb-3w"
            description="Votre inscription ne peut pas être affichée pour le moment. Réessayez dans quelques minutes." />
          <p><Link className="fr-link" to="/inscription" onClick={restart}>Recommencer une inscription</Link></p>
        </>
      )}
      {step === "SUBMITTED" && view && (
        <div ref={endRef} tabIndex={-1}>
          <Submitted view={view} onRestart={restart} />
        </div>
      )}
      {index >= 0 && (
        <>
          {step === "PERSONAL" && !view && (
            <p>
              Munissez-vous de votre dernière facture : votre numéro de dossier et sa clé d'accès y sont imprimés.
              Vous les saisirez à l'étape suivante.
            </p>
          )}
          <Stepper ref={stepperRef} currentStep={index + 1} stepCount={STEPS.length} title={STEPS[index].title}
            nextTitle={STEPS[index + 1]?.title} />
          {step === "PERSONAL" && (
            <PersonalStep key={`personal-${view?.id ?? "new"}`} view={view} initialError={reopened?.error}
              onSaved={onSaved} onCancel={editing("PERSONAL")} onExpired={onExpired} />
          )}
          {step === "DOSSIER" && view && (
            <DossierStep key={view.id} view={view} onSaved={onSaved} onCancel={editing("DOSSIER")} onExpired={onExpired} />
          )}
          {step === "CGU" && view && <CguStep key={view.id} view={view} onSaved={onSaved} onExpired={onExpired} />}
          {step === "REVIEW" && view && (
            <ReviewStep key={view.id} view={view} onSaved={onSaved} onExpired={onExpired}
              onEdit={(target) => setReopened({ step: target })}
              onConflict={(problem) => setReopened({ step: "PERSONAL", error: problem })} />
          )}
        </>
      )}
    </>
  );
}
