package fr.portailfamille.messaging.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An answer in a conversation (family or agent); attachments come beside it (multipart field {@code attachments}). */
public record NewMessage(@NotBlank @Size(max = MessageText.BODY_MAX) String body) {
}
