import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useRef, useState, type FormEvent } from "react";
import {
  AUDIENCE_LABELS, CATEGORY_LABELS, type AgentNewsItem, type NewsAudience, type NewsCategory, type NewsDraft,
} from "../../api/news";
import { errorOf } from "../../components/forms";
import { EditeurTexte } from "./EditeurTexte";

/** The form's values as typed (empty strings for nothing). */
type Values = {
  title: string; body: string; category: NewsCategory | ""; audience: NewsAudience; publicationDate: string;
  expiryDate: string; deadline: string; linkUrl: string; linkLabel: string;
};

/** Today in Paris, yyyy-MM-dd: a new item's publication date. */
export function todayInParis(): string {
  // en-CA writes a date as yyyy-MM-dd.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date());
}

const valuesOf = (item: AgentNewsItem | undefined): Values => item ? {
  title: item.title, body: item.bodyHtml, category: item.category, audience: item.audience,
  publicationDate: item.publicationDate, expiryDate: item.expiryDate ?? "", deadline: item.deadline ?? "",
  linkUrl: item.linkUrl ?? "", linkLabel: item.linkLabel ?? "",
} : {
  title: "", body: "", category: "", audience: "PUBLIC", publicationDate: todayInParis(), expiryDate: "", deadline: "",
  linkUrl: "", linkLabel: "",
};

/** What the API receives: trimmed, null for an empty optional field; the checks are messaging-service's. */
function draftOf(values: Values, draft: boolean): NewsDraft {
  const optional = (text: string) => (text.trim() === "" ? null : text.trim());
  return {
    title: values.title.trim(),
    body: values.body,
    // An unchosen category is sent as such: the service says it is required, under the field.
    category: values.category as NewsCategory,
    audience: values.audience,
    publicationDate: values.publicationDate,
    expiryDate: optional(values.expiryDate),
    deadline: optional(values.deadline),
    linkUrl: optional(values.linkUrl),
    linkLabel: optional(values.linkLabel),
    draft,
  };
}

const CATEGORIES = Object.entries(CATEGORY_LABELS) as [NewsCategory, string][];
const AUDIENCES = Object.entries(AUDIENCE_LABELS) as [NewsAudience, string][];

/**
 * « Publier une actualité »: title, text, category, audience, dates, link; saved as a draft or published (on its
 * publication date: scheduled until then). `fields`: each field's message of the last refusal.
 */
export function FormulaireActualite({ item, fields, pending, onSave }: {
  item?: AgentNewsItem;
  fields: Record<string, string>;
  pending: boolean;
  onSave: (draft: NewsDraft) => void;
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(item));
  const asDraft = useRef(true);
  const set = (name: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draftOf(values, asDraft.current));
  };
  const published = item !== undefined && !item.draft;

  return (
    <form onSubmit={onSubmit} aria-label="Publier une actualité" noValidate>
      <Input label="Titre" hintText="150 caractères au plus." {...errorOf(fields, "title")}
        nativeInputProps={{ name: "title", value: values.title, onChange: set("title"), maxLength: 150, autoComplete: "off", required: true }} />
      <EditeurTexte label="Texte" initialHtml={values.body} error={fields.body}
        hint="Paragraphes, gras, listes et liens. Sélectionnez un passage puis choisissez sa mise en forme dans la barre au-dessus du champ (Maj+Tab depuis le champ) ; Ctrl+B met en gras."
        onChange={(body) => setValues((v) => ({ ...v, body }))} />
      <Select label="Catégorie" {...errorOf(fields, "category")}
        nativeSelectProps={{ name: "category", value: values.category, onChange: set("category"), required: true }}>
        <option value="" disabled>Choisir une catégorie</option>
        {CATEGORIES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </Select>
      <RadioButtons legend="Public" name="audience" orientation="horizontal"
        state={fields.audience ? "error" : "default"} stateRelatedMessage={fields.audience}
        options={AUDIENCES.map(([value, label]) => ({
          label,
          hintText: value === "PUBLIC" ? "Sur la page d'accueil, connecté ou non." : "Seulement une fois connecté à l'espace famille.",
          nativeInputProps: { value, checked: values.audience === value, onChange: () => setValues((v) => ({ ...v, audience: value })) },
        }))} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Date de publication" hintText="Elle paraît à partir de ce jour." {...errorOf(fields, "publicationDate")}
            nativeInputProps={{ name: "publicationDate", type: "date", value: values.publicationDate, onChange: set("publicationDate"), required: true }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Date d'expiration (facultatif)" hintText="Elle ne paraît plus après ce jour." {...errorOf(fields, "expiryDate")}
            nativeInputProps={{ name: "expiryDate", type: "date", value: values.expiryDate, onChange: set("expiryDate") }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Date limite d'inscription (facultatif)" hintText="Affichée en tête, parmi les dates limites." {...errorOf(fields, "deadline")}
            nativeInputProps={{ name: "deadline", type: "date", value: values.deadline, onChange: set("deadline") }} />
        </div>
      </div>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Lien (facultatif)" hintText="Adresse complète, par exemple https://www.example.fr/inscriptions" {...errorOf(fields, "linkUrl")}
            nativeInputProps={{ name: "linkUrl", type: "url", value: values.linkUrl, onChange: set("linkUrl"), maxLength: 500, autoComplete: "off" }} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input label="Libellé du lien (facultatif)" hintText="Sinon l'adresse est affichée. 100 caractères au plus." {...errorOf(fields, "linkLabel")}
            nativeInputProps={{ name: "linkLabel", value: values.linkLabel, onChange: set("linkLabel"), maxLength: 100, autoComplete: "off" }} />
        </div>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        {/* The first submit button is Enter's: saving as a draft never publishes by mistake. */}
        <li>
          <Button type="submit" priority="secondary" disabled={pending} onClick={() => { asDraft.current = true; }}>
            {published ? "Repasser en brouillon" : "Enregistrer le brouillon"}
          </Button>
        </li>
        <li>
          <Button type="submit" disabled={pending} onClick={() => { asDraft.current = false; }}>
            {published ? "Enregistrer les modifications" : "Publier"}
          </Button>
        </li>
      </ul>
      {pending && <p role="status">Enregistrement…</p>}
    </form>
  );
}
