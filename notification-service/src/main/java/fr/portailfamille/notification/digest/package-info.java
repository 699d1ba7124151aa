/** The agents' digest of the families' new messages: MessageSent events collected, one mail per agent of the service and interval. */
package fr.portailfamille.notification.digest;
