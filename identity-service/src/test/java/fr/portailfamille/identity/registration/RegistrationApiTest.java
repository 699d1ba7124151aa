package fr.portailfamille.identity.registration;

import fr.portailfamille.events.Topics;
import fr.portailfamille.platform.text.Sha256;
import fr.portailfamille.platform.web.ClientAddress;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.FieldLabels;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * « Ma première connexion » against the real Keycloak of deploy/keycloak (its distribution started
 * by test-support), real PostgreSQL and Kafka; dossier-service's answer is chosen per test.
 */
@PortalServiceTest
class RegistrationApiTest {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    private static final DossierServiceStub DOSSIER = new DossierServiceStub();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @DynamicPropertySource
    static void keycloakAndDossier(DynamicPropertyRegistry registry) {
        registry.add("portal.keycloak.url", KEYCLOAK::url);
        registry.add("portal.services.dossier-url", DOSSIER::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void dossierAnswersAgain() {
        DOSSIER.answer.set(DossierServiceStub.Answer.MATCH);
    }

    private ApiClient api() {
        return ApiClient.local(port);
    }

    private static String uniqueUser() {
        return "famille" + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet();
    }

    private static String personal(String username, String password) {
        return """
                {"civility":"MADAME","lastName":"DURAND","firstName":"Claire","email":"%s@example.test",
                 "phone":"06 12 34 56 78","username":"%s","password":"%s","passwordConfirmation":"%s"}"""
                .formatted(username, username, password, password);
    }

    private String start(String username) {
        ApiClient.Response started = api().post("/api/identity/registrations", null,
                personal(username, "Vacances-Prades-2026"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    private ApiClient.Response dossier(String id) {
        return api().put("/api/identity/registrations/" + id + "/dossier", null, """
                {"dossierNumber":"6000","accessKey":"K7PX2M9Q","familyName":"Durand"}""");
    }

    private ApiClient.Response acceptCgu(String id) {
        return api().send(api().request("/api/identity/registrations/" + id + "/cgu", null)
                .header("Content-Type", "application/json").header(ClientAddress.HEADER, "203.0.113.7")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":\"2026-01\",\"accepted\":true}")));
    }

    /** A draft at « Vérifiez vos informations ». */
    private String reviewed(String username) {
        String id = start(username);
        assertThat(dossier(id).status()).isEqualTo(200);
        assertThat(acceptCgu(id).status()).isEqualTo(200);
        return id;
    }

    private String activationUrl(String username) {
        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.IDENTITY, r -> username.equals(r.key())
                && r.value().get("type").asString().endsWith("AccountActivationRequested"), 1, Duration.ofSeconds(30));
        return events.get(events.size() - 1).value().at("/data/activationUrl").asString();
    }

    private long accounts(String username) {
        return jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void a_family_registers_step_by_step_then_activates_its_account_with_the_link_once() {
        String username = uniqueUser();
        String id = start(username);

        ApiClient.Response checked = dossier(id);
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.json().get("step").asString()).isEqualTo("CGU");
        assertThat(DOSSIER.lastAuthorization.get()).as("identity-service's own service-account token").startsWith("Bearer ey");
        assertThat(DOSSIER.lastBody.get()).contains("\"accessKey\":\"K7PX2M9Q\"", "\"number\":\"6000\"");
        ApiClient.Response cgu = api().get("/api/identity/cgu/current", null);
        assertThat(cgu.json().get("version").asString()).isEqualTo("2026-01");
        assertThat(cgu.json().get("text").asString()).contains("Votre compte est personnel");
        assertThat(acceptCgu(id).json().get("step").asString()).isEqualTo("REVIEW");

        ApiClient.Response submitted = api().post("/api/identity/registrations/" + id + "/submit", null, "");

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().get("step").asString()).isEqualTo("SUBMITTED");
        JsonNode user = KEYCLOAK.findUser(username).orElseThrow();
        assertThat(user.get("enabled").asBoolean()).as("disabled until activated").isFalse();
        assertThat(user.at("/attributes/dossier/0").asString()).isEqualTo("6000");
        assertThat(KEYCLOAK.realmRoles(user.get("id").asString())).contains("famille");
        assertThat(jdbc.sql("select cgu_accepted_ip from account where username = :u").param("u", username)
                .query(String.class).single()).isEqualTo("203.0.113.7");
        assertThat(jdbc.sql("select password_encrypted from registration where id = :id").param("id", id)
                .query(String.class).optional()).as("the password is erased once the account exists").isEmpty();

        String holder = uniqueUser();
        KEYCLOAK.createFamilyAccount(holder, "Premier-Compte-6000", "6000");
        String url = activationUrl(username);
        assertThat(url).startsWith("http://localhost:8080/activation/");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(token).hasSize(43);
        ApiClient.Response activated = api().post("/api/identity/activations", null, "{\"token\":\"" + token + "\"}");
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(KEYCLOAK.findUser(username).orElseThrow().get("enabled").asBoolean()).isTrue();

        List<KafkaEvents.Received> told = KafkaEvents.await(Topics.IDENTITY, r -> holder.equals(r.key())
                && r.value().get("type").asString().endsWith("AccountLinkedToDossier"), 1, Duration.ofSeconds(30));
        assertThat(told.get(0).value().at("/data/newAccountName").asString())
                .as("the dossier's existing holder is told a second account was linked").isEqualTo("Claire DURAND");
        ApiClient.Response again = api().post("/api/identity/activations", null, "{\"token\":\"" + token + "\"}");
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.json().get("detail").asString()).isEqualTo("Ce lien est expiré ou a déjà été utilisé.");
        assertThat(jdbc.sql("select count(*) from single_use_link where token_hash = :t").param("t", token)
                .query(Long.class).single()).as("the token itself is never stored").isZero();
        assertThat(jdbc.sql("select count(*) from single_use_link where token_hash = :t and purpose = 'ACTIVATION' "
                        + "and used_at is not null").param("t", Sha256.hex(token)).query(Long.class).single())
                .as("only its SHA-256, used up").isEqualTo(1);
    }

    @Test
    void an_empty_form_is_answered_with_the_form_s_labels_and_french_sentences_never_java_names() {
        ApiClient.Response response = api().post("/api/identity/registrations", null, "{}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        String detail = response.json().get("detail").asString();
        assertThat(detail).startsWith("Certains champs sont invalides : ")
                .contains("« Civilité » : choisissez une civilité", "« Nom »", "« Prénom »", "« Adresse e-mail »")
                .doesNotContain("civility", "ne doit pas être nul");
        JsonNode civility = null;
        for (JsonNode error : response.json().get("errors")) {
            if (error.get("field").asString().equals("civility")) {
                civility = error;
            }
        }
        assertThat(civility).as("errors[] keeps the JSON name for the form").isNotNull();
        assertThat(civility.get("message").asString()).isEqualTo("Choisissez une civilité.");
        FieldLabels.assertNoJavaNames(response.json(), RegistrationController.Personal.class);

        ApiClient.Response wrongNumber = api().put("/api/identity/registrations/" + start(uniqueUser()) + "/dossier",
                null, """
                {"dossierNumber":"12","accessKey":"K7PX2M9Q","familyName":"Durand"}""");
        assertThat(wrongNumber.status()).isEqualTo(400);
        assertThat(wrongNumber.json().get("detail").asString())
                .isEqualTo("Certains champs sont invalides : « Numéro de dossier » doit comporter 3 ou 4 chiffres.");
        FieldLabels.assertNoJavaNames(wrongNumber.json(), RegistrationController.DossierReference.class);
    }

    @Test
    void step_one_says_why_a_password_is_refused_in_french() {
        String username = uniqueUser();
        record Case(String password, String confirmation, String field, String message) {
        }
        for (Case c : List.of(
                new Case("Court-2026", "Court-2026", "password", "au moins 12 caractères"),
                new Case("123456789012", "123456789012", "password", "trop courant"),
                new Case("x" + username + "-2026!", "x" + username + "-2026!", "password", "votre identifiant"),
                new Case("Vacances-Prades-2026", "Vacances-Prades-2027", "passwordConfirmation", "ne correspond pas"))) {
            ApiClient.Response response = api().post("/api/identity/registrations", null, """
                    {"civility":"MADAME","lastName":"DURAND","firstName":"Claire","email":"%s@example.test",
                     "username":"%s","password":"%s","passwordConfirmation":"%s"}"""
                    .formatted(username, username, c.password(), c.confirmation()));
            assertThat(response.status()).as(c.password()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/field").asString()).isEqualTo(c.field());
            assertThat(response.json().at("/errors/0/message").asString()).contains(c.message());
        }
        assertThat(jdbc.sql("select count(*) from registration where username = :u").param("u", username)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_wrong_reference_never_says_which_part_and_a_locked_dossier_says_until_when() {
        String id = start(uniqueUser());

        DOSSIER.answer.set(DossierServiceStub.Answer.NO_MATCH);
        ApiClient.Response wrong = dossier(id);
        DOSSIER.answer.set(DossierServiceStub.Answer.LOCKED);
        ApiClient.Response locked = dossier(id);

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asString()).startsWith("Ces références ne correspondent à aucun dossier.");
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.json().get("detail").asString())
                .isEqualTo("Trop d'essais : la liaison en ligne de ce dossier est bloquée jusqu'à 10:45. "
                        + "Réessayez plus tard ou contactez le service.");
        assertThat(api().get("/api/identity/registrations/" + id, null).json().get("step").asString()).isEqualTo("DOSSIER");
    }

    @Test
    void when_dossier_service_fails_or_is_too_slow_the_page_says_so_and_the_draft_is_kept() {
        String username = uniqueUser();
        String id = start(username);

        DOSSIER.answer.set(DossierServiceStub.Answer.FAILURE);
        ApiClient.Response failed = dossier(id);
        DOSSIER.answer.set(DossierServiceStub.Answer.TOO_SLOW);
        ApiClient.Response slow = dossier(id);

        for (ApiClient.Response response : List.of(failed, slow)) {
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.json().get("detail").asString()).contains("momentanément indisponible",
                    "Votre inscription est conservée");
        }
        JsonNode draft = api().get("/api/identity/registrations/" + id, null).json();
        assertThat(draft.get("step").asString()).isEqualTo("DOSSIER");
        assertThat(draft.get("username").asString()).isEqualTo(username);
        DOSSIER.answer.set(DossierServiceStub.Answer.MATCH);
        assertThat(dossier(id).status()).as("the draft goes on once dossier-service is back").isEqualTo(200);
    }

    @Test
    void an_identifiant_already_taken_is_said_only_at_the_last_step_and_nothing_is_created() {
        String username = uniqueUser();
        KEYCLOAK.createFamilyAccount(username, "Existant-Compte-2026", "6001");
        ApiClient.Response step1 = api().post("/api/identity/registrations", null, personal(username, "Vacances-Prades-2026"));
        assertThat(step1.status()).as("step 1 does not tell whether an identifiant exists").isEqualTo(201);
        String id = step1.json().get("id").asString();
        dossier(id);
        acceptCgu(id);

        ApiClient.Response submitted = api().post("/api/identity/registrations/" + id + "/submit", null, "");

        assertThat(submitted.status()).isEqualTo(409);
        assertThat(submitted.json().at("/errors/0/field").asString()).isEqualTo("username");
        assertThat(submitted.json().at("/errors/0/message").asString())
                .isEqualTo("Cet identifiant est déjà utilisé : choisissez-en un autre.");
        assertThat(accounts(username)).isZero();
        assertThat(KEYCLOAK.findUser(username).orElseThrow().at("/attributes/dossier/0").asString()).isEqualTo("6001");
    }

    @Test
    void an_email_already_used_by_another_account_is_said_at_the_last_step_on_the_email_field() {
        String existing = uniqueUser();
        KEYCLOAK.createFamilyAccount(existing, "Existant-Compte-2026", "6001");
        String username = uniqueUser();
        ApiClient.Response step1 = api().post("/api/identity/registrations", null, """
                {"civility":"MADAME","lastName":"DURAND","firstName":"Claire","email":"%s@example.test",
                 "username":"%s","password":"Vacances-Prades-2026","passwordConfirmation":"Vacances-Prades-2026"}"""
                .formatted(existing, username));
        String id = step1.json().get("id").asString();
        dossier(id);
        acceptCgu(id);

        ApiClient.Response submitted = api().post("/api/identity/registrations/" + id + "/submit", null, "");

        assertThat(submitted.status()).isEqualTo(409);
        assertThat(submitted.json().at("/errors/0/field").asString()).isEqualTo("email");
        assertThat(submitted.json().at("/errors/0/message").asString()).startsWith("Cette adresse e-mail est déjà celle d'un autre compte");
        assertThat(KEYCLOAK.findUser(username)).isEmpty();
        assertThat(accounts(username)).isZero();
    }

    @Test
    void the_activation_mail_can_be_asked_again_three_times_an_hour_and_only_the_last_link_works() {
        String username = uniqueUser();
        String id = reviewed(username);
        api().post("/api/identity/registrations/" + id + "/submit", null, "");
        String first = activationUrl(username);

        assertThat(api().post("/api/identity/registrations/" + id + "/resend", null, "").status()).isEqualTo(202);
        assertThat(api().post("/api/identity/registrations/" + id + "/resend", null, "").status()).isEqualTo(202);
        ApiClient.Response fourth = api().post("/api/identity/registrations/" + id + "/resend", null, "");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json().get("detail").asString()).contains("3 mails d'activation dans l'heure");
        String firstToken = first.substring(first.lastIndexOf('/') + 1);
        assertThat(api().post("/api/identity/activations", null, "{\"token\":\"" + firstToken + "\"}").status())
                .as("an older link no longer works").isEqualTo(410);
        List<KafkaEvents.Received> mails = KafkaEvents.await(Topics.IDENTITY, r -> username.equals(r.key()), 3,
                Duration.ofSeconds(30));
        String last = mails.get(mails.size() - 1).value().at("/data/activationUrl").asString();
        assertThat(api().post("/api/identity/activations", null,
                "{\"token\":\"" + last.substring(last.lastIndexOf('/') + 1) + "\"}").status()).isEqualTo(200);
    }

    @Test
    void the_steps_go_in_order_the_cgu_must_be_read_and_an_unknown_draft_is_404() {
        String id = start(uniqueUser());

        ApiClient.Response tooEarly = acceptCgu(id);
        dossier(id);
        ApiClient.Response notRead = api().put("/api/identity/registrations/" + id + "/cgu", null,
                "{\"version\":\"2026-01\",\"accepted\":false}");
        ApiClient.Response submitTooEarly = api().post("/api/identity/registrations/" + id + "/submit", null, "");
        ApiClient.Response unknown = api().get("/api/identity/registrations/inconnu", null);

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(notRead.status()).isEqualTo(400);
        assertThat(notRead.json().at("/errors/0/message").asString()).isEqualTo("Cochez « J'ai lu » pour accepter les conditions.");
        assertThat(submitTooEarly.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).contains("recommencez votre inscription");
    }

    private ApiClient.Response startFrom(String ip, String json) {
        return api().send(api().request("/api/identity/registrations", null)
                .header("Content-Type", "application/json").header(ClientAddress.HEADER, ip)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void registrations_and_reference_checks_are_limited_per_ip_and_say_so_in_french() {
        String ip = "192.0.2." + (1 + System.nanoTime() % 250);
        String id = null;
        for (int i = 0; i < 20; i++) {
            ApiClient.Response started = startFrom(ip, personal(uniqueUser(), "Vacances-Prades-2026"));
            assertThat(started.status()).as("registration " + (i + 1)).isEqualTo(201);
            id = started.json().get("id").asString();
        }
        ApiClient.Response tooMany = startFrom(ip, personal(uniqueUser(), "Vacances-Prades-2026"));
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.json().get("detail").asString()).contains("réessayez dans une heure");

        DOSSIER.answer.set(DossierServiceStub.Answer.NO_MATCH);
        int refused = 0;
        for (int i = 0; i < 21; i++) {
            ApiClient.Response checked = api().send(api().request("/api/identity/registrations/" + id + "/dossier", null)
                    .header("Content-Type", "application/json").header(ClientAddress.HEADER, ip)
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"dossierNumber\":\"6000\",\"accessKey\":\"FAUX\",\"familyName\":\"X\"}")));
            if (checked.status() == 429) {
                refused++;
                assertThat(checked.json().get("detail").asString()).contains("Trop de vérifications");
            } else {
                assertThat(checked.status()).isEqualTo(400);
            }
        }
        assertThat(refused).as("the 21st check of the hour from one IP").isEqualTo(1);

        String email = uniqueUser();
        String otherIp = "198.18.0." + (1 + System.nanoTime() % 250);
        for (int i = 0; i < 5; i++) {
            assertThat(startFrom(otherIp, personal(email, "Vacances-Prades-2026")).status())
                    .as("registration " + (i + 1) + " for one address").isEqualTo(201);
        }
        assertThat(startFrom(otherIp, personal(email, "Vacances-Prades-2026")).status())
                .as("the 6th of the hour for the same address").isEqualTo(429);
    }

    private ApiClient.Response changePersonal(String id, String email, String username, String currentPassword) {
        String proof = currentPassword == null ? "" : ",\"currentPassword\":\"" + currentPassword + "\"";
        return api().put("/api/identity/registrations/" + id + "/personal", null, """
                {"civility":"MADAME","lastName":"DURAND","firstName":"Claire","email":"%s","username":"%s"%s}"""
                .formatted(email, username, proof));
    }

    /** Issue 13, item 10: once the dossier is checked, the draft's e-mail and identifiant need its password again. */
    @Test
    void after_the_dossier_check_a_new_email_or_identifiant_needs_the_draft_s_password_typed_again() {
        String ip = "198.18.1." + (1 + System.nanoTime() % 250);
        String username = uniqueUser();
        ApiClient.Response started = startFrom(ip, personal(username, "Vacances-Prades-2026"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.json().get("id").asString();
        String email = username + "@example.test";

        // Before the check, step 1 changes freely.
        assertThat(changePersonal(id, "avant." + email, username, null).status()).isEqualTo(200);
        assertThat(changePersonal(id, email, username, null).status()).isEqualTo(200);
        ApiClient.Response checked = api().send(api().request("/api/identity/registrations/" + id + "/dossier", null)
                .header("Content-Type", "application/json").header(ClientAddress.HEADER, ip)
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"dossierNumber\":\"6000\",\"accessKey\":\"K7PX2M9Q\",\"familyName\":\"Durand\"}")));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);

        ApiClient.Response noProof = changePersonal(id, "pirate." + email, username, null);
        ApiClient.Response otherUsername = changePersonal(id, email, "pirate" + username, null);
        ApiClient.Response wrongProof = changePersonal(id, "pirate." + email, username, "Pas-Le-Bon-Mdp-2026");
        ApiClient.Response sameIdentity = changePersonal(id, email.toUpperCase(java.util.Locale.ROOT), username, null);

        assertThat(noProof.status()).isEqualTo(400);
        assertThat(noProof.json().at("/errors/0/field").asString()).isEqualTo("currentPassword");
        assertThat(noProof.json().at("/errors/0/message").asString()).contains("retapez le mot de passe choisi");
        assertThat(otherUsername.status()).isEqualTo(400);
        assertThat(otherUsername.json().at("/errors/0/field").asString()).isEqualTo("currentPassword");
        assertThat(wrongProof.status()).isEqualTo(400);
        assertThat(wrongProof.json().at("/errors/0/message").asString()).isEqualTo("est incorrect");
        assertThat(sameIdentity.status()).as("other details, same e-mail and identifiant: no password").isEqualTo(200);
        JsonNode kept = api().get("/api/identity/registrations/" + id, null).json();
        assertThat(kept.get("email").asString()).isEqualTo(email);
        assertThat(kept.get("username").asString()).isEqualTo(username);

        ApiClient.Response proven = changePersonal(id, "nouvelle." + email, username, "Vacances-Prades-2026");
        assertThat(proven.status()).as(proven.toString()).isEqualTo(200);
        assertThat(proven.json().get("email").asString()).isEqualTo("nouvelle." + email);
        assertThat(proven.json().get("step").asString()).as("the dossier stays checked").isEqualTo("CGU");

        for (int i = 0; i < 4; i++) {
            changePersonal(id, "essai" + i + "." + email, username, "Pas-Le-Bon-Mdp-2026");
        }
        ApiClient.Response tooMany = changePersonal(id, "encore." + email, username, "Vacances-Prades-2026");
        assertThat(tooMany.status()).as("5 tries an hour per draft").isEqualTo(429);
    }
}
