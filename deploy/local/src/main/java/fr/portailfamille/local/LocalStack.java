package fr.portailfamille.local;

import fr.portailfamille.testsupport.DemoData;
import fr.portailfamille.testsupport.KafkaBroker;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.MailCatcherPage;
import fr.portailfamille.testsupport.PostgresServer;
import fr.portailfamille.testsupport.ServiceProcess;
import fr.portailfamille.testsupport.SmtpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole portal on one machine: PostgreSQL (embedded binaries, one database per service and one
 * for Keycloak), Kafka (KRaft, own JVM), a mail catcher (SMTP 3025, page 8025), Keycloak (its
 * distribution, realm imported), every service and the gateway from their jars, then the demo data.
 * Data stays in {@code .local-data/} between runs ({@code --reset} wipes it). Ctrl-C stops
 * everything it started, newest first.
 */
public final class LocalStack {

    static final int POSTGRES = 55432;
    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
    static final int SMTP = 3025;
    static final int MAIL_PAGE = 8025;
    static final int KEYCLOAK = 8180;
    static final int GATEWAY = 8080;
    /** The partner bank's payment platform, played by bank-simulator (billing-service's defaults point there). */
    static final int BANK = 8090;
    static final String PORTAL = "http://localhost:" + GATEWAY;

    /** Services, their port and database. */
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("identity-service", 8081);
        SERVICES.put("dossier-service", 8082);
        SERVICES.put("billing-service", 8083);
        SERVICES.put("messaging-service", 8084);
        SERVICES.put("notification-service", 8085);
    }

    private final Path root;
    private final Path data;
    private final Deque<Runnable> stops = new ArrayDeque<>();

    LocalStack(Path root, Path data) {
        this.root = root;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        Path root = KeycloakServer.repositoryRoot();
        Path data = Path.of(System.getenv().getOrDefault("PORTAL_LOCAL_DATA", root.resolve(".local-data").toString()));
        if (List.of(args).contains("--reset")) {
            wipe(data);
            System.out.println("Données locales effacées : " + data);
        }
        LocalStack stack = new LocalStack(root, data);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "local-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("ÉCHEC AU DÉMARRAGE : " + e.getMessage());
            System.err.println("Arrêt de ce qui avait démarré...");
            stack.stopAll();
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    void start() throws IOException {
        Instant begin = Instant.now();
        checkPorts();
        Files.createDirectories(data);
        Path logs = Files.createDirectories(data.resolve("logs"));

        step("PostgreSQL 17 sur le port " + POSTGRES);
        PostgresServer postgres = PostgresServer.persistent(data.resolve("postgres"), POSTGRES);
        stops.push(postgres::close);
        postgres.execute("do $$ begin if not exists (select from pg_roles where rolname = 'portail') then "
                + "create role portail login password 'portail'; end if; end $$");
        for (String database : List.of("identity", "dossier", "billing", "messaging", "notification", "keycloak")) {
            postgres.createDatabase(database);
            postgres.execute("alter database " + database + " owner to portail");
        }

        step("Kafka (KRaft) sur le port " + KAFKA);
        KafkaBroker kafka = new KafkaBroker(data.resolve("kafka"), KAFKA, KAFKA_CONTROLLER);
        kafka.start();
        stops.push(kafka::stop);

        step("Serveur de mail : SMTP " + SMTP + ", page http://localhost:" + MAIL_PAGE);
        SmtpServer smtp = SmtpServer.on(SMTP);
        stops.push(smtp::stop);
        MailCatcherPage mailPage = new MailCatcherPage(smtp, MAIL_PAGE);
        stops.push(mailPage::stop);

        step("Keycloak sur le port " + KEYCLOAK + " (le premier démarrage construit Keycloak : une à deux minutes)");
        System.setProperty("portal.keycloak.home", data.resolve("keycloak").toString());
        KeycloakServer keycloak = KeycloakServer.start(root, KEYCLOAK, PORTAL, "postgres", Map.of(
                "KC_DB_URL", "jdbc:postgresql://localhost:" + POSTGRES + "/keycloak",
                "KC_DB_USERNAME", "portail",
                "KC_DB_PASSWORD", "portail"));
        stops.push(keycloak::stop);

        step("Services, simulateur de banque et passerelle");
        Map<String, ServiceProcess> processes = new LinkedHashMap<>();
        // Its notifications retried within a minute here, not every 15 minutes as the real platform does.
        processes.put("bank-simulator", ServiceProcess.start("bank-simulator", jar("bank-simulator"), BANK,
                Map.of("BANK_SIMULATOR_SYSTEMPAY_NOTIFICATION_RETRY_DELAYS", "5s,15s,30s,1m"), logs));
        SERVICES.forEach((service, port) -> {
            Map<String, String> environment = Map.of(
                    "SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + POSTGRES + "/" + service.replace("-service", ""),
                    "SPRING_DATASOURCE_USERNAME", "portail",
                    "SPRING_DATASOURCE_PASSWORD", "portail",
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + KAFKA,
                    "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", keycloak.issuer(),
                    "SPRING_MAIL_HOST", "localhost",
                    "SPRING_MAIL_PORT", String.valueOf(SMTP),
                    "PORTAL_BRANDING_PORTAL_URL", PORTAL,
                    "PORTAL_KEYCLOAK_URL", keycloak.url());
            processes.put(service, ServiceProcess.start(service, jar(service), port, environment, logs));
        });
        processes.put("gateway", ServiceProcess.start("gateway", jar("gateway"), GATEWAY,
                Map.of("PORTAL_KEYCLOAK_PUBLIC_URL", keycloak.url()), logs));
        processes.values().forEach(process -> stops.push(process::stop));
        for (ServiceProcess process : processes.values()) {
            try {
                process.awaitReady(Duration.ofMinutes(5));
                System.out.println("   " + process.name() + " prêt sur " + process.url());
            } catch (IllegalStateException e) {
                throw new IllegalStateException(process.name() + " n'a pas démarré (journal : "
                        + logs.resolve(process.name() + ".log") + ")\n" + process.tail(40), e);
            }
        }

        step("Données de démonstration");
        DemoData.ensure(PORTAL).lines().forEach(line -> System.out.println("   " + line));

        Duration took = Duration.between(begin, Instant.now());
        // PSS, not RSS, summed: PostgreSQL's backends (one per pooled connection, 60 and more) each map the
        // same shared buffers, which a sum of RSS counts once per backend (≈ 1.2 GB instead of ≈ 0.13 GB here).
        long memory = Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .mapToLong(process -> memoryKb(process, "Pss:")).sum();
        long resident = Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .mapToLong(process -> memoryKb(process, "Rss:")).sum();
        // Read by bench/run startup (issue 15, scenario 6): the same figures, for RESULTS.md.
        Files.writeString(data.resolve("ready.properties"), "readySeconds=%d%nproportionalMb=%d%nresidentMb=%d%nreadyAt=%s%n"
                .formatted(took.toSeconds(), memory / 1024, resident / 1024, Instant.now()));
        System.out.printf("""

                ============================================================
                 Portail Famille est prêt en %d s (mémoire de tous les processus : %d Mo, PSS ; RSS additionnés : %d Mo)
                ------------------------------------------------------------
                 Portail            %s
                 Mails reçus        http://localhost:%d
                 Keycloak (admin)   %s/admin  (admin / admin)
                 Services           http://localhost:8081 … 8085 (swagger-ui.html)
                 Banque (simulateur) http://localhost:%d   carte acceptée 4970 1000 0000 0000, refusée 4970 1000 0000 0097
                 PostgreSQL         localhost:%d (portail / portail)   Kafka localhost:%d
                 Données            %s   (--reset pour repartir de zéro)
                 Journaux           %s
                ------------------------------------------------------------
                 Comptes de démonstration
                   Famille DURAND (dossier 6000)  claire.durand  / Famille-Durand-6000
                   Agent du service Jeunesse      agent.jeunesse / Agent-Jeunesse-2026
                   Agent du service Enfance       agent.enfance  / Agent-Enfance-2026
                   Administrateur                 admin.portail  / Admin-Portail-2026
                ============================================================
                 Ctrl-C arrête tout.
                """, took.toSeconds(), memory / 1024, resident / 1024, PORTAL, MAIL_PAGE, keycloak.url(), BANK, POSTGRES, KAFKA,
                data, logs);
    }

    private Path jar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " manquant : lancez deploy/local/run sans --no-build");
        }
        return jar;
    }

    /** Every port must be free before anything starts: say which part needs it. */
    static void checkPorts() {
        Map<Integer, String> parts = new LinkedHashMap<>();
        parts.put(POSTGRES, "PostgreSQL");
        parts.put(KAFKA, "Kafka");
        parts.put(KAFKA_CONTROLLER, "Kafka (contrôleur)");
        parts.put(SMTP, "serveur de mail (SMTP)");
        parts.put(MAIL_PAGE, "page des mails");
        parts.put(KEYCLOAK, "Keycloak");
        parts.put(GATEWAY, "passerelle");
        parts.put(BANK, "simulateur de banque");
        SERVICES.forEach((service, port) -> parts.put(port, service));
        parts.forEach((port, part) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("le port " + port + " (" + part + ") est déjà pris : "
                        + "arrêtez ce qui l'occupe (ss -ltnp | grep " + port + ")");
            }
        });
    }

    synchronized void stopAll() {
        if (stops.isEmpty()) {
            return;
        }
        System.out.println("Arrêt du Portail Famille...");
        while (!stops.isEmpty()) {
            try {
                stops.pop().run();
            } catch (RuntimeException e) {
                System.err.println("  arrêt incomplet : " + e.getMessage());
            }
        }
        System.out.println("Tout est arrêté.");
    }

    private static void step(String what) {
        System.out.println("-> " + what);
    }

    /** {@code Pss:} or {@code Rss:} of /proc/<pid>/smaps_rollup, in kB (0 when unreadable). */
    private static long memoryKb(ProcessHandle process, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "smaps_rollup")).stream()
                    .filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void wipe(Path data) throws IOException {
        if (Files.exists(data)) {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

}
