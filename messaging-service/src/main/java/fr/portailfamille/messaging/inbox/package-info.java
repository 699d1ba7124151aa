/** Listings: the family's « Messages reçus » / « Messages envoyés » and unread count; the agents' inboxes per service (Non attribués, Les miens, Tous; filters, search) and unread counts. Read-only SQL. */
package fr.portailfamille.messaging.inbox;
