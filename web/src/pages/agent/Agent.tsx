import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { SearchBar } from "@codegouvfr/react-dsfr/SearchBar";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router-dom";
import { dossierKeys, searchDossiers } from "../../api/dossier";
import { isAgent } from "../../api/session";
import { useSession } from "../../session";
import { usePageTitle } from "../../usePageTitle";
import { CreateDossierForm } from "./CreateDossierForm";
import { Refused } from "./Refused";

/** The agents' space: find a dossier by number, family name or child name; create one. */
export function Agent() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const page = Number(params.get("page") ?? "0");
  usePageTitle(isAgent(me) ? "Espace agent" : "Accès refusé");
  const results = useQuery({
    queryKey: dossierKeys.search(query, page),
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
