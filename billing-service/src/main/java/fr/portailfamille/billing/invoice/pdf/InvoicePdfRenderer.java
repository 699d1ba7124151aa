package fr.portailfamille.billing.invoice.pdf;

import fr.portailfamille.billing.invoice.InvoiceLine;
import fr.portailfamille.billing.pdf.HtmlPdf;

import java.util.List;
import java.util.Map;

import static fr.portailfamille.billing.pdf.HtmlPdf.escape;

/**
 * An invoice's PDF from an XHTML + CSS template ({@value #TEMPLATE}) through openhtmltopdf (PDFBox
 * underneath): A4, text extractable. The text is set in the PDF's standard Helvetica (WinAnsi
 * encoding: accents, « », ’, – and € all included), which readers always have, so no font is
 * embedded: documents stay small and rendering fast. The template is read once; a renderer is
 * thread-safe (a builder per document).
 */
public final class InvoicePdfRenderer {

    static final String TEMPLATE = "invoice-pdf/invoice.html";
    static final String NO_KEY = "demandez-la au service Facturation";

    private final HtmlPdf pdf = new HtmlPdf(TEMPLATE);

    /** The PDF's bytes. */
    public byte[] render(InvoiceDocument invoice) {
        return pdf.render(values(invoice));
    }

    /** The filled template (XHTML), every value escaped. */
    String html(InvoiceDocument invoice) {
        return pdf.fill(values(invoice));
    }

    private static Map<String, String> values(InvoiceDocument invoice) {
        return Map.ofEntries(
                Map.entry("authorityName", escape(invoice.authorityName())),
                Map.entry("authorityAddress", HtmlPdf.lines(invoice.authorityAddress())),
                Map.entry("portalUrl", escape(invoice.portalUrl())),
                Map.entry("familyName", escape(invoice.familyName())),
                Map.entry("familyAddress", HtmlPdf.lines(invoice.familyAddress())),
                Map.entry("dossierNumber", escape(invoice.dossierNumber())),
                Map.entry("accessKey", escape(accessKey(invoice.accessKey()))),
                Map.entry("invoiceNumber", escape(invoice.invoiceNumber())),
                Map.entry("period", escape(invoice.period())),
                Map.entry("issueDate", FrenchFormat.date(invoice.issueDate())),
                Map.entry("dueDate", FrenchFormat.date(invoice.dueDate())),
                Map.entry("lines", rows(invoice.lines())),
                Map.entry("total", escape(FrenchFormat.euros(invoice.total()))));
    }

    /** « K7PX-2M9Q » for an 8-character key (dashes are ignored when typed), or where to ask for one. */
    static String accessKey(String key) {
        if (key == null || key.isBlank()) {
            return NO_KEY;
        }
        String compact = key.strip();
        return compact.length() == 8 && compact.indexOf('-') < 0
                ? compact.substring(0, 4) + "-" + compact.substring(4) : compact;
    }

    private static String rows(List<InvoiceLine> lines) {
        StringBuilder rows = new StringBuilder();
        for (InvoiceLine line : lines) {
            rows.append("<tr><td>").append(escape(line.label())).append("</td>")
                    .append("<td class=\"num\">").append(escape(FrenchFormat.decimal(line.unitPrice()))).append("</td>")
                    .append("<td class=\"num\">").append(escape(FrenchFormat.decimal(line.quantity()))).append("</td>")
                    .append("<td class=\"num\">").append(escape(FrenchFormat.euros(line.amount()))).append("</td></tr>\n");
        }
        return rows.toString();
    }

}
