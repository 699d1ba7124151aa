package fr.portailfamille.gateway.clientaddress;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import java.util.Locale;

/**
 * The {@code forwardedHeaderTransformer} of the web handler (that bean name is the one Spring WebFlux
 * applies; Spring Boot's own, for {@code server.forward-headers-strategy: framework}, backs off).
 * {@code native} is refused: Reactor Netty would replace the connection's address with the left-most
 * {@code X-Forwarded-For} entry before the gateway could tell who wrote it.
 */
@Configuration
public class ClientAddressConfiguration {

    @Bean
    ForwardedHeaderTransformer forwardedHeaderTransformer(ClientAddressProperties properties, Environment environment) {
        String strategy = environment.getProperty("server.forward-headers-strategy", "")
                .strip().toLowerCase(Locale.ROOT);
        CloudPlatform platform = CloudPlatform.getActive(environment);
        if (strategy.equals("native") || (strategy.isEmpty() && platform != null && platform.isUsingForwardHeaders())) {
            throw new IllegalStateException("server.forward-headers-strategy must be framework (or none): with native "
                    + "forwarded headers, any client could choose its address (see docs/adr/007-client-address.md)");
        }
        return new ClientAddressTransformer(TrustedProxies.of(properties.trustedProxies()), strategy.equals("framework"));
    }
}
