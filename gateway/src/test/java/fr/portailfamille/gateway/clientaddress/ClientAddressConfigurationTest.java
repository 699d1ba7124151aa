package fr.portailfamille.gateway.clientaddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway refuses to start with forwarded headers handled natively by Reactor Netty. */
class ClientAddressConfigurationTest {

    private static final ClientAddressProperties LOOPBACK = new ClientAddressProperties(List.of("127.0.0.0/8"));

    @Test
    void native_forwarded_headers_stop_the_start() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", "NATIVE");

        assertThatThrownBy(() -> new ClientAddressConfiguration().forwardedHeaderTransformer(LOOPBACK, environment))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("server.forward-headers-strategy");
    }

    @Test
    void framework_and_none_are_accepted() {
        for (String strategy : new String[] {"framework", "none"}) {
            MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", strategy);
            assertThat(new ClientAddressConfiguration().forwardedHeaderTransformer(LOOPBACK, environment))
                    .as(strategy).isInstanceOf(ClientAddressTransformer.class);
        }
    }
}
