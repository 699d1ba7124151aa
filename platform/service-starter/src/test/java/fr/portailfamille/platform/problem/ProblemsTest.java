package fr.portailfamille.platform.problem;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation details name a field as people call it when the service says how (field.<name>), else by its name. */
class ProblemsTest {

    @Test
    void a_field_is_named_by_its_french_label_when_the_service_gives_one() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("field.subject", Problems.FRENCH, "Objet");
        messages.addMessage("field.attachments", Problems.FRENCH, "Pièces jointes");
        Problems problems = new Problems(messages);

        assertThat(problems.label("subject")).isEqualTo("Objet");
        assertThat(problems.label("attachments[3]")).isEqualTo("Pièces jointes");
        assertThat(problems.label("email")).as("no label: the field's own name").isEqualTo("email");
        assertThat(new Problems(null).label("subject")).isEqualTo("subject");
    }
}
