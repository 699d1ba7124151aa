import { usePageTitle } from "../../usePageTitle";

/** What anyone but an agent sees of the agents' pages. */
export function Refused() {
  usePageTitle("Accès refusé");
  return (
    <>
      <h1>Accès refusé</h1>
      <p>Cette page est réservée aux agents de la collectivité.</p>
    </>
  );
}
