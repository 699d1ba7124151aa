import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { ApiProblem, isProblem } from "../../api/http";
import { fetchRegistration, identityKeys, type Registration, type RegistrationStep } from "../../api/identity";
import { useSession } from "../../session";
import { usePageTitle } from "../../usePageTitle";
import { PASSWORD_RESET_REQUEST_PATH } from "../mot-de-passe/MotDePasseOublie";
import { CguStep } from "./CguStep";
import { DossierStep } from "./DossierStep";
import { clearDraftId, readDraftId, writeDraftId } from "./draft";
import { PersonalStep } from "./PersonalStep";
import { ReviewStep } from "./ReviewStep";
import { Submitted } from "./Submitted";

type WizardStep = Exclude<RegistrationStep, "SUBMITTED">;

const STEPS: { step: WizardStep; title: string }[] = [
  { step: "PERSONAL", title: "Informations personnelles" },
  { step: "DOSSIER", title: "Références dossier" },
  { step: "CGU", title: "Conditions générales d'utilisation" },
  { step: "REVIEW", title: "Vérifiez vos informations" },
];

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
    queryKey: identityKeys.registration(draftId),
    queryFn: () => fetchRegistration(draftId!),
    enabled: draftId !== null,
    staleTime: Infinity,
    // A refusal (the draft expired: 404) is not tried again; a failure of the service once.
    retry: (failures, error) => failures < 1 && !(error instanceof ApiProblem && error.status < 500),
  });

  const forget = () => {
    queryClient.removeQueries({ queryKey: identityKeys.registrations() });
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
    queryClient.setQueryData(identityKeys.registration(view.id), view);
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
