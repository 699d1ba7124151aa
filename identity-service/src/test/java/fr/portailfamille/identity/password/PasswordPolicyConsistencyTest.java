package fr.portailfamille.identity.password;

import fr.portailfamille.testsupport.KeycloakServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PasswordPolicy} says in French what the realm's Keycloak will refuse: this test reads the
 * realm file of the repository ({@code deploy/keycloak/portail-famille-realm.json}, found as
 * test-support finds it) and fails when its {@code passwordPolicy} and this class part ways: a
 * changed length, a policy added to the realm that the class does not check, another blacklist.
 */
class PasswordPolicyConsistencyTest {

    private static final Path KEYCLOAK = KeycloakServer.repositoryRoot().resolve("deploy/keycloak");

    /** {@code length(12) and notUsername and ...} as policy → argument (empty without one). */
    private static Map<String, String> realmPolicies() throws IOException {
        String policy = JsonMapper.builder().build()
                .readTree(Files.readString(KEYCLOAK.resolve("portail-famille-realm.json")))
                .get("passwordPolicy").asString();
        Map<String, String> policies = new LinkedHashMap<>();
        Matcher part = Pattern.compile("(\\w+)(?:\\(([^)]*)\\))?").matcher("");
        for (String item : policy.split("\\s+and\\s+")) {
            assertThat(part.reset(item.strip()).matches()).as(item).isTrue();
            policies.put(part.group(1), part.group(2) == null ? "" : part.group(2));
        }
        return policies;
    }

    @Test
    void the_realm_has_exactly_the_rules_the_class_checks() throws IOException {
        assertThat(realmPolicies()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "length", String.valueOf(PasswordPolicy.MIN_LENGTH),
                "maxLength", String.valueOf(PasswordPolicy.MAX_LENGTH),
                "notUsername", "",
                "notEmail", "",
                "passwordBlacklist", PasswordPolicy.BLACKLIST_FILE));
    }

    @Test
    void the_blacklist_on_the_classpath_is_the_realm_file() throws IOException {
        byte[] realm = Files.readAllBytes(KEYCLOAK.resolve("password-blacklists").resolve(PasswordPolicy.BLACKLIST_FILE));
        try (InputStream onClasspath = PasswordPolicy.class.getResourceAsStream(
                "/password-blacklists/" + PasswordPolicy.BLACKLIST_FILE)) {
            assertThat(onClasspath).as("copied by identity-service's pom").isNotNull();
            assertThat(onClasspath.readAllBytes()).isEqualTo(realm);
        }
    }
}
