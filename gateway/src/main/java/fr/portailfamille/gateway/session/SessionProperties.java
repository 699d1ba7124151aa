package fr.portailfamille.gateway.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The absolute lifetime of a session: after it, the family logs in again even if active (the idle
 * timeout is {@code server.reactive.session.timeout}, 30 minutes by default); and how long a login in
 * progress (on Keycloak's page) may take before its cookie is refused, Keycloak's own login timeout.
 */
@ConfigurationProperties("portal.session")
public record SessionProperties(@DefaultValue("10h") Duration absoluteTimeout, @DefaultValue("30m") Duration loginTimeout) {
}
