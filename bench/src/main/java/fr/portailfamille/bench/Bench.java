package fr.portailfamille.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run <scenario…> [--option=value…]}: measures the local stack already running
 * ({@code deploy/local/run}), prints the figures and appends one row per scenario to
 * {@code bench/RESULTS.md}. A run with errors is not recorded unless {@code --record-errors}.
 */
public final class Bench {

    /**
     * What a scenario found: a line of figures for RESULTS.md, the target, whether it was met ({@code null}
     * when the issue gives no target to meet), errors.
     */
    record Outcome(String scenario, String figures, String target, Boolean met, int errors) {
    }

    /** The command line's options, with the local stack's defaults. */
    record Options(String portalUrl, String billingUrl, String keycloakUrl, Path root, Path localData,
                   int notifications, int warmup, int invoices, int dossiers, boolean direct,
                   boolean recordErrors, boolean record, int settleSeconds, String messagingDb,
                   int conversations, int readers, int reads, String messagingUrl, String billingDb,
                   int connections, int requests, long intervalMillis, String mailCatcherUrl) {

        static Options parse(Map<String, String> given, Path root) {
            String data = given.getOrDefault("local-data", System.getenv().getOrDefault("PORTAL_LOCAL_DATA",
                    root.resolve(".local-data").toString()));
            return new Options(
                    given.getOrDefault("portal", "http://localhost:8080"),
                    given.getOrDefault("billing", "http://localhost:8083"),
                    given.getOrDefault("keycloak", "http://localhost:8180"),
                    root, Path.of(data),
                    Integer.parseInt(given.getOrDefault("notifications", "200")),
                    Integer.parseInt(given.getOrDefault("warmup", "20")),
                    Integer.parseInt(given.getOrDefault("invoices", "10000")),
                    Integer.parseInt(given.getOrDefault("dossiers", "100")),
                    given.containsKey("direct"),
                    given.containsKey("record-errors"),
                    !given.containsKey("no-record"),
                    Integer.parseInt(given.getOrDefault("settle", "600")),
                    given.getOrDefault("messaging-db", "jdbc:postgresql://127.0.0.1:55432/messaging?reWriteBatchedInserts=true"),
                    Integer.parseInt(given.getOrDefault("conversations", "10000")),
                    Integer.parseInt(given.getOrDefault("readers", "200")),
                    Integer.parseInt(given.getOrDefault("reads", "10")),
                    given.getOrDefault("messaging", "http://localhost:8084"),
                    given.getOrDefault("billing-db", "jdbc:postgresql://127.0.0.1:55432/billing"),
                    Integer.parseInt(given.getOrDefault("connections", "200")),
                    Integer.parseInt(given.getOrDefault("requests", "20")),
                    Long.parseLong(given.getOrDefault("interval", "100")),
                    given.getOrDefault("mail-catcher", "http://127.0.0.1:8025"));
        }
    }

    private static final String USAGE = """
            bench/run <scenario…> [options]   (the local stack must be running: deploy/local/run)
              billing                 billing-notifications, then billing-import
              billing-notifications   200 concurrent bank notifications on distinct payments
              billing-import          one JSON batch of 10,000 invoices with their PDFs
              messaging               messaging-inbox
              messaging-inbox         agents' inbox (first page) of a service holding 10,000 conversations, 200 readers
              directdebit             one direct-debit file (pain.008.001.02) of 10,000 debits, produced and validated
              mail-drain              one batch of 10,000 invoices imported, then the time until their 10,000 « Nouvelle
                                      facture disponible » mails are in the mail catcher (issue 15)
              startup                 the local stack's time to ready and memory (as deploy/local/run wrote them), then each
                                      service alone: a second instance started on port + 10,000, time to ready, RSS (issue 15)
              burst                   200 connections at once on one family's dossier through the gateway, another
                                      family reading its own meanwhile: only the excess shed, nobody else (issue 13)
            options:
              --notifications=200 --warmup=20      burst size; notifications sent one by one before it (not measured)
              --invoices=10000 --dossiers=100      batch size; bench dossiers 8000… it is spread over (directdebit: the
                                                   invoices imported, not measured, before the file is exported)
              --direct                             import straight to billing-service (bearer token) instead of the gateway;
                                                   messaging-inbox: read straight from messaging-service (the agent's bearer token)
              --conversations=10000                bench conversations in service jeunesse (only missing ones are added)
              --readers=200 --reads=10             agent sessions reading at once; reads of each, back to back
              --connections=200 --requests=20      burst: connections at once on dossier 8100; reads of each, back to back
              --interval=100                       burst: milliseconds between two reads of the other family (dossier 6000)
              --messaging-db=JDBC_URL              the local stack's messaging database (user portail), where they are copied
              --billing-db=JDBC_URL                the local stack's billing database (user portail), where directdebit gives
                                                   the bench dossiers their active mandates
              --record-errors                      record a run that had errors (marked so)
              --no-record                          print only, RESULTS.md untouched
              --settle=600                         before each scenario (and the burst, directdebit's export), wait at most that many
                                                   seconds for the machine to be < 15 % busy; 0: do not wait
              --portal=URL --billing=URL --messaging=URL --keycloak=URL --mail-catcher=URL --local-data=DIR
            """;

    private Bench() {
    }

    public static void main(String[] args) {
        List<String> scenarios = new ArrayList<>();
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                given.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
            } else if (arg.equals("billing")) {
                scenarios.addAll(List.of("billing-notifications", "billing-import"));
            } else if (arg.equals("messaging")) {
                scenarios.add("messaging-inbox");
            } else {
                scenarios.add(arg);
            }
        }
        if (scenarios.isEmpty() || given.containsKey("help")) {
            System.out.print(USAGE);
            System.exit(scenarios.isEmpty() && !given.containsKey("help") ? 2 : 0);
        }
        Path root = root();
        Options options = Options.parse(given, root);
        Results results = new Results(root.resolve("bench/RESULTS.md"));
        int failed = 0;
        for (String scenario : scenarios) {
            double busy = options.settleSeconds() > 0
                    ? Machine.settle(0.15, java.time.Duration.ofSeconds(options.settleSeconds())) : Machine.busy(2000);
            Machine machine = Machine.now(root, busy);
            System.out.println();
            System.out.println("== " + scenario + " — " + machine.describe() + ", commit " + machine.commit());
            Outcome outcome = switch (scenario) {
                case "billing-notifications" -> new NotificationScenario(options).run();
                case "billing-import" -> new ImportScenario(options).run();
                case "messaging-inbox" -> new InboxScenario(options).run();
                case "directdebit" -> new DirectDebitScenario(options).run();
                case "burst" -> new BurstScenario(options).run();
                case "mail-drain" -> new MailDrainScenario(options).run();
                case "startup" -> new StartupScenario(options).run();
                default -> {
                    System.out.print("Unknown scenario " + scenario + "\n" + USAGE);
                    System.exit(2);
                    yield null;
                }
            };
            System.out.println("-> " + outcome.figures());
            System.out.println("-> target " + outcome.target()
                    + (outcome.met() == null ? "" : outcome.met() ? ": met" : ": NOT met")
                    + (outcome.errors() > 0 ? ", " + outcome.errors() + " error(s)" : ""));
            if (!options.record()) {
                System.out.println("Not recorded (--no-record).");
            } else if (outcome.errors() > 0 && !options.recordErrors()) {
                System.out.println("Not recorded: the run had errors (--record-errors records it anyway, marked so).");
                failed++;
            } else {
                results.append(machine, outcome.scenario(), outcome.figures(), outcome.target(), outcome.met(),
                        outcome.errors());
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** The repository's root: where bench/ and deploy/ are, from the working directory up. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("bench")) ) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("Run from the repository (bench/run does)");
        }
        return here;
    }
}
