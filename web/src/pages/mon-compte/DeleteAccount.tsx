import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { fieldsOf } from "../../api/http";
import { deleteAccount } from "../../api/identity";
import { errorOf, FormError, useFocusOn } from "../../components/forms";

/** « Supprimer mon compte »: asked with the current password, then confirmed; the dossier stays with the authority. */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const titleId = useId();
  const [currentPassword, setCurrentPassword] = useState("");
  const [confirming, setConfirming] = useState(false);
  // « Annuler »: the focus goes back to « Supprimer mon compte ».
  const [cancellations, setCancellations] = useState(0);
  const remove = useMutation({
    mutationFn: () => deleteAccount(currentPassword),
    onSuccess: onDeleted,
    onError: () => setConfirming(false),
  });
  const errorRef = useFocusOn(remove.error);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) {
      questionRef.current?.focus();
    }
  }, [confirming]);
  useEffect(() => {
    if (cancellations > 0) {
      deleteRef.current?.focus();
    }
  }, [cancellations]);
  const fields = fieldsOf(remove.error);
  // The first « Supprimer mon compte » (or Enter in the field) only asks for the confirmation.
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const cancel = () => {
    setConfirming(false);
    setCancellations((count) => count + 1);
  };
  return (
    <section>
      <h2 id={titleId}>Supprimer mon compte</h2>
      <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <p>
          Votre compte sera supprimé ; votre dossier famille reste suivi par la collectivité. Cette action est définitive.
        </p>
        <Input label="Mot de passe actuel" {...errorOf(fields, "currentPassword")}
          nativeInputProps={{
            id: "suppression-mot-de-passe-actuel", name: "currentPassword", type: "password",
            autoComplete: "current-password", maxLength: 128, spellCheck: false, required: true,
            "aria-invalid": fields.currentPassword ? true : undefined,
            value: currentPassword, onChange: (e) => setCurrentPassword(e.target.value),
          }} />
        {remove.isError && (
          <div ref={errorRef} tabIndex={-1}>
            <FormError error={remove.error} />
          </div>
        )}
        {confirming ? (
          <>
            <p ref={questionRef} tabIndex={-1} className="fr-text--bold">Confirmez-vous la suppression de votre compte ?</p>
            <ul className="fr-btns-group fr-btns-group--inline-sm">
              <li>
                <Button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
                  Oui, supprimer mon compte
                </Button>
              </li>
              <li>
                <Button type="button" priority="secondary" onClick={cancel} disabled={remove.isPending}>Annuler</Button>
              </li>
            </ul>
          </>
        ) : (
          <Button ref={deleteRef} type="submit" priority="secondary">Supprimer mon compte</Button>
        )}
      </form>
    </section>
  );
}
