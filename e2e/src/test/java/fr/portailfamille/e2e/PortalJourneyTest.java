package fr.portailfamille.e2e;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.DemoData;
import fr.portailfamille.testsupport.Multipart;
import fr.portailfamille.testsupport.FreePorts;
import fr.portailfamille.testsupport.KafkaBroker;
import fr.portailfamille.testsupport.MailCatcherPage;
import fr.portailfamille.testsupport.Mails;
import fr.portailfamille.testsupport.PortalInfrastructure;
import fr.portailfamille.testsupport.ServiceProcess;
import fr.portailfamille.testsupport.SmtpServer;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalSession;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as it runs in production: every service and the gateway started from their
 * executable jars, configured only by environment variables, on a real PostgreSQL 17, a real Kafka
 * broker, a real SMTP server and the real Keycloak; people log in on Keycloak's page through the
 * gateway (sessions, CSRF, token relay), over HTTP and in Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalJourneyTest {

    private static final List<String> SERVICES = List.of(
            "identity-service", "dossier-service", "billing-service", "messaging-service", "notification-service");
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(6100);

    private static final String AGENT = "agent.jeunesse";
    private static final String AGENT_PASSWORD = "Agent-Jeunesse-2026";

    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final SmtpServer smtp = PortalInfrastructure.smtp();
    /** The caught mails as a page, for the browser to open the activation link like a family would. */
    private MailCatcherPage mailPage;
    private int mailPagePort;
    /** Dossier 6000's access key, given by the demo data when it creates the dossier. */
    private String demoAccessKey;
    private final KafkaBroker kafka = PortalInfrastructure.kafka();
    private final int gatewayPort = FreePorts.next();
    /** The partner bank's payment platform, played by bank-simulator with its public test values. */
    private final int bankPort = FreePorts.next();
    private final String portal = "http://localhost:" + gatewayPort;
    private final KeycloakServer keycloak = KeycloakServer.shared(portal);
    private PortalSession agent;

    @BeforeAll
    void startTheSystem() {
        Path logs = Path.of("target", "e2e-logs");
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : SERVICES) {
            ports.put(service, FreePorts.next());
            urls.put(service, "http://127.0.0.1:" + ports.get(service));
        }
        // The bank: posts its signed notification to billing-service, retried within seconds here.
        processes.put("bank-simulator", ServiceProcess.start("bank-simulator", jar("bank-simulator"), bankPort,
                Map.of("BANK_SIMULATOR_SYSTEMPAY_NOTIFICATION_RETRY_DELAYS", "2s,5s,10s"), logs));
        for (String service : SERVICES) {
            Map<String, String> environment = new LinkedHashMap<>(PortalInfrastructure.serviceEnvironment(service));
            environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", keycloak.issuer());
            environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", keycloak.jwkSetUri());
            // identity-service drives Keycloak and asks dossier-service to check references.
            environment.put("PORTAL_KEYCLOAK_URL", keycloak.url());
            environment.put("PORTAL_SERVICES_DOSSIER_URL", urls.get("dossier-service"));
            // notification-service asks identity-service for the agents of a service (their digest).
            environment.put("PORTAL_SERVICES_IDENTITY_URL", urls.get("identity-service"));
            environment.put("PORTAL_BRANDING_PORTAL_URL", portal);
            if (service.equals("billing-service")) {
                // The bank's payment page, and where the bank reaches billing-service (its notifications).
                environment.put("PORTAL_BILLING_PAYMENT_SYSTEMPAY_URL", "http://localhost:" + bankPort + "/vads-payment/");
                environment.put("PORTAL_BILLING_PUBLIC_URL", urls.get(service));
            }
            processes.put(service, ServiceProcess.start(service, jar(service), ports.get(service), environment, logs));
        }
        Map<String, String> gatewayEnvironment = Map.of(
                "PORTAL_KEYCLOAK_PUBLIC_URL", keycloak.url(),
                "PORTAL_SERVICES_IDENTITY_URL", urls.get("identity-service"),
                "PORTAL_SERVICES_DOSSIER_URL", urls.get("dossier-service"),
                "PORTAL_SERVICES_BILLING_URL", urls.get("billing-service"),
                "PORTAL_SERVICES_MESSAGING_URL", urls.get("messaging-service"),
                "PORTAL_BANK_FORM_ACTIONS", "http://localhost:" + bankPort);
        // Access log on: e2e/target/e2e-logs/gateway.log shows every request the browser made, and how long it took.
        processes.put("gateway", ServiceProcess.start("gateway", jar("gateway"), gatewayPort, gatewayEnvironment, logs,
                List.of("-Dreactor.netty.http.server.accessLogEnabled=true")));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopTheSystem));
        for (ServiceProcess process : processes.values()) {
            process.awaitReady(Duration.ofMinutes(4));
        }
        agent = PortalSession.login(portal, AGENT, AGENT_PASSWORD);
        demoAccessKey = DemoData.ensure(portal).accessKey();
        mailPagePort = FreePorts.next();
        mailPage = new MailCatcherPage(smtp, mailPagePort);
    }

    /**
     * A family account linked to {@code number}, logged in through Keycloak's page, once the gateway's
     * CGU gate (issue 13, item 10) was met: before the CGU in force are accepted, the family's dossier is
     * a 403 {@code cgu-a-accepter} and its account answers.
     */
    private PortalSession family(String number) {
        String username = "famille." + number;
        String password = "Famille-" + number + "-E2E-mdp";
        keycloak.createFamilyAccount(username, password, number);
        PortalSession family = PortalSession.login(portal, username, password);
        ApiClient.Response gated = family.get("/api/dossier/dossiers/" + number);
        assertThat(gated.status()).as(gated.body()).isEqualTo(403);
        assertThat(gated.json().get("type").asString()).isEqualTo("urn:portail-famille:problem:cgu-a-accepter");
        assertThat(family.get("/api/identity/me/account").status()).isEqualTo(200);
        family.acceptCurrentCgu();
        // Past the gate: its dossier, or 404 when the test gave it a number no dossier has (an intruder).
        assertThat(family.get("/api/dossier/dossiers/" + number).status()).isIn(200, 404);
        return family;
    }

    @AfterAll
    void stopTheSystem() {
        if (mailPage != null) {
            mailPage.stop();
        }
        processes.values().forEach(ServiceProcess::stop);
    }

    private static Path jar(String module) {
        return Path.of("..", module, "target", module + ".jar");
    }

    private String createDossier() {
        String number = String.valueOf(NEXT_NUMBER.getAndIncrement());
        ApiClient.Response created = agent.post("/api/dossier/dossiers", """
                {"number":"%s","familyName":"DURAND","email":"durand.%s@example.test","phone":"0612345678"}"""
                .formatted(number, number));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return number;
    }

    private static ApiClient.Response changeEmail(PortalSession family, String number, String email) {
        return family.put("/api/dossier/dossiers/" + number + "/contact-details", """
                {"email":"%s","phone":"06 98 76 54 32"}""".formatted(email));
    }

    @Test
    void a_family_changes_its_contact_details_through_the_gateway_and_is_emailed_in_french() {
        String number = createDossier();
        String email = "marie.durand." + number + "@example.test";
        PortalSession family = family(number);

        ApiClient.Response changed = changeEmail(family, number, email);

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> !smtp.receivedBy(email).isEmpty());
        MimeMessage mail = smtp.receivedBy(email).get(0);
        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : vos coordonnées ont été modifiées");
        assertThat(Mails.recipients(mail)).containsExactly(email);
        assertThat(Mails.text(mail)).contains("dossier n° " + number, "+33698765432");
    }

    @Test
    void with_kafka_down_the_change_commits_and_the_mail_arrives_exactly_once_when_kafka_is_back() {
        String number = createDossier();
        String email = "panne.kafka." + number + "@example.test";
        PortalSession family = family(number);
        kafka.stop();
        try {
            ApiClient.Response changed = changeEmail(family, number, email);

            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            ApiClient.Response read = family.get("/api/dossier/dossiers/" + number);
            assertThat(read.json().get("email").asString()).isEqualTo(email);
            assertThat(smtp.receivedBy(email)).isEmpty();
        } finally {
            kafka.start();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> !smtp.receivedBy(email).isEmpty());
        // Let any duplicate show up: the relay polls every 200 ms, the consumer is right behind.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(smtp.receivedBy(email)).hasSize(1);
    }

    @Test
    void another_family_cannot_read_or_change_a_dossier_through_the_gateway() {
        String number = createDossier();
        PortalSession intruder = family(String.valueOf(NEXT_NUMBER.getAndIncrement()));

        ApiClient.Response read = intruder.get("/api/dossier/dossiers/" + number);
        ApiClient.Response write = intruder.put("/api/dossier/dossiers/" + number + "/contact-details", """
                {"email":"pirate@example.test"}""");

        assertThat(read.status()).isEqualTo(404);
        assertThat(write.status()).isEqualTo(404);
        assertThat(write.contentType()).startsWith("application/problem+json");
        ApiClient.Response own = agent.get("/api/dossier/dossiers/" + number);
        assertThat(own.json().get("email").asString()).isEqualTo("durand." + number + "@example.test");
    }

    @Test
    void a_file_over_10_mb_sent_through_the_gateway_gets_413_in_french_and_no_request_is_filed() {
        String number = createDossier();
        PortalSession family = family(number);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, big, 0, 9);

        ApiClient.Response response = family.post("/api/dossier/dossiers/" + number + "/requests", new Multipart()
                .field("type", "CERTIFICATE").field("description", "Justificatif joint")
                .file("file", "scan.pdf", "application/pdf", big));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).isEqualTo("Le fichier dépasse la taille maximale de 10 Mo.");
        assertThat(family.get("/api/dossier/dossiers/" + number + "/requests").json()).isEmpty();
    }

    @Test
    void five_wrong_access_keys_lock_online_linking_for_an_hour_and_the_registration_says_so_in_french() {
        JsonNode created = agent.post("/api/dossier/dossiers", """
                {"number":"%s","familyName":"MARTIN","email":"martin@example.test"}"""
                .formatted(NEXT_NUMBER.getAndIncrement())).json();
        String number = created.get("number").asString();
        PortalSession visitor = new PortalSession(portal);
        visitor.get("/api/portal");
        ApiClient.Response started = visitor.post("/api/identity/registrations", """
                {"civility":"MONSIEUR","lastName":"MARTIN","firstName":"Paul","email":"paul.martin.%s@example.test",
                 "password":"Vacances-Prades-2026","passwordConfirmation":"Vacances-Prades-2026"}""".formatted(number));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String path = "/api/identity/registrations/" + started.json().get("id").asString() + "/dossier";

        for (int attempt = 1; attempt <= 5; attempt++) {
            ApiClient.Response wrong = visitor.put(path, """
                    {"dossierNumber":"%s","accessKey":"ZZZZ999%d","familyName":"MARTIN"}""".formatted(number, attempt));
            // The fifth failure locks at once, and the family is told so then.
            assertThat(wrong.status()).as("attempt " + attempt + ": " + wrong).isEqualTo(attempt < 5 ? 400 : 423);
        }
        ApiClient.Response right = visitor.put(path, """
                {"dossierNumber":"%s","accessKey":"%s","familyName":"martin"}"""
                .formatted(number, created.get("accessKey").asString()));

        assertThat(right.status()).as("even the right key, while locked").isEqualTo(423);
        assertThat(right.json().get("detail").asString())
                .matches("Trop d'essais : la liaison en ligne de ce dossier est bloquée jusqu'à \\d\\d:\\d\\d\\. "
                        + "Réessayez plus tard ou contactez le service\\.");
        assertThat(agent.get("/api/dossier/dossiers/" + number).json().has("linkingLockedUntil"))
                .as("the agent sees the lock").isTrue();
    }

    @Test
    void without_logging_in_the_service_answers_401_through_the_gateway() {
        ApiClient.Response response = new PortalSession(portal).get("/api/dossier/dossiers/6000");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("Vous devez être connecté pour accéder à cette ressource.");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void every_service_runs_from_its_jar_with_probes_and_openapi_and_hides_internals_behind_the_gateway() {
        for (String service : SERVICES) {
            ApiClient direct = new ApiClient(processes.get(service).url());
            assertThat(direct.get("/actuator/health/liveness", null).status()).as(service).isEqualTo(200);
            ApiClient.Response openapi = direct.get("/v3/api-docs", null);
            assertThat(openapi.status()).as(service).isEqualTo(200);
            assertThat(openapi.json().at("/info/title").asString()).as(service).contains(service);
        }
        PortalSession admin = PortalSession.login(portal, "admin.portail", "Admin-Portail-2026");
        assertThat(admin.get("/actuator/env").status()).isEqualTo(404);
        assertThat(admin.get("/internal/anything").status()).isEqualTo(404);
    }

    @Test
    void browser_journeys_in_chromium_pass() throws Exception {
        Path web = Path.of("..", "web").toAbsolutePath().normalize();
        Path output = Path.of("target", "browser-tests.log").toAbsolutePath();
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "e2e/")
                .directory(web.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("PORTAL_URL", portal);
        node.environment().put("MAIL_PAGE_URL", "http://localhost:" + mailPagePort);
        node.environment().put("DEMO_ACCESS_KEY", demoAccessKey);
        node.environment().put("DEMO_INVOICE", DemoData.INVOICE);
        Process process = node.start();

        boolean finished = process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES);

        String log = java.nio.file.Files.readString(output);
        System.out.println(log);
        assertThat(finished).as("browser tests finished").isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("pass 16", "fail 0");
        // The requests the family cancelled and the agent accepted in the browser, its phone change and
        // the demo document were e-mailed to it.
        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.receivedBy("claire.durand@example.fr").stream()
                .map(Mails::subject).toList().containsAll(List.of(
                        "Portail Famille : votre démarche « Demande d'attestation » a été annulée",
                        "Portail Famille : votre démarche « Demande d'attestation » a été acceptée",
                        "Portail Famille : vos coordonnées ont été modifiées",
                        "Portail Famille : un nouveau document est disponible dans votre espace")));
        // The demo invoice refused once, then paid: both told by mail.
        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.receivedBy("claire.durand@example.fr").stream()
                .map(Mails::subject).toList().containsAll(List.of(
                        "Portail Famille : Paiement refusé",
                        "Portail Famille : Paiement reçu — 51,50 €")));
        // The direct-debit mandate signed in the browser with the e-mailed code, told by mail.
        assertThat(smtp.receivedBy("claire.durand@example.fr").stream().map(Mails::subject))
                .contains("Portail Famille : Votre mandat de prélèvement est actif");
        // The Service Jeunesse's answer in the Messagerie, told by mail.
        assertThat(smtp.receivedBy("claire.durand@example.fr").stream().map(Mails::subject))
                .contains("Portail Famille : Vous avez reçu une réponse du Service Jeunesse");
    }
}
