import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isProblem } from "../api/http";
import { acceptAccountCgu, identityKeys } from "../api/identity";
import { CguAcceptance } from "../components/CguAcceptance";
import { usePageTitle } from "../usePageTitle";

const TITLE = "Nouvelles conditions générales d'utilisation";

/**
 * What a family sees, whatever the page asked, until it accepts the CGU in force: once accepted, the account says
 * so and the page asked is shown.
 */
export function NouvellesCgu() {
  usePageTitle(TITLE);
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: acceptAccountCgu,
    onSuccess: (account) => {
      queryClient.setQueryData(identityKeys.account(), account);
      // The page asked replaces this one: its content is read from the start.
      document.getElementById("contenu")?.focus();
    },
    onError: (error) => {
      // Another version came out meanwhile: the new text is shown, to read and accept.
      if (isProblem(error, 409)) {
        void queryClient.invalidateQueries({ queryKey: identityKeys.currentCgu() });
      }
    },
  });
  return (
    <>
      <h1>{TITLE}</h1>
      <p className="fr-text--lead">
        Les conditions générales d'utilisation ont changé : lisez-les et acceptez-les pour continuer à utiliser le portail.
      </p>
      <CguAcceptance titleAs="h2" label={TITLE} onAccept={accept.mutate} pending={accept.isPending} error={accept.error} />
    </>
  );
}
