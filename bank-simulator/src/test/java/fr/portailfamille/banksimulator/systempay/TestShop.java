package fr.portailfamille.banksimulator.systempay;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A hand-made shop, written from the provider's documentation and independent of the simulator's code:
 * it builds and signs payment forms, checks signatures, and runs its notification endpoint on a JDK
 * {@link HttpServer} (127.0.0.1, a free port) that answers the statuses a test scripts.
 */
public final class TestShop implements AutoCloseable {

    static final String SITE_ID = "12345678";
    static final String TEST_KEY = "simulator-test-key-0123456789";
    static final String PRODUCTION_KEY = "simulator-production-key-9876543210";

    private static final AtomicInteger NEXT_ID = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

    private final HttpServer server;
    private final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** One notification as the shop received it. */
    public record Notification(String method, String contentType, Map<String, String> fields) {
    }

    public TestShop() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ipn", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                notifications.add(new Notification(exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        parseForm(new String(body.readAllBytes(), StandardCharsets.UTF_8))));
            }
            Integer status = statuses.poll();
            byte[] answer = "OK".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public URI notificationUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ipn");
    }

    public void reset() {
        notifications.clear();
        statuses.clear();
    }

    /** The next answers of the notification endpoint (then 200). */
    void answer(Integer... next) {
        Collections.addAll(statuses, next);
    }

    public List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    /** A fresh 6-character transaction id. */
    static String newTransId() {
        return String.format("%06d", NEXT_ID.incrementAndGet());
    }

    static String nowUtc() {
        return LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    /** The seed's invoice paid through the portal: 51.50 €, every return URL, the notification URL. */
    Map<String, String> invoiceForm(String transId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("vads_site_id", SITE_ID);
        form.put("vads_ctx_mode", "TEST");
        form.put("vads_trans_id", transId);
        form.put("vads_trans_date", nowUtc());
        form.put("vads_amount", "5150");
        form.put("vads_currency", "978");
        form.put("vads_action_mode", "INTERACTIVE");
        form.put("vads_page_action", "PAYMENT");
        form.put("vads_payment_config", "SINGLE");
        form.put("vads_version", "V2");
        form.put("vads_order_id", "PF-2026-000123");
        form.put("vads_cust_email", "claire.durand@example.fr");
        form.put("vads_url_return", "https://portail.example/facturation/retour");
        form.put("vads_url_success", "https://portail.example/facturation/retour?issue=payee");
        form.put("vads_url_refused", "https://portail.example/facturation/retour?issue=refusee");
        form.put("vads_url_cancel", "https://portail.example/facturation/retour?issue=abandonnee");
        form.put("vads_return_mode", "GET");
        form.put("vads_url_check", notificationUrl().toString());
        return form;
    }

    /** Every vads_ field sorted by name, values joined by « + », then « + » and the key. */
    static String signatureString(Map<String, String> fields, String key) {
        List<String> names = new ArrayList<>();
        for (String name : fields.keySet()) {
            if (name.startsWith("vads_")) {
                names.add(name);
            }
        }
        Collections.sort(names);
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(fields.get(name)).append('+');
        }
        return text.append(key).toString();
    }

    static String hmacSha256(Map<String, String> fields, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signatureString(fields, key).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha1(Map<String, String> fields, String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(signatureString(fields, key).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> signed(Map<String, String> form, String key) {
        Map<String, String> signed = new LinkedHashMap<>(form);
        signed.remove("signature");
        signed.put("signature", hmacSha256(signed, key));
        return signed;
    }

    static Map<String, String> signed(Map<String, String> form) {
        return signed(form, "PRODUCTION".equals(form.get("vads_ctx_mode")) ? PRODUCTION_KEY : TEST_KEY);
    }

    static String formEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    public HttpResponse<String> post(URI url, Map<String, String> form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(form)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser asks for HTML. */
    public HttpResponse<String> getAsBrowser(URI url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(url).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
