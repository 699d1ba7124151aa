import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { NewsCategory, NewsForm, NewsItem } from "../../api/news";
import { fileSize, frenchDate } from "../../format";

/** The colour of a category's badge (DSFR severities; only a cue: the label says it). */
const CATEGORY_SEVERITY: Record<NewsCategory, "info" | "new" | "success" | undefined> = {
  VACANCES: "success", INSCRIPTIONS: "new", FORMULAIRES: "info", INFORMATIONS: undefined,
};

export function CategoryBadge({ item }: { item: Pick<NewsItem, "category" | "categoryLabel"> }) {
  return <Badge as="span" small noIcon severity={CATEGORY_SEVERITY[item.category]}>{item.categoryLabel}</Badge>;
}

/** « Télécharger fiche-inscription.pdf — PDF – 120 Ko », as the DSFR writes a download link. */
export function FormDownload({ form }: { form: NewsForm }) {
  return (
    <div className="fr-download">
      <p>
        {/* A plain link: the file is the service's (Content-Disposition: attachment), not a page of the app. */}
        <a className="fr-download__link" href={form.url} download={form.fileName}>
          Télécharger {form.fileName}
          <span className="fr-download__detail">PDF – {fileSize(form.size)}</span>
        </a>
      </p>
    </div>
  );
}

/** An item's link: outside the portal, in a new window, said so to screen-reader users. */
export function NewsLink({ url, label }: { url: string; label: string | null }) {
  const text = label?.trim() || url;
  return (
    <p>
      <a className="fr-link" href={url} target="_blank" rel="noopener noreferrer" title={`${text} - nouvelle fenêtre`}>
        {text}
      </a>
    </p>
  );
}

/**
 * One item as families read it: its title, its category (and « Familles connectées » when it is for them only), its
 * deadline, its text, its link and its form.
 */
export function Actualite({ item, headingLevel = 4 }: { item: NewsItem; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const titleId = `actualite-${item.id}-titre`;
  return (
    <article aria-labelledby={titleId} className="fr-mb-4w">
      <Heading id={titleId} className="fr-h5 fr-mb-1w">{item.title}</Heading>
      <ul className="fr-badges-group fr-mb-1w">
        <li><CategoryBadge item={item} /></li>
        {item.audience === "FAMILIES" && <li><Badge as="span" small noIcon>{item.audienceLabel}</Badge></li>}
      </ul>
      {item.deadline && (
        <p className="fr-text--bold fr-mb-1w">Date limite d'inscription : {frenchDate(item.deadline)}</p>
      )}
      {/*
        The text is HTML written in the agents' editor. messaging-service sanitises it (an allow-list: p, ul, ol, li,
        strong, b, em, a[href] and br, no attribute but a link's href, no script, style or event handler) when it is
        saved and when it is served; this is the only place the web app writes HTML it did not build, and it comes
        from that service only (never from what a family types).
      */}
      <div className="fr-mb-1w" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      {item.linkUrl && <NewsLink url={item.linkUrl} label={item.linkLabel} />}
      {item.form && <FormDownload form={item.form} />}
    </article>
  );
}
