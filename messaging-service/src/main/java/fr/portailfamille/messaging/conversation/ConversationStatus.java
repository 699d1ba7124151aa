package fr.portailfamille.messaging.conversation;

/**
 * Where a conversation stands for its service. Nouveau (a family wrote, nobody took it) → En cours (an
 * agent took it, or the family wrote again after an answer) → Répondu (an agent answered) → Clos (an
 * agent closed it). A family's message reopens a closed conversation; a transfer makes it Nouveau for
 * the new service.
 */
public enum ConversationStatus {
    NEW("Nouveau"),
    IN_PROGRESS("En cours"),
    ANSWERED("Répondu"),
    CLOSED("Clos");

    private final String label;

    ConversationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
