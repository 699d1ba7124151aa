import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useState } from "react";
import { logout } from "../../api/session";
import { useFocusOn } from "../../components/forms";
import { Section } from "../../components/Section";
import { AccountDetails } from "./AccountDetails";
import { DeleteAccount } from "./DeleteAccount";
import { EmailForm } from "./EmailForm";
import { PasswordForm } from "./PasswordForm";

/** How long the message of the end stays before the logout (the button does it at once). */
export const LOGOUT_DELAY_MS = 3_000;

/** What ends every session of the account: a new password, or the account deleted. */
type Ending = "password" | "deleted";

const ENDED: Record<Ending, { message: string; button: string }> = {
  password: { message: "Votre mot de passe a été modifié. Reconnectez-vous avec le nouveau.", button: "Se reconnecter" },
  deleted: {
    message: "Votre compte a été supprimé. Votre dossier famille reste suivi par la collectivité.",
    button: "Revenir à l'accueil",
  },
};

/** « Mon compte »: a logged-in family's account, its e-mail address, its password and its deletion. */
export function MonCompte() {
  return (
    <Section title="Mon compte"
      intro="Vos informations de connexion, votre adresse e-mail, votre mot de passe et la suppression de votre compte.">
      <Account />
    </Section>
  );
}

function Account() {
  const [ended, setEnded] = useState<Ending | null>(null);
  const endedRef = useFocusOn(ended);
  // The service has ended every session of the account: the portal logs out too, after the message is shown.
  useEffect(() => {
    if (!ended) {
      return undefined;
    }
    const timer = setTimeout(logout, LOGOUT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [ended]);
  if (ended) {
    return (
      <>
        <div ref={endedRef} tabIndex={-1} className="fr-mb-3w">
          <Alert severity="success" small role="status" description={ENDED[ended].message} />
        </div>
        <Button onClick={logout}>{ENDED[ended].button}</Button>
      </>
    );
  }
  return (
    <>
      <AccountDetails />
      <EmailForm />
      <PasswordForm onChanged={() => setEnded("password")} />
      <DeleteAccount onDeleted={() => setEnded("deleted")} />
    </>
  );
}
