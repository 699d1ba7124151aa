package fr.portailfamille.gateway.clientaddress;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway behind the ingress (here: the test itself, at 127.0.0.1, configured as the only trusted
 * proxy): each family gets its own address, so its own rate-limit bucket, and a family cannot pass
 * for another by writing {@code X-Forwarded-For} itself, since the ingress appends the address it saw
 * (issue 13, item 1).
 */
// Profile local: sessions in memory, no Redis to run (what is tested here does not depend on them).
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.gateway.trusted-proxies=127.0.0.1/32")
class ClientAddressBehindIngressTest {

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

    private String clientAddressFor(String forwardedFor) {
        assertThat(IDENTITY.callThroughGateway(port, "/api/identity/password-resets/probe",
                "X-Forwarded-For", forwardedFor)).isEqualTo(200);
        assertThat(IDENTITY.received("X-Forwarded-For")).as("services read only the gateway's header").isEmpty();
        var received = IDENTITY.received("X-Portal-Client-Address");
        assertThat(received).as(forwardedFor).hasSize(1);
        return received.get(0);
    }

    @Test
    void two_families_behind_the_ingress_get_two_addresses_not_the_ingress_s() {
        assertThat(clientAddressFor("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(clientAddressFor("198.51.100.8")).isEqualTo("198.51.100.8");
    }

    @Test
    void behind_the_ingress_ten_spoofed_left_most_entries_give_the_address_the_ingress_saw() {
        for (int i = 1; i <= 10; i++) {
            assertThat(clientAddressFor("203.0.113." + i + ", 198.51.100.7")).as("request " + i).isEqualTo("198.51.100.7");
        }
    }

    @Test
    void a_client_sent_x_portal_client_address_is_overwritten_behind_the_ingress_too() {
        assertThat(IDENTITY.callThroughGateway(port, "/api/identity/password-resets/probe",
                "X-Forwarded-For", "198.51.100.7", "X-Portal-Client-Address", "203.0.113.99")).isEqualTo(200);

        assertThat(IDENTITY.received("X-Portal-Client-Address")).containsExactly("198.51.100.7");
    }

    @Test
    void an_ipv6_family_and_a_chain_of_trusted_hops_are_read_right_to_left() {
        assertThat(clientAddressFor("2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(clientAddressFor("198.51.100.9, 127.0.0.1")).as("127.0.0.1 is trusted: skipped").isEqualTo("198.51.100.9");
    }

    @Test
    void only_trusted_hops_or_no_header_give_the_connection_s_address() {
        assertThat(clientAddressFor("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(IDENTITY.callThroughGateway(port, "/api/identity/password-resets/probe")).isEqualTo(200);
        assertThat(IDENTITY.received("X-Portal-Client-Address")).containsExactly("127.0.0.1");
    }
}
