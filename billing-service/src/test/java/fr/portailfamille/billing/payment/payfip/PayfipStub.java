package fr.portailfamille.billing.payment.payfip;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * PayFiP's SOAP service « PaiementSecuriseService » as its contract says, for tests, on a JDK
 * {@code HttpServer}: {@code creerPaiementSecurise} answers an {@code idOp};
 * {@code recupererDetailPaiementSecurise} answers the result the test decided, or the
 * {@code FonctionnelleErreur} faults P1 (unknown idOp) and P5 (no result yet), as the bank simulator
 * and public integrations' recordings of the real service do. Written from the envelopes, not from
 * the client's code.
 */
public final class PayfipStub implements AutoCloseable {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SERVICE_NS = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
            + "contrat_paiement_securise/PaiementSecuriseService";
    static final String REPONSE_NS = "http://securite.service.tpa.cp.finances.gouv.fr/reponse";

    /** One idOp: what was asked, and the result once decided. */
    public static final class Operation {
        public final String idOp;
        public final Map<String, String> request;
        volatile String resultrans;

        Operation(String idOp, Map<String, String> request) {
            this.idOp = idOp;
            this.request = request;
        }
    }

    private static PayfipStub shared;

    private final HttpServer server;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<Fault> nextFault = new AtomicReference<>();
    private volatile boolean down;

    /** A FonctionnelleErreur to answer once, to any operation ({@code operation} null) or to that one. */
    private record Fault(String operation, String code, String libelle) {
    }

    public PayfipStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/tpa/services/securite", this::handle);
        server.start();
    }

    /** One stub for the JVM (a Spring context is pointed at it once). */
    public static synchronized PayfipStub shared() {
        if (shared == null) {
            shared = new PayfipStub();
        }
        return shared;
    }

    /** The base address: the service is at {@code <url>/tpa/services/securite}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Operation operation(String idOp) {
        return operations.get(idOp);
    }

    /** The payer's result: P, V, R, Z or A. */
    public void decide(String idOp, String resultrans) {
        operations.get(idOp).resultrans = resultrans;
    }

    /** PayFiP forgets the idOp (its nightly clean-up): P1 afterwards. */
    public void forget(String idOp) {
        operations.remove(idOp);
    }

    /** The next call answers this FonctionnelleErreur (e.g. T2 « client inconnu »). */
    public void failNextCall(String code, String libelle) {
        nextFault.set(new Fault(null, code, libelle));
    }

    /**
     * The next call of {@code operation} answers this FonctionnelleErreur; calls of the other
     * operation (another test context's expiry check) are answered as usual.
     */
    public void failNext(String operation, String code, String libelle) {
        nextFault.set(new Fault(operation, code, libelle));
    }

    /**
     * PayFiP is down (or {@code false}: back): every call gets 503 with the HTML page of a proxy in
     * front of it, as when the service is stopped for maintenance.
     */
    public void down(boolean down) {
        this.down = down;
    }

    /** Answers as usual again: not down, no fault waiting. */
    public void recover() {
        down = false;
        nextFault.set(null);
    }

    /** The envelopes received for {@code operation} that name {@code value} (an idOp, a refdet). */
    public long calls(String operation, String value) {
        return requests.stream().filter(r -> r.contains(operation) && r.contains(value)).count();
    }

    /** Every envelope received, as received. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(body);
        if (down) {
            reply(exchange, 503, "text/html;charset=UTF-8",
                    "<html><body><h1>503 Service Unavailable</h1></body></html>");
            return;
        }
        Element operation;
        try {
            operation = soapOperation(body);
        } catch (Exception e) {
            reply(exchange, 500, envelope("<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Enveloppe "
                    + "illisible</faultstring></soap:Fault>"));
            return;
        }
        Map<String, String> arguments = new ConcurrentHashMap<>();
        Element arg0 = child(operation, "arg0");
        for (Node n = arg0 == null ? null : arg0.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                arguments.put(e.getLocalName(), e.getTextContent());
            }
        }
        Fault fault = nextFault.get();
        if (fault != null && (fault.operation() == null || fault.operation().equals(operation.getLocalName()))
                && nextFault.compareAndSet(fault, null)) {
            reply(exchange, 500, functionalFault(fault.code(), fault.libelle()));
            return;
        }
        switch (operation.getLocalName()) {
            case "creerPaiementSecurise" -> {
                String idOp = UUID.randomUUID().toString();
                operations.put(idOp, new Operation(idOp, Map.copyOf(arguments)));
                reply(exchange, 200, envelope("<ns2:creerPaiementSecuriseResponse xmlns:ns2=\"" + SERVICE_NS
                        + "\"><return><idOp>" + idOp + "</idOp></return></ns2:creerPaiementSecuriseResponse>"));
            }
            case "recupererDetailPaiementSecurise" -> {
                Operation found = operations.get(arguments.getOrDefault("idOp", ""));
                if (found == null) {
                    reply(exchange, 500, functionalFault("P1", "IdOp incorrect."));
                } else if (found.resultrans == null) {
                    reply(exchange, 500, functionalFault("P5", "Résultat de la transaction non connu."));
                } else {
                    Map<String, String> r = found.request;
                    String numauto = "P".equals(found.resultrans) ? "<numauto>123456</numauto>" : "";
                    reply(exchange, 200, envelope("<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2=\""
                            + SERVICE_NS + "\"><return><dattrans>01122026</dattrans><exer>" + r.get("exer")
                            + "</exer><heurtrans>1530</heurtrans><idOp>" + found.idOp + "</idOp><mel>"
                            + escape(r.get("mel")) + "</mel><montant>" + r.get("montant") + "</montant>" + numauto
                            + "<numcli>" + r.get("numcli") + "</numcli><objet>" + escape(r.get("objet"))
                            + "</objet><refdet>" + r.get("refdet") + "</refdet><resultrans>" + found.resultrans
                            + "</resultrans><saisie>" + r.get("saisie") + "</saisie></return>"
                            + "</ns2:recupererDetailPaiementSecuriseResponse>"));
                }
            }
            default -> reply(exchange, 500, envelope("<soap:Fault><faultcode>soap:Client</faultcode><faultstring>"
                    + "Opération inconnue</faultstring></soap:Fault>"));
        }
    }

    private static Element soapOperation(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        Element envelope = document.getDocumentElement();
        if (!SOAP_NS.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new IllegalArgumentException("not a SOAP 1.1 envelope");
        }
        Element operation = null;
        Element soapBody = child(envelope, "Body");
        for (Node n = soapBody.getFirstChild(); n != null && operation == null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                operation = e;
            }
        }
        if (operation == null || !SERVICE_NS.equals(operation.getNamespaceURI())) {
            throw new IllegalArgumentException("operation not in the service's namespace");
        }
        return operation;
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String functionalFault(String code, String libelle) {
        return envelope("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>"
                + "fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur</faultstring><detail>"
                + "<ns1:FonctionnelleErreur xmlns:ns1=\"" + REPONSE_NS + "\"><code>" + code + "</code><descriptif>"
                + escape(libelle) + "</descriptif><libelle>" + escape(libelle) + "</libelle><severite>2</severite>"
                + "</ns1:FonctionnelleErreur></detail></soap:Fault>");
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body>"
                + body + "</soap:Body></soap:Envelope>";
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        reply(exchange, status, "text/xml;charset=UTF-8", xml);
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
