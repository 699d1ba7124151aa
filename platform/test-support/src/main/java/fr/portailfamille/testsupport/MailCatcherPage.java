package fr.portailfamille.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A page listing every mail the local SMTP server caught, newest first, each shown as its recipient
 * would see it with its links clickable: the activation and reset journeys without a real mailbox.
 * Used by the local stack (port 8025) and by e2e's browser journeys.
 */
public final class MailCatcherPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Paris"));

    private final SmtpServer smtp;
    private final HttpServer server;

    public MailCatcherPage(SmtpServer smtp, int port) {
        this.smtp = smtp;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Mail page: port " + port + " unavailable", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public void stop() {
        server.stop(0);
    }

    private List<MimeMessage> newestFirst() {
        List<MimeMessage> mails = new ArrayList<>(smtp.received());
        Collections.reverse(mails);
        return mails;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/count")) {
            // The number of mails accepted so far, as plain text: what bench/run mail-drain polls (the list
            // page renders every mail, too heavy to read many times a second once thousands are kept).
            // ?to=address: only the mails to that address (what bench/run gatling event-to-mail polls).
            String to = queryValue(exchange, "to", null);
            long count = to == null ? smtp.received().size() : smtp.receivedBy(
                    java.net.URLDecoder.decode(to, StandardCharsets.UTF_8)).size();
            byte[] body = String.valueOf(count).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        List<MimeMessage> mails = newestFirst();
        String html;
        if (path.startsWith("/mail/")) {
            int index = parse(path.substring("/mail/".length()));
            if (index < 0 || index >= mails.size()) {
                reply(exchange, 404, page("Mail introuvable", "<p>Ce mail n'existe pas (ou plus : le serveur "
                        + "n'en garde pas après un redémarrage).</p><p><a href=\"/\">Retour à la liste</a></p>"));
                return;
            }
            html = mail(mails.get(index));
        } else {
            html = list(mails);
        }
        reply(exchange, 200, html);
    }

    private static String queryValue(HttpExchange exchange, String name, String fallback) {
        String query = exchange.getRequestURI().getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return fallback;
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String list(List<MimeMessage> mails) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < mails.size(); i++) {
            MimeMessage mail = mails.get(i);
            rows.append("<tr><td>").append(escape(sent(mail))).append("</td><td>")
                    .append(escape(String.join(", ", Mails.recipients(mail)))).append("</td><td><a href=\"/mail/")
                    .append(i).append("\">").append(escape(Mails.subject(mail))).append("</a></td></tr>");
        }
        String body = mails.isEmpty()
                ? "<p>Aucun mail pour l'instant. Les mails envoyés par le portail apparaîtront ici.</p>"
                : "<table><caption>" + mails.size() + " mail(s), du plus récent au plus ancien</caption>"
                + "<thead><tr><th scope=\"col\">Reçu le</th><th scope=\"col\">Destinataire</th>"
                + "<th scope=\"col\">Objet</th></tr></thead><tbody>" + rows + "</tbody></table>";
        return page("Mails reçus", body + "<p><a href=\"/\">Rafraîchir</a></p>");
    }

    private String mail(MimeMessage mail) {
        String html = Mails.html(mail);
        String text = Mails.text(mail);
        String content = html != null
                ? "<iframe title=\"Contenu du mail\" sandbox=\"allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation\" "
                + "style=\"width:100%;height:70vh;border:1px solid #ccc\" srcdoc=\"" + escape(html.replace("<a ", "<a target=\"_top\" ")) + "\"></iframe>"
                : "<pre>" + escape(text) + "</pre>";
        return page(Mails.subject(mail), "<dl><dt>De</dt><dd>" + escape(Mails.from(mail)) + "</dd><dt>À</dt><dd>"
                + escape(String.join(", ", Mails.recipients(mail))) + "</dd><dt>Reçu le</dt><dd>" + escape(sent(mail))
                + "</dd></dl>" + content + (text != null && html != null
                ? "<details><summary>Version texte</summary><pre>" + escape(text) + "</pre></details>" : "")
                + "<p><a href=\"/\">Retour à la liste</a></p>");
    }

    private static String sent(MimeMessage mail) {
        try {
            return mail.getSentDate() == null ? "" : TIME.format(mail.getSentDate().toInstant());
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>" + escape(title)
                + " — courrier local</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:.4em .8em;text-align:left}</style></head><body><main><h1>"
                + escape(title) + "</h1>" + body + "</main></body></html>";
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void reply(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
