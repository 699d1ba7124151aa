import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { billingKeys, importInvoices, type ImportError, type ImportOutcome } from "../../api/billing";
import { AgentPage } from "./AgentPage";

/**
 * The CSV columns billing-service reads (its `ImportField`: the column, the French label its report uses, required),
 * in their documented order, and the format its parser and rules accept.
 */
const COLUMNS: { column: string; label: string; required: boolean; format: string }[] = [
  { column: "numero_facture", label: "Numéro de facture", required: true, format: "texte, 40 caractères au plus, unique pour la collectivité : 2026-000123" },
  { column: "dossier", label: "N° de dossier", required: true, format: "texte, 20 caractères au plus, un dossier connu du portail : 6000" },
  { column: "periode", label: "Période", required: true, format: "texte, 60 caractères au plus : Septembre 2026" },
  { column: "date_emission", label: "Date d’émission", required: true, format: "jj/mm/aaaa : 05/10/2026" },
  { column: "date_echeance", label: "Date d’échéance", required: true, format: "jj/mm/aaaa, pas avant la date d’émission : 31/10/2026" },
  { column: "beneficiaire", label: "Nom et prénom", required: false, format: "texte, 120 caractères au plus, vide pour une ligne de toute la famille : DURAND Marie" },
  { column: "prestation", label: "Prestation", required: true, format: "texte, 120 caractères au plus : Repas Enfants" },
  { column: "tarif", label: "Tarif", required: true, format: "nombre positif ou nul, 4 décimales au plus : 4,40" },
  { column: "quantite", label: "Quantité", required: true, format: "nombre supérieur à zéro, 2 décimales au plus : 10,00" },
  { column: "montant", label: "Montant", required: true, format: "2 décimales au plus, égal à tarif × quantité arrondi au centime (0,3333 × 3 = 1,00) : 44,00" },
  { column: "total_facture", label: "Total de la facture", required: true, format: "2 décimales au plus, égal à la somme des montants de la facture : 51,50" },
];

/** The example of billing-service's README: the seed's invoice on two rows, then an invoice of family fees. */
const EXAMPLE = `numero_facture;dossier;periode;date_emission;date_echeance;beneficiaire;prestation;tarif;quantite;montant;total_facture
2026-000123;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Repas Enfants;4,40;10,00;44,00;51,50
2026-000123;6000;Septembre 2026;05/10/2026;31/10/2026;DURAND Marie;Atelier 3D;0,75;10,00;7,50;51,50
2026-000124;6001;Septembre 2026;05/10/2026;31/10/2026;;Frais de dossier;0,3333;3;1,00;1,00`;

/** The report's column, as the agent reads it: « Quantité (quantite) »; « — » when the row or the file is wrong. */
function columnOf(error: ImportError): string {
  if (!error.field) {
    return "—";
  }
  return error.fieldLabel ? `${error.fieldLabel} (${error.field})` : error.field;
}

const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? "s" : ""}`;

/** Why a batch was refused: every bad row, one a line, the focus on its title. */
function Report({ outcome }: { outcome: Extract<ImportOutcome, { kind: "rejected" }> }) {
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [outcome]);
  return (
    <section aria-labelledby="rapport-titre" className="fr-mt-4w">
      <h2 id="rapport-titre" ref={title} tabIndex={-1} className="fr-h4">Rapport d'erreurs : aucune facture importée</h2>
      <Alert severity="error" small className="fr-mb-2w" description={outcome.detail} />
      <p>Corrigez {outcome.errors.length > 1 ? "ces lignes" : "cette ligne"} dans le fichier puis importez-le à nouveau : le lot est importé en entier ou pas du tout.</p>
      <div className="fr-table">
        <table>
          <caption>{plural(outcome.errors.length, "erreur")} dans le fichier</caption>
          <thead>
            <tr><th scope="col">Ligne</th><th scope="col">Colonne</th><th scope="col">Problème</th></tr>
          </thead>
          <tbody>
            {outcome.errors.map((error, index) => (
              <tr key={index}>
                <td>{error.row > 0 ? error.row : "Fichier"}</td>
                <td>{columnOf(error)}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The outcome of an accepted file: how many invoices were created (and their numbers), or that it was all known. */
function Imported({ outcome }: { outcome: Exclude<ImportOutcome, { kind: "rejected" }> }) {
  const { answer } = outcome;
  if (outcome.kind === "already-imported") {
    return (
      <Alert severity="info" small className="fr-mt-4w"
        description={answer.message || "Ce lot a déjà été importé : aucune facture ajoutée."} />
    );
  }
  const count = answer.created;
  return (
    <div className="fr-mt-4w">
      <Alert severity="success" className="fr-mb-2w" title={`${plural(count, "facture")} importée${count > 1 ? "s" : ""}`}
        description={answer.message} />
      {answer.invoiceNumbers.length > 0 && (
        <>
          <h2 id="importees-titre" className="fr-h6">Factures importées</h2>
          <ul aria-labelledby="importees-titre">
            {answer.invoiceNumbers.map((number) => <li key={number}>{number}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}

/** « Importer des factures »: the billing software's CSV, all or nothing; the report of every bad row if refused. */
export function ImporterFactures() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) => importInvoices(chosen),
    onSuccess: (outcome) => {
      if (outcome.kind === "imported") {
        return queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
      }
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissingFile(file === null);
    if (file !== null) {
      upload.mutate(file);
    }
  };
  const outcome = upload.data;
  return (
    <AgentPage title="Importer des factures" lead="Le fichier CSV exporté du logiciel de facturation de la collectivité.">
      <form onSubmit={onSubmit} aria-label="Importer des factures" noValidate>
        <Upload label="Fichier CSV des factures" hint="Format CSV (UTF-8), séparateur « ; » ou « , », une ligne du fichier par ligne de facture."
          state={missingFile ? "error" : "default"} stateRelatedMessage={missingFile ? "Choisissez le fichier CSV à importer." : undefined}
          className="fr-mb-3w"
          nativeInputProps={{
            accept: ".csv,text/csv",
            required: true,
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              setMissingFile(false);
              upload.reset();
            },
          }} />
        <Button type="submit" disabled={upload.isPending}>Importer</Button>
        {upload.isPending && <p role="status" className="fr-mt-2w">Import en cours…</p>}
      </form>

      <div aria-live="polite">
        {outcome && outcome.kind !== "rejected" && <Imported outcome={outcome} />}
      </div>
      {outcome?.kind === "rejected" && <Report outcome={outcome} />}
      {upload.isError && <Alert severity="error" small className="fr-mt-4w" description={(upload.error as Error).message} />}

      <section aria-labelledby="format-titre" className="fr-mt-6w">
        <h2 id="format-titre" className="fr-h4">Le fichier attendu</h2>
        <ul>
          <li>
            Une ligne du fichier par ligne de facture : les valeurs de la facture (numéro, dossier, période, dates, total)
            sont répétées sur chacune de ses lignes, qui se suivent.
          </li>
          <li>
            La première ligne nomme les colonnes, dans n'importe quel ordre (majuscules, accents, espaces et tirets ne
            comptent pas : « Date émission » est <code>date_emission</code>) ; les autres colonnes sont ignorées.
          </li>
          <li>Fichier en UTF-8 (« CSV UTF-8 » dans le tableur), avec ou sans BOM.</li>
          <li>
            Séparateur « ; » ou « , », celui de la première ligne. Nombres avec virgule ou point (espaces et « € » final
            ignorés : 1 234,56 €) ; dans un fichier séparé par des virgules, un nombre à virgule s'écrit entre guillemets
            : "4,40". Dates jj/mm/aaaa. Les lignes vides sont ignorées.
          </li>
          <li>
            Le lot est importé en entier ou pas du tout. Un même lot importé deux fois ne crée rien de plus ; un numéro déjà
            importé avec un autre contenu est refusé.
          </li>
        </ul>
        <div className="fr-table">
          <table>
            <caption>Colonnes du fichier</caption>
            <thead>
              <tr><th scope="col">Colonne</th><th scope="col">Libellé</th><th scope="col">Obligatoire</th><th scope="col">Format</th></tr>
            </thead>
            <tbody>
              {COLUMNS.map((c) => (
                <tr key={c.column}>
                  <td><code>{c.column}</code></td>
                  <td>{c.label}</td>
                  <td>{c.required ? "oui" : "non"}</td>
                  <td>{c.format}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 className="fr-h6">Exemple : la facture 2026-000123 du dossier 6000 sur deux lignes, puis une facture de frais de toute la famille</h3>
        <pre className="fr-text--sm" style={{ overflowX: "auto" }}><code>{EXAMPLE}</code></pre>
      </section>
    </AgentPage>
  );
}
