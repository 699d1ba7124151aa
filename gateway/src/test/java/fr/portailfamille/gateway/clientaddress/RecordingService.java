package fr.portailfamille.gateway.clientaddress;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for identity-service behind the gateway: answers 200 to anything and keeps the headers of
 * the last request that reached it, as a service would read them.
 */
final class RecordingService {

    private final AtomicReference<Map<String, List<String>>> last = new AtomicReference<>();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RecordingService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            last.set(Map.copyOf(exchange.getRequestHeaders()));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    /** Every value of a header in the last request the service received (com.sun's server: names as « X-portal-client-address »). */
    List<String> received(String header) {
        Map<String, List<String>> headers = last.get();
        if (headers == null) {
            throw new AssertionError("nothing reached the service");
        }
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(header))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    /** A GET through the gateway from this machine (127.0.0.1), with the given headers; returns the status. */
    int callThroughGateway(int gatewayPort, String path, String... headers) {
        return get(gatewayPort, path, headers).statusCode();
    }

    /** A GET through the gateway from this machine (127.0.0.1), with the given headers. */
    HttpResponse<String> get(int gatewayPort, String path, String... headers) {
        last.set(null);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + path))
                .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
