/**
 * Reading other services' events off Kafka: what every listener of dossier-service does before it
 * looks at the event's type (the listeners themselves live with their feature: document, linking).
 */
package fr.portailfamille.dossier.events;
