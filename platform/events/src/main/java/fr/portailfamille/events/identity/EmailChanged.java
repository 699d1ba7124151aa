package fr.portailfamille.events.identity;

/**
 * An account's e-mail changed (the new address was confirmed): the old address ({@code email}
 * here) is told, in case the change was not the family's.
 */
public record EmailChanged(
        String username,
        String email,
        String firstName,
        String lastName,
        String newEmail) implements AccountHolderEvent {
}
