package fr.portailfamille.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Where the services are ({@code PORTAL_SERVICES_DOSSIER_URL}...), and how long the gateway waits
 * for them before answering 503 in their place.
 *
 * @param timeout the longest a proxied call may take (connect timeout is set apart, see application.yml)
 * @param longRunningPaths paths whose calls legitimately take longer (an agent's import of a month of
 *                         invoices with their PDFs), each under {@code /api/<service>/}
 * @param longRunningTimeout how long those may take
 */
@ConfigurationProperties("portal.services")
public record ServicesProperties(
        @DefaultValue("http://localhost:8081") String identityUrl,
        @DefaultValue("http://localhost:8082") String dossierUrl,
        @DefaultValue("http://localhost:8083") String billingUrl,
        @DefaultValue("http://localhost:8084") String messagingUrl,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("/api/billing/imports") List<String> longRunningPaths,
        @DefaultValue("120s") Duration longRunningTimeout) {
}
