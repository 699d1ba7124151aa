package fr.portailfamille.banksimulator.payfip;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PayFiP client written in the test from the envelopes public integrations send, not from the simulator's code. */
final class PayfipSoap {

    private static final String SERVICE_NS = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
            + "contrat_paiement_securise/PaiementSecuriseService";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI endpoint;

    PayfipSoap(URI endpoint) {
        this.endpoint = endpoint;
    }

    static Map<String, String> invoice(String urlnotif) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("exer", "2026");
        request.put("mel", "claire.durand@example.fr");
        request.put("montant", "5150");
        request.put("numcli", "123456");
        request.put("objet", "Facture septembre 2026 dossier 6000");
        request.put("refdet", "2026000123");
        request.put("saisie", "T");
        request.put("urlnotif", urlnotif);
        request.put("urlredirect", "https://portail.example/facturation/payfip/retour");
        return request;
    }

    HttpResponse<String> creerPaiementSecurise(Map<String, String> arguments) throws Exception {
        StringBuilder arg0 = new StringBuilder();
        arguments.forEach((name, value) -> arg0.append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append('>'));
        return call("<pai:creerPaiementSecurise><arg0>" + arg0 + "</arg0></pai:creerPaiementSecurise>");
    }

    HttpResponse<String> recupererDetailPaiementSecurise(String idOp) throws Exception {
        return call("<pai:recupererDetailPaiementSecurise><arg0><idOp>" + escape(idOp)
                + "</idOp></arg0></pai:recupererDetailPaiementSecurise>");
    }

    HttpResponse<String> raw(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String operation) throws Exception {
        return raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:pai=\""
                + SERVICE_NS + "\"><soapenv:Header/><soapenv:Body>" + operation + "</soapenv:Body></soapenv:Envelope>");
    }

    /** The text of the first element with that local name, whatever its prefix. */
    static String field(String xml, String name) {
        Matcher matcher = Pattern.compile("<(?:\\w+:)?" + name + "(?:\\s[^>]*)?>([^<]*)</(?:\\w+:)?" + name + ">").matcher(xml);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
