package fr.portailfamille.events.identity;

/** A family deleted its account (the dossier stays); the address it had is told. */
public record AccountDeleted(
        String username,
        String email,
        String firstName,
        String lastName,
        String dossierNumber) implements AccountHolderEvent {
}
