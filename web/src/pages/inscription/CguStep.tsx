import { useMutation } from "@tanstack/react-query";
import { isProblem } from "../../api/http";
import { acceptCgu, type Registration } from "../../api/identity";
import { CguAcceptance } from "../../components/CguAcceptance";

/** Step 3 « Conditions générales d'utilisation »: read and accept the version in force. */
export function CguStep({ view, onSaved, onExpired }: {
  view: Registration;
  onSaved: (view: Registration) => void;
  onExpired: () => void;
}) {
  const accept = useMutation({
    mutationFn: (version: string) => acceptCgu(view.id, version),
    onSuccess: onSaved,
    onError: (error) => {
      if (isProblem(error, 404)) {
        onExpired();
      }
    },
  });
  return <CguAcceptance onAccept={accept.mutate} pending={accept.isPending} error={accept.error} />;
}
