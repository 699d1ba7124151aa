package fr.portailfamille.messaging.news;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The news body's rich text, cleaned by an allow-list (OWASP Java HTML Sanitizer, never by hand):
 * paragraphs, line breaks, bold and italics, bulleted and numbered lists, links to http, https or
 * mailto addresses (opened with {@code rel="noopener noreferrer nofollow"}). Everything else — scripts,
 * styles, event attributes, images, iframes, other URL schemes — is dropped, its text kept.
 */
final class NewsHtml {

    private static final PolicyFactory RICH_TEXT = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    /** No element at all: the text a reader would see, to tell an empty body. */
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();

    private NewsHtml() {
    }

    static String sanitise(String html) {
        return RICH_TEXT.sanitize(html == null ? "" : html).strip();
    }

    /** True when the body shows no text (only tags, spaces or non-breaking spaces). */
    static boolean isBlank(String html) {
        String text = TEXT_ONLY.sanitize(html == null ? "" : html)
                .replace("&nbsp;", " ").replace("&#160;", " ").replace('\u00a0', ' ');
        return text.isBlank();
    }
}
