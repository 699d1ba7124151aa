/** The delivery log: one row per e-mail of an event, so that none is sent twice, with its attempts and failures. */
package fr.portailfamille.notification.delivery;
