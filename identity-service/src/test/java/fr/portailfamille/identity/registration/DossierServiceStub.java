package fr.portailfamille.identity.registration;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for dossier-service's {@code POST /internal/dossiers/verify} in identity-service's own
 * tests, so that each answer (match, no match, locked, failure, too slow) can be chosen; the real
 * dossier-service answers in e2e. Records the Authorization header it received.
 */
final class DossierServiceStub {

    enum Answer { MATCH, NO_MATCH, LOCKED, FAILURE, TOO_SLOW }

    private final HttpServer server;
    final AtomicReference<Answer> answer = new AtomicReference<>(Answer.MATCH);
    final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    final AtomicReference<String> lastBody = new AtomicReference<>();

    DossierServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/dossiers/verify", exchange -> {
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String body;
            int status = 200;
            switch (answer.get()) {
                case MATCH -> body = "{\"match\":true}";
                case NO_MATCH -> body = "{\"match\":false}";
                case LOCKED -> body = "{\"match\":false,\"lockedUntil\":\"2026-11-26T09:45:00Z\"}";
                case FAILURE -> {
                    status = 500;
                    body = "{}";
                }
                default -> {
                    try {
                        Thread.sleep(8000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    body = "{\"match\":true}";
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
