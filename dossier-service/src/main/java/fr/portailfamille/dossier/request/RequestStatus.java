package fr.portailfamille.dossier.request;

import java.util.Set;

/**
 * Where a request stands. Envoyée → En cours de traitement → Acceptée or Refusée; a family may
 * cancel it while it is Envoyée. Acceptée, Refusée and Annulée are final.
 */
public enum RequestStatus {
    SUBMITTED("Envoyée"),
    IN_PROGRESS("En cours de traitement"),
    ACCEPTED("Acceptée"),
    REFUSED("Refusée"),
    CANCELLED("Annulée");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canBecome(RequestStatus next) {
        return switch (this) {
            case SUBMITTED -> Set.of(IN_PROGRESS, ACCEPTED, REFUSED, CANCELLED).contains(next);
            case IN_PROGRESS -> Set.of(ACCEPTED, REFUSED).contains(next);
            case ACCEPTED, REFUSED, CANCELLED -> false;
        };
    }
}
