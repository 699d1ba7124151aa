package fr.portailfamille.messaging.conversation;

/** Who wrote a message: the family (one of the dossier's accounts) or an agent of the service. */
public enum AuthorKind {
    FAMILY,
    AGENT
}
