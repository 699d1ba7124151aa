package fr.portailfamille.messaging.template;

import fr.portailfamille.messaging.conversation.MessageText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A template as an agent writes it: a title (100 characters at most) and the answer's text (as long as a message). */
public record TemplateText(@NotBlank @Size(max = 100) String title,
                           @NotBlank @Size(max = MessageText.BODY_MAX) String body) {
}
