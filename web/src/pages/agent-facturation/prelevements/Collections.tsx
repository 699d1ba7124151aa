import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router-dom";
import { euros } from "../../../api/billing";
import { directDebitKeys, fetchCollections } from "../../../api/directDebit";
import { frenchDate, frenchDateTime } from "../../../format";
import { DIRECT_DEBITS_PATH } from "./words";

const PAGE_SIZE = 20;

/**
 * The files exported, newest collection date first: date (to its debits), how many debits, the total, the rejections,
 * and the file to download (the pain.008 XML the bank receives). Paged by `?fichiers=`.
 */
export function Collections() {
  const [params] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get("fichiers") ?? "1", 10) || 1);
  const collections = useQuery({
    queryKey: directDebitKeys.collectionList(page - 1),
    queryFn: () => fetchCollections(page - 1, PAGE_SIZE),
  });
  const data = collections.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / (data.size || PAGE_SIZE))) : 1;
  const linkTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("fichiers", String(n));
    return `${DIRECT_DEBITS_PATH}?${next}`;
  };
  return (
    <section aria-labelledby="fichiers-titre" className="fr-mb-6w">
      <h2 id="fichiers-titre" className="fr-h4">Fichiers de prélèvement</h2>
      {collections.isPending ? (
        <p role="status">Chargement des fichiers de prélèvement…</p>
      ) : collections.isError ? (
        <Alert severity="error" small description="Les fichiers de prélèvement ne peuvent pas être affichés pour le moment. Réessayez dans quelques minutes." />
      ) : data!.items.length === 0 ? (
        <p>Aucun fichier de prélèvement n'a encore été exporté.</p>
      ) : (
        <>
          <div className="fr-table">
            <table>
              <caption>Fichiers exportés{pageCount > 1 ? ` (page ${page} sur ${pageCount})` : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">Date de prélèvement</th>
                  <th scope="col">Nombre de prélèvements</th>
                  <th scope="col">Montant total</th>
                  <th scope="col">Rejets</th>
                  <th scope="col">Exporté le</th>
                  <th scope="col">Fichier</th>
                </tr>
              </thead>
              <tbody>
                {data!.items.map((collection) => {
                  const day = frenchDate(collection.collectionDate);
                  return (
                    <tr key={String(collection.id)}>
                      <td>
                        <Link to={`${DIRECT_DEBITS_PATH}/${collection.id}`}>
                          {day}{" "}<span className="fr-sr-only">: voir les prélèvements</span>
                        </Link>
                      </td>
                      <td>{collection.debitCount}</td>
                      <td>{euros(collection.controlSum)}</td>
                      <td>{collection.rejectedCount}</td>
                      <td>{frenchDateTime(collection.createdAt)} par {collection.createdBy}</td>
                      <td>
                        <a className="fr-link fr-icon-download-line fr-link--icon-left" href={collection.filePath}
                          download={collection.fileName}>
                          Télécharger le fichier{" "}<span className="fr-sr-only">du {day}</span>
                        </a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {pageCount > 1 && <Pagination count={pageCount} defaultPage={page} getPageLinkProps={(n) => ({ to: linkTo(n) })} />}
        </>
      )}
    </section>
  );
}
