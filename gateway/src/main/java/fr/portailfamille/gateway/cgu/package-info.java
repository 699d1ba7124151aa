/**
 * The CGU gate (issue 13, item 10; docs/adr/008-cgu-gate.md): a family that has not accepted the
 * terms of use in force gets 403 {@code cgu-a-accepter} from every service's API but identity-service's
 * (its account, the CGU themselves, its password and address), whatever the client: the web app, or
 * anything that holds the family's token. The gateway asks identity-service, with the family's own
 * relayed token, and remembers a « yes » for a few minutes; identity-service unreachable is a 503,
 * never a call let through unchecked.
 */
package fr.portailfamille.gateway.cgu;
