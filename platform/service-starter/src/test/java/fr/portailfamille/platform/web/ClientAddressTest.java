package fr.portailfamille.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which IP address counts for rate limits and the records that keep it, without Spring. */
class ClientAddressTest {

    private static MockHttpServletRequest from(String remote) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        return request;
    }

    @Test
    void the_gateway_s_header_is_the_caller_s_address() {
        MockHttpServletRequest request = from("10.0.0.2");
        request.addHeader(ClientAddress.HEADER, " 203.0.113.7 ");

        assertThat(ClientAddress.of(request)).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6_addresses_are_taken_as_the_gateway_writes_them() {
        MockHttpServletRequest request = from("10.0.0.2");
        request.addHeader(ClientAddress.HEADER, "2001:db8::7");
        assertThat(ClientAddress.of(request)).isEqualTo("2001:db8::7");

        assertThat(ClientAddress.isAddress("0000:0000:0000:0000:0000:ffff:255.255.255.255")).isTrue();
    }

    @Test
    void x_forwarded_for_is_never_read() {
        MockHttpServletRequest request = from("10.0.0.2");
        request.addHeader("X-Forwarded-For", "203.0.113.7, 10.0.0.9");

        assertThat(ClientAddress.of(request)).isEqualTo("10.0.0.2");
    }

    @Test
    void without_the_header_or_with_anything_but_an_ip_address_the_connection_s_address() {
        assertThat(ClientAddress.of(from("198.51.100.4"))).isEqualTo("198.51.100.4");
        for (String value : new String[] {"", "  ", "localhost", "deadbeef", "abc", "1.2.3", "256.1.1.1", "01.2.3.4",
                "203.0.113.7, 10.0.0.2", "2001:db8::7%eth0", "[2001:db8::7]", "2001:db8:::7", ":", "x".repeat(100),
                "1:2:3:4:5:6:7:8:9", "1111:2222:3333:4444:5555:6666:7777:8888:9999:0000"}) {
            MockHttpServletRequest request = from("198.51.100.4");
            request.addHeader(ClientAddress.HEADER, value);
            assertThat(ClientAddress.of(request)).as(value).isEqualTo("198.51.100.4");
        }
    }
}
