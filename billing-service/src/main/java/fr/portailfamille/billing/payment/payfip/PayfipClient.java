package fr.portailfamille.billing.payment.payfip;

import fr.portailfamille.billing.payment.ProviderUnavailableException;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client of PayFiP's SOAP 1.1 web service « PaiementSecuriseService »: {@code creerPaiementSecurise}
 * and {@code recupererDetailPaiementSecurise}, parameters in {@code <arg0>} (unqualified), answers in
 * {@code <return>}, faults with a {@code FonctionnelleErreur} detail.
 *
 * <p>The envelopes are built and read with the JDK's DOM (namespace aware, DOCTYPE refused, no
 * external entities) and sent with Spring's {@link RestClient}: two operations with a handful of
 * string fields do not justify a SOAP stack (Spring WS and a JAXB binding are not in the offline
 * repository, and PayFiP publishes no WSDL we could generate from); the tests check the envelopes
 * against a stub speaking the contract, and the bank simulator answers the same ones.
 */
public class PayfipClient {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SERVICE_NS = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
            + "contrat_paiement_securise/PaiementSecuriseService";

    private final RestClient http;
    private final URI endpoint;

    public PayfipClient(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** {@code creerPaiementSecurise}: the new {@code idOp}. */
    public String create(PayfipRequest request) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("exer", request.exer());
        arguments.put("mel", request.mel());
        arguments.put("montant", Long.toString(request.montant()));
        arguments.put("numcli", request.numcli());
        arguments.put("objet", request.objet());
        arguments.put("refdet", request.refdet());
        arguments.put("saisie", request.saisie());
        arguments.put("urlnotif", request.urlnotif().toString());
        arguments.put("urlredirect", request.urlredirect().toString());
        Map<String, String> answer = call("creerPaiementSecurise", arguments);
        String idOp = answer.get("idOp");
        if (idOp == null || idOp.isBlank()) {
            throw new ProviderUnavailableException("PayFiP creerPaiementSecurise answered without idOp");
        }
        return idOp.trim();
    }

    /** {@code recupererDetailPaiementSecurise}: what PayFiP knows of {@code idOp}. */
    public PayfipDetail detail(String idOp) {
        Map<String, String> d = call("recupererDetailPaiementSecurise", Map.of("idOp", idOp));
        long montant;
        try {
            montant = Long.parseLong(d.getOrDefault("montant", ""));
        } catch (NumberFormatException e) {
            throw new ProviderUnavailableException("PayFiP detail of " + idOp + " without a readable montant");
        }
        return new PayfipDetail(d.get("idOp"), d.get("numcli"), d.get("exer"), d.get("refdet"), d.get("objet"),
                montant, d.get("mel"), d.get("saisie"), d.get("resultrans"), d.get("numauto"), d.get("dattrans"),
                d.get("heurtrans"));
    }

    /** Sends one operation; the children of {@code <return>} by local name, or a fault thrown. */
    private Map<String, String> call(String operation, Map<String, String> arguments) {
        String envelope = envelope(operation, arguments);
        Answer answer;
        try {
            answer = http.post().uri(endpoint)
                    .contentType(MediaType.parseMediaType("text/xml;charset=UTF-8"))
                    .accept(MediaType.TEXT_XML, MediaType.ALL)
                    .header("SOAPAction", "\"\"")
                    .body(envelope.getBytes(StandardCharsets.UTF_8))
                    .exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getBody().readAllBytes()));
        } catch (RestClientException e) {
            throw new ProviderUnavailableException("PayFiP " + operation + " unreachable: " + e.getMessage(), e);
        }
        Element body = soapBody(answer, operation);
        Element fault = child(body, SOAP_NS, "Fault");
        if (fault != null) {
            throw fault(fault);
        }
        if (answer.status() != 200) {
            throw new ProviderUnavailableException("PayFiP " + operation + " answered HTTP " + answer.status());
        }
        Element response = firstElement(body);
        Element result = response == null ? null : childByLocalName(response, "return");
        if (result == null) {
            throw new ProviderUnavailableException("PayFiP " + operation + " answered without <return>");
        }
        Map<String, String> values = new HashMap<>();
        for (Node node = result.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                values.put(element.getLocalName(), element.getTextContent().trim());
            }
        }
        return values;
    }

    private static PayfipFaultException fault(Element fault) {
        Element faultString = childByLocalName(fault, "faultstring");
        Element detail = childByLocalName(fault, "detail");
        Element functional = detail == null ? null : childByLocalName(detail, "FonctionnelleErreur");
        if (functional != null) {
            Element code = childByLocalName(functional, "code");
            Element libelle = childByLocalName(functional, "libelle");
            Element descriptif = childByLocalName(functional, "descriptif");
            String text = libelle != null ? libelle.getTextContent().trim()
                    : descriptif != null ? descriptif.getTextContent().trim() : "";
            return new PayfipFaultException(code == null ? null : code.getTextContent().trim(), text);
        }
        return new PayfipFaultException(null, faultString == null ? "" : faultString.getTextContent().trim());
    }

    private static Element soapBody(Answer answer, String operation) {
        try {
            Document document = parser().parse(new ByteArrayInputStream(answer.body()));
            Element envelope = document.getDocumentElement();
            if (!SOAP_NS.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
                throw new ProviderUnavailableException("PayFiP " + operation + " answered HTTP " + answer.status()
                        + " without a SOAP envelope");
            }
            Element body = child(envelope, SOAP_NS, "Body");
            if (body == null) {
                throw new ProviderUnavailableException("PayFiP " + operation + " answered an envelope without Body");
            }
            return body;
        } catch (SAXException | IOException e) {
            throw new ProviderUnavailableException("PayFiP " + operation + " answered HTTP " + answer.status()
                    + " with unreadable XML", e);
        }
    }

    /** The request envelope, built with the DOM so that every value is escaped. */
    static String envelope(String operation, Map<String, String> arguments) {
        try {
            Document document = parser().newDocument();
            Element envelope = document.createElementNS(SOAP_NS, "soapenv:Envelope");
            envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:pai", SERVICE_NS);
            document.appendChild(envelope);
            envelope.appendChild(document.createElementNS(SOAP_NS, "soapenv:Header"));
            Element body = document.createElementNS(SOAP_NS, "soapenv:Body");
            envelope.appendChild(body);
            Element call = document.createElementNS(SERVICE_NS, "pai:" + operation);
            body.appendChild(call);
            Element arg0 = document.createElementNS(null, "arg0");
            call.appendChild(arg0);
            arguments.forEach((name, value) -> {
                Element argument = document.createElementNS(null, name);
                argument.setTextContent(value == null ? "" : value);
                arg0.appendChild(argument);
            });
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Could not write a SOAP envelope", e);
        }
    }

    static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a safe setting", e);
        }
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        return null;
    }

    private static Element childByLocalName(Element parent, String localName) {
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

    private record Answer(int status, byte[] body) {
    }
}
