package fr.portailfamille.dossier.dossier;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access key kept for invoices (hash + ciphertext) and the new key an agent issues from the
 * dossier page: shown once, the old one stops working at once, never published.
 */
@PortalServiceTest
class AccessKeyApiTest extends DossierApiSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessKeyCipher cipher;

    private ApiClient.Response issue(String token, String number) {
        return api().post("/api/dossier/dossiers/" + number + "/access-key", token, "");
    }

    private boolean verifies(String number, String key) {
        ApiClient.Response verified = api().post("/internal/dossiers/verify", keycloak.serviceAccount("identity-service"),
                """
                {"number":"%s","accessKey":"%s","familyName":"DURAND"}""".formatted(number, key));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.json().get("match").asBoolean();
    }

    private byte[] ciphertext(String number) {
        return jdbc.sql("select access_key_ciphertext from dossier where number = :n").param("n", number)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    private String hash(String number) {
        return jdbc.sql("select access_key_hash from dossier where number = :n").param("n", number)
                .query(String.class).single();
    }

    @Test
    void a_new_dossier_keeps_its_key_both_hashed_and_encrypted_under_its_number() {
        JsonNode created = createDossier();
        String number = created.get("number").asString();

        assertThat(cipher.decrypt(number, ciphertext(number))).isEqualTo(created.get("accessKey").asString());
        assertThat(hash(number)).startsWith("$2").doesNotContain(created.get("accessKey").asString());
    }

    @Test
    void an_agent_issues_a_new_key_shown_once_and_the_old_one_stops_working_at_once() {
        JsonNode created = createDossier();
        String number = created.get("number").asString();
        String oldKey = created.get("accessKey").asString();

        ApiClient.Response issued = issue(keycloak.agent("jeunesse"), number);

        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.json().get("number").asString()).isEqualTo(number);
        String newKey = issued.json().get("accessKey").asString();
        assertThat(newKey).matches("[A-HJKMNP-Z2-9]{8}").isNotEqualTo(oldKey);
        assertThat(verifies(number, oldKey)).as("old key").isFalse();
        assertThat(verifies(number, newKey)).as("new key").isTrue();
        assertThat(cipher.decrypt(number, ciphertext(number))).isEqualTo(newKey);
        ApiClient.Response seen = api().get("/api/dossier/dossiers/" + number, keycloak.agent("jeunesse"));
        assertThat(seen.json().has("accessKey")).as("shown once").isFalse();
        assertThat(seen.json().get("updatedBy").asString()).isEqualTo("agent.jeunesse");
        assertThat(jdbc.sql("select event_type from outbox_event where event_key = :n").param("n", number)
                .query(String.class).list()).as("nothing published but DossierCreated").hasSize(1);
        assertThat(jdbc.sql("select count(*) from outbox_event where payload like :key")
                .param("key", "%" + newKey + "%").query(Long.class).single()).isZero();
    }

    @Test
    void a_family_cannot_issue_a_key_even_for_its_own_dossier_and_nothing_changes() {
        JsonNode created = createDossier();
        String number = created.get("number").asString();
        String hashBefore = hash(number);
        byte[] ciphertextBefore = ciphertext(number);

        ApiClient.Response own = issue(keycloak.family(number), number);
        ApiClient.Response other = issue(keycloak.family("999"), number);

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.json().get("type").asString()).isEqualTo("urn:portail-famille:problem:acces-refuse");
        assertThat(other.status()).isEqualTo(403);
        assertThat(hash(number)).isEqualTo(hashBefore);
        assertThat(ciphertext(number)).isEqualTo(ciphertextBefore);
        assertThat(verifies(number, created.get("accessKey").asString())).isTrue();
    }

    @Test
    void an_unknown_dossier_gets_404_in_french() {
        String number = newNumber();

        ApiClient.Response response = issue(keycloak.agent("jeunesse"), number);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:portail-famille:problem:dossier-introuvable");
        assertThat(response.json().get("detail").asString()).isEqualTo("Le dossier " + number + " est introuvable.");
    }
}
