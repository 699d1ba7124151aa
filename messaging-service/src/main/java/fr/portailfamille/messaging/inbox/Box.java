package fr.portailfamille.messaging.inbox;

/** Which of a service's conversations an agent lists. */
public enum Box {
    /** « Non attribués »: nobody took them. */
    UNASSIGNED,
    /** « Les miens »: taken or answered by this agent. */
    MINE,
    /** « Tous ». */
    ALL
}
