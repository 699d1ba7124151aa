package fr.portailfamille.messaging.conversation;

import fr.portailfamille.events.Topics;
import fr.portailfamille.messaging.MessagingApiSupport;
import fr.portailfamille.platform.uploads.SampleFiles;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.Multipart;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Families write to a service, answer, read their dossier's conversations and download attachments; nobody else's. */
@PortalServiceTest
class FamilyConversationApiTest extends MessagingApiSupport {

    private long conversationsOf(String dossier) {
        return jdbc.sql("select count(*) from conversation where dossier_number = ?").param(dossier)
                .query(Long.class).single();
    }

    private long storedFiles() {
        return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
    }

    @Test
    void a_family_writes_to_a_service_and_finds_it_in_its_sent_messages_and_the_service_is_told_without_the_body() {
        String dossier = newDossier();
        Instant before = Instant.now();

        JsonNode conversation = start(family(dossier), "jeunesse", "Inscriptions", "Centre de loisirs d’été",
                "Bonjour, reste-t-il des places en juillet ?\\nMerci.");

        long id = conversation.get("id").asLong();
        assertThat(conversation.get("serviceName").asString()).isEqualTo("Service Jeunesse");
        assertThat(conversation.get("themeName").asString()).isEqualTo("Inscriptions");
        assertThat(conversation.get("subject").asString()).isEqualTo("Centre de loisirs d’été");
        assertThat(conversation.get("status").asString()).isEqualTo("NEW");
        assertThat(conversation.get("statusLabel").asString()).isEqualTo("Nouveau");
        assertThat(conversation.has("assignedTo")).as("families do not see who handles it").isFalse();
        assertThat(conversation.has("steps")).isFalse();
        JsonNode message = conversation.at("/messages/0");
        assertThat(message.get("from").asString()).isEqualTo("FAMILY");
        assertThat(message.get("body").asString()).isEqualTo("Bonjour, reste-t-il des places en juillet ?\nMerci.");
        assertThat(Instant.parse(message.get("sentAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(message.get("sentAt").asString()).endsWith("Z");

        assertThat(ids(familyBox(family(dossier), "SENT"))).containsExactly(id);
        assertThat(ids(familyBox(family(dossier), "RECEIVED"))).as("no answer yet").isEmpty();
        assertThat(familyUnread(family(dossier))).isZero();

        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.MESSAGING,
                r -> r.value().get("type").asString().equals("fr.portailfamille.messaging.MessageSent")
                        && r.value().at("/data/conversationId").asLong() == id, 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).key()).isEqualTo(dossier);
        JsonNode data = events.get(0).value().get("data");
        assertThat(data.get("serviceCode").asString()).isEqualTo("jeunesse");
        assertThat(data.get("serviceName").asString()).isEqualTo("Service Jeunesse");
        assertThat(data.get("dossierNumber").asString()).isEqualTo(dossier);
        assertThat(data.get("messageSubject").asString()).isEqualTo("Centre de loisirs d’été");
        assertThat(data.get("newConversation").asBoolean()).isTrue();
        assertThat(data.toString()).doesNotContain("places en juillet");
    }

    @Test
    void attachments_of_each_accepted_type_are_kept_and_downloaded_as_attachments_by_the_family_and_the_agent() {
        String dossier = newDossier();

        ApiClient.Response sent = startMultipart(family(dossier), "jeunesse", "Inscriptions", new Multipart()
                .file("attachments", "fiche.pdf", "application/pdf", SampleFiles.pdf())
                .file("attachments", "attestation.odt", "application/octet-stream", SampleFiles.odt())
                .file("attachments", "courrier.docx", "application/octet-stream", SampleFiles.docx()));

        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        JsonNode files = sent.json().at("/messages/0/attachments");
        assertThat(files.valueStream().map(f -> f.get("contentType").asString())).containsExactly("application/pdf",
                "application/vnd.oasis.opendocument.text",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        String path = files.get(0).get("downloadUrl").asString();
        long id = sent.json().get("id").asLong();
        assertThat(path).isEqualTo("/api/messaging/conversations/" + id + "/attachments/" + files.get(0).get("id").asLong());

        HttpResponse<byte[]> download = api().download(path, family(dossier));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(SampleFiles.pdf());
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("fiche.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        HttpResponse<byte[]> byAgent = api().download("/api/messaging/agent/conversations/" + id + "/attachments/"
                + files.get(2).get("id").asLong(), agent("jeunesse"));
        assertThat(byAgent.statusCode()).isEqualTo(200);
        assertThat(byAgent.body()).isEqualTo(SampleFiles.docx());
        assertThat(api().download(path, family(newDossier())).statusCode()).as("another family").isEqualTo(404);
        assertThat(api().download("/api/messaging/conversations/" + id + "/attachments/999999999", family(dossier))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void a_fourth_attachment_is_refused_naming_the_field_and_nothing_is_kept() {
        String dossier = newDossier();
        long filesBefore = storedFiles();

        ApiClient.Response refused = startMultipart(family(dossier), "jeunesse", "Inscriptions", new Multipart()
                .file("attachments", "1.pdf", "application/pdf", SampleFiles.pdf())
                .file("attachments", "2.png", "image/png", SampleFiles.png())
                .file("attachments", "3.jpg", "image/jpeg", SampleFiles.jpeg())
                .file("attachments", "4.pdf", "application/pdf", SampleFiles.pdf()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("attachments");
        assertThat(refused.json().get("detail").asString()).contains("« Pièces jointes »").contains("3 pièces jointes au plus");
        assertThat(conversationsOf(dossier)).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void a_file_of_a_refused_type_gets_415_and_one_over_10_mb_gets_413_and_nothing_is_kept() {
        String dossier = newDossier();
        long filesBefore = storedFiles();

        ApiClient.Response executable = startMultipart(family(dossier), "jeunesse", "Inscriptions", new Multipart()
                .file("attachments", "fiche.pdf", "application/pdf", SampleFiles.pdf())
                .file("attachments", "facture.pdf", "application/pdf", SampleFiles.executable()));
        ApiClient.Response macro = startMultipart(family(dossier), "jeunesse", "Inscriptions", new Multipart()
                .file("attachments", "courrier.docx", "application/octet-stream", SampleFiles.docm()));
        ApiClient.Response tooBig = startMultipart(family(dossier), "jeunesse", "Inscriptions", new Multipart()
                .file("attachments", "scan.pdf", "application/pdf", SampleFiles.pdfOver10Mb()));

        assertThat(executable.status()).isEqualTo(415);
        assertThat(executable.json().get("detail").asString())
                .isEqualTo("Ce type de fichier n’est pas accepté : envoyez un PDF, une image PNG ou JPEG, ou un document ODT ou DOCX.");
        assertThat(macro.status()).as("a Word document with macros").isEqualTo(415);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("detail").asString()).isEqualTo("Le fichier dépasse la taille maximale de 10 Mo.");
        assertThat(conversationsOf(dossier)).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void bad_input_is_refused_with_400_naming_each_field_by_its_french_label() {
        String dossier = newDossier();
        long inscriptions = themeId("jeunesse", "Inscriptions");
        long facture = themeId("facturation", "Facture");

        ApiClient.Response empty = api().post("/api/messaging/conversations", family(dossier), """
                {"service": "jeunesse", "theme": %d, "subject": "  ", "body": ""}""".formatted(inscriptions));
        ApiClient.Response tooLong = api().post("/api/messaging/conversations", family(dossier), """
                {"service": "jeunesse", "theme": %d, "subject": "%s", "body": "%s"}"""
                .formatted(inscriptions, "x".repeat(151), "y".repeat(5001)));
        ApiClient.Response unknownService = api().post("/api/messaging/conversations", family(dossier), """
                {"service": "piscine", "theme": %d, "subject": "Horaires", "body": "Bonjour"}""".formatted(inscriptions));
        ApiClient.Response otherServicesTheme = api().post("/api/messaging/conversations", family(dossier), """
                {"service": "jeunesse", "theme": %d, "subject": "Horaires", "body": "Bonjour"}""".formatted(facture));
        ApiClient.Response noTheme = api().post("/api/messaging/conversations", family(dossier), """
                {"service": "jeunesse", "subject": "Horaires", "body": "Bonjour"}""");
        ApiClient.Response onlyControlCharacters = api().post("/api/messaging/conversations", family(dossier), """
                {"service": "jeunesse", "theme": %d, "subject": "Horaires", "body": "\\u0000\\u0007"}""".formatted(inscriptions));
        ApiClient.Response unreadable = api().post("/api/messaging/conversations", family(dossier), """
                {"service": "jeunesse", "theme": "inscriptions", "subject": "Horaires", "body": "Bonjour"}""");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).contains("« Objet »").contains("« Message »");
        assertThat(empty.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("subject", "body");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).contains("« Objet »").contains("« Message »");
        assertThat(unknownService.status()).isEqualTo(400);
        assertThat(unknownService.json().get("detail").asString()).contains("« Service »");
        assertThat(otherServicesTheme.status()).isEqualTo(400);
        assertThat(otherServicesTheme.json().get("detail").asString())
                .contains("« Thème »").contains("n’est pas un thème du service Service Jeunesse");
        assertThat(noTheme.status()).isEqualTo(400);
        assertThat(noTheme.json().get("detail").asString()).contains("« Thème »");
        assertThat(onlyControlCharacters.status()).isEqualTo(400);
        assertThat(onlyControlCharacters.json().get("detail").asString()).contains("« Message »");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("detail").asString()).contains("« Thème »");
        assertThat(conversationsOf(dossier)).isZero();
    }

    @Test
    void another_familys_conversation_is_not_found_and_nothing_changes() {
        String dossier = newDossier();
        String intruder = family(newDossier());
        long id = start(family(dossier), "enfance", "Tarifs", "Tarif du mercredi", "Quel est le tarif ?").get("id").asLong();

        ApiClient.Response read = api().get("/api/messaging/conversations/" + id, intruder);
        ApiClient.Response answer = familyAnswers(intruder, id, "Je m’immisce.");
        ApiClient.Response unknown = api().get("/api/messaging/conversations/999999999", family(dossier));

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("detail").asString()).isEqualTo("Cette conversation est introuvable.");
        assertThat(unknown.json().get("detail").asString()).as("the same as an unknown id").isEqualTo("Cette conversation est introuvable.");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(messagesOf(id)).isEqualTo(1);
        assertThat(ids(familyBox(intruder, "SENT"))).doesNotContain(id);
        assertThat(api().get("/api/messaging/conversations/" + id, family(dossier)).status()).isEqualTo(200);
    }

    @Test
    void both_guardians_of_a_dossier_see_the_same_conversations_and_each_has_their_own_unread_marks() {
        String dossier = newDossier();
        String claire = family(dossier);
        String marc = otherGuardian(dossier);
        long id = start(claire, "enfance", "Inscriptions", "Inscription de Marie", "Marie entre au CM2.").get("id").asLong();

        assertThat(ids(familyBox(marc, "SENT"))).containsExactly(id);
        ApiClient.Response byMarc = familyAnswers(marc, id, "J’ajoute : elle mange à la cantine.");
        assertThat(byMarc.status()).isEqualTo(201);
        assertThat(byMarc.json().get("messages").valueStream().map(m -> m.get("authorName").asString()))
                .containsExactly("Famille " + dossier, "Marc DURAND");

        agentAnswers(agent("enfance"), id, "C’est noté.");
        assertThat(familyUnread(claire)).isEqualTo(1);
        assertThat(familyUnread(marc)).isEqualTo(1);
        api().get("/api/messaging/conversations/" + id, marc);
        assertThat(familyUnread(marc)).isZero();
        assertThat(familyUnread(claire)).as("Claire has not opened it").isEqualTo(1);
        assertThat(familyBox(claire, "RECEIVED").at("/items/0/unread").asBoolean()).isTrue();
        assertThat(familyBox(marc, "RECEIVED").at("/items/0/unread").asBoolean()).isFalse();
    }

    @Test
    void staff_do_not_use_the_familys_side_and_an_account_without_dossier_cannot_write() {
        String withoutDossier = keycloak.token(new fr.portailfamille.testsupport.TestKeycloak.Persona("sans-dossier",
                "sans.dossier", "Sans Dossier", "sans@example.test", List.of("famille"), null, List.of()));

        ApiClient.Response byAgent = api().post("/api/messaging/conversations", agent("jeunesse"), """
                {"service": "jeunesse", "theme": %d, "subject": "Test", "body": "Test"}"""
                .formatted(themeId("jeunesse", "Inscriptions")));
        ApiClient.Response noDossier = api().post("/api/messaging/conversations", withoutDossier, """
                {"service": "jeunesse", "theme": %d, "subject": "Test", "body": "Test"}"""
                .formatted(themeId("jeunesse", "Inscriptions")));

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(noDossier.status()).isEqualTo(403);
        assertThat(noDossier.json().get("detail").asString()).contains("rattaché à aucun dossier");
        assertThat(api().get("/api/messaging/unread-count", agent("jeunesse")).status()).isEqualTo(403);
        assertThat(api().get("/api/messaging/unread-count", null).status()).isEqualTo(401);
    }
}
