import { Fragment } from "react";
import type { Guardian } from "../api/dossier";
import { frenchPhone } from "../format";

/** « Madame Claire DURAND ». */
export const guardianName = (guardian: Guardian) =>
  `${guardian.civilityLabel} ${guardian.firstName} ${guardian.lastName}`;

/** A guardian's address, phones (« 06 12 34 56 78 ») and e-mail (families' and agents' pages). */
export function GuardianDetails({ guardian }: { guardian: Guardian }) {
  const cityLine = [guardian.postcode, guardian.city].filter(Boolean).join(" ");
  const addressLines = [guardian.addressLine1, guardian.addressLine2, cityLine].filter(Boolean) as string[];
  const phones = [
    { label: "Téléphone portable", value: guardian.mobilePhone },
    { label: "Téléphone fixe", value: guardian.homePhone },
    { label: "Téléphone professionnel", value: guardian.workPhone },
  ].filter((phone) => phone.value);
  return (
    <dl>
      <dt className="fr-text--bold">Adresse</dt>
      <dd className="fr-mb-1w">
        {addressLines.length === 0 ? "non renseignée" : addressLines.map((line, index) => (
          <span key={index}>{line}{index < addressLines.length - 1 && <br />}</span>
        ))}
      </dd>
      {phones.length === 0 ? (
        <>
          <dt className="fr-text--bold">Téléphone</dt>
          <dd className="fr-mb-1w">non renseigné</dd>
        </>
      ) : phones.map((phone) => (
        <Fragment key={phone.label}>
          <dt className="fr-text--bold">{phone.label}</dt>
          <dd className="fr-mb-1w">{frenchPhone(phone.value!)}</dd>
        </Fragment>
      ))}
      <dt className="fr-text--bold">Adresse e-mail</dt>
      <dd className="fr-mb-1w">{guardian.email ?? "non renseignée"}</dd>
    </dl>
  );
}
