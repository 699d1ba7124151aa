package fr.portailfamille.billing.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
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
 * One XHTML + CSS template ({@code {{name}}} placeholders) turned into PDFs by openhtmltopdf (PDFBox
 * underneath): A4, text extractable, set in the PDF's standard Helvetica (WinAnsi: accents, « », ’,
 * – and € included), so no font is embedded and documents stay small. The template is read once; an
 * instance is thread-safe (a builder per document). Values are HTML already: callers escape text with
 * {@link #escape} (or {@link #lines}); a placeholder without a value is a programming error.
 */
public final class HtmlPdf {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String templateName;
    private final String template;

    public HtmlPdf(String templateResource) {
        this.templateName = templateResource;
        try {
            this.template = new ClassPathResource(templateResource, HtmlPdf.class.getClassLoader())
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with every placeholder replaced. */
    public String fill(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder html = new StringBuilder(template.length() + 2048);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Unknown placeholder in " + templateName + ": " + matcher.group());
            }
            matcher.appendReplacement(html, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(html);
        return html.toString();
    }

    /** The PDF of the filled template. */
    public byte[] render(Map<String, String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.withHtmlContent(fill(values), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Each non-blank line in its own {@code <div>}, escaped. */
    public static String lines(List<String> lines) {
        StringBuilder html = new StringBuilder();
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                html.append("<div>").append(escape(line.strip())).append("</div>");
            }
        }
        return html.toString();
    }

    /** Text as XHTML: markup characters escaped, control characters (but tabs) dropped. */
    public static String escape(String text) {
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
