import { Alert } from "@codegouvfr/react-dsfr/Alert";

/**
 * « Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires »: the entry exists; the SEPA mandate
 * signed online comes with its own issue. No form until then.
 */
export function Prelevement() {
  return (
    <>
      <Alert severity="info" title="Bientôt disponible" className="fr-mb-4w"
        description="L'adhésion au prélèvement automatique en ligne arrive bientôt sur le portail." />
      <h2 className="fr-h4">Ce que vous pourrez faire ici</h2>
      <ul>
        <li>Adhérer au prélèvement automatique en signant en ligne votre mandat de prélèvement SEPA, sans papier à renvoyer.</li>
        <li>Indiquer ou modifier vos coordonnées bancaires (IBAN) pour les prélèvements à venir.</li>
        <li>Voir vos factures prélevées à leur date d'échéance : elles apparaîtront « Prélèvement prévu » et vous n'aurez plus à les payer en ligne.</li>
        <li>Arrêter le prélèvement quand vous le souhaitez.</li>
      </ul>
      <p>
        En attendant, vous pouvez payer vos factures en ligne par carte bancaire, ou demander l'adhésion au prélèvement
        auprès du service Facturation de la collectivité.
      </p>
    </>
  );
}
