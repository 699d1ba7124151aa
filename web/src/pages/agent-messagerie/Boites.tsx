import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import {
  STATUS_LABELS, fetchAgentInbox, fetchAgentUnread, fetchCatalogue, messagingKeys, type AgentBox, type AgentQuery,
  type ConversationStatus,
} from "../../api/messaging";
import { Pager, ProblemAlert, UnreadBadge } from "../../components/messaging";
import { frenchDateTime } from "../../format";
import { useSession } from "../../session";
import { AGENT_MESSAGING, AgentMessageriePage } from "./AgentMessageriePage";
import { isAdmin } from "./Catalogue";

/** The Messagerie's other pages: the services' « réponses types », and for admins the catalogue. */
function Tools() {
  const { me } = useSession();
  return (
    <nav aria-label="Gérer la messagerie" className="fr-mb-4w">
      <ul className="fr-links-group">
        <li><Link className="fr-link" to={`${AGENT_MESSAGING}/reponses-types`}>Réponses types</Link></li>
        {isAdmin(me) && (
          <li>
            <Link className="fr-link" to={`${AGENT_MESSAGING}/catalogue`}>
              Catalogue des services
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

const BOXES: { box: AgentBox; label: string }[] = [
  { box: "UNASSIGNED", label: "Non attribués" }, { box: "MINE", label: "Les miens" }, { box: "ALL", label: "Tous" },
];

/** The agent's inbox: their services and counts, « Non attribués » / « Les miens » / « Tous », filters, search. */
export function Boites() {
  const services = useQuery({ queryKey: messagingKeys.agentUnread(), queryFn: fetchAgentUnread });
  const catalogue = useQuery({ queryKey: messagingKeys.catalogue(), queryFn: fetchCatalogue, staleTime: 300_000 });
  const [query, setQuery] = useState<AgentQuery>({ box: "UNASSIGNED", page: 0 });
  const [search, setSearch] = useState("");
  const service = query.service ?? services.data?.[0]?.serviceCode;
  const effective: AgentQuery = { ...query, service };
  const inbox = useQuery({ queryKey: messagingKeys.agentInbox(effective), queryFn: () => fetchAgentInbox(effective),
    enabled: services.isSuccess });
  const themes = catalogue.data?.find((s) => s.code === service)?.themes ?? [];
  const change = (changes: Partial<AgentQuery>) => setQuery((q) => ({ ...q, service, page: 0, ...changes }));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    change({ q: search.trim() || undefined });
  };
  const boxLabel = BOXES.find((b) => b.box === query.box)!.label;

  return (
    <AgentMessageriePage title="Messagerie" lead="Les messages des familles aux services dont vous faites partie.">
      <Tools />
      {services.isPending ? <p role="status">Chargement…</p> : services.isError ? (
        <ProblemAlert error={services.error} />
      ) : services.data.length === 0 ? (
        <p>Vous ne faites partie d'aucun service de la messagerie.</p>
      ) : (
        <>
          <section aria-labelledby="services-titre">
            <h2 id="services-titre" className="fr-h4">Mes services</h2>
            <ul className="fr-btns-group fr-btns-group--inline-md">
              {services.data.map((s) => (
                <li key={s.serviceCode}>
                  <Button priority={s.serviceCode === service ? "primary" : "secondary"}
                    nativeButtonProps={{ "aria-pressed": s.serviceCode === service }}
                    onClick={() => change({ service: s.serviceCode, theme: undefined })}>
                    {`${s.serviceName} — ${s.unread} non lu${s.unread > 1 ? "s" : ""}, ${s.unassigned} non attribué${s.unassigned > 1 ? "s" : ""}`}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
          <nav aria-label="Boîtes">
            <ul className="fr-btns-group fr-btns-group--inline-sm">
              {BOXES.map((b) => (
                <li key={b.box}>
                  <Button priority={b.box === query.box ? "primary" : "tertiary"}
                    nativeButtonProps={{ "aria-pressed": b.box === query.box }} onClick={() => change({ box: b.box })}>
                    {b.label}
                  </Button>
                </li>
              ))}
            </ul>
          </nav>
          <form onSubmit={onSearch} className="fr-grid-row fr-grid-row--gutters fr-mb-2w" aria-label="Filtrer les conversations">
            <div className="fr-col-12 fr-col-md-3">
              <Select label="Thème" nativeSelectProps={{ value: query.theme === undefined ? "" : String(query.theme),
                onChange: (e) => change({ theme: e.target.value ? Number(e.target.value) : undefined }) }}>
                <option value="">Tous les thèmes</option>
                {themes.map((t) => <option key={t.id} value={String(t.id)}>{t.name}</option>)}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-3">
              <Select label="Statut" nativeSelectProps={{ value: query.status ?? "",
                onChange: (e) => change({ status: (e.target.value || undefined) as ConversationStatus | undefined }) }}>
                <option value="">Tous les statuts</option>
                {(Object.keys(STATUS_LABELS) as ConversationStatus[]).map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Input label="Numéro de dossier ou nom de la famille"
                nativeInputProps={{ value: search, type: "search", onChange: (e) => setSearch(e.target.value) }} />
            </div>
            <div className="fr-col-12 fr-col-md-2" style={{ alignSelf: "flex-end" }}>
              <Button type="submit">Rechercher</Button>
            </div>
          </form>
          <h2 className="fr-h4">{boxLabel}</h2>
          {inbox.isPending ? <p role="status">Chargement…</p> : inbox.isError ? (
            <ProblemAlert error={inbox.error} />
          ) : inbox.data.items.length === 0 ? (
            <p role="status">Aucune conversation.</p>
          ) : (
            <>
              <div className="fr-table">
                <table>
                  <caption className="fr-sr-only">{boxLabel}, le plus récent en premier</caption>
                  <thead>
                    <tr>
                      <th scope="col">Objet</th><th scope="col">Dossier</th><th scope="col">Famille</th><th scope="col">Thème</th>
                      <th scope="col">Statut</th><th scope="col">Pris en charge par</th><th scope="col">Dernier message</th>
                    </tr>
                  </thead>
                  <tbody>
                    {inbox.data.items.map((item) => (
                      <tr key={item.id}>
                        <td>
                          <Link to={`${AGENT_MESSAGING}/conversations/${item.id}`} style={item.unread ? { fontWeight: 700 } : undefined}>
                            {item.subject}
                          </Link>
                          {item.unread && <UnreadBadge />}
                        </td>
                        <td><Link to={`/agent/dossiers/${encodeURIComponent(item.dossierNumber)}`}>{item.dossierNumber}</Link></td>
                        <td>{item.familyName ?? "—"}</td>
                        <td>{item.themeName}</td>
                        <td>{item.statusLabel}</td>
                        <td>{item.assignedName ?? "Personne"}</td>
                        <td>{frenchDateTime(item.lastMessageAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={inbox.data.page} size={inbox.data.size} total={inbox.data.total} onPage={(page) => setQuery((q) => ({ ...q, service, page }))} />
            </>
          )}
        </>
      )}
    </AgentMessageriePage>
  );
}
