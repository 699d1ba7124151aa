/** The French e-mail templates (Thymeleaf, HTML and text) picked by event type, and their rendering with Paris dates. */
package fr.portailfamille.notification.template;
