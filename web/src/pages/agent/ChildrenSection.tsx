import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { addChild, dossierKeys, fetchChildren } from "../../api/dossier";
import { fieldsOf } from "../../api/http";
import { errorOf, FormError } from "../../components/forms";
import { frenchDate } from "../../format";

const EMPTY = { firstName: "", lastName: "", birthDate: "", school: "", className: "", activities: "" };

/** « Repas Enfants, Centre de loisirs » → ["Repas Enfants", "Centre de loisirs"]. */
export const activitiesOf = (text: string) => text.split(",").map((a) => a.trim()).filter((a) => a !== "");

function AddChildForm({ number }: { number: string }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const add = useMutation({
    mutationFn: () => addChild(number, {
      firstName: form.firstName.trim(),
      lastName: form.lastName.trim(),
      birthDate: form.birthDate === "" ? null : form.birthDate,
      school: form.school.trim() === "" ? null : form.school.trim(),
      className: form.className.trim() === "" ? null : form.className.trim(),
      activities: activitiesOf(form.activities),
    }),
    onSuccess: () => {
      setForm(EMPTY);
      return queryClient.invalidateQueries({ queryKey: dossierKeys.children(number) });
    },
  });
  const fields = fieldsOf(add.error);
  // « activities[1] »: one of the activities was refused.
  const activitiesError = Object.entries(fields).find(([field]) => field.startsWith("activities"))?.[1];
  const shown = activitiesError ? { ...fields, activities: activitiesError } : fields;
  const input = (name: keyof typeof EMPTY) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="ajouter-enfant-titre" noValidate>
      <h3 id="ajouter-enfant-titre" className="fr-h5">Ajouter un enfant</h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Prénom" {...errorOf(fields, "firstName")}
            nativeInputProps={{ ...input("firstName"), maxLength: 100, required: true, autoComplete: "off" }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Nom" {...errorOf(fields, "lastName")}
            nativeInputProps={{ ...input("lastName"), maxLength: 100, required: true, autoComplete: "off" }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Date de naissance" {...errorOf(fields, "birthDate")}
            nativeInputProps={{ ...input("birthDate"), type: "date", required: true }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="École" {...errorOf(fields, "school")}
            nativeInputProps={{ ...input("school"), maxLength: 200, autoComplete: "off" }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Classe" {...errorOf(fields, "className")}
            nativeInputProps={{ ...input("className"), maxLength: 50, autoComplete: "off" }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Activités" hintText="Séparées par des virgules, par exemple : Repas Enfants, Centre de loisirs"
            {...errorOf(shown, "activities")}
            nativeInputProps={{ ...input("activities"), autoComplete: "off" }} />
        </div>
      </div>
      <FormError error={add.error} />
      {add.isSuccess && <Alert severity="success" small description="Enfant ajouté au dossier." className="fr-mb-2w" />}
      <Button type="submit" disabled={add.isPending}>Ajouter l'enfant</Button>
    </form>
  );
}

/** « Enfants » of a dossier, as an agent sees them, and adding one. */
export function ChildrenSection({ number }: { number: string }) {
  const children = useQuery({ queryKey: dossierKeys.children(number), queryFn: () => fetchChildren(number) });
  return (
    <section aria-labelledby="enfants-titre" className="fr-mb-6w">
      <h2 id="enfants-titre" className="fr-h4">Enfants</h2>
      {children.isError && <Alert severity="error" small description="Les enfants ne peuvent pas être affichés pour le moment." />}
      {children.data && (children.data.length === 0 ? <p>Aucun enfant.</p> : (
        <ul>
          {children.data.map((c) => (
            <li key={c.id}>
              {c.firstName} {c.lastName}, né(e) le {frenchDate(c.birthDate)}
              {c.activities.length > 0 && <> — {c.activities.join(", ")}</>}
            </li>
          ))}
        </ul>
      ))}
      <AddChildForm number={number} />
    </section>
  );
}
