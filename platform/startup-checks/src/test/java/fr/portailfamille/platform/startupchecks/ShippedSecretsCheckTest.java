package fr.portailfamille.platform.startupchecks;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real Spring Boot start with a shipped configuration, as an operator would start it. */
class ShippedSecretsCheckTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> all = new ArrayList<>(List.of("--spring.config.name=checks-test"));
        all.addAll(List.of(arguments));
        return application.run(all.toArray(String[]::new));
    }

    @Test
    void shipped_secret_and_non_secure_cookie_are_refused_naming_each_variable() {
        assertThatThrownBy(ShippedSecretsCheckTest::start)
                .isInstanceOf(ShippedSecretsException.class)
                .satisfies(e -> {
                    List<String> problems = ((ShippedSecretsException) e).problems();
                    assertThat(problems).hasSize(2);
                    assertThat(problems.get(0)).contains("PORTAL_KEYCLOAK_CLIENT_SECRET", "secret du client Keycloak",
                            "valeur publique");
                    assertThat(problems.get(1)).contains("SERVER_REACTIVE_SESSION_COOKIE_SECURE=true");
                })
                .hasMessageNotContaining("shipped-secret");
    }

    @Test
    void secrets_set_by_the_operator_and_secure_cookies_start() {
        try (ConfigurableApplicationContext context = start("--portal.keycloak.client-secret=Zq8-operator-secret",
                "--server.reactive.session.cookie.secure=true")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void the_shipped_value_given_again_by_the_operator_is_still_refused() {
        assertThatThrownBy(() -> start("--portal.keycloak.client-secret=shipped-secret",
                "--server.reactive.session.cookie.secure=true"))
                .isInstanceOf(ShippedSecretsException.class)
                .hasMessageContaining("PORTAL_KEYCLOAK_CLIENT_SECRET");
    }

    @Test
    void an_empty_secret_is_refused_as_missing() {
        assertThatThrownBy(() -> start("--portal.keycloak.client-secret=", "--server.reactive.session.cookie.secure=true"))
                .isInstanceOf(ShippedSecretsException.class)
                .hasMessageContaining("n'est pas défini");
    }

    @Test
    void a_conditional_secret_counts_only_when_its_condition_holds() {
        assertThatThrownBy(() -> start("--portal.keycloak.client-secret=Zq8-operator-secret",
                "--server.reactive.session.cookie.secure=true", "--portal.payment.provider=SYSTEMPAY"))
                .isInstanceOf(ShippedSecretsException.class)
                .satisfies(e -> assertThat(((ShippedSecretsException) e).problems())
                        .singleElement().asString().contains("PORTAL_PAYMENT_KEY"));
    }

    @Test
    void rules_declared_by_the_platform_and_by_the_service_add_up() {
        assertThatThrownBy(() -> start("--spring.config.name=checks-test,checks-platform",
                "--server.reactive.session.cookie.secure=true"))
                .isInstanceOf(ShippedSecretsException.class)
                .satisfies(e -> assertThat(String.join("\n", ((ShippedSecretsException) e).problems()))
                        .contains("PORTAL_KEYCLOAK_CLIENT_SECRET", "SPRING_DATASOURCE_PASSWORD"));
    }

    @Test
    void the_local_profile_starts_with_the_shipped_values() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=local")) {
            assertThat(context.getEnvironment().getProperty("portal.keycloak.client-secret")).isEqualTo("shipped-secret");
        }
    }
}
