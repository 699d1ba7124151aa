/** Answer templates (« réponses types ») per service: written, changed and deleted by the service's agents, listed for them to pick. */
package fr.portailfamille.messaging.template;
