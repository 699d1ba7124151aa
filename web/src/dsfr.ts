import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { Link } from "react-router-dom";

/** DSFR links are react-router links (linkProps={{ to }}), in the app and in component tests. */
export function startDsfr() {
  startReactDsfr({ defaultColorScheme: "system", Link });
}

declare module "@codegouvfr/react-dsfr/spa" {
  interface RegisterLink {
    Link: typeof Link;
  }
}
