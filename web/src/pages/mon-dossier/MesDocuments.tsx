import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { dossierKeys, fetchDocuments } from "../../api/dossier";
import { DocumentsTable } from "../../components/DocumentsTable";

/** « Mes documents »: what the services put at the family's disposal (invoices, certificates…). */
export function MesDocuments({ dossier }: { dossier: string }) {
  const documents = useQuery({ queryKey: dossierKeys.documents(dossier), queryFn: () => fetchDocuments(dossier) });
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
