package fr.portailfamille.messaging.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A family's first message: the service (its code), the theme (its id), the « Objet » and the message;
 * attachments come beside it (multipart field {@code attachments}, up to three).
 */
public record NewConversation(
        @NotBlank String service,
        @NotNull Long theme,
        @NotBlank @Size(max = MessageText.SUBJECT_MAX) String subject,
        @NotBlank @Size(max = MessageText.BODY_MAX) String body) {
}
