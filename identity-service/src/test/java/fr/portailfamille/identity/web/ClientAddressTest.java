package fr.portailfamille.identity.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which IP address counts for rate limits and CGU acceptances, without Spring. */
class ClientAddressTest {

    @Test
    void the_first_forwarded_address_is_the_familys() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.2");
        request.addHeader("X-Forwarded-For", " 203.0.113.7 , 10.0.0.9, 10.0.0.2");

        assertThat(ClientAddress.of(request)).isEqualTo("203.0.113.7");
    }

    @Test
    void without_the_header_the_connection_address() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.4");
        request.addHeader("X-Forwarded-For", "  ");

        assertThat(ClientAddress.of(request)).isEqualTo("198.51.100.4");
    }

    @Test
    void a_forwarded_value_longer_than_the_column_is_cut_at_64() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("X-Forwarded-For", "x".repeat(100));

        assertThat(ClientAddress.of(request)).hasSize(64);
    }
}
