import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router-dom";
import { dossierKeys, fetchDossier, fetchRequests } from "../../api/dossier";
import { isAgent } from "../../api/session";
import { frenchDateTime, frenchPhone } from "../../format";
import { useSession } from "../../session";
import { usePageTitle } from "../../usePageTitle";
import { AccessKeySection } from "./AccessKeySection";
import { ChildrenSection } from "./ChildrenSection";
import { DocumentsSection } from "./DocumentsSection";
import { GuardiansSection } from "./GuardiansSection";
import { Refused } from "./Refused";
import { RequestToProcess } from "./RequestToProcess";

/**
 * A dossier as an agent sees it: the family, its guardians and children (and adding them), its
 * requests to process, its documents and a new access key when needed.
 */
export function AgentDossier() {
  const { me } = useSession();
  const { number = "" } = useParams();
  usePageTitle(isAgent(me) ? `Dossier ${number}` : "Accès refusé");
  const dossier = useQuery({ queryKey: dossierKeys.dossier(number), queryFn: () => fetchDossier(number), enabled: isAgent(me) });
  const requests = useQuery({ queryKey: dossierKeys.requests(number), queryFn: () => fetchRequests(number), enabled: isAgent(me) });
  if (!isAgent(me)) {
    return <Refused />;
  }
  if (dossier.isError) {
    return <Alert severity="error" title="Dossier introuvable" description={`Le dossier ${number} est introuvable.`} />;
  }
  return (
    <>
      <Breadcrumb currentPageLabel={`Dossier ${number}`} homeLinkProps={{ to: "/" }}
        segments={[{ label: "Espace agent", linkProps: { to: "/agent" } }]} />
      <h1>Dossier {number}{dossier.data ? ` — ${dossier.data.familyName}` : ""}</h1>
      {dossier.data && (
        <>
          <p>{dossier.data.email}{dossier.data.phone ? ` — ${frenchPhone(dossier.data.phone)}` : ""}</p>
          {dossier.data.linkingLockedUntil && (
            <Alert severity="warning" small className="fr-mb-2w"
              description={`Inscription en ligne bloquée jusqu'au ${frenchDateTime(dossier.data.linkingLockedUntil)} après plusieurs clés d'accès erronées.`} />
          )}
        </>
      )}
      <GuardiansSection number={number} />
      <ChildrenSection number={number} />
      <section aria-labelledby="demarches-titre" className="fr-mb-6w">
        <h2 id="demarches-titre" className="fr-h4">Démarches</h2>
        {requests.data && (requests.data.length === 0 ? <p>Aucune démarche.</p> : (
          <ul className="fr-raw-list">
            {requests.data.map((r) => <RequestToProcess key={r.id} request={r} number={number} />)}
          </ul>
        ))}
      </section>
      <DocumentsSection number={number} />
      <AccessKeySection number={number} />
    </>
  );
}
