package fr.portailfamille.gateway.clientaddress;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor who reaches the gateway directly (not through the ingress, whose range here is
 * 10.255.0.0/16) cannot choose the address the services count requests by: whatever
 * {@code X-Forwarded-For} or {@code X-Portal-Client-Address} it writes, identity-service receives
 * the connection's address (issue 13, item 1).
 */
// Profile local: sessions in memory, no Redis to run (what is tested here does not depend on them).
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.gateway.trusted-proxies=10.255.0.0/16")
class ClientAddressDirectTest {

    private static final RecordingService IDENTITY = new RecordingService();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.services.identity-url", IDENTITY::url);
    }

    @AfterAll
    static void stop() {
        IDENTITY.stop();
    }

    @Test
    void ten_spoofed_x_forwarded_for_from_one_connection_give_the_service_one_address_the_real_one() {
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= 10; i++) {
            String spoofed = i % 2 == 0 ? "203.0.113." + i : "203.0.113." + i + ", 10.255.0.3";
            assertThat(IDENTITY.callThroughGateway(port, "/api/identity/password-resets/probe",
                    "X-Forwarded-For", spoofed)).isEqualTo(200);
            assertThat(IDENTITY.received("X-Portal-Client-Address")).as("request " + i).containsExactly("127.0.0.1");
            assertThat(IDENTITY.received("X-Forwarded-For")).as("the client's X-Forwarded-For is not passed on").isEmpty();
            assertThat(IDENTITY.received("Forwarded")).isEmpty();
            seen.addAll(IDENTITY.received("X-Portal-Client-Address"));
        }
        assertThat(seen).as("one bucket for one visitor, whatever it writes").containsExactly("127.0.0.1");
    }

    @Test
    void a_client_sent_x_portal_client_address_is_overwritten() {
        assertThat(IDENTITY.callThroughGateway(port, "/api/identity/password-resets/probe",
                "X-Portal-Client-Address", "203.0.113.99", "x-portal-client-address", "198.51.100.1")).isEqualTo(200);

        assertThat(IDENTITY.received("X-Portal-Client-Address")).containsExactly("127.0.0.1");
    }

    @Test
    void a_client_sent_x_real_ip_or_forwarded_header_does_not_reach_the_service() {
        assertThat(IDENTITY.callThroughGateway(port, "/api/identity/password-resets/probe",
                "X-Real-IP", "203.0.113.5", "Forwarded", "for=203.0.113.6")).isEqualTo(200);

        assertThat(IDENTITY.received("X-Real-IP")).isEmpty();
        assertThat(IDENTITY.received("Forwarded")).isEmpty();
        assertThat(IDENTITY.received("X-Portal-Client-Address")).containsExactly("127.0.0.1");
    }

    @Test
    void the_scheme_is_believed_from_a_trusted_proxy_only() {
        var response = IDENTITY.get(port, "/api/identity/password-resets/probe", "X-Forwarded-Proto", "https");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .as("a client's X-Forwarded-Proto does not make the gateway think it is behind HTTPS").isEmpty();
    }
}
