import { usePageTitle } from "../usePageTitle";

export function Cgu() {
  usePageTitle("Conditions générales d'utilisation");
  return (
    <>
      <h1>Conditions générales d'utilisation</h1>
      <p>Les conditions générales d'utilisation du portail seront publiées ici.</p>
    </>
  );
}

export function NotFound() {
  usePageTitle("Page introuvable");
  return (
    <>
      <h1>Page introuvable</h1>
      <p>La page que vous cherchez n'existe pas ou a été déplacée.</p>
      <p><a className="fr-link" href="/">Revenir à l'accueil</a></p>
    </>
  );
}
