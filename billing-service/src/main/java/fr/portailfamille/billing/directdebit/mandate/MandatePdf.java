package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.pdf.HtmlPdf;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A signed mandate as a PDF the family keeps: RUM, creditor and ICS, the holder and the masked IBAN,
 * the text of the version signed, and how and when it was signed. Made when asked (from what the
 * mandate recorded, so always the same document), not stored.
 */
@Component
class MandatePdf {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final HtmlPdf pdf = new HtmlPdf("mandate-pdf/mandate.html");

    byte[] render(Mandate mandate, CreditorProperties creditor, MandateText text) {
        var signed = mandate.getSignedAt().atZone(PARIS);
        return pdf.render(Map.ofEntries(
                Map.entry("rum", HtmlPdf.escape(mandate.getRum())),
                Map.entry("creditorName", HtmlPdf.escape(creditor.name())),
                Map.entry("creditorAddress", HtmlPdf.lines(creditor.address())),
                Map.entry("creditorIdentifier", HtmlPdf.escape(creditor.identifier())),
                Map.entry("holderName", HtmlPdf.escape(mandate.getHolderName())),
                Map.entry("holderAddress", HtmlPdf.lines(List.of(mandate.getAddressLine(),
                        mandate.getPostcode() + " " + mandate.getCity()))),
                Map.entry("maskedIban", HtmlPdf.escape(mandate.maskedIban())),
                Map.entry("bic", HtmlPdf.escape(mandate.getBic() == null ? "non communiqué" : mandate.getBic())),
                Map.entry("dossierNumber", HtmlPdf.escape(mandate.getDossierNumber())),
                Map.entry("paragraphs", text.paragraphs().stream().map(p -> "<p>" + HtmlPdf.escape(p) + "</p>")
                        .collect(Collectors.joining("\n"))),
                Map.entry("signedOn", DAY.format(signed)),
                Map.entry("signedAt", TIME.format(signed)),
                Map.entry("email", HtmlPdf.escape(mandate.getEmail())),
                Map.entry("textVersion", HtmlPdf.escape(mandate.getTextVersion()))));
    }
}
