import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { fetchDocuments, fileSize, frenchDay, type DossierDocument } from "../api";

/** The documents of a dossier, newest first, each with its « Télécharger » link. */
export function DocumentsTable({ documents, caption }: { documents: DossierDocument[]; caption: string }) {
  return (
    <div className="fr-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Type</th>
            <th scope="col">Date</th>
            <th scope="col">Taille</th>
            <th scope="col"><span className="fr-sr-only">Téléchargement</span></th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.downloadUrl}>
              <td>{document.title}</td>
              <td>{document.typeLabel}</td>
              <td>{frenchDay(document.publishedAt)}</td>
              <td>{fileSize(document.size)}</td>
              <td>
                <a className="fr-link fr-icon-download-line fr-link--icon-left" href={document.downloadUrl} download={document.fileName}>
                  Télécharger <span className="fr-sr-only">{document.title}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** « Mes documents »: what the services put at the family's disposal (invoices, certificates…). */
export function MesDocuments({ dossier }: { dossier: string }) {
  const documents = useQuery({ queryKey: ["documents", dossier], queryFn: () => fetchDocuments(dossier) });
  if (documents.isPending) {
    return <p role="status">Chargement de vos documents…</p>;
  }
  if (documents.isError) {
    return <Alert severity="error" small description="Vos documents ne peuvent pas être affichés pour le moment. Réessayez dans quelques minutes." />;
  }
  if (documents.data.length === 0) {
    return <p>Aucun document n'est disponible pour le moment.</p>;
  }
  return <DocumentsTable documents={documents.data} caption="Documents mis à ma disposition" />;
}
