package fr.portailfamille.banksimulator.payfip;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * PayFiP's SOAP 1.1 web service « PaiementSecuriseService » at its real path: {@code creerPaiementSecurise}
 * and {@code recupererDetailPaiementSecurise}, each with its parameters in {@code <arg0>} and its answer in
 * {@code <return>}; a broken rule answers HTTP 500 with a SOAP fault whose detail is a
 * {@code FonctionnelleErreur} (code, descriptif, libelle, severite). The operation is recognised by the
 * local name of the body's element; children are read by local name, in any namespace.
 */
@RestController
public class PayfipSoapController {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SERVICE_NS = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
            + "contrat_paiement_securise/PaiementSecuriseService";
    static final String REPONSE_NS = "http://securite.service.tpa.cp.finances.gouv.fr/reponse";
    static final String FAULT_STRING = "fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur";

    private static final Logger log = LoggerFactory.getLogger(PayfipSoapController.class);
    private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATTRANS = DateTimeFormatter.ofPattern("ddMMyyyy", Locale.ROOT);
    private static final DateTimeFormatter HEURTRANS = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);

    private final PayfipService payfip;

    public PayfipSoapController(PayfipService payfip) {
        this.payfip = payfip;
    }

    @PostMapping(path = "/tpa/services/securite", produces = "text/xml;charset=UTF-8")
    public ResponseEntity<String> call(@RequestBody(required = false) byte[] body) {
        Element operation;
        try {
            operation = operation(body);
        } catch (Exception e) {
            log.warn("PayFiP SOAP request refused: {}", e.getMessage());
            return clientFault("La requête n'est pas une enveloppe SOAP 1.1 lisible.");
        }
        Map<String, String> arguments = arguments(operation);
        try {
            return switch (operation.getLocalName()) {
                case "creerPaiementSecurise" -> ok(createResponse(payfip.create(arguments)));
                case "recupererDetailPaiementSecurise" -> ok(detailResponse(payfip.detail(idOp(arguments))));
                default -> clientFault("Opération inconnue : " + operation.getLocalName() + ".");
            };
        } catch (PayfipFault fault) {
            log.info("PayFiP {} answered fault {}", operation.getLocalName(), fault.getMessage());
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(TEXT_XML)
                    .body(functionalFault(fault));
        }
    }

    private static Element operation(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        Document document = builder.parse(new ByteArrayInputStream(body == null ? new byte[0] : body));
        Element envelope = document.getDocumentElement();
        if (!SOAP_NS.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new IllegalArgumentException("no SOAP 1.1 Envelope");
        }
        Element soapBody = firstChild(envelope, "Body");
        Element operation = soapBody == null ? null : firstElement(soapBody);
        if (operation == null) {
            throw new IllegalArgumentException("empty SOAP Body");
        }
        return operation;
    }

    /** The children of {@code <arg0>} (or of the operation itself), by local name. */
    private static Map<String, String> arguments(Element operation) {
        Element arg0 = firstChild(operation, "arg0");
        Element holder = arg0 != null ? arg0 : operation;
        Map<String, String> arguments = new LinkedHashMap<>();
        for (Node node = holder.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                arguments.put(element.getLocalName(), element.getTextContent().trim());
            }
        }
        return arguments;
    }

    private static String idOp(Map<String, String> arguments) {
        return arguments.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("idOp"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static Element firstChild(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static String createResponse(PayfipOperation operation) {
        return envelope("<ns2:creerPaiementSecuriseResponse xmlns:ns2=\"" + SERVICE_NS + "\"><return>"
                + element("idOp", operation.idOp()) + "</return></ns2:creerPaiementSecuriseResponse>");
    }

    private static String detailResponse(PayfipOperation operation) {
        var decidedAt = operation.decidedAt().orElseThrow().atZone(PARIS);
        StringBuilder fields = new StringBuilder()
                .append(element("dattrans", DATTRANS.format(decidedAt)))
                .append(element("exer", operation.exer()))
                .append(element("heurtrans", HEURTRANS.format(decidedAt)))
                .append(element("idOp", operation.idOp()))
                .append(element("mel", operation.mel()))
                .append(element("montant", Long.toString(operation.montant())));
        operation.numauto().ifPresent(numauto -> fields.append(element("numauto", numauto)));
        fields.append(element("numcli", operation.numcli()))
                .append(element("objet", operation.objet()))
                .append(element("refdet", operation.refdet()))
                .append(element("resultrans", operation.result().orElseThrow().name()))
                .append(element("saisie", operation.saisie()));
        return envelope("<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2=\"" + SERVICE_NS + "\"><return>"
                + fields + "</return></ns2:recupererDetailPaiementSecuriseResponse>");
    }

    private static String functionalFault(PayfipFault fault) {
        return envelope("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>" + FAULT_STRING
                + "</faultstring><detail><ns1:FonctionnelleErreur xmlns:ns1=\"" + REPONSE_NS + "\">"
                + element("code", fault.code()) + element("descriptif", fault.libelle())
                + element("libelle", fault.libelle()) + element("severite", "2")
                + "</ns1:FonctionnelleErreur></detail></soap:Fault>");
    }

    private static ResponseEntity<String> clientFault(String message) {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(TEXT_XML)
                .body(envelope("<soap:Fault><faultcode>soap:Client</faultcode>" + element("faultstring", message)
                        + "</soap:Fault>"));
    }

    private static ResponseEntity<String> ok(String body) {
        return ResponseEntity.ok().contentType(TEXT_XML).body(body);
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body>"
                + body + "</soap:Body></soap:Envelope>";
    }

    private static String element(String name, String value) {
        return "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
