package fr.portailfamille.bench.gatling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.portailfamille.bench.KeycloakAdmin;
import fr.portailfamille.bench.Portal;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.Multipart;
import fr.portailfamille.testsupport.PortalSession;

/**
 * The bench's families for the load profiles, kept in the local stack between runs: dossiers 8200… (family
 * name {@code BENCH-FAMILLE-8200}…, made by {@code agent.jeunesse} as the agents' page does), each with one
 * guardian (Camille BENCH-FAMILLE-8200, the dossier's contact, e-mail {@code bench.famille.8200@example.fr})
 * and one document (the demo's rules PDF), and a Keycloak account {@code bench.famille.8200}… (password
 * {@code bench.familyPassword}, realm role {@code famille}, made as the other bench scenarios make theirs:
 * {@link KeycloakAdmin#ensureFamily}). Apart from the billing and messaging benches' dossiers 8000–8100.
 * Made the first time only (what is there is kept); the password is set again on each run.
 */
final class BenchFamilies {

    static final int FIRST_DOSSIER = BenchSettings.number("firstDossier", 8200);
    static final String PASSWORD = BenchSettings.text("familyPassword", "Bench-Famille-2026");
    private static final String DOCUMENT = "reglement-accueils-de-loisirs-2026.pdf";

    /** One family: its account and its dossier. */
    record Family(String username, String password, String dossier) {

        Map<String, Object> attributes() {
            return Map.of("username", username, "password", password, "dossier", dossier);
        }
    }

    /** A family logged in through the gateway: its session cookies and its guardian (the dossier's contact). */
    record LoggedIn(Family family, String sessionCookie, String xsrfToken, long guardianId) {

        Map<String, Object> attributes() {
            return Map.of("username", family.username(), "dossier", family.dossier(), "sessionCookie", sessionCookie,
                    "xsrfToken", xsrfToken, "guardianId", guardianId);
        }
    }

    private BenchFamilies() {
    }

    /** The first {@code count} bench families, by name only (nothing asked of the stack). */
    static List<Family> named(int count) {
        List<Family> families = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String dossier = String.valueOf(FIRST_DOSSIER + i);
            families.add(new Family("bench.famille." + dossier, PASSWORD, dossier));
        }
        return families;
    }

    /** Makes what is missing of the first {@code count} bench families; returns them. */
    static List<Family> ensure(int count) {
        List<Family> families = named(count);
        System.out.println("Bench families: dossiers " + families.get(0).dossier() + "–"
                + families.get(count - 1).dossier() + " and their accounts, made where missing...");
        KeycloakAdmin keycloak = new KeycloakAdmin(BenchSettings.KEYCLOAK);
        keycloak.clearLoginFailures(Portal.AGENT);
        PortalSession agent = PortalSession.login(BenchSettings.PORTAL, Portal.AGENT, Portal.AGENT_PASSWORD);
        byte[] document = null;
        for (Family family : families) {
            String dossier = family.dossier();
            String email = "bench.famille." + dossier + "@example.fr";
            Portal.ensureDossier(agent, dossier, "BENCH-FAMILLE-" + dossier, email);
            String path = "/api/dossier/dossiers/" + dossier;
            if (agent.get(path + "/guardians").json().isEmpty()) {
                expect(agent.post(path + "/guardians", """
                        {"civility":"MADAME","firstName":"Camille","lastName":"BENCH-FAMILLE-%s","email":"%s"}"""
                        .formatted(dossier, email)), 201, "guardian of dossier " + dossier);
            }
            if (agent.get(path + "/documents").json().isEmpty()) {
                document = document == null ? demoDocument() : document;
                expect(agent.post(path + "/documents", new Multipart().field("type", "REGLEMENT")
                        .field("title", "Règlement intérieur (bench)")
                        .file("file", DOCUMENT, "application/pdf", document)), 201, "document of dossier " + dossier);
            }
            keycloak.ensureFamily(family.username(), family.password(), dossier, email);
            keycloak.clearLoginFailures(family.username());
        }
        return families;
    }

    /**
     * Logs each family in on Keycloak's page through the gateway (one after the other: simultaneous logins
     * of one account can trip the realm's brute-force detection), accepting the CGU in force where the
     * gateway would refuse its calls without.
     */
    static List<LoggedIn> logIn(List<Family> families) {
        List<LoggedIn> sessions = new ArrayList<>(families.size());
        for (Family family : families) {
            PortalSession session = PortalSession.login(BenchSettings.PORTAL, family.username(), family.password());
            ApiClient.Response account = session.get("/api/identity/me/account");
            if (account.status() == 200 && account.json().path("mustAcceptCgu").asBoolean(false)) {
                session.acceptCurrentCgu();
            }
            ApiClient.Response guardians = session.get("/api/dossier/dossiers/" + family.dossier() + "/guardians");
            expect(guardians, 200, "guardians of dossier " + family.dossier());
            String cookie = session.cookie("PORTAIL_SESSION");
            String xsrf = session.cookie("XSRF-TOKEN");
            if (cookie == null || xsrf == null) {
                throw new IllegalStateException("Login of " + family.username() + ": no PORTAIL_SESSION or XSRF-TOKEN "
                        + "cookie (is the gateway running with Secure cookies, named __Host-…?)");
            }
            long guardian = guardians.json().isEmpty() ? -1 : guardians.json().get(0).get("id").asLong();
            sessions.add(new LoggedIn(family, cookie, xsrf, guardian));
        }
        return sessions;
    }

    private static byte[] demoDocument() {
        try (InputStream in = PortalSession.class.getClassLoader().getResourceAsStream("demo/" + DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("demo/" + DOCUMENT + " not found in test-support");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(ApiClient.Response answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": " + answer);
        }
    }
}
