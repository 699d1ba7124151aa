package fr.portailfamille.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import fr.portailfamille.testsupport.PortalSession;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's « a file of 10,000 debits produced and validated; target ≤ 5 s on 2 cores »: the agents'
 * export of a direct-debit file (« Exporter le fichier »), {@code POST /api/billing/direct-debits/collections}
 * with a collection date, straight to billing-service with the agent's bearer token, timed from the request
 * to the whole answer. In that one call billing-service collects every invoice « À payer » due by that date
 * of every dossier with an active mandate, writes the pain.008.001.02 file, validates it against the schema
 * and keeps it with its debits: 201 is the only success.
 * <p>
 * Set up first, not measured: dossiers 8000–8099 (created the first time), each with an ACTIVE mandate
 * (inserted the first time straight into the local stack's billing database, as a family's signature
 * leaves it: RUM {@code BENCH-<dossier>}, a valid French IBAN of its own), then 10,000 invoices due today
 * ({@code D<yyMMddHHmmss>-00001}…, the billing import's batch) imported straight to billing-service, and
 * the machine left to settle (the import's 10,000 « Nouvelle facture disponible » keep the stack busy).
 * Each run exports a date no earlier run used (the service keeps one file per date), far in the future.
 * <p>
 * Checked afterwards, in the bench itself: the downloaded file is well-formed XML, its group header's
 * {@code NbOfTxs} is the answer's {@code debitCount}, and it is valid against the official
 * {@code pain.008.001.02.xsd} (hbci4j-core's, as billing-service takes it; unpacked by bench/pom.xml). An
 * answer other than 201, an invalid file or fewer debits than the invoices imported is an error.
 * <p>
 * The file holds what is due, not only this run's invoices: the unpaid invoices earlier runs left on the
 * bench dossiers (the billing import's, 10,000 a run, due in 30 days) are collected too, and the figure
 * counts what the file holds. A run leaves its file and every collected invoice « Prélèvement prévu » (for a
 * date years ahead: never settled as paid); {@code deploy/local/run --reset} starts afresh.
 */
final class DirectDebitScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int FIRST_DOSSIER = ImportScenario.FIRST_DOSSIER;
    static final String COLLECTIONS = "/api/billing/direct-debits/collections";
    static final String TEXT_VERSION = "2026-12-v1";
    static final String XSD = "/sepa/xsd/pain.008.001.02.xsd";
    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";
    /** Tries of the next day when a date was already exported (each an answer of the same old file). */
    private static final int MAX_DATES = 20;
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private final Bench.Options options;

    DirectDebitScenario(Bench.Options options) {
        this.options = options;
    }

    Bench.Outcome run() {
        int count = options.invoices();
        int dossiers = options.dossiers();
        System.out.println("Setting up: dossiers " + FIRST_DOSSIER + "–" + (FIRST_DOSSIER + dossiers - 1)
                + " with an active mandate...");
        PortalSession agent = PortalSession.login(options.portalUrl(), Portal.AGENT, Portal.AGENT_PASSWORD);
        for (int i = 0; i < dossiers; i++) {
            int number = FIRST_DOSSIER + i;
            Portal.ensureDossier(agent, String.valueOf(number), "BENCH-" + number, "bench." + number + "@example.test");
        }
        int added = ensureMandates(dossiers);
        System.out.println(added == 0 ? "Every bench dossier already has an active mandate."
                : "Active mandates added to " + added + " dossiers (billing database " + options.billingDb() + ").");

        String prefix = "D" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyMMddHHmmss"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String batch = Portal.batch(prefix, count, FIRST_DOSSIER, dossiers, today.toString(), today.toString());
        String token = agentToken();
        System.out.printf(Locale.ROOT, "Importing %d invoices (%s-00001…, due %s) straight to billing-service "
                + "(not measured)...%n", count, prefix, today);
        long importBegin = System.nanoTime();
        HttpResponse<String> imported = Portal.postBearer(options.billingUrl() + "/api/billing/imports", token, batch,
                Duration.ofMinutes(10));
        double importSeconds = (System.nanoTime() - importBegin) / 1e9;
        int created = imported.statusCode() == 201 ? JSON.readTree(imported.body()).get("created").asInt() : -1;
        if (imported.statusCode() != 201 || created != count) {
            throw new IllegalStateException(String.format(Locale.ROOT, "Import of %d invoices answered HTTP %d after "
                    + "%.1f s: %s", count, imported.statusCode(), importSeconds, abbreviated(imported.body())));
        }
        System.out.printf(Locale.ROOT, "Imported %d invoices in %.1f s.%n", created, importSeconds);
        if (options.settleSeconds() > 0) {
            // The import's 10,000 events keep notification-service (and PostgreSQL) busy for minutes.
            double busy = Machine.settle(0.15, Duration.ofSeconds(options.settleSeconds()));
            System.out.printf(Locale.ROOT, "Machine %.0f %% busy before the export.%n", busy * 100);
        }

        // A fresh token: the import and the settling may have outlived the first one.
        token = agentToken();
        LocalDate date = collectionDate(today);
        ProcessCpu cpu = new ProcessCpu(options.localData(), 55432);
        Map<String, Long> cpuBefore;
        Map<String, Long> cpuAfter;
        HttpResponse<String> answer;
        double seconds;
        int tries = 0;
        while (true) {
            System.out.println("Exporting the direct-debit file of " + date + " straight to billing-service...");
            cpuBefore = cpu.snapshot();
            long begin = System.nanoTime();
            answer = Portal.postBearer(options.billingUrl() + COLLECTIONS, token,
                    "{\"collectionDate\":\"" + date + "\"}", Duration.ofMinutes(10));
            seconds = (System.nanoTime() - begin) / 1e9;
            cpuAfter = cpu.snapshot();
            if (answer.statusCode() != 200 || ++tries >= MAX_DATES
                    || !JSON.readTree(answer.body()).path("alreadyExported").asBoolean(false)) {
                break;
            }
            System.out.println("  " + date + " was exported by an earlier run (HTTP 200, alreadyExported): the next day.");
            date = date.plusDays(1);
        }
        String cpuSplit = ProcessCpu.split(cpuBefore, cpuAfter, seconds, Runtime.getRuntime().availableProcessors());

        int errors = 0;
        String figures;
        if (answer.statusCode() != 201) {
            errors++;
            System.out.printf(Locale.ROOT, "Export answered HTTP %d after %.2f s: %s%n", answer.statusCode(), seconds,
                    abbreviated(answer.body()));
            figures = String.format(Locale.ROOT, "direct-debit file of %s over %d imported invoices (%d dossiers): "
                    + "HTTP %d after %.2f s, no file; %s", date, count, dossiers, answer.statusCode(), seconds, cpuSplit);
        } else {
            JsonNode file = JSON.readTree(answer.body());
            int debitCount = file.get("debitCount").asInt();
            BigDecimal controlSum = file.get("controlSum").asDecimal();
            Set<String> dossiersDebited = new HashSet<>();
            for (JsonNode debit : file.path("debits")) {
                dossiersDebited.add(debit.get("dossierNumber").asString());
            }
            if (debitCount < count) {
                errors++;
                System.out.println("The file holds " + debitCount + " debits, fewer than the " + count
                        + " invoices imported.");
            }
            token = agentToken();
            HttpResponse<byte[]> download = Portal.getBytesBearer(options.billingUrl() + file.get("filePath").asString(),
                    token, Duration.ofMinutes(2));
            String check;
            double megabytes = download.body().length / 1e6;
            if (download.statusCode() != 200) {
                errors++;
                check = "download answered HTTP " + download.statusCode();
                System.out.println("File " + file.get("filePath").asString() + ": HTTP " + download.statusCode() + " "
                        + abbreviated(new String(download.body(), StandardCharsets.UTF_8)));
            } else {
                check = check(download.body(), debitCount);
                if (!check.equals("valid against the XSD")) {
                    errors++;
                }
            }
            figures = String.format(Locale.ROOT, "%d debits (%d dossiers, total %,.2f EUR) in one pain.008.001.02 file, "
                            + "produced and validated by billing-service: HTTP %d, %.2f s (%.0f debits/s); file %.1f MB, %s; %s",
                    debitCount, dossiersDebited.size(), controlSum, answer.statusCode(), seconds, debitCount / seconds,
                    megabytes, check, cpuSplit);
        }
        return new Bench.Outcome(String.format(Locale.ROOT, "directdebit: file of %,d debits", count), figures,
                "≤ 5 s on 2 cores", errors == 0 && seconds <= 5, errors);
    }

    /**
     * A date no earlier run exported: 400 days ahead, plus the minutes since 2026-01-01 modulo 20,000 days
     * (a run a minute later asks another date; a clash moves on to the next day).
     */
    static LocalDate collectionDate(LocalDate today) {
        long minutes = Duration.between(Instant.parse("2026-01-01T00:00:00Z"), Instant.now()).toMinutes();
        return today.plusDays(400 + Math.floorMod(minutes, 20_000L));
    }

    /**
     * Gives each bench dossier without an active mandate one, in one transaction, as a signed mandate
     * stands in {@code direct_debit_mandate}: ACTIVE, holder « BENCH 8000 », its own IBAN, RUM
     * {@code BENCH-8000} ({@code BENCH-8000-2}… when a stopped bench mandate holds it), signed now from
     * 127.0.0.1 on text {@value #TEXT_VERSION}; no BIC (the file says NOTPROVIDED, as for a family that
     * gave none). Returns how many were added.
     */
    private int ensureMandates(int dossiers) {
        try (Connection db = DriverManager.getConnection(options.billingDb(), "portail", "portail")) {
            Set<String> active = new HashSet<>();
            Set<String> rums = new HashSet<>();
            try (Statement query = db.createStatement()) {
                try (ResultSet rs = query.executeQuery(
                        "select dossier_number from direct_debit_mandate where status = 'ACTIVE'")) {
                    while (rs.next()) {
                        active.add(rs.getString(1));
                    }
                }
                try (ResultSet rs = query.executeQuery(
                        "select rum from direct_debit_mandate where rum like 'BENCH-%'")) {
                    while (rs.next()) {
                        rums.add(rs.getString(1));
                    }
                }
            }
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < dossiers; i++) {
                if (!active.contains(String.valueOf(FIRST_DOSSIER + i))) {
                    missing.add(FIRST_DOSSIER + i);
                }
            }
            if (missing.isEmpty()) {
                return 0;
            }
            db.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into direct_debit_mandate (id, dossier_number, status, holder_name, address_line, postcode,
                        city, iban, bic, rum, text_version, code_tries_left, signed_at, signed_ip, signed_by, email,
                        family_name, version, created_at, created_by, updated_at, updated_by)
                    values (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, null, ?, ?, 0, ?, '127.0.0.1', 'bench', ?, ?, 0, ?, 'bench',
                        ?, 'bench')""")) {
                for (int dossier : missing) {
                    String rum = "BENCH-" + dossier;
                    for (int k = 2; rums.contains(rum); k++) {
                        rum = "BENCH-" + dossier + "-" + k;
                    }
                    rums.add(rum);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, String.valueOf(dossier));
                    insert.setString(3, "BENCH " + dossier);
                    insert.setString(4, "1 place de la Mairie");
                    insert.setString(5, "66130");
                    insert.setString(6, "Ille-sur-Têt");
                    insert.setString(7, iban(dossier));
                    insert.setString(8, rum);
                    insert.setString(9, TEXT_VERSION);
                    insert.setObject(10, now);
                    insert.setString(11, "bench." + dossier + "@example.test");
                    insert.setString(12, "BENCH-" + dossier);
                    insert.setObject(13, now);
                    insert.setObject(14, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
            return missing.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Billing database " + options.billingDb() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A valid French IBAN of its own for the dossier, electronic form: bank 30006, branch 00001, the
     * dossier as an 11-digit account number, its RIB key, then the IBAN's ISO 7064 MOD 97-10 check digits.
     */
    static String iban(int dossier) {
        String account = String.format(Locale.ROOT, "%011d", dossier);
        String bankBranchAccount = "30006" + "00001" + account;
        int ribKey = 97 - new BigInteger(bankBranchAccount + "00").mod(NINETY_SEVEN).intValue();
        String bban = bankBranchAccount + String.format(Locale.ROOT, "%02d", ribKey);
        int check = 98 - new BigInteger(digits(bban + "FR00")).mod(NINETY_SEVEN).intValue();
        return "FR" + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    /** Letters as ISO 7064 reads them (A = 10 … Z = 35), digits as they are. */
    private static String digits(String text) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        return digits.toString();
    }

    /**
     * « valid against the XSD » when the file is well-formed XML, its group header's {@code NbOfTxs} is
     * {@code debitCount} and the schema finds nothing; else what is wrong (printed in full).
     */
    static String check(byte[] xml, int debitCount) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // nothing to say of a well-formed file
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            document = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            System.out.println("The file is not well-formed XML: " + e.getMessage());
            return "not well-formed XML";
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
        String transactions = groupHeaderTransactions(document);
        if (!String.valueOf(debitCount).equals(transactions)) {
            System.out.println("The file's GrpHdr/NbOfTxs is " + transactions + ", the answer's debitCount " + debitCount);
            return "NbOfTxs " + transactions + " ≠ debitCount " + debitCount;
        }
        List<String> errors = xsdErrors(xml);
        if (!errors.isEmpty()) {
            System.out.println("The file is not valid against " + XSD + " (" + errors.size() + " errors):");
            errors.stream().limit(20).forEach(error -> System.out.println("  " + error));
            String first = errors.get(0);
            return "NOT valid against the XSD (" + errors.size() + " errors, first: "
                    + (first.length() > 200 ? first.substring(0, 200) + "…" : first) + ")";
        }
        return "valid against the XSD";
    }

    /** {@code Document/CstmrDrctDbtInitn/GrpHdr/NbOfTxs}, null when absent. */
    private static String groupHeaderTransactions(Document document) {
        Node header = document.getElementsByTagNameNS(NAMESPACE, "GrpHdr").item(0);
        if (header == null) {
            return null;
        }
        for (Node child = header.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "NbOfTxs".equals(element.getLocalName())) {
                return element.getTextContent().strip();
            }
        }
        return null;
    }

    /** Every error of the schema ({@code javax.xml.validation}, nothing fetched from outside), « line L: … ». */
    private static List<String> xsdErrors(byte[] xml) {
        URL xsd = DirectDebitScenario.class.getResource(XSD);
        if (xsd == null) {
            throw new IllegalStateException(XSD + " is not on the classpath: bench/pom.xml unpacks it from "
                    + "com.github.hbci4j:hbci4j-core at build time (build bench/ again)");
        }
        List<String> errors = new ArrayList<>();
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Schema schema = factory.newSchema(xsd);
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // a warning is no reason to refuse a file
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return errors;
    }

    private static String abbreviated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }

    /**
     * The agent's bearer token as the gateway holds it (client portal-gateway: realm roles and the services
     * claim), for calls straight to billing-service.
     */
    private String agentToken() {
        return new KeycloakAdmin(options.keycloakUrl()).gatewayToken(Portal.AGENT, Portal.AGENT_PASSWORD,
                InboxScenario.GATEWAY_SECRET);
    }
}
