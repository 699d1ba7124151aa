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

    @Test
    void a_nested_field_is_named_by_its_most_precise_label() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("field.postcode", Problems.FRENCH, "Code postal");
        messages.addMessage("field.billing.postcode", Problems.FRENCH, "Code postal de facturation");
        messages.addMessage("field.phone", Problems.FRENCH, "Téléphone");
        Problems problems = new Problems(messages);

        assertThat(problems.label("address.postcode")).isEqualTo("Code postal");
        assertThat(problems.label("billing.postcode")).isEqualTo("Code postal de facturation");
        assertThat(problems.label("dossier.billing.postcode")).isEqualTo("Code postal de facturation");
        assertThat(problems.label("guardians[0].phone")).isEqualTo("Téléphone");
        assertThat(problems.label("guardians[0].email")).isEqualTo("guardians[0].email");
    }

    @Test
    void a_constraint_on_a_field_can_have_its_own_sentence_found_like_the_label() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("field.civility.NotNull", Problems.FRENCH, "Choisissez une civilité.");
        Problems problems = new Problems(messages);

        assertThat(problems.fieldMessage("civility", "NotNull")).isEqualTo("Choisissez une civilité.");
        assertThat(problems.fieldMessage("guardians[1].civility", "NotNull")).isEqualTo("Choisissez une civilité.");
        assertThat(problems.fieldMessage("civility", "Size")).isNull();
        assertThat(problems.fieldMessage("lastName", "NotNull")).isNull();
        assertThat(problems.constraintMessage("NotNull")).as("the platform's wording").isEqualTo("est obligatoire");
        assertThat(problems.constraintMessage("Size")).isNull();
    }
}
