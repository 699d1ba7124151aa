package fr.portailfamille.gateway;

import fr.portailfamille.platform.startupchecks.ShippedSecretsException;
import fr.portailfamille.testsupport.OutsideLocal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, item 4: outside the profile local the gateway starts only with its own secret and Secure cookies. */
class GatewayStartupChecksTest {

    @Test
    void with_what_its_jar_ships_it_refuses_to_start_and_names_each_variable() {
        RuntimeException refusal = OutsideLocal.refusal(GatewayApplication.class);

        assertThat(refusal).isInstanceOf(ShippedSecretsException.class);
        assertThat(((ShippedSecretsException) refusal).problems()).hasSize(2);
        assertThat(refusal.getMessage()).contains("PORTAL_KEYCLOAK_CLIENT_SECRET", "SERVER_REACTIVE_SESSION_COOKIE_SECURE=true")
                .doesNotContain("local-gateway-secret");
    }

    @Test
    void with_its_secret_and_secure_cookies_it_starts() {
        assertThat(OutsideLocal.refusal(GatewayApplication.class, "--portal.keycloak.client-secret=Xq7-from-keycloak",
                "--server.reactive.session.cookie.secure=true")).isNull();
    }
}
