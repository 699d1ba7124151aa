package fr.portailfamille.gateway.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The absolute lifetime of a session: after it, the family logs in again even if active (the idle
 * timeout is {@code server.reactive.session.timeout}, 30 minutes by default).
 */
@ConfigurationProperties("portal.session")
public record SessionProperties(@DefaultValue("10h") Duration absoluteTimeout) {
}
