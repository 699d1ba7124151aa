import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { changeBankDetails, type Mandate } from "../../../api/billing";
import { fieldsOf } from "../../../api/http";
import { errorOf, FormError, useFocusOn } from "../../../components/forms";
import { CHANGE_STEPS, groupedIban } from "./steps";

type Props = {
  mandate: Mandate;
  /** The change is asked: the mandate with `pendingMaskedIban`, a code e-mailed. */
  onAsked: (mandate: Mandate) => void;
  /** « Annuler »: back to the mandate as it is. */
  onCancel: () => void;
};

/**
 * « Modifier mes coordonnées bancaires », step 1: the new account's holder, IBAN and BIC (the same mandate, its RUM
 * kept); billing-service checks them and e-mails a code that confirms the change (step 2, `SignatureStep`). Until then
 * the invoices are debited from the current account.
 */
export function BankDetailsForm({ mandate, onAsked, onCancel }: Props) {
  const [holderName, setHolderName] = useState(mandate.holderName);
  const [iban, setIban] = useState("");
  const [bic, setBic] = useState("");
  const ask = useMutation({
    mutationFn: () => changeBankDetails(mandate.id, {
      holderName: holderName.trim(), iban: iban.replace(/\s/g, ""), bic: bic.trim() === "" ? null : bic.trim(),
    }),
    onSuccess: onAsked,
  });
  const fields = fieldsOf(ask.error);
  const errorRef = useFocusOn(ask.error);
  const stepper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Opened by « Modifier mes coordonnées bancaires »: the focus on the step's title.
    const title = stepper.current?.querySelector("h2");
    title?.setAttribute("tabindex", "-1");
    title?.focus();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };
  return (
    <>
      <Stepper ref={stepper} currentStep={1} stepCount={CHANGE_STEPS.length} title={CHANGE_STEPS[0]} nextTitle={CHANGE_STEPS[1]} />
      <form onSubmit={submit} noValidate aria-label="Modifier mes coordonnées bancaires">
        <p className="fr-text--sm">
          Tous les champs sont obligatoires, sauf mention contraire. Munissez-vous du RIB du nouveau compte. Votre mandat
          et sa référence (RUM {mandate.rum}) restent les mêmes ; vos factures sont prélevées sur le compte actuel
          (IBAN {mandate.maskedIban}) tant que vous n'avez pas confirmé le changement avec le code reçu par courriel.
        </p>
        {ask.error != null && (
          <div ref={errorRef} tabIndex={-1}><FormError error={ask.error} /></div>
        )}
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Le nouveau compte à prélever</legend>
          <div className="fr-fieldset__element">
            <Input label="Titulaire du compte" hintText="Nom et prénom, comme sur votre RIB." {...errorOf(fields, "holderName")}
              nativeInputProps={{
                name: "holderName", value: holderName, "aria-invalid": fields.holderName ? true : undefined, autoComplete: "name",
                maxLength: 70, onChange: (e) => setHolderName(e.target.value),
              }} />
          </div>
          <div className="fr-fieldset__element">
            <Input label="IBAN" hintText="Tel qu'il figure sur votre RIB, par exemple FR76 3000 6000 0112 3456 7890 189."
              {...errorOf(fields, "iban")}
              nativeInputProps={{
                name: "iban", value: iban, "aria-invalid": fields.iban ? true : undefined, autoComplete: "off", spellCheck: false,
                maxLength: 42, onChange: (e) => setIban(groupedIban(e.target.value)),
              }} />
          </div>
          <div className="fr-fieldset__element">
            <Input label="BIC (facultatif)" hintText="8 ou 11 lettres et chiffres, par exemple BNPAFRPPXXX." {...errorOf(fields, "bic")}
              nativeInputProps={{
                name: "bic", value: bic, "aria-invalid": fields.bic ? true : undefined, autoComplete: "off", spellCheck: false,
                maxLength: 11, onChange: (e) => setBic(e.target.value.toUpperCase()),
              }} />
          </div>
        </fieldset>
        <p className="fr-text--sm">Un code à 6 chiffres vous sera envoyé par courriel : vous le saisirez à l'étape suivante pour confirmer.</p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li><Button type="button" priority="secondary" onClick={onCancel} disabled={ask.isPending}>Annuler</Button></li>
          <li><Button type="submit" disabled={ask.isPending}>Étape suivante</Button></li>
        </ul>
      </form>
    </>
  );
}
