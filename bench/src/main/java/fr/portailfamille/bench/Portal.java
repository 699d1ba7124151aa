package fr.portailfamille.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalSession;

/** What the billing scenarios do on the portal besides what they measure: agent's dossiers, batches, files. */
public final class Portal {

    public static final String AGENT = "agent.jeunesse";
    public static final String AGENT_PASSWORD = "Agent-Jeunesse-2026";

    private static final HttpClient LONG_CALLS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Portal() {
    }

    /** Creates the dossier as an agent (201), or finds it already there (409). */
    public static void ensureDossier(PortalSession agent, String number, String familyName, String email) {
        ApiClient.Response answer = agent.post("/api/dossier/dossiers", "{\"number\":\"" + number + "\",\"familyName\":\""
                + familyName + "\",\"email\":\"" + email + "\",\"phone\":\"0468000000\"}");
        if (answer.status() != 201 && answer.status() != 409) {
            throw new IllegalStateException("Dossier " + number + " not created: " + answer);
        }
    }

    /**
     * A JSON import batch ({@code JsonInvoiceBatch}) of {@code count} invoices numbered
     * {@code <prefix>-00001}…, spread over {@code dossiers} dossiers from {@code firstDossier}, each with
     * the seed's two lines: 4.40 × 10 = 44.00 and 0.75 × 10 = 7.50, total 51.50.
     */
    static String batch(String prefix, int count, int firstDossier, int dossiers, String issueDate, String dueDate) {
        StringBuilder json = new StringBuilder(count * 420).append("{\"invoices\":[");
        for (int i = 0; i < count; i++) {
            int dossier = firstDossier + i % dossiers;
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"number\":\"").append(number(prefix, i)).append("\",\"dossierNumber\":\"").append(dossier)
                    .append("\",\"period\":\"Novembre 2026\",\"issueDate\":\"").append(issueDate)
                    .append("\",\"dueDate\":\"").append(dueDate).append("\",\"total\":51.50,\"lines\":[")
                    .append("{\"beneficiary\":\"BENCH-").append(dossier).append(" Léa\",\"service\":\"Repas Enfants\",")
                    .append("\"unitPrice\":4.40,\"quantity\":10.00,\"amount\":44.00},")
                    .append("{\"beneficiary\":\"BENCH-").append(dossier).append(" Léa\",\"service\":\"Atelier 3D\",")
                    .append("\"unitPrice\":0.75,\"quantity\":10.00,\"amount\":7.50}]}");
        }
        return json.append("]}").toString();
    }

    static String number(String prefix, int index) {
        return String.format("%s-%05d", prefix, index + 1);
    }

    /**
     * POSTs JSON as the logged-in session (its cookie and CSRF header, as the web app does), with a
     * timeout of {@code timeout}: PortalSession's own calls give up after 90 s.
     */
    static HttpResponse<String> postLong(PortalSession session, String portalUrl, String path, String json, Duration timeout) {
        String cookies = session.cookies().stream()
                .filter(c -> c.getName().equals("PORTAIL_SESSION") || c.getName().equals("XSRF-TOKEN"))
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portalUrl + path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        String csrf = session.cookie("XSRF-TOKEN");
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return send(request.build());
    }

    /** POSTs JSON straight to a service with a bearer token. */
    static HttpResponse<String> postBearer(String url, String token, String json, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** GETs a file straight from a service with a bearer token, as bytes. */
    static HttpResponse<byte[]> getBytesBearer(String url, String token, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return LONG_CALLS.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
