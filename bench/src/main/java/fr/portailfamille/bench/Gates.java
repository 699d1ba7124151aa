package fr.portailfamille.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** What the burst scenarios share: connections opened before the gate, and waits that keep the interrupt. */
final class Gates {

    private Gates() {
    }

    /**
     * Opens {@code count} connections of {@code http} at once (a cheap GET of {@code cheap} each: a health
     * endpoint), kept alive for the burst that follows.
     */
    static void openConnections(HttpClient http, URI cheap, int count) {
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService openers = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            openers.submit(() -> {
                try {
                    gate.await();
                    http.send(HttpRequest.newBuilder(cheap).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    System.out.println("Opening a connection: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
        }
        gate.countDown();
        openers.shutdown();
        try {
            openers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
