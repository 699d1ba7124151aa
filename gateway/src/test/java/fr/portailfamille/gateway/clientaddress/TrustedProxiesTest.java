package fr.portailfamille.gateway.clientaddress;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The right-most untrusted hop of X-Forwarded-For, without Spring. */
class TrustedProxiesTest {

    private static final TrustedProxies INGRESS = TrustedProxies.of(List.of("10.42.0.0/16", "fd00::/8"));

    private static InetAddress ip(String text) {
        return TrustedProxies.literal(text);
    }

    private static String client(String forwardedFor, String connection) {
        List<String> header = forwardedFor == null ? List.of() : List.of(forwardedFor);
        return TrustedProxies.format(INGRESS.clientAddress(header, ip(connection)));
    }

    @Test
    void from_the_ingress_the_address_it_appended_is_the_client_s() {
        assertThat(client("198.51.100.7", "10.42.3.4")).isEqualTo("198.51.100.7");
        assertThat(client("203.0.113.1, 6.6.6.6, 198.51.100.7", "10.42.3.4")).isEqualTo("198.51.100.7");
        assertThat(client("198.51.100.7, 10.42.9.9", "10.42.3.4")).as("trusted hops skipped").isEqualTo("198.51.100.7");
        assertThat(client("[2001:db8::7]:4711", "fd00::1")).isEqualTo("2001:db8::7");
        assertThat(client("198.51.100.7:4711", "10.42.3.4")).isEqualTo("198.51.100.7");
        assertThat(TrustedProxies.format(INGRESS.clientAddress(List.of("203.0.113.1", "198.51.100.7"), ip("10.42.3.4"))))
                .as("several header lines read as one list").isEqualTo("198.51.100.7");
    }

    @Test
    void from_anyone_else_the_header_is_ignored() {
        assertThat(client("198.51.100.7", "203.0.113.50")).isEqualTo("203.0.113.50");
        assertThat(client("198.51.100.7, 10.42.9.9", "203.0.113.50")).isEqualTo("203.0.113.50");
    }

    @Test
    void no_header_only_trusted_hops_or_an_entry_that_is_not_an_address_give_the_connection_s() {
        assertThat(client(null, "10.42.3.4")).isEqualTo("10.42.3.4");
        assertThat(client("10.42.1.1, 10.42.2.2", "10.42.3.4")).isEqualTo("10.42.3.4");
        assertThat(client("198.51.100.7, unknown", "10.42.3.4")).isEqualTo("10.42.3.4");
        assertThat(client("example.org", "10.42.3.4")).isEqualTo("10.42.3.4");
        assertThat(client("", "10.42.3.4")).isEqualTo("10.42.3.4");
    }

    @Test
    void cidrs_match_on_their_prefix_only() {
        TrustedProxies proxies = TrustedProxies.of(List.of("192.0.2.128/25", "127.0.0.1", " ", "2001:db8:1::/48"));

        assertThat(proxies.trusts(ip("192.0.2.200"))).isTrue();
        assertThat(proxies.trusts(ip("192.0.2.127"))).isFalse();
        assertThat(proxies.trusts(ip("127.0.0.1"))).isTrue();
        assertThat(proxies.trusts(ip("127.0.0.2"))).isFalse();
        assertThat(proxies.trusts(ip("2001:db8:1:ffff::1"))).isTrue();
        assertThat(proxies.trusts(ip("2001:db8:2::1"))).isFalse();
        assertThat(proxies.trusts(null)).isFalse();
        assertThat(TrustedProxies.of(List.of()).trusts(ip("127.0.0.1"))).as("an empty list trusts no one").isFalse();
    }

    @Test
    void a_trusted_proxy_that_is_not_an_address_or_a_cidr_stops_the_start() {
        for (String wrong : new String[] {"ingress.local", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "10.0.0.1:80"}) {
            assertThatThrownBy(() -> TrustedProxies.of(List.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("portal.gateway.trusted-proxies");
        }
    }
}
