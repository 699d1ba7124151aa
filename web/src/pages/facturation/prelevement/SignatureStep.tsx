import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { billingKeys, sendMandateCode, signMandate, type Mandate } from "../../../api/billing";
import { ApiProblem, fieldsOf, isProblem } from "../../../api/http";
import { FormError } from "../../../components/forms";
import { CHANGE_STEPS, parisTime, STEPS } from "./steps";

const tries = (count: number) => `${count} essai${count > 1 ? "s" : ""}`;

type Props = {
  mandate: Mandate;
  /** The mandate was just asked (or a new code sent): the message that a code went by e-mail takes the focus. */
  justAsked: boolean;
  onSigned: (mandate: Mandate) => void;
  /** « Recommencer avec d'autres coordonnées »: the form again (asking anew replaces the mandate or change waiting). */
  onRestart: () => void;
};

/**
 * 3 « Code reçu par courriel »: the 6-digit code e-mailed to the account signs the mandate. Until when it works and the
 * tries left are said beside the field; a wrong or expired code is said at the field, with « Recevoir un nouveau code ».
 * The same step confirms a change of bank details of an active mandate (`pendingMaskedIban`): step 2 of that change,
 * the new IBAN masked, the same calls (billing-service knows which of the two the code is for).
 */
export function SignatureStep({ mandate, justAsked, onSigned, onRestart }: Props) {
  const queryClient = useQueryClient();
  const change = mandate.status === "ACTIVE" && mandate.pendingMaskedIban != null;
  const purpose = change ? "confirmer vos nouvelles coordonnées bancaires" : "signer le mandat";
  const [code, setCode] = useState("");
  const [newCodeSent, setNewCodeSent] = useState(false);
  const sign = useMutation({
    mutationFn: () => signMandate(mandate.id, code.trim()),
    onSuccess: onSigned,
    // The tries left (and whether the code still works) as billing-service counts them now.
    onError: () => void queryClient.invalidateQueries({ queryKey: billingKeys.currentMandate() }),
  });
  const resend = useMutation({
    mutationFn: () => sendMandateCode(mandate.id),
    onSuccess: (updated) => {
      queryClient.setQueryData(billingKeys.currentMandate(), updated);
      sign.reset();
      setCode("");
      setNewCodeSent(true);
    },
  });

  const codeError = fieldsOf(sign.error).code ?? (isProblem(sign.error, 409) ? sign.error.detail : undefined);
  const otherError = sign.error instanceof ApiProblem && codeError ? null : sign.error;

  const notice = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (justAsked || newCodeSent) {
      notice.current?.focus();
    }
  }, [justAsked, newCodeSent, mandate.codeExpiresAt]);
  useEffect(() => {
    // A refusal of the code is read at the field, where the family types it again.
    if (codeError) {
      input.current?.focus();
    }
  }, [sign.error, codeError]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNewCodeSent(false);
    sign.mutate();
  };
  const hint = [
    "6 chiffres.",
    mandate.codeExpiresAt ? `Ce code est valable jusqu'à ${parisTime(mandate.codeExpiresAt)}.` : null,
    mandate.codeTriesLeft != null ? `Il vous reste ${tries(mandate.codeTriesLeft)}.` : null,
  ].filter(Boolean).join(" ");

  return (
    <>
      {change
        ? <Stepper currentStep={2} stepCount={CHANGE_STEPS.length} title={CHANGE_STEPS[1]} />
        : <Stepper currentStep={3} stepCount={STEPS.length} title={STEPS[2]} />}
      <div ref={notice} tabIndex={-1} className="fr-mb-3w">
        <Alert severity="info" small
          description={newCodeSent
            ? `Un nouveau code vous a été envoyé par courriel : saisissez-le pour ${purpose}. L'ancien code ne fonctionne plus.`
            : `Un code vous a été envoyé par courriel : saisissez-le pour ${purpose}.`} />
      </div>
      {change ? (
        <p className="fr-text--sm">
          Nouveau compte à prélever : IBAN <strong>{mandate.pendingMaskedIban}</strong>, pour le mandat {mandate.rum} en faveur
          de {mandate.creditorName}. Tant que vous n'avez pas saisi le code, vos factures sont prélevées sur le compte
          actuel (IBAN {mandate.maskedIban}). Nous ne vous demanderons jamais ce code par téléphone.
        </p>
      ) : (
        <p className="fr-text--sm">
          Mandat au nom de <strong>{mandate.holderName}</strong>, IBAN {mandate.maskedIban}, en faveur
          de {mandate.creditorName} (ICS {mandate.creditorIdentifier}). Nous ne vous demanderons jamais ce code par téléphone.
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <Input label="Code reçu par courriel" hintText={hint}
          {...(codeError ? { state: "error" as const, stateRelatedMessage: codeError } : {})}
          nativeInputProps={{
            ref: input, name: "code", value: code, "aria-invalid": codeError ? true : undefined, inputMode: "numeric", autoComplete: "one-time-code", maxLength: 6,
            pattern: "[0-9]{6}", onChange: (e) => setCode(e.target.value.replace(/\D/g, "")),
          }} />
        <FormError error={otherError ?? resend.error} />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li><Button type="submit" disabled={sign.isPending}>Valider</Button></li>
          <li>
            <Button type="button" priority="secondary" disabled={resend.isPending} onClick={() => resend.mutate()}>
              Recevoir un nouveau code
            </Button>
          </li>
        </ul>
      </form>
      <p className="fr-text--sm">
        {change ? "Une erreur dans vos nouvelles coordonnées ?" : "Une erreur dans vos coordonnées ?"}{" "}
        <button type="button" className="fr-link fr-link--sm" onClick={onRestart}>Recommencer avec d'autres coordonnées</button>
      </p>
    </>
  );
}
