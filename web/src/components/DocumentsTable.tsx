import type { DossierDocument } from "../api/dossier";
import { fileSize, frenchDay } from "../format";

/** The documents of a dossier, newest first, each with its « Télécharger » link (families' and agents' pages). */
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
