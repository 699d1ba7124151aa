package fr.portailfamille.events.identity;

/** An account's password was changed (through a reset link); every session of it was ended. */
public record PasswordChanged(
        String username,
        String email,
        String firstName,
        String lastName) implements AccountHolderEvent {
}
