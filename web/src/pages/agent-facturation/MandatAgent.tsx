import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router-dom";
import { directDebitKeys, fetchAgentMandate } from "../../api/directDebit";
import { frenchDate, frenchDateTime } from "../../format";
import { AGENT_BILLING, AgentPage } from "./AgentPage";
import { mandateSeverity } from "./prelevements/Mandates";
import { DIRECT_DEBITS_PATH } from "./prelevements/words";

/** An IBAN as on a RIB, by groups of 4. */
const grouped = (iban: string) => iban.replace(/\s/g, "").replace(/(.{4})(?=.)/g, "$1 ");

/**
 * A family's mandate as an agent reads it (`prelevements/mandats/:id`): its RUM, dossier, state, holder and address,
 * the IBAN (whole for the treasury only), the dates that matter and its last debit.
 */
export function MandatAgent() {
  const { id = "" } = useParams();
  const mandate = useQuery({ queryKey: directDebitKeys.mandate(id), queryFn: () => fetchAgentMandate(id) });
  const data = mandate.data;
  return (
    <AgentPage title={data?.rum ? `Mandat ${data.rum}` : "Mandat de prélèvement"}>
      {mandate.isPending ? (
        <p role="status">Chargement du mandat…</p>
      ) : mandate.isError ? (
        <Alert severity="error" small description="Ce mandat est introuvable ou ne peut pas être affiché pour le moment." />
      ) : (
        <>
          <dl className="fr-mb-3w">
            <dt className="fr-text--bold">État</dt>
            <dd><Badge small noIcon severity={mandateSeverity(data!.status)}>{data!.statusLabel}</Badge></dd>
            <dt className="fr-text--bold">Dossier</dt>
            <dd>
              <Link className="fr-link" to={`${AGENT_BILLING}/dossiers/${encodeURIComponent(data!.dossierNumber)}`}>
                {data!.dossierNumber}
              </Link>
            </dd>
            <dt className="fr-text--bold">Référence unique du mandat (RUM)</dt>
            <dd>{data!.rum ?? "—"}</dd>
            <dt className="fr-text--bold">Titulaire du compte</dt>
            <dd>{data!.holderName}</dd>
            <dt className="fr-text--bold">Adresse du titulaire</dt>
            <dd>{data!.addressLine}, {data!.postcode} {data!.city}</dd>
            <dt className="fr-text--bold">IBAN</dt>
            <dd>
              {data!.iban ? grouped(data!.iban) : (
                <>
                  {data!.maskedIban}
                  <p className="fr-text--sm fr-mb-0">IBAN complet réservé à la trésorerie</p>
                </>
              )}
            </dd>
            <dt className="fr-text--bold">BIC</dt>
            <dd>{data!.bic ?? "—"}</dd>
            <dt className="fr-text--bold">Signé le</dt>
            <dd>{data!.signedAt ? frenchDateTime(data!.signedAt) : "—"}</dd>
            {data!.amendedAt && (
              <>
                <dt className="fr-text--bold">Coordonnées bancaires modifiées le</dt>
                <dd>{frenchDateTime(data!.amendedAt)}</dd>
              </>
            )}
            {data!.revokedAt && (
              <>
                <dt className="fr-text--bold">Arrêté le</dt>
                <dd>{frenchDateTime(data!.revokedAt)}</dd>
              </>
            )}
            <dt className="fr-text--bold">Dernier prélèvement</dt>
            <dd>{data!.lastCollectionDate ? frenchDate(data!.lastCollectionDate) : "Aucun"}</dd>
          </dl>
          <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left"
            to={`${DIRECT_DEBITS_PATH}?dossier=${encodeURIComponent(data!.dossierNumber)}`}>
            Mandats du dossier {data!.dossierNumber}
          </Link>
        </>
      )}
    </AgentPage>
  );
}
