import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation } from "@tanstack/react-query";
import { Fragment, useId } from "react";
import type { Civility } from "../../api/dossier";
import { isProblem, type ApiProblem } from "../../api/http";
import { submitRegistration, type Registration } from "../../api/identity";
import { frenchDateTime, frenchPhone } from "../../format";

/* Step 4 « Vérifiez vos informations »: the summary, each part to change, then « valider ». */

const CIVILITY_LABEL: Record<Civility, string> = { MADAME: "Madame", MONSIEUR: "Monsieur" };

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

export function ReviewStep({ view, onEdit, onConflict, onSaved, onExpired }: {
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
      if (isProblem(error, 409)) {
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
