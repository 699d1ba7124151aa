import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Tag } from "@codegouvfr/react-dsfr/Tag";
import { useQuery } from "@tanstack/react-query";
import { dossierKeys, fetchChildren } from "../../api/dossier";
import { frenchDate } from "../../format";

/**
 * « Mes enfants »: each child with birth date, school, class and activities; `headingLevel` 2 on its
 * own page, 3 under the « Mes enfants » heading of Mon dossier.
 */
export function MesEnfants({ dossier, headingLevel = 3 }: { dossier: string; headingLevel?: 2 | 3 }) {
  const Title = `h${headingLevel}` as const;
  const children = useQuery({ queryKey: dossierKeys.children(dossier), queryFn: () => fetchChildren(dossier) });
  if (children.isPending) {
    return <p role="status">Chargement de vos enfants…</p>;
  }
  if (children.isError) {
    return <Alert severity="error" small description="Vos enfants ne peuvent pas être affichés pour le moment. Réessayez dans quelques minutes." />;
  }
  if (children.data.length === 0) {
    return <p>Aucun enfant n'est inscrit sur votre dossier.</p>;
  }
  return (
    <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
      {children.data.map((child) => (
        <li key={child.id} className="fr-col-12 fr-col-md-6">
          <div className="fr-card fr-card--no-arrow">
            <div className="fr-card__body">
              <div className="fr-card__content">
                <Title className="fr-card__title">{child.firstName} {child.lastName}</Title>
                <dl className="fr-card__desc">
                  <dt className="fr-text--bold">Né(e) le</dt>
                  <dd>{frenchDate(child.birthDate)}</dd>
                  <dt className="fr-text--bold">École et classe</dt>
                  <dd>{[child.school, child.className].filter(Boolean).join(" — ") || "non renseignées"}</dd>
                  <dt className="fr-text--bold">Activités</dt>
                  <dd>
                    {child.activities.length === 0 ? "aucune" : (
                      <ul className="fr-tags-group">
                        {child.activities.map((activity) => <li key={activity}><Tag>{activity}</Tag></li>)}
                      </ul>
                    )}
                  </dd>
                </dl>
              </div>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
