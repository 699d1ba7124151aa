package fr.portailfamille.dossier.contact;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.events.Topics;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Changing the dossier's contact e-mail tells the previous address too (ContactEmailChanged), the new one masked. */
@PortalServiceTest
class ContactEmailChangedApiTest extends DossierApiSupport {

    @Autowired
    JdbcClient jdbc;

    private static JsonNode emailChanged(String number, int count) {
        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.DOSSIER, r -> number.equals(r.key())
                && r.value().get("type").asString().equals("fr.portailfamille.dossier.ContactEmailChanged"), count,
                Duration.ofSeconds(30));
        assertThat(events).hasSize(count);
        return events.get(count - 1).value();
    }

    private long outboxEvents(String number, String type) {
        return jdbc.sql("select count(*) from outbox_event where event_key = :n and event_type = :t")
                .param("n", number).param("t", "fr.portailfamille.dossier." + type).query(Long.class).single();
    }

    @Test
    void the_previous_address_is_told_with_the_new_one_masked_and_who_changed_it() {
        String number = dossier();

        ApiClient.Response byFamily = api().put("/api/dossier/dossiers/" + number + "/contact-details",
                keycloak.family(number), """
                {"email":"claire.nouvelle@exemple-mail.fr","phone":"06 12 34 56 78"}""");

        assertThat(byFamily.status()).as(byFamily.toString()).isEqualTo(200);
        JsonNode event = emailChanged(number, 1);
        assertThat(event.get("source").asString()).isEqualTo("/portail-famille/dossier-service");
        JsonNode data = event.get("data");
        assertThat(data.get("previousEmail").asString()).isEqualTo("durand." + number + "@example.test");
        assertThat(data.get("maskedNewEmail").asString()).isEqualTo("cl•••@e•••.fr");
        assertThat(data.get("familyName").asString()).isEqualTo("DURAND");
        assertThat(data.get("changedByAgent").asBoolean()).isFalse();
        assertThat(data.toString()).as("the new address never reaches the previous one")
                .doesNotContain("claire.nouvelle", "exemple-mail");

        ApiClient.Response byAgent = api().put("/api/dossier/dossiers/" + number + "/contact-details",
                keycloak.agent("jeunesse"), """
                {"email":"paul@example.test"}""");

        assertThat(byAgent.status()).as(byAgent.toString()).isEqualTo(200);
        JsonNode second = emailChanged(number, 2).get("data");
        assertThat(second.get("previousEmail").asString()).isEqualTo("claire.nouvelle@exemple-mail.fr");
        assertThat(second.get("maskedNewEmail").asString()).isEqualTo("p•••@e•••.test");
        assertThat(second.get("changedByAgent").asBoolean()).isTrue();
    }

    @Test
    void the_same_address_in_other_letters_or_a_new_phone_alone_tells_nobody_else() {
        String number = dossier();

        ApiClient.Response response = api().put("/api/dossier/dossiers/" + number + "/contact-details",
                keycloak.family(number), """
                {"email":"DURAND.%s@Example.test","phone":"06 98 76 54 32"}""".formatted(number));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(outboxEvents(number, "ContactDetailsChanged")).isEqualTo(1);
        assertThat(outboxEvents(number, "ContactEmailChanged")).isZero();
    }

    @Test
    void guardian_1_s_address_becomes_the_dossier_s_and_the_previous_one_is_told_each_time() {
        String number = dossier();
        ApiClient.Response added = api().post("/api/dossier/dossiers/" + number + "/guardians", keycloak.agent("jeunesse"),
                """
                {"civility":"MADAME","firstName":"Claire","lastName":"DURAND","email":"claire.%s@example.test"}"""
                        .formatted(number));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode onAdding = emailChanged(number, 1).get("data");
        assertThat(onAdding.get("previousEmail").asString()).isEqualTo("durand." + number + "@example.test");
        assertThat(onAdding.get("changedByAgent").asBoolean()).isTrue();

        ApiClient.Response changed = api().put("/api/dossier/dossiers/" + number + "/guardians/"
                + added.json().get("id").asLong() + "/contact-details", keycloak.family(number), """
                {"email":"c.durand@mail.example.org"}""");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode data = emailChanged(number, 2).get("data");
        assertThat(data.get("previousEmail").asString()).isEqualTo("claire." + number + "@example.test");
        assertThat(data.get("maskedNewEmail").asString()).isEqualTo("c.•••@m•••.org");
        assertThat(data.get("changedByAgent").asBoolean()).isFalse();
    }

    @Test
    void masks_keep_a_letter_or_two_and_the_domain_s_ending() {
        assertThat(fr.portailfamille.dossier.contactdetails.MaskedEmails.mask("claire.durand@example.fr")).isEqualTo("cl•••@e•••.fr");
        assertThat(fr.portailfamille.dossier.contactdetails.MaskedEmails.mask("ab@example.fr")).isEqualTo("a•••@e•••.fr");
        assertThat(fr.portailfamille.dossier.contactdetails.MaskedEmails.mask("x@localhost")).isEqualTo("x•••@l•••");
        assertThat(fr.portailfamille.dossier.contactdetails.MaskedEmails.mask("pas-une-adresse")).isEqualTo("•••");
    }
}
