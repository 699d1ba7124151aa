package fr.portailfamille.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real servers a Portail Famille service needs, shared by every test of a JVM: PostgreSQL,
 * Kafka, SMTP and the token issuer. {@link #serviceProperties} gives the Spring properties that
 * point a service at them (the same keys as the environment variables of a deployment).
 */
public final class PortalInfrastructure {

    private PortalInfrastructure() {
    }

    public static PostgresServer postgres() {
        return PostgresServer.shared();
    }

    public static KafkaBroker kafka() {
        return KafkaBroker.shared();
    }

    public static SmtpServer smtp() {
        return SmtpServer.shared();
    }

    public static TestKeycloak keycloak() {
        return TestKeycloak.shared();
    }

    /**
     * Properties for a service whose database is {@code database} (created if missing). Starts
     * whatever server is not running yet.
     */
    public static Map<String, String> serviceProperties(String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        String name = postgres().createDatabase(database);
        properties.put("spring.datasource.url", postgres().jdbcUrl(name));
        properties.put("spring.datasource.username", PostgresServer.USER);
        properties.put("spring.datasource.password", PostgresServer.PASSWORD);
        properties.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtp().port()));
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak().issuer());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keycloak().jwkSetUri());
        properties.put("portal.outbox.poll-interval", "200ms");
        return properties;
    }

    /** The same as environment variables ({@code SPRING_DATASOURCE_URL}...), for a service started as a process. */
    public static Map<String, String> serviceEnvironment(String database) {
        Map<String, String> environment = new LinkedHashMap<>();
        serviceProperties(database).forEach((key, value) -> environment.put(
                key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        return environment;
    }
}
