package fr.portailfamille.messaging.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A conversation sent to another service: its code, optionally the theme there (else the one of the same
 * name), and a note for its agents (the family does not read it).
 */
public record Transfer(
        @NotBlank String service,
        Long theme,
        @NotBlank @Size(max = MessageText.NOTE_MAX) String note) {
}
