/** Requests (démarches): filed by families (optional attachment), taken, accepted or refused by agents, cancelled while « Envoyée »; their history and status e-mails. */
package fr.portailfamille.dossier.request;
