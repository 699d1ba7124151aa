import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useEffect, useRef } from "react";
import { mandatePdfUrl, type Mandate } from "../../../api/billing";
import { frenchDateTime } from "../../../format";

/**
 * The dossier's active mandate: its RUM, the account (masked IBAN, holder), the creditor and its ICS, when it was
 * signed (Paris), and its PDF. Just signed, the success message takes the focus; on arrival the page's own order holds.
 */
export function ActiveMandate({ mandate, justSigned }: { mandate: Mandate; justSigned: boolean }) {
  const success = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justSigned) {
      success.current?.focus();
    }
  }, [justSigned]);
  return (
    <>
      <div ref={success} tabIndex={-1} className="fr-mb-3w">
        <Alert severity="success" title="Votre mandat de prélèvement est actif" as="h2"
          description={justSigned
            ? "Votre mandat est signé. Un courriel de confirmation vous a été envoyé. Vos prochaines factures seront prélevées sur votre compte à leur date d'échéance."
            : "Vos factures sont prélevées sur votre compte à leur date d'échéance : elles apparaissent « Prélèvement prévu » et vous n'avez rien à payer en ligne."} />
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
      </dl>
      <p>
        <a className="fr-link fr-icon-download-line fr-link--icon-left" href={mandatePdfUrl(mandate.id)}
          download="mandat-prelevement-sepa.pdf">
          Télécharger le mandat (PDF)
        </a>
      </p>
      <p className="fr-text--sm">
        Bientôt sur le portail : « Modifier mes coordonnées bancaires » et « Arrêter le prélèvement ». En attendant,
        adressez-vous au service Facturation.
      </p>
    </>
  );
}
