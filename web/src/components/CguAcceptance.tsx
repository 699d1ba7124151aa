import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { fieldsOf } from "../api/http";
import { fetchCurrentCgu, identityKeys, type CguText } from "../api/identity";
import { frenchDay } from "../format";
import { FormError, useFocusOn } from "./forms";

const UNREAD = "Cochez « J'ai lu » pour accepter les conditions.";

type Props = {
  /** « Accepter » with « J'ai lu » checked: the version read. */
  onAccept: (version: string) => void;
  pending: boolean;
  /** The refusal of the last « Accepter », if any. */
  error: unknown;
  /** The level of the CGU's title under the page's own headings. */
  titleAs?: "h2" | "h3";
  /** The accessible name of the form. */
  label?: string;
};

/**
 * The conditions générales d'utilisation in force, to read (a scrollable region) and accept (« J'ai lu », then
 * « Accepter »): the registration's step 3 and the page of new CGU after a login.
 */
export function CguAcceptance(props: Props) {
  const cgu = useQuery({ queryKey: identityKeys.currentCgu(), queryFn: fetchCurrentCgu, staleTime: Infinity });
  if (cgu.isPending) {
    return <p role="status">Chargement des conditions générales d'utilisation…</p>;
  }
  if (cgu.isError) {
    return (
      <Alert severity="error" small
        description="Les conditions générales d'utilisation ne peuvent pas être affichées pour le moment. Réessayez dans quelques minutes." />
    );
  }
  // A new version (the CGU changed while they were read): read and check again.
  return <CguForm key={cgu.data.version} cgu={cgu.data} {...props} />;
}

function CguForm({ cgu, onAccept, pending, error, titleAs: Title = "h3", label = "Conditions générales d'utilisation" }:
  Props & { cgu: CguText }) {
  const [read, setRead] = useState(false);
  // Each « Accepter » without « J'ai lu » checked: the checkbox gets the focus, with its message.
  const [unreadAttempts, setUnreadAttempts] = useState(0);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const errorRef = useFocusOn(error);
  useEffect(() => {
    if (unreadAttempts > 0) {
      checkboxRef.current?.focus();
    }
  }, [unreadAttempts]);
  const unreadMessage = unreadAttempts > 0 && !read ? UNREAD : fieldsOf(error).accepted;
  const paragraphs = cgu.text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!read) {
      setUnreadAttempts((attempts) => attempts + 1);
      return;
    }
    onAccept(cgu.version);
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label}>
      <section tabIndex={0} aria-label="Texte des conditions générales d'utilisation" className="fr-p-3w fr-mb-3w"
        style={{ maxHeight: "24rem", overflowY: "auto", border: "1px solid var(--border-default-grey)" }}>
        <Title className="fr-h5">{cgu.title}</Title>
        <p className="fr-text--sm">Version {cgu.version}, publiée le {frenchDay(cgu.publishedAt)}</p>
        {paragraphs.map((paragraph, index) => <p key={index}>{paragraph}</p>)}
      </section>
      <Checkbox id="cgu-lu" state={unreadMessage ? "error" : "default"} stateRelatedMessage={unreadMessage}
        options={[{
          label: "J'ai lu",
          nativeInputProps: {
            ref: checkboxRef,
            name: "cguRead",
            checked: read,
            required: true,
            "aria-invalid": unreadMessage ? true : undefined,
            "aria-describedby": unreadMessage ? "cgu-lu-desc-error" : undefined,
            onChange: (e) => setRead(e.target.checked),
          },
        }]} />
      {Boolean(error) && (
        <div ref={errorRef} tabIndex={-1}>
          <FormError error={error} />
        </div>
      )}
      <Button type="submit" disabled={pending}>Accepter</Button>
    </form>
  );
}
