import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { Fragment, useId } from "react";
import { fetchAccount, identityKeys, type AccountView } from "../../api/identity";
import { frenchDay } from "../../format";

/** « Conditions générales d'utilisation acceptées : version 2026-01 le 26/11/2026 » (the day in France). */
function cguAcceptance(account: AccountView): string {
  if (!account.cguVersionAccepted) {
    return "Conditions générales d'utilisation acceptées : aucune version";
  }
  const day = account.cguAcceptedAt ? ` le ${frenchDay(account.cguAcceptedAt)}` : "";
  return `Conditions générales d'utilisation acceptées : version ${account.cguVersionAccepted}${day}`;
}

/** « Mes informations »: the account as the identity service keeps it. */
export function AccountDetails() {
  const titleId = useId();
  const account = useQuery({ queryKey: identityKeys.account(), queryFn: fetchAccount, staleTime: 60_000 });
  return (
    <section aria-labelledby={titleId} className="fr-mb-6w">
      <h2 id={titleId}>Mes informations</h2>
      {account.isPending && <p role="status">Chargement de vos informations…</p>}
      {account.isError && (
        <Alert severity="error" small
          description="Vos informations ne peuvent pas être affichées pour le moment. Réessayez dans quelques minutes." />
      )}
      {account.isSuccess && (
        <>
          <dl>
            {([
              ["Identifiant", account.data.username],
              ["Nom", account.data.lastName],
              ["Prénom", account.data.firstName],
              ["Adresse e-mail", account.data.email],
              ["Dossier n°", account.data.dossier ?? "aucun"],
            ] as [string, string][]).map(([term, value]) => (
              <Fragment key={term}>
                <dt className="fr-text--bold">{term}</dt>
                <dd className="fr-mb-1w">{value}</dd>
              </Fragment>
            ))}
          </dl>
          <p>{cguAcceptance(account.data)}</p>
        </>
      )}
    </section>
  );
}
