package fr.portailfamille.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 15, scenario 5's second half: <b>10,000 notifications drained</b>. {@link ImportScenario}'s batch of
 * 10,000 invoices (one {@code InvoiceIssued} each, committed with the import through the outbox) is imported,
 * then the local stack's mail catcher ({@code GET /count} on :8025: the mails its SMTP server accepted) is read
 * every 200 ms until it holds 10,000 more mails than before the import — each « Nouvelle facture disponible »
 * sent by notification-service to the dossier's address. Measured from the import's answer (the events are
 * committed by then) to the last mail: mails per second, with the time to the first mail and to half of them.
 * The import itself is timed by {@code billing-import}; here it is only the way to make 10,000 events at once.
 * Before the import, the bench waits until no mail has come for 10 s (an earlier scenario's mails would
 * otherwise be counted as these). Errors: the import failed, or the mails stopped coming (no new mail for
 * 60 s) before all were there.
 */
final class MailDrainScenario {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(10);

    private final Bench.Options options;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI count;

    MailDrainScenario(Bench.Options options) {
        this.options = options;
        this.count = URI.create(options.mailCatcherUrl() + "/count");
    }

    Bench.Outcome run() {
        int before = quietCount();
        int expected = options.invoices();
        Bench.Outcome imported = new ImportScenario(options).run();
        long start = System.nanoTime();
        System.out.println("Import: " + imported.figures());
        if (imported.errors() > 0) {
            return new Bench.Outcome("notifications: " + expected + " mails drained", "the import failed: "
                    + imported.figures(), "≤ 60 s", false, 1);
        }
        ProcessCpu cpu = new ProcessCpu(options.localData(), 55432);
        Map<String, Long> cpuBefore = cpu.snapshot();
        double first = -1;
        double half = -1;
        double last = -1;
        int seen = 0;
        long lastProgress = System.nanoTime();
        while (true) {
            int now = count() - before;
            double at = (System.nanoTime() - start) / 1e9;
            if (now > seen) {
                seen = now;
                lastProgress = System.nanoTime();
                if (first < 0) {
                    first = at;
                }
                if (half < 0 && seen >= expected / 2) {
                    half = at;
                }
                if (seen >= expected) {
                    last = at;
                    break;
                }
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                break;
            }
            sleep(POLL);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String split = ProcessCpu.split(cpuBefore, cpu.snapshot(), seconds, Runtime.getRuntime().availableProcessors());
        boolean all = last >= 0;
        String figures = all
                ? String.format(Locale.ROOT, "%d « Nouvelle facture disponible » mails (one InvoiceIssued per invoice of one "
                        + "imported batch) accepted by the SMTP server %.1f s after the import's answer (%.0f mails/s); first "
                        + "mail after %.1f s, half after %.1f s; %s", expected, last, expected / last, first, half, split)
                : String.format(Locale.ROOT, "only %d of %d mails after %.1f s (none for %d s); %s", seen, expected,
                        seconds, STALL.toSeconds(), split);
        return new Bench.Outcome("notifications: " + expected + " mails drained", figures, "≤ 60 s (issue 15)",
                all && last <= 60, all ? 0 : 1);
    }

    /**
     * The mail count once no mail has come for 10 s (an earlier import's mails still being sent would be
     * counted as this one's), waiting 20 minutes at most.
     */
    private int quietCount() {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        int last = count();
        long since = System.nanoTime();
        boolean said = false;
        while (System.nanoTime() - since < QUIET.toNanos()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mails still coming after 20 minutes: another import being mailed?");
            }
            sleep(Duration.ofSeconds(1));
            int now = count();
            if (now != last) {
                if (!said) {
                    System.out.println("Waiting for the mails of earlier events to be sent (" + now + " in the catcher)...");
                    said = true;
                }
                last = now;
                since = System.nanoTime();
            }
        }
        return last;
    }

    private int count() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(count).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(count + ": HTTP " + answer.statusCode()
                        + " (a local stack started before GET /count existed: restart deploy/local/run)");
            }
            return Integer.parseInt(answer.body().strip());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(count + " unreachable: is deploy/local/run running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
