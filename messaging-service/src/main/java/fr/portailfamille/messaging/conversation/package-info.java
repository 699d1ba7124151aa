/** Conversations between a family's dossier and a service: starting, answering (with attachments), reading, and the agents' take, transfer and close; events MessageSent and MessageReplied. */
package fr.portailfamille.messaging.conversation;
