import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Stepper } from "@codegouvfr/react-dsfr/Stepper";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { askMandate, billingKeys, fetchMandateText, type Mandate, type MandateText } from "../../../api/billing";
import { fieldsOf, isProblem } from "../../../api/http";
import { errorOf, FormError, useFocusOn } from "../../../components/forms";
import { groupedIban, STEPS } from "./steps";

type Details = { holderName: string; addressLine: string; postcode: string; city: string; iban: string; bic: string };

const EMPTY: Details = { holderName: "", addressLine: "", postcode: "", city: "", iban: "", bic: "" };

/** The fields billing-service names in a refusal: a refusal naming one of them goes back to step 1. */
const DETAIL_FIELDS: (keyof Details)[] = ["holderName", "addressLine", "postcode", "city", "iban", "bic"];

/** The mandate's text in full, as the family signs it: the creditor, its ICS, every paragraph. */
function MandateTextView({ text }: { text: MandateText }) {
  return (
    <div className="fr-card fr-card--no-arrow fr-p-3w fr-mb-3w">
      <h3 className="fr-h6">Mandat de prélèvement SEPA</h3>
      <dl>
        <dt><strong>Créancier</strong></dt>
        <dd className="fr-mb-1w">
          {text.creditorName}
          {text.creditorAddress.map((line) => <span key={line}><br />{line}</span>)}
        </dd>
        <dt><strong>Identifiant créancier SEPA (ICS)</strong></dt>
        <dd className="fr-mb-2w">{text.creditorIdentifier}</dd>
      </dl>
      {text.paragraphs.map((paragraph, index) => <p key={index} className="fr-text--sm">{paragraph}</p>)}
      <p className="fr-text--xs fr-mb-0">Version du texte : {text.version}</p>
    </div>
  );
}

/**
 * « Adhérez au prélèvement automatique »: 1 the account's holder, address, IBAN and BIC; 2 the mandate's text in full
 * and « Signer le mandat », which asks for it with the text's version (a 6-digit code then goes by e-mail). The details
 * are checked by billing-service: a refusal naming a field brings the family back to step 1, the message at the field.
 */
export function MandateRequestForm({ onAsked, focusOnArrival = false }: {
  onAsked: (mandate: Mandate) => void;
  /** Opened by a button (« Adhérer au prélèvement automatique » again): the focus on the first step's title. */
  focusOnArrival?: boolean;
}) {
  const queryClient = useQueryClient();
  const [details, setDetails] = useState<Details>(EMPTY);
  const [step, setStep] = useState<1 | 2>(1);
  const text = useQuery({ queryKey: billingKeys.mandateText(), queryFn: fetchMandateText });
  const ask = useMutation({
    mutationFn: (version: string) => askMandate({
      holderName: details.holderName.trim(), addressLine: details.addressLine.trim(), postcode: details.postcode.trim(),
      city: details.city.trim(), iban: details.iban.replace(/\s/g, ""), bic: details.bic.trim() === "" ? null : details.bic.trim(),
      textVersion: version,
    }),
    onSuccess: onAsked,
    onError: (error) => {
      if (DETAIL_FIELDS.some((field) => fieldsOf(error)[field])) {
        setStep(1);
      } else if (isProblem(error, 409)) {
        // The text changed since shown (read it again), or a mandate is already active (shown instead of the form).
        void queryClient.invalidateQueries({ queryKey: billingKeys.mandates() });
      }
    },
  });
  const fields = fieldsOf(ask.error);
  const errorRef = useFocusOn(ask.error);
  const stepper = useRef<HTMLDivElement>(null);
  const shown = useRef(step);
  useEffect(() => {
    if (focusOnArrival) {
      const title = stepper.current?.querySelector("h2");
      title?.setAttribute("tabindex", "-1");
      title?.focus();
    }
    // On arrival only.
  }, []);
  useEffect(() => {
    // Each change of step puts the focus on its title (not on arrival), unless a refusal is to be read first.
    if (shown.current === step) {
      return;
    }
    shown.current = step;
    if (ask.error) {
      return;
    }
    const title = stepper.current?.querySelector("h2");
    title?.setAttribute("tabindex", "-1");
    title?.focus();
    // ask.error is read, not watched: the focus moves with the step.
  }, [step]);

  const field = (name: keyof Details) => ({
    name,
    value: details[name],
    "aria-invalid": fields[name] ? true : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDetails({ ...details, [name]: e.target.value }),
  });
  const next = (e: FormEvent) => {
    e.preventDefault();
    ask.reset();
    setStep(2);
  };
  const sign = (e: FormEvent) => {
    e.preventDefault();
    if (text.data) {
      ask.mutate(text.data.version);
    }
  };

  return (
    <>
      <Stepper ref={stepper} currentStep={step} stepCount={STEPS.length} title={STEPS[step - 1]} nextTitle={STEPS[step]} />
      {step === 1 && (
        <form onSubmit={next} noValidate>
          <p className="fr-text--sm">Tous les champs sont obligatoires, sauf mention contraire. Munissez-vous de votre RIB.</p>
          {ask.error != null && (
            <div ref={errorRef} tabIndex={-1}><FormError error={ask.error} /></div>
          )}
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Le titulaire du compte</legend>
            <div className="fr-fieldset__element">
              <Input label="Titulaire du compte" hintText="Nom et prénom, comme sur votre RIB." {...errorOf(fields, "holderName")}
                nativeInputProps={{ ...field("holderName"), autoComplete: "name", maxLength: 70 }} />
            </div>
            <div className="fr-fieldset__element">
              <Input label="Adresse" hintText="L'adresse du titulaire du compte." {...errorOf(fields, "addressLine")}
                nativeInputProps={{ ...field("addressLine"), autoComplete: "street-address", maxLength: 140 }} />
            </div>
            <div className="fr-fieldset__element fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-4">
                <Input label="Code postal" {...errorOf(fields, "postcode")}
                  nativeInputProps={{ ...field("postcode"), autoComplete: "postal-code", inputMode: "numeric", maxLength: 5 }} />
              </div>
              <div className="fr-col-12 fr-col-md-8">
                <Input label="Commune" {...errorOf(fields, "city")}
                  nativeInputProps={{ ...field("city"), autoComplete: "address-level2", maxLength: 70 }} />
              </div>
            </div>
          </fieldset>
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Le compte à prélever</legend>
            <div className="fr-fieldset__element">
              <Input label="IBAN" hintText="Tel qu'il figure sur votre RIB, par exemple FR76 3000 6000 0112 3456 7890 189."
                {...errorOf(fields, "iban")}
                nativeInputProps={{
                  name: "iban", value: details.iban, "aria-invalid": fields.iban ? true : undefined, autoComplete: "off", spellCheck: false, maxLength: 42,
                  onChange: (e) => setDetails({ ...details, iban: groupedIban(e.target.value) }),
                }} />
            </div>
            <div className="fr-fieldset__element">
              <Input label="BIC (facultatif)" hintText="8 ou 11 lettres et chiffres, par exemple BNPAFRPPXXX." {...errorOf(fields, "bic")}
                nativeInputProps={{
                  name: "bic", value: details.bic, "aria-invalid": fields.bic ? true : undefined, autoComplete: "off", spellCheck: false, maxLength: 11,
                  onChange: (e) => setDetails({ ...details, bic: e.target.value.toUpperCase() }),
                }} />
            </div>
          </fieldset>
          <Button type="submit">Étape suivante</Button>
        </form>
      )}
      {step === 2 && (
        <form onSubmit={sign} noValidate>
          <p>Lisez le mandat ci-dessous : en le signant, vous autorisez le prélèvement de vos factures sur le compte
            de <strong>{details.holderName.trim()}</strong> (IBAN {details.iban}).</p>
          {text.isPending && <p role="status">Chargement du texte du mandat…</p>}
          {text.isError && (
            <Alert severity="error" small className="fr-mb-2w"
              description="Le texte du mandat ne peut pas être affiché pour le moment. Réessayez dans quelques minutes." />
          )}
          {text.data && <MandateTextView text={text.data} />}
          <p className="fr-text--sm">Un code à 6 chiffres vous sera envoyé par courriel : vous le saisirez à l'étape suivante pour signer.</p>
          {ask.error != null && (
            <div ref={errorRef} tabIndex={-1}><FormError error={ask.error} /></div>
          )}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="button" priority="secondary" onClick={() => { ask.reset(); setStep(1); }} disabled={ask.isPending}>
                Étape précédente
              </Button>
            </li>
            <li><Button type="submit" disabled={!text.data || ask.isPending}>Signer le mandat</Button></li>
          </ul>
        </form>
      )}
    </>
  );
}
