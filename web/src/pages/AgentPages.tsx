import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { SearchBar } from "@codegouvfr/react-dsfr/SearchBar";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import {
  decideRequest, fetchDossier, fetchRequests, frenchDateTime, frenchPhone, isAgent, searchDossiers,
  type DossierRequest,
} from "../api";
import { useSession } from "../session";
import { usePageTitle } from "../usePageTitle";
import { ChildrenSection } from "./agent/ChildrenSection";
import { CreateDossierForm } from "./agent/CreateDossierForm";
import { DocumentsSection } from "./agent/DocumentsSection";
import { GuardiansSection } from "./agent/GuardiansSection";
import { AttachmentLink } from "./MesDemarches";

function Refused() {
  usePageTitle("Accès refusé");
  return (
    <>
      <h1>Accès refusé</h1>
      <p>Cette page est réservée aux agents de la collectivité.</p>
    </>
  );
}

/** The agents' space: find a dossier by number, family name or child name; create one. */
export function Agent() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const page = Number(params.get("page") ?? "0");
  usePageTitle(isAgent(me) ? "Espace agent" : "Accès refusé");
  const results = useQuery({
    queryKey: ["search", query, page],
    queryFn: () => searchDossiers(query, page),
    enabled: isAgent(me) && query.length > 0,
  });
  if (!isAgent(me)) {
    return <Refused />;
  }
  return (
    <>
      <h1>Espace agent</h1>
      <p>Services : {me.services.join(", ") || "aucun"}</p>
      <h2 className="fr-h4">Rechercher un dossier</h2>
      <SearchBar label="Numéro de dossier, nom de famille ou prénom d'un enfant" big
        onButtonClick={(text) => setParams(text ? { q: text } : {})} />
      {results.isError && <Alert severity="error" small description="La recherche a échoué. Réessayez dans quelques minutes." />}
      {results.data && (
        <div className="fr-mt-4w">
          <p role="status">{results.data.total} dossier(s) trouvé(s) pour « {query} »</p>
          {results.data.items.length > 0 && (
            <div className="fr-table">
              <table>
                <caption>Dossiers trouvés</caption>
                <thead>
                  <tr><th scope="col">Dossier</th><th scope="col">Famille</th><th scope="col">Enfants</th><th scope="col">Démarches en cours</th></tr>
                </thead>
                <tbody>
                  {results.data.items.map((hit) => (
                    <tr key={hit.number}>
                      <td><Link to={`/agent/dossiers/${hit.number}`}>{hit.number}</Link></td>
                      <td>{hit.familyName}</td>
                      <td>{hit.children.join(", ")}</td>
                      <td>{hit.openRequests}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            <li>
              <Button priority="secondary" disabled={page === 0}
                onClick={() => setParams({ q: query, page: String(page - 1) })}>Page précédente</Button>
            </li>
            <li>
              <Button priority="secondary" disabled={(page + 1) * results.data.size >= results.data.total}
                onClick={() => setParams({ q: query, page: String(page + 1) })}>Page suivante</Button>
            </li>
          </ul>
        </div>
      )}
      <CreateDossierForm />
    </>
  );
}

function RequestToProcess({ request, number }: { request: DossierRequest; number: string }) {
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const decide = useMutation({
    mutationFn: (action: "take" | "accept" | "refuse") => decideRequest(request.id, action, comment),
    onSuccess: () => {
      setComment("");
      return queryClient.invalidateQueries({ queryKey: ["requests", number] });
    },
  });
  const open = request.status === "SUBMITTED" || request.status === "IN_PROGRESS";
  return (
    <li className="fr-mb-4w">
      <h3 className="fr-h6 fr-mb-1w">{request.typeLabel} <Badge small noIcon>{request.statusLabel}</Badge></h3>
      <p className="fr-text--sm fr-mb-1w">Envoyée le {frenchDateTime(request.createdAt)}</p>
      {request.description && <p>{request.description}</p>}
      {request.attachment && <AttachmentLink attachment={request.attachment} />}
      {open && (
        <>
          <Input label={`Commentaire pour la famille (démarche n° ${request.id})`} hintText="Obligatoire pour refuser." textArea
            nativeTextAreaProps={{ value: comment, onChange: (e) => setComment(e.target.value), maxLength: 2000 }} />
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            {request.status === "SUBMITTED" && (
              <li><Button priority="secondary" onClick={() => decide.mutate("take")} disabled={decide.isPending}>Prendre en charge</Button></li>
            )}
            <li><Button onClick={() => decide.mutate("accept")} disabled={decide.isPending}>Accepter</Button></li>
            <li><Button priority="tertiary" onClick={() => decide.mutate("refuse")} disabled={decide.isPending}>Refuser</Button></li>
          </ul>
        </>
      )}
      {decide.isError && <Alert severity="error" small description={(decide.error as Error).message} />}
    </li>
  );
}

/**
 * A dossier as an agent sees it: the family, its guardians and children (and adding them), its
 * requests to process and its documents.
 */
export function AgentDossier() {
  const { me } = useSession();
  const { number = "" } = useParams();
  usePageTitle(isAgent(me) ? `Dossier ${number}` : "Accès refusé");
  const dossier = useQuery({ queryKey: ["dossier", number], queryFn: () => fetchDossier(number), enabled: isAgent(me) });
  const requests = useQuery({ queryKey: ["requests", number], queryFn: () => fetchRequests(number), enabled: isAgent(me) });
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
    </>
  );
}
