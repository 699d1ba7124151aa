import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useRef, type HTMLInputAutoCompleteAttribute, type HTMLInputTypeAttribute } from "react";
import type { ContactDetails } from "../api/dossier";
import { ApiProblem } from "../api/http";
import { frenchPhone } from "../format";

/** What a link of a mail says once expired, already used or unknown (410). */
export const EXPIRED_LINK = "Ce lien est expiré ou a déjà été utilisé.";

/** The hint of every file field: what the services accept. */
export const FILE_HINT = "PDF, PNG ou JPEG, 10 Mo au plus.";
export const FILE_ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

/**
 * The message under a file field: the field's own, or why the service refused the file: too large (413) or not a
 * PDF, PNG or JPEG (415).
 */
export function fileErrorOf(error: unknown): string | undefined {
  if (!(error instanceof ApiProblem)) {
    return undefined;
  }
  return error.fields.file ?? (error.status === 413 || error.status === 415 ? error.detail : undefined);
}

/** The DSFR error state of a field, with its message under it. */
export function errorOf(fields: Record<string, string>, name: string) {
  return fields[name] ? { state: "error" as const, stateRelatedMessage: fields[name] } : {};
}

/** The general reason of a refused form, above its buttons. */
export function FormError({ error }: { error: unknown }) {
  if (!error) {
    return null;
  }
  return <Alert severity="error" small description={(error as Error).message} className="fr-mb-2w" />;
}

/**
 * The focus goes to the message of a call's outcome each time it changes (a new refusal included), so that it is
 * read first.
 */
export function useFocusOn(outcome: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) {
      ref.current?.focus();
    }
  }, [outcome]);
  return ref;
}

/**
 * Runs `action` once, on arrival on the page: a link's token is used once, and React's StrictMode runs effects
 * twice. `action` must be stable (e.g. a mutation's `mutate`).
 */
export function useOnArrival(action: () => void) {
  const done = useRef(false);
  useEffect(() => {
    if (!done.current) {
      done.current = true;
      action();
    }
  }, [action]);
}

/** A contact form's values as typed (empty strings for nothing). */
export type ContactForm = Record<keyof ContactDetails, string>;

export const EMPTY_CONTACT: ContactForm = {
  email: "", mobilePhone: "", homePhone: "", workPhone: "", addressLine1: "", addressLine2: "", postcode: "", city: "",
};

/** A guardian's details in the form: phones as French people write them. */
export function contactFormOf(details: ContactDetails): ContactForm {
  return {
    email: details.email ?? "",
    mobilePhone: details.mobilePhone ? frenchPhone(details.mobilePhone) : "",
    homePhone: details.homePhone ? frenchPhone(details.homePhone) : "",
    workPhone: details.workPhone ? frenchPhone(details.workPhone) : "",
    addressLine1: details.addressLine1 ?? "",
    addressLine2: details.addressLine2 ?? "",
    postcode: details.postcode ?? "",
    city: details.city ?? "",
  };
}

/** What the API receives: trimmed, null for an empty field. */
export function contactDetailsOf(form: ContactForm): ContactDetails {
  const value = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    email: value(form.email),
    mobilePhone: value(form.mobilePhone),
    homePhone: value(form.homePhone),
    workPhone: value(form.workPhone),
    addressLine1: value(form.addressLine1),
    addressLine2: value(form.addressLine2),
    postcode: value(form.postcode),
    city: value(form.city),
  };
}

type ContactField = {
  name: keyof ContactForm;
  label: string;
  type?: HTMLInputTypeAttribute;
  autoComplete: HTMLInputAutoCompleteAttribute;
  inputMode?: "email" | "tel" | "numeric";
};

const CONTACT_FIELDS: ContactField[] = [
  { name: "email", label: "Adresse e-mail", type: "email", autoComplete: "email", inputMode: "email" },
  { name: "mobilePhone", label: "Téléphone portable", type: "tel", autoComplete: "mobile tel", inputMode: "tel" },
  { name: "homePhone", label: "Téléphone fixe", type: "tel", autoComplete: "home tel", inputMode: "tel" },
  { name: "workPhone", label: "Téléphone professionnel", type: "tel", autoComplete: "work tel", inputMode: "tel" },
  { name: "addressLine1", label: "Adresse", autoComplete: "address-line1" },
  { name: "addressLine2", label: "Complément d'adresse", autoComplete: "address-line2" },
  { name: "postcode", label: "Code postal", autoComplete: "postal-code", inputMode: "numeric" },
  { name: "city", label: "Commune", autoComplete: "address-level2" },
];

/**
 * E-mail, phones and address of a guardian. `personal`: the person filling the form is the one
 * described (the browser may then fill the fields in, RGAA 11.13); an agent's form is not.
 */
export function ContactFields({ value, onChange, fields, personal }: {
  value: ContactForm;
  onChange: (value: ContactForm) => void;
  fields: Record<string, string>;
  personal: boolean;
}) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      {CONTACT_FIELDS.map((field) => (
        <div key={field.name} className="fr-col-12 fr-col-md-6">
          <Input label={field.label} {...errorOf(fields, field.name)}
            nativeInputProps={{
              name: field.name,
              type: field.type ?? "text",
              inputMode: field.inputMode,
              autoComplete: personal ? field.autoComplete : "off",
              maxLength: field.name === "postcode" ? 5 : 254,
              value: value[field.name],
              onChange: (e) => onChange({ ...value, [field.name]: e.target.value }),
            }} />
        </div>
      ))}
    </div>
  );
}
