import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { addGuardian, dossierKeys, fetchGuardians, type Civility } from "../../api/dossier";
import { fieldsOf } from "../../api/http";
import { ContactFields, contactDetailsOf, EMPTY_CONTACT, errorOf, FormError } from "../../components/forms";
import { GuardianDetails, guardianName } from "../../components/GuardianDetails";

/** A dossier has two guardians at most. */
const MAX_GUARDIANS = 2;

function AddGuardianForm({ number }: { number: string }) {
  const queryClient = useQueryClient();
  const [civility, setCivility] = useState<Civility | "">("");
  const [firstName, setFirstName] = useState("");
  const [lastName, setLastName] = useState("");
  const [contact, setContact] = useState(EMPTY_CONTACT);
  const add = useMutation({
    mutationFn: () => addGuardian(number, {
      civility: civility as Civility, firstName: firstName.trim(), lastName: lastName.trim(), ...contactDetailsOf(contact),
    }),
    onSuccess: () => {
      setCivility("");
      setFirstName("");
      setLastName("");
      setContact(EMPTY_CONTACT);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: dossierKeys.guardians(number) }),
        queryClient.invalidateQueries({ queryKey: dossierKeys.dossier(number) }),
      ]);
    },
  });
  const fields = fieldsOf(add.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="ajouter-responsable-titre" noValidate>
      <h3 id="ajouter-responsable-titre" className="fr-h5">Ajouter un responsable légal</h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Civilité" {...errorOf(fields, "civility")}
            nativeSelectProps={{ value: civility, onChange: (e) => setCivility(e.target.value as Civility), required: true }}>
            <option value="" disabled>Choisissez</option>
            <option value="MADAME">Madame</option>
            <option value="MONSIEUR">Monsieur</option>
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Prénom" {...errorOf(fields, "firstName")}
            nativeInputProps={{ value: firstName, onChange: (e) => setFirstName(e.target.value), maxLength: 100, required: true, autoComplete: "off" }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Nom" {...errorOf(fields, "lastName")}
            nativeInputProps={{ value: lastName, onChange: (e) => setLastName(e.target.value), maxLength: 100, required: true, autoComplete: "off" }} />
        </div>
      </div>
      <ContactFields value={contact} onChange={setContact} fields={fields} personal={false} />
      <FormError error={add.error} />
      {add.isSuccess && <Alert severity="success" small description="Responsable légal ajouté au dossier." className="fr-mb-2w" />}
      <Button type="submit" disabled={add.isPending}>Ajouter le responsable légal</Button>
    </form>
  );
}

/** « Responsables légaux » of a dossier, as an agent sees them, and adding one. */
export function GuardiansSection({ number }: { number: string }) {
  const guardians = useQuery({ queryKey: dossierKeys.guardians(number), queryFn: () => fetchGuardians(number) });
  return (
    <section aria-labelledby="responsables-titre" className="fr-mb-6w">
      <h2 id="responsables-titre" className="fr-h4">Responsables légaux</h2>
      {guardians.isPending && <p role="status">Chargement des responsables légaux…</p>}
      {guardians.isError && <Alert severity="error" small description="Les responsables légaux ne peuvent pas être affichés pour le moment." />}
      {guardians.data && (guardians.data.length === 0 ? <p>Aucun responsable légal.</p> : (
        <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
          {guardians.data.map((guardian) => (
            <li key={guardian.id} className="fr-col-12 fr-col-md-6">
              <h3 className="fr-h6 fr-mb-1w">{guardianName(guardian)}</h3>
              <GuardianDetails guardian={guardian} />
            </li>
          ))}
        </ul>
      ))}
      {guardians.data && (guardians.data.length >= MAX_GUARDIANS
        ? <p>Le dossier a déjà ses deux responsables légaux.</p>
        : <AddGuardianForm number={number} />)}
    </section>
  );
}
