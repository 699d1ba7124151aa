package fr.portailfamille.messaging.inbox;

/** A family's mailbox: « Messages reçus » (conversations a service answered) or « Messages envoyés » (the family's). */
public enum FamilyBox {
    RECEIVED,
    SENT
}
