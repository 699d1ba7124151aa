// The dossier service: dossiers, their guardians, children, requests (démarches) and documents.
import { getJson, send, sendForm } from "./http";

/** The query keys of the dossier service, for every useQuery and invalidation. */
export const dossierKeys = {
  all: ["dossier"] as const,
  search: (query: string, page: number) => [...dossierKeys.all, "search", query, page] as const,
  dossier: (number: string) => [...dossierKeys.all, "dossiers", number] as const,
  requests: (number: string) => [...dossierKeys.all, "requests", number] as const,
  children: (number: string) => [...dossierKeys.all, "children", number] as const,
  guardians: (number: string) => [...dossierKeys.all, "guardians", number] as const,
  documents: (number: string) => [...dossierKeys.all, "documents", number] as const,
};

export type Civility = "MADAME" | "MONSIEUR";

export type Child = {
  id: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  school: string | null;
  className: string | null;
  activities: string[];
};

export type RequestStatus = "SUBMITTED" | "IN_PROGRESS" | "ACCEPTED" | "REFUSED" | "CANCELLED";

export type RequestStep = { status: RequestStatus; statusLabel: string; comment: string | null; changedAt: string };

export type DossierRequest = {
  id: number;
  type: string;
  typeLabel: string;
  status: RequestStatus;
  statusLabel: string;
  description: string | null;
  createdAt: string;
  history: RequestStep[];
  /** The file the family attached when filing it, if any. */
  attachment: RequestAttachment | null;
};

export type RequestAttachment = { fileName: string; contentType: string; size: number; downloadUrl: string };

export type DossierHit = { number: string; familyName: string; children: string[]; openRequests: number };
export type SearchResults = { items: DossierHit[]; page: number; size: number; total: number };
export type Dossier = {
  number: string;
  familyName: string;
  email: string;
  phone: string | null;
  linkingLockedUntil?: string;
};

/** What a family keeps up to date itself; an empty field is sent as null. */
export type ContactDetails = {
  email: string | null;
  mobilePhone: string | null;
  homePhone: string | null;
  workPhone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postcode: string | null;
  city: string | null;
};

/** A guardian (responsable légal) of a dossier; phones in E.164 (« +33612345678 »). */
export type Guardian = ContactDetails & {
  id: number;
  civility: Civility;
  civilityLabel: string;
  firstName: string;
  lastName: string;
  updatedAt: string;
};

export type NewGuardian = ContactDetails & { civility: Civility; firstName: string; lastName: string };

export type DocumentType = "ATTESTATION" | "REGLEMENT" | "FORMULAIRE" | "FACTURE" | "AUTRE";

export type DossierDocument = {
  id: number;
  type: DocumentType;
  typeLabel: string;
  title: string;
  fileName: string;
  contentType: string;
  size: number;
  publishedAt: string;
  downloadUrl: string;
};

export type NewDossier = { number: string; familyName: string; email: string; phone: string | null };
/** The answer to a dossier's creation: the only time its access key is given. */
export type CreatedDossier = Dossier & { accessKey: string };
/** A new access key an agent issued: given this once, the old key no longer works. */
export type NewAccessKey = { number: string; accessKey: string };

export type NewChild = {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  school: string | null;
  className: string | null;
  activities: string[];
};

const dossierUrl = (dossier: string) => `/api/dossier/dossiers/${encodeURIComponent(dossier)}`;

/* ----- Dossiers (agents) ----- */

export const searchDossiers = (query: string, page: number) =>
  getJson<SearchResults>(`/api/dossier/dossiers?q=${encodeURIComponent(query)}&page=${page}&size=20`);
export const fetchDossier = (number: string) => getJson<Dossier>(dossierUrl(number));
export const createDossier = (dossier: NewDossier) => send<CreatedDossier>("POST", "/api/dossier/dossiers", dossier);
export const issueNewAccessKey = (number: string) => send<NewAccessKey>("POST", `${dossierUrl(number)}/access-key`);

/* ----- Requests (démarches) ----- */

export const fetchRequests = (dossier: string) => getJson<DossierRequest[]>(`${dossierUrl(dossier)}/requests`);
/** A new request: JSON, or multipart/form-data when the family attaches a file. */
export function submitRequest(dossier: string, request: { type: string; description: string; file?: File | null }) {
  const url = `${dossierUrl(dossier)}/requests`;
  if (!request.file) {
    return send<DossierRequest>("POST", url, { type: request.type, description: request.description });
  }
  const form = new FormData();
  form.append("type", request.type);
  form.append("description", request.description);
  form.append("file", request.file);
  return sendForm<DossierRequest>(url, form);
}
export const cancelRequest = (id: number) => send<DossierRequest>("POST", `/api/dossier/requests/${id}/cancel`);
export const decideRequest = (id: number, action: "take" | "accept" | "refuse", comment?: string) =>
  send<DossierRequest>("POST", `/api/dossier/requests/${id}/${action}`, action === "take" ? undefined : { comment: comment ?? "" });

/* ----- Children ----- */

export const fetchChildren = (dossier: string) => getJson<Child[]>(`${dossierUrl(dossier)}/children`);
export const addChild = (dossier: string, child: NewChild) => send<Child>("POST", `${dossierUrl(dossier)}/children`, child);

/* ----- Guardians and their contact details ----- */

export const fetchGuardians = (dossier: string) => getJson<Guardian[]>(`${dossierUrl(dossier)}/guardians`);
export const addGuardian = (dossier: string, guardian: NewGuardian) =>
  send<Guardian>("POST", `${dossierUrl(dossier)}/guardians`, guardian);
export const changeContactDetails = (dossier: string, guardianId: number, contact: ContactDetails) =>
  send<Guardian>("PUT", `${dossierUrl(dossier)}/guardians/${guardianId}/contact-details`, contact);

/* ----- Documents ----- */

export const fetchDocuments = (dossier: string) => getJson<DossierDocument[]>(`${dossierUrl(dossier)}/documents`);
export function publishDocument(dossier: string, document: { type: string; title: string; file: File | null }) {
  const form = new FormData();
  form.append("type", document.type);
  form.append("title", document.title);
  if (document.file) {
    form.append("file", document.file);
  }
  return sendForm<DossierDocument>(`${dossierUrl(dossier)}/documents`, form);
}
