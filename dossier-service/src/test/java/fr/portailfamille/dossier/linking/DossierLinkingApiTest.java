package fr.portailfamille.dossier.linking;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@PortalServiceTest
class DossierLinkingApiTest extends DossierApiSupport {

    private ApiClient.Response verify(String token, String number, String key, String name) {
        return api().post("/internal/dossiers/verify", token, """
                {"number":"%s","accessKey":"%s","familyName":"%s"}""".formatted(number, key, name));
    }

    private ApiClient.Response verify(String number, String key, String name) {
        return verify(keycloak.serviceAccount("identity-service"), number, key, name);
    }

    @Test
    void the_access_key_is_shown_once_at_creation_and_never_again() {
        JsonNode created = createDossier();
        String number = created.get("number").asString();

        assertThat(created.get("accessKey").asString()).matches("[A-Z2-9]{8}");
        assertThat(api().get("/api/dossier/dossiers/" + number, keycloak.agent("jeunesse")).json().has("accessKey")).isFalse();
        assertThat(api().get("/api/dossier/dossiers/" + number, keycloak.family(number)).json().has("accessKey")).isFalse();
    }

    @Test
    void the_right_reference_matches_whatever_the_case_and_accents_of_the_name() {
        JsonNode created = createDossier();
        String number = created.get("number").asString();
        String key = created.get("accessKey").asString();

        assertThat(verify(number, key, "Durand").json().get("match").asBoolean()).isTrue();
        assertThat(verify(number, key.toLowerCase(), " DURAND ").json().get("match").asBoolean()).isTrue();
        assertThat(verify(number, key, "Dùrand").json().get("match").asBoolean()).isTrue();
    }

    @Test
    void a_wrong_key_a_wrong_name_or_an_unknown_dossier_only_say_no_match() {
        JsonNode created = createDossier();
        String number = created.get("number").asString();
        String key = created.get("accessKey").asString();

        JsonNode wrongKey = verify(number, "AAAAAAAA", "DURAND").json();
        JsonNode wrongName = verify(number, key, "MARTIN").json();
        JsonNode unknown = verify("9996", key, "DURAND").json();

        assertThat(wrongKey.toString()).isEqualTo("{\"match\":false,\"lockedUntil\":null}");
        assertThat(wrongName.toString()).isEqualTo(wrongKey.toString());
        assertThat(unknown.toString()).isEqualTo(wrongKey.toString());
    }

    @Test
    void five_failures_lock_linking_for_an_hour_even_for_the_right_key_and_agents_see_it() {
        JsonNode created = createDossier();
        String number = created.get("number").asString();
        String key = created.get("accessKey").asString();

        for (int i = 0; i < 4; i++) {
            assertThat(verify(number, "WRONG" + i, "DURAND").json().get("lockedUntil").isNull()).isTrue();
        }
        JsonNode fifth = verify(number, "WRONG5", "DURAND").json();
        JsonNode rightKey = verify(number, key, "DURAND").json();

        assertThat(fifth.get("lockedUntil").isNull()).isFalse();
        assertThat(rightKey.get("match").asBoolean()).isFalse();
        assertThat(rightKey.get("lockedUntil").asString()).isEqualTo(fifth.get("lockedUntil").asString());
        assertThat(api().get("/api/dossier/dossiers/" + number, keycloak.agent("jeunesse")).json()
                .get("linkingLockedUntil").asString()).isEqualTo(fifth.get("lockedUntil").asString());
        assertThat(api().get("/api/dossier/dossiers/" + number, keycloak.family(number)).json()
                .has("linkingLockedUntil")).isFalse();
    }

    @Test
    void only_a_service_account_may_verify() {
        JsonNode created = createDossier();
        String number = created.get("number").asString();
        String key = created.get("accessKey").asString();

        assertThat(verify(keycloak.family(number), number, key, "DURAND").status()).isEqualTo(403);
        assertThat(verify(keycloak.agent("jeunesse"), number, key, "DURAND").status()).isEqualTo(403);
        assertThat(verify(null, number, key, "DURAND").status()).isEqualTo(401);
    }

    @Test
    void a_reference_with_missing_parts_gets_400_naming_them() {
        ApiClient.Response response = api().post("/internal/dossiers/verify", keycloak.serviceAccount("identity-service"),
                """
                {"number":"6000"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").toString()).contains("accessKey", "familyName");
    }
}
