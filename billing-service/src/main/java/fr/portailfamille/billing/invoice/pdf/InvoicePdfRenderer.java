package fr.portailfamille.billing.invoice.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.portailfamille.billing.invoice.InvoiceLine;
import org.springframework.core.io.ClassPathResource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String template;

    public InvoicePdfRenderer() {
        try {
            this.template = new ClassPathResource(TEMPLATE, InvoicePdfRenderer.class.getClassLoader())
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF's bytes. */
    public byte[] render(InvoiceDocument invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.withHtmlContent(html(invoice), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The filled template (XHTML), every value escaped. */
    String html(InvoiceDocument invoice) {
        Map<String, String> values = Map.ofEntries(
                Map.entry("authorityName", escape(invoice.authorityName())),
                Map.entry("authorityAddress", lines(invoice.authorityAddress())),
                Map.entry("portalUrl", escape(invoice.portalUrl())),
                Map.entry("familyName", escape(invoice.familyName())),
                Map.entry("familyAddress", lines(invoice.familyAddress())),
                Map.entry("dossierNumber", escape(invoice.dossierNumber())),
                Map.entry("accessKey", escape(accessKey(invoice.accessKey()))),
                Map.entry("invoiceNumber", escape(invoice.invoiceNumber())),
                Map.entry("period", escape(invoice.period())),
                Map.entry("issueDate", FrenchFormat.date(invoice.issueDate())),
                Map.entry("dueDate", FrenchFormat.date(invoice.dueDate())),
                Map.entry("lines", rows(invoice.lines())),
                Map.entry("total", escape(FrenchFormat.euros(invoice.total()))));
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder html = new StringBuilder(template.length() + 2048);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Unknown placeholder in " + TEMPLATE + ": " + matcher.group());
            }
            matcher.appendReplacement(html, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(html);
        return html.toString();
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

    private static String lines(List<String> lines) {
        StringBuilder html = new StringBuilder();
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                html.append("<div>").append(escape(line.strip())).append("</div>");
            }
        }
        return html.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
