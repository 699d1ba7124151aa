import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link, useParams } from "react-router-dom";
import { isProblem } from "../api/http";
import { activateAccount } from "../api/identity";
import { LOGIN_URL } from "../api/session";
import { EXPIRED_LINK, useOnArrival } from "../components/forms";
import { useSession } from "../session";
import { usePageTitle } from "../usePageTitle";

/** The link of the activation mail: the account is activated on arrival, once. */
export function Activation() {
  const { token = "" } = useParams();
  const { portal } = useSession();
  const activate = useMutation({ mutationFn: () => activateAccount(token) });
  useOnArrival(activate.mutate);

  const expired = isProblem(activate.error, 410);
  const title = activate.isSuccess ? "Compte activé" : expired ? "Lien expiré" : "Activation du compte";
  usePageTitle(title);
  const done = activate.isSuccess || activate.isError;
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (done) {
      titleRef.current?.focus();
    }
  }, [done]);

  const upper = (text: string) => text.toLocaleUpperCase("fr-FR");
  return (
    <>
      <h1 ref={titleRef} tabIndex={-1}>{title}</h1>
      {!done && <p role="status">Activation de votre compte…</p>}
      {activate.isSuccess && (
        <>
          <p className="fr-text--lead">
            {`BRAVO ! VOTRE COMPTE EST MAINTENANT ACTIF, BIENVENUE SUR LE ${upper(portal.portalName)} DE ${upper(portal.authorityShortName)} !`}
          </p>
          <Button linkProps={{ to: LOGIN_URL, reloadDocument: true }}>Se connecter</Button>
        </>
      )}
      {expired && (
        <>
          <Alert severity="error" small description={EXPIRED_LINK} className="fr-mb-3w" />
          <p><Link className="fr-link" to="/inscription">S'inscrire</Link></p>
        </>
      )}
      {activate.isError && !expired && (
        <Alert severity="error" small
          description="Votre compte ne peut pas être activé pour le moment. Réessayez dans quelques minutes." />
      )}
    </>
  );
}
