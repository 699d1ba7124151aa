import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { createDossier } from "../../api/dossier";
import { fieldsOf } from "../../api/http";
import { errorOf, FormError } from "../../components/forms";

const EMPTY = { number: "", familyName: "", email: "", phone: "" };

/**
 * « Créer un dossier »: its access key, to print on the invoices, is in the answer only, so it is
 * shown once, right here.
 */
export function CreateDossierForm() {
  const [form, setForm] = useState(EMPTY);
  const create = useMutation({
    mutationFn: () => createDossier({
      number: form.number.trim(),
      familyName: form.familyName.trim(),
      email: form.email.trim(),
      phone: form.phone.trim() === "" ? null : form.phone.trim(),
    }),
    onSuccess: () => setForm(EMPTY),
  });
  const fields = fieldsOf(create.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const input = (name: keyof typeof EMPTY) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });
  return (
    <section aria-labelledby="creer-dossier-titre" className="fr-mt-6w">
      <h2 id="creer-dossier-titre" className="fr-h4">Créer un dossier</h2>
      {create.data && (
        <Alert severity="success" small className="fr-mb-3w" description={
          <>
            <p>
              Dossier {create.data.number} créé. Clé d'accès : <strong className="fr-text--lg">{create.data.accessKey}</strong>
              {" "}— notez-la maintenant : elle ne sera plus affichée (elle est imprimée sur les factures).
            </p>
            <p className="fr-mb-0">
              <Link className="fr-link" to={`/agent/dossiers/${encodeURIComponent(create.data.number)}`}>
                Ouvrir le dossier {create.data.number}
              </Link>
            </p>
          </>
        } />
      )}
      <form onSubmit={onSubmit} aria-labelledby="creer-dossier-titre" noValidate>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input label="Numéro de dossier" hintText="3 ou 4 chiffres" {...errorOf(fields, "number")}
              nativeInputProps={{ ...input("number"), inputMode: "numeric", maxLength: 4, required: true, autoComplete: "off" }} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input label="Nom de famille" {...errorOf(fields, "familyName")}
              nativeInputProps={{ ...input("familyName"), maxLength: 100, required: true, autoComplete: "off" }} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input label="Adresse e-mail" {...errorOf(fields, "email")}
              nativeInputProps={{ ...input("email"), type: "email", maxLength: 254, required: true, autoComplete: "off" }} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input label="Téléphone" {...errorOf(fields, "phone")}
              nativeInputProps={{ ...input("phone"), type: "tel", autoComplete: "off" }} />
          </div>
        </div>
        <FormError error={create.error} />
        <Button type="submit" disabled={create.isPending}>Créer le dossier</Button>
      </form>
    </section>
  );
}
