package fr.portailfamille.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues access tokens shaped like Keycloak's for the test personas, signed with an RSA key whose
 * JWKS is served over HTTP at Keycloak's paths ({@code /realms/portail-famille/protocol/openid-connect/certs}
 * and the OpenID discovery document), so services validate them exactly as they validate Keycloak's.
 * The identity issue's tests use the real Keycloak; this one is for every other service.
 */
public final class TestKeycloak {

    public static final String REALM = "portail-famille";
    /** The audience of tokens the gateway's client obtains (families, agents, admins). */
    public static final String GATEWAY_AUDIENCE = "portal-gateway";
    /** The audience of the services' own tokens (client credentials), which {@code /internal/**} requires. */
    public static final String SERVICES_AUDIENCE = "portal-services";

    private static TestKeycloak shared;

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private TestKeycloak() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/" + REALM;
            server.createContext("/realms/" + REALM + "/protocol/openid-connect/certs",
                    exchange -> reply(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/realms/" + REALM + "/.well-known/openid-configuration",
                    exchange -> reply(exchange, """
                            {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                             "subject_types_supported":["public"],
                             "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer)));
            server.start();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestKeycloak shared() {
        if (shared == null) {
            shared = new TestKeycloak();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> shared.server.stop(0), "test-keycloak-stop"));
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    /** A family member whose account is linked to {@code dossier}. */
    public String family(String dossier) {
        return token(Persona.family(dossier));
    }

    /** An agent of the given services (e.g. {@code jeunesse}). */
    public String agent(String... services) {
        return token(Persona.agent(services));
    }

    public String admin() {
        return token(Persona.admin());
    }

    /** A service account (client credentials) allowed on {@code /internal/**}. */
    public String serviceAccount(String clientId) {
        return token(Persona.service(clientId));
    }

    /**
     * A token of {@code persona} with the audience the realm's mappers give (docs/adr/011-token-audiences.md):
     * {@value #GATEWAY_AUDIENCE} for people (through the gateway), {@value #SERVICES_AUDIENCE} for service accounts.
     */
    public String token(Persona persona) {
        return sign(key, issuer, persona, Instant.now(), Duration.ofMinutes(5), persona.audience());
    }

    /** A token of {@code persona} issued for other audiences (e.g. another client of the realm). */
    public String tokenFor(Persona persona, String... audiences) {
        return sign(key, issuer, persona, Instant.now(), Duration.ofMinutes(5), audiences);
    }

    /** A family token that expired ten minutes ago. */
    public String expiredFamily(String dossier) {
        return sign(key, issuer, Persona.family(dossier), Instant.now().minus(Duration.ofMinutes(15)),
                Duration.ofMinutes(5), GATEWAY_AUDIENCE);
    }

    /** A well-formed family token from another issuer, signed with another key. */
    public String foreignFamily(String dossier) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID("other").generate();
            return sign(other, "http://127.0.0.1:1/realms/elsewhere", Persona.family(dossier), Instant.now(),
                    Duration.ofMinutes(5), GATEWAY_AUDIENCE);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, String issuer, Persona persona, Instant issuedAt, Duration lifetime,
                               String... audiences) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(persona.subject())
                .audience(List.of(audiences))
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", "portal-gateway")
                .claim("preferred_username", persona.username())
                .claim("email", persona.email())
                .claim("name", persona.name())
                .claim("realm_access", Map.of("roles", persona.roles()));
        if (persona.dossier() != null) {
            claims.claim("dossier", persona.dossier());
        }
        if (!persona.services().isEmpty()) {
            claims.claim("services", persona.services());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Who a token speaks for. */
    public record Persona(String subject, String username, String name, String email, List<String> roles,
                          String dossier, List<String> services) {

        public static Persona family(String dossier) {
            return new Persona("famille-" + dossier, "famille." + dossier, "Famille " + dossier,
                    "famille." + dossier + "@example.test", List.of("famille"), dossier, List.of());
        }

        public static Persona agent(String... services) {
            String name = services.length == 0 ? "agent" : "agent." + String.join("-", services);
            return new Persona(name, name, "Agent " + String.join(", ", services),
                    name + "@roussillon-conflent.example", List.of("agent"), null, List.of(services));
        }

        public static Persona admin() {
            return new Persona("admin", "admin", "Administrateur", "admin@roussillon-conflent.example",
                    List.of("admin"), null, List.of());
        }

        public static Persona service(String clientId) {
            return new Persona("service-account-" + clientId, "service-account-" + clientId, clientId, null,
                    List.of("service"), null, List.of());
        }

        /** The audience the realm gives this persona's tokens. */
        public String audience() {
            return subject.startsWith("service-account-") ? SERVICES_AUDIENCE : GATEWAY_AUDIENCE;
        }

        /** The same person with other realm roles (e.g. none). */
        public Persona withRoles(String... otherRoles) {
            return new Persona(subject, username, name, email, List.of(otherRoles), dossier, services);
        }
    }
}
