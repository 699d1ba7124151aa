import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { MandateStatus } from "../../../api/billing";
import { directDebitKeys, fetchAgentMandates } from "../../../api/directDebit";
import { frenchDate, frenchDay } from "../../../format";
import { DIRECT_DEBITS_PATH } from "./words";

const PAGE_SIZE = 20;

export const mandateSeverity = (status: MandateStatus) =>
  status === "ACTIVE" ? "success" : status === "REVOKED" || status === "LAPSED" ? "warning" : "info";

/**
 * « Mandats »: the families' signed mandates (active, stopped, lapsed), all or one dossier's (`?dossier=`), paged by
 * `?mandats=`; the IBAN masked, each to its page.
 */
export function Mandates() {
  const [params, setParams] = useSearchParams();
  const dossier = params.get("dossier") ?? "";
  const page = Math.max(1, Number.parseInt(params.get("mandats") ?? "1", 10) || 1);
  const [typed, setTyped] = useState(dossier);
  useEffect(() => setTyped(dossier), [dossier]);
  const mandates = useQuery({
    queryKey: directDebitKeys.mandateList(dossier, page - 1),
    queryFn: () => fetchAgentMandates(dossier, page - 1, PAGE_SIZE),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    next.delete("mandats");
    if (typed.trim() === "") {
      next.delete("dossier");
    } else {
      next.set("dossier", typed.trim());
    }
    // After the submit event: a navigation started inside it makes React take the form for an action of its own.
    queueMicrotask(() => setParams(next));
  };
  const linkTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("mandats", String(n));
    return `${DIRECT_DEBITS_PATH}?${next}`;
  };
  const data = mandates.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / (data.size || PAGE_SIZE))) : 1;
  return (
    <section aria-labelledby="mandats-titre" className="fr-mb-6w">
      <h2 id="mandats-titre" className="fr-h4">Mandats</h2>
      <form onSubmit={onSubmit} noValidate aria-label="Rechercher les mandats d'un dossier"
        className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w">
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Numéro de dossier (facultatif)" hintText="Vide : les mandats de tous les dossiers."
            nativeInputProps={{ value: typed, inputMode: "numeric", autoComplete: "off", onChange: (e) => setTyped(e.target.value) }} />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Button type="submit" priority="secondary" iconId="fr-icon-search-line" iconPosition="left" className="fr-mb-3w">
            Rechercher
          </Button>
        </div>
      </form>
      {mandates.isPending ? (
        <p role="status">Chargement des mandats…</p>
      ) : mandates.isError ? (
        <Alert severity="error" small description="Les mandats ne peuvent pas être affichés pour le moment. Réessayez dans quelques minutes." />
      ) : data!.items.length === 0 ? (
        <p>{dossier ? `Aucun mandat signé pour le dossier ${dossier}.` : "Aucun mandat signé pour le moment."}</p>
      ) : (
        <>
          <div className="fr-table">
            <table>
              <caption>
                {dossier ? `Mandats du dossier ${dossier}` : "Mandats signés"}{pageCount > 1 ? ` (page ${page} sur ${pageCount})` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">RUM</th>
                  <th scope="col">Dossier</th>
                  <th scope="col">Titulaire du compte</th>
                  <th scope="col">IBAN</th>
                  <th scope="col">État</th>
                  <th scope="col">Signé le</th>
                  <th scope="col">Dernier prélèvement</th>
                </tr>
              </thead>
              <tbody>
                {data!.items.map((mandate) => (
                  <tr key={String(mandate.id)}>
                    <td><Link to={`${DIRECT_DEBITS_PATH}/mandats/${mandate.id}`}>{mandate.rum ?? "Mandat sans RUM"}</Link></td>
                    <td>{mandate.dossierNumber}</td>
                    <td>{mandate.holderName}</td>
                    <td>{mandate.maskedIban}</td>
                    <td>
                      <Badge small noIcon severity={mandateSeverity(mandate.status)}>{mandate.statusLabel}</Badge>
                      {mandate.revokedAt && <p className="fr-text--xs fr-mb-0 fr-mt-1v">Arrêté le {frenchDay(mandate.revokedAt)}</p>}
                    </td>
                    <td>{mandate.signedAt ? frenchDay(mandate.signedAt) : "—"}</td>
                    <td>{mandate.lastCollectionDate ? frenchDate(mandate.lastCollectionDate) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pageCount > 1 && <Pagination count={pageCount} defaultPage={page} getPageLinkProps={(n) => ({ to: linkTo(n) })} />}
        </>
      )}
    </section>
  );
}
