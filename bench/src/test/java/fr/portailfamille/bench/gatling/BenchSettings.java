package fr.portailfamille.bench.gatling;

import java.net.URI;
import java.time.Duration;

/**
 * What the simulations are run against and how hard, from system properties {@code bench.*} (given on the
 * command line: {@code bench/run gatling Families -Dbench.families=50}), with the local stack's defaults
 * ({@code deploy/local/run}).
 */
final class BenchSettings {

    /** The gateway, as the families' browsers reach it. */
    static final String PORTAL = text("portal", "http://localhost:8080");
    /** Keycloak (its admin API with admin / admin, and the login page the gateway sends to). */
    static final String KEYCLOAK = text("keycloak", "http://localhost:8180");
    /** dossier-service itself, for the calls that skip the gateway. */
    static final String DOSSIER_SERVICE = text("dossierService", "http://localhost:8082");
    /** The local stack's mail catcher page (the mails its SMTP server accepted, newest first). */
    static final String MAIL_CATCHER = text("mailCatcher", "http://127.0.0.1:8025");
    /** The client secret of {@code portal-gateway} in the local realm, for the bearer tokens of direct calls. */
    static final String GATEWAY_SECRET = text("gatewaySecret", "local-gateway-secret");

    /** The demo family (dossier 6000). */
    static final String DEMO_FAMILY = text("demoFamily", "claire.durand");
    static final String DEMO_PASSWORD = text("demoPassword", "Famille-Durand-6000");
    static final String DEMO_DOSSIER = text("demoDossier", "6000");

    private BenchSettings() {
    }

    static String text(String name, String fallback) {
        String value = System.getProperty("bench." + name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static int number(String name, int fallback) {
        String value = System.getProperty("bench." + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dbench." + name + "=" + value + ": a whole number is expected", e);
        }
    }

    static Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(number(name, fallback));
    }

    static String host(String url) {
        return URI.create(url).getHost();
    }
}
