/** Reading every portal event from Kafka and turning those with a template into one e-mail each; retries and the dead-letter topic. */
package fr.portailfamille.notification.consumer;
