import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { fetchFamilyBox, messagingKeys, type FamilyBox } from "../../api/messaging";
import { Pager, ProblemAlert, UnreadBadge } from "../../components/messaging";
import { frenchDateTime } from "../../format";

const SIZE = 20;

/** « Messages reçus » / « Messages envoyés »: the conversations, newest first, paged, the unread ones marked. */
export function Boite({ box }: { box: FamilyBox }) {
  const [page, setPage] = useState(0);
  const list = useQuery({ queryKey: messagingKeys.box(box, page), queryFn: () => fetchFamilyBox(box, page, SIZE) });
  const title = box === "RECEIVED" ? "Messages reçus" : "Messages envoyés";
  return (
    <section aria-labelledby="boite-titre">
      <Button linkProps={{ to: "/messagerie/nouveau" }} iconId="fr-icon-mail-line" className="fr-mb-4w">Envoyer un message</Button>
      <h2 id="boite-titre">{title}</h2>
      {list.isPending ? <p role="status">Chargement…</p> : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p>{box === "RECEIVED" ? "Vous n'avez reçu aucune réponse pour le moment." : "Vous n'avez envoyé aucun message."}</p>
      ) : (
        <>
          <div className="fr-table">
            <table>
              <caption className="fr-sr-only">{title}, le plus récent en premier</caption>
              <thead>
                <tr><th scope="col">Objet</th><th scope="col">Service</th><th scope="col">Thème</th><th scope="col">Date</th><th scope="col">État</th></tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id} className={item.unread ? "fr-text--bold" : undefined}>
                    <td>
                      <Link to={`/messagerie/conversations/${item.id}`} style={item.unread ? { fontWeight: 700 } : undefined}>
                        {item.subject}
                      </Link>
                      {item.unread && <UnreadBadge />}
                    </td>
                    <td>{item.serviceName}</td>
                    <td>{item.themeName}</td>
                    <td>{frenchDateTime(item.date)}</td>
                    <td>{item.statusLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={list.data.page} size={list.data.size} total={list.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}
