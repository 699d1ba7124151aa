import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";

/** The buttons of a step: its own, then « Annuler » when the step is reopened from the summary. */
export function StepButtons({ children, onCancel }: { children: ReactNode; onCancel?: () => void }) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline-sm">
      <li>{children}</li>
      {onCancel && (
        <li>
          <Button type="button" priority="secondary" onClick={onCancel}>Annuler</Button>
        </li>
      )}
    </ul>
  );
}
