import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState } from "react";
import { mandatePdfUrl, type Mandate } from "../../../api/billing";
import { frenchDateTime } from "../../../format";
import { StopDirectDebit } from "./StopDirectDebit";

/** What the family just did, for the message on top (and where the focus goes): none on arrival. */
export type ActiveMoment = "arrived" | "signed" | "changed";

type Props = {
  mandate: Mandate;
  moment: ActiveMoment;
  /** « Modifier mes coordonnées bancaires »: the form of the new account. */
  onChange: () => void;
  /** The mandate stopped (« Arrêter le prélèvement », confirmed). */
  onStopped: (mandate: Mandate) => void;
};

const DESCRIPTIONS: Record<ActiveMoment, string> = {
  arrived: "Vos factures sont prélevées sur votre compte à leur date d'échéance : elles apparaissent « Prélèvement prévu le … » et vous n'avez rien à payer en ligne.",
  signed: "Votre mandat est signé. Un courriel de confirmation vous a été envoyé. Vos prochaines factures seront prélevées sur votre compte à leur date d'échéance.",
  changed: "Vos nouvelles coordonnées bancaires sont enregistrées : elles serviront dès le prochain prélèvement.",
};

/**
 * The dossier's active mandate: its RUM, the account (masked IBAN, holder), the creditor and its ICS, when it was
 * signed (Paris), and its PDF; « Modifier mes coordonnées bancaires » and « Arrêter le prélèvement » (confirmed first).
 * Just signed or changed, the success message takes the focus; on arrival the page's own order holds.
 */
export function ActiveMandate({ mandate, moment, onChange, onStopped }: Props) {
  const success = useRef<HTMLDivElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const [stopping, setStopping] = useState(false);
  useEffect(() => {
    if (moment !== "arrived") {
      success.current?.focus();
    }
  }, [moment]);
  return (
    <>
      <div ref={success} tabIndex={-1} className="fr-mb-3w">
        <Alert severity="success" as="h2"
          title={moment === "changed" ? "Vos coordonnées bancaires sont modifiées" : "Votre mandat de prélèvement est actif"}
          description={DESCRIPTIONS[moment]} />
      </div>
      <h3 className="fr-h5">Votre mandat de prélèvement SEPA</h3>
      <dl className="fr-mb-3w">
        <dt><strong>Référence unique du mandat (RUM)</strong></dt>
        <dd className="fr-mb-1w">{mandate.rum}</dd>
        <dt><strong>Titulaire du compte</strong></dt>
        <dd className="fr-mb-1w">{mandate.holderName}</dd>
        <dt><strong>Adresse du titulaire</strong></dt>
        <dd className="fr-mb-1w">{mandate.addressLine}, {mandate.postcode} {mandate.city}</dd>
        <dt><strong>IBAN</strong></dt>
        <dd className="fr-mb-1w">{mandate.maskedIban}</dd>
        {mandate.bic && (
          <>
            <dt><strong>BIC</strong></dt>
            <dd className="fr-mb-1w">{mandate.bic}</dd>
          </>
        )}
        <dt><strong>Créancier</strong></dt>
        <dd className="fr-mb-1w">{mandate.creditorName}</dd>
        <dt><strong>Identifiant créancier SEPA (ICS)</strong></dt>
        <dd className="fr-mb-1w">{mandate.creditorIdentifier}</dd>
        {mandate.signedAt && (
          <>
            <dt><strong>Signé le</strong></dt>
            <dd className="fr-mb-1w">{frenchDateTime(mandate.signedAt)}</dd>
          </>
        )}
        {mandate.amendedAt && (
          <>
            <dt><strong>Coordonnées bancaires modifiées le</strong></dt>
            <dd className="fr-mb-1w">{frenchDateTime(mandate.amendedAt)}</dd>
          </>
        )}
      </dl>
      <p>
        <a className="fr-link fr-icon-download-line fr-link--icon-left" href={mandatePdfUrl(mandate.id)}
          download="mandat-prelevement-sepa.pdf">
          Télécharger le mandat (PDF)
        </a>
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        <li>
          <Button priority="secondary" iconId="fr-icon-bank-card-line" iconPosition="left" onClick={onChange}>
            Modifier mes coordonnées bancaires
          </Button>
        </li>
        <li>
          <Button ref={stopButton} priority="tertiary" iconId="fr-icon-close-circle-line" iconPosition="left"
            onClick={() => setStopping(true)} disabled={stopping}>
            Arrêter le prélèvement
          </Button>
        </li>
      </ul>
      {stopping && (
        <StopDirectDebit mandate={mandate} onStopped={onStopped}
          onClose={() => {
            setStopping(false);
            requestAnimationFrame(() => stopButton.current?.focus());
          }} />
      )}
    </>
  );
}
