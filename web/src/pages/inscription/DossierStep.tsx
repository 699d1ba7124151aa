import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldsOf, hasProblemType, isProblem, ProblemTypes } from "../../api/http";
import { linkDossier, type Registration } from "../../api/identity";
import { errorOf } from "../../components/forms";
import { StepButtons } from "./StepButtons";

/* Step 2 « Références dossier »: the dossier number, its access key and the family name, as on the invoice. */

/**
 * 503: the identity service's problem (type « service-indisponible ») says itself that the draft is kept; a refusal
 * without problem+json (a proxy's) does not, so the page says it. Decided on the type, never on the French detail.
 * (The gateway's fallback shares that type without saying it: telling them apart needs a type of the service's own.)
 */
function dossierErrorOf(error: Error): string {
  if (isProblem(error, 503) && !hasProblemType(error, ProblemTypes.serviceUnavailable)) {
    return `${error.message} Votre inscription est conservée : réessayez dans quelques minutes.`;
  }
  return error.message;
}

export function DossierStep({ view, onSaved, onCancel, onExpired }: {
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
