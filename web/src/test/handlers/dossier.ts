// The dossier service's endpoints, one handler each, named as in api/dossier.ts: each answers `answer`
// (a body sent as JSON, or a resolver).
import { http } from "msw";
import { resolverOf, type Answer } from "../server";

const DOSSIERS = "/api/dossier/dossiers";

export const dossier = {
  /* Dossiers (agents) */
  searchDossiers: (answer: Answer) => http.get(DOSSIERS, resolverOf(answer)),
  createDossier: (answer: Answer) => http.post(DOSSIERS, resolverOf(answer)),
  dossier: (number: string, answer: Answer) => http.get(`${DOSSIERS}/${number}`, resolverOf(answer)),
  issueNewAccessKey: (number: string, answer: Answer) => http.post(`${DOSSIERS}/${number}/access-key`, resolverOf(answer)),

  /* Requests (démarches) */
  requests: (number: string, answer: Answer) => http.get(`${DOSSIERS}/${number}/requests`, resolverOf(answer)),
  submitRequest: (number: string, answer: Answer) => http.post(`${DOSSIERS}/${number}/requests`, resolverOf(answer)),
  cancelRequest: (id: number, answer: Answer) => http.post(`/api/dossier/requests/${id}/cancel`, resolverOf(answer)),

  /* Children */
  children: (number: string, answer: Answer) => http.get(`${DOSSIERS}/${number}/children`, resolverOf(answer)),
  addChild: (number: string, answer: Answer) => http.post(`${DOSSIERS}/${number}/children`, resolverOf(answer)),

  /* Guardians */
  guardians: (number: string, answer: Answer) => http.get(`${DOSSIERS}/${number}/guardians`, resolverOf(answer)),
  addGuardian: (number: string, answer: Answer) => http.post(`${DOSSIERS}/${number}/guardians`, resolverOf(answer)),
  changeContactDetails: (number: string, guardianId: number, answer: Answer) =>
    http.put(`${DOSSIERS}/${number}/guardians/${guardianId}/contact-details`, resolverOf(answer)),

  /* Documents */
  documents: (number: string, answer: Answer) => http.get(`${DOSSIERS}/${number}/documents`, resolverOf(answer)),
  publishDocument: (number: string, answer: Answer) => http.post(`${DOSSIERS}/${number}/documents`, resolverOf(answer)),
};
