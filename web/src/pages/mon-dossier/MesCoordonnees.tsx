import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { changeContactDetails, dossierKeys, fetchGuardians, type Guardian } from "../../api/dossier";
import { fieldsOf } from "../../api/http";
import { ContactFields, contactDetailsOf, contactFormOf, FormError } from "../../components/forms";
import { GuardianDetails, guardianName } from "../../components/GuardianDetails";

function EditContactForm({ dossier, guardian, onCancel, onSaved }: {
  dossier: string;
  guardian: Guardian;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [form, setForm] = useState(() => contactFormOf(guardian));
  const save = useMutation({
    mutationFn: () => changeContactDetails(dossier, guardian.id, contactDetailsOf(form)),
    onSuccess: async () => {
      onSaved();
      // The change is recorded as an accepted « Modification de coordonnées » among the requests;
      // guardian 1's e-mail and mobile phone are the dossier's contact.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dossierKeys.guardians(dossier) }),
        queryClient.invalidateQueries({ queryKey: dossierKeys.requests(dossier) }),
        queryClient.invalidateQueries({ queryKey: dossierKeys.dossier(dossier) }),
      ]);
    },
  });
  useEffect(() => titleRef.current?.focus(), []);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby={titleId} noValidate className="fr-mt-2w">
      <h3 id={titleId} ref={titleRef} tabIndex={-1} className="fr-h5">
        Modifier les coordonnées de {guardianName(guardian)}
      </h3>
      <ContactFields value={form} onChange={setForm} fields={fieldsOf(save.error)} personal />
      <FormError error={save.error} />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li><Button type="submit" disabled={save.isPending}>Enregistrer</Button></li>
        <li><Button type="button" priority="secondary" onClick={onCancel}>Annuler</Button></li>
      </ul>
    </form>
  );
}

function GuardianItem({ dossier, guardian, editing, onEdit, onClose, onSaved }: {
  dossier: string;
  guardian: Guardian;
  editing: boolean;
  onEdit: () => void;
  onClose: () => void;
  onSaved: () => void;
}) {
  const nameId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const focusButton = useRef(false);
  useEffect(() => {
    if (!editing && focusButton.current) {
      focusButton.current = false;
      buttonRef.current?.focus();
    }
  }, [editing]);
  return (
    <li className="fr-mb-4w">
      <div className="fr-card fr-card--no-arrow">
        <div className="fr-card__body">
          <div className="fr-card__content">
            <h2 id={nameId} className="fr-card__title">{guardianName(guardian)}</h2>
            <div className="fr-card__desc">
              <GuardianDetails guardian={guardian} />
              {editing ? (
                <EditContactForm dossier={dossier} guardian={guardian} onSaved={onSaved}
                  onCancel={() => {
                    focusButton.current = true;
                    onClose();
                  }} />
              ) : (
                <Button ref={buttonRef} priority="secondary" iconId="fr-icon-edit-line" onClick={onEdit}
                  nativeButtonProps={{ "aria-describedby": nameId }}>
                  Modifier mes coordonnées
                </Button>
              )}
            </div>
          </div>
        </div>
      </div>
    </li>
  );
}

/** « Mes coordonnées »: the guardians of the dossier, whose contact details the family keeps up to date. */
export function MesCoordonnees({ dossier }: { dossier: string }) {
  const guardians = useQuery({ queryKey: dossierKeys.guardians(dossier), queryFn: () => fetchGuardians(dossier) });
  const [editing, setEditing] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) {
      savedRef.current?.focus();
    }
  }, [saved]);
  if (guardians.isPending) {
    return <p role="status">Chargement de vos coordonnées…</p>;
  }
  if (guardians.isError) {
    return <Alert severity="error" small description="Vos coordonnées ne peuvent pas être affichées pour le moment. Réessayez dans quelques minutes." />;
  }
  if (guardians.data.length === 0) {
    return <p>Aucun responsable légal n'est enregistré sur votre dossier. Contactez votre collectivité.</p>;
  }
  return (
    <>
      {saved && (
        <div ref={savedRef} tabIndex={-1} className="fr-mb-3w">
          <Alert severity="success" small description="Vos coordonnées ont été modifiées." />
        </div>
      )}
      <ul className="fr-raw-list">
        {guardians.data.map((guardian) => (
          <GuardianItem key={guardian.id} dossier={dossier} guardian={guardian} editing={editing === guardian.id}
            onEdit={() => {
              setSaved(false);
              setEditing(guardian.id);
            }}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              setSaved(true);
            }} />
        ))}
      </ul>
    </>
  );
}
