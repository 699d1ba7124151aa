package fr.portailfamille.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import fr.portailfamille.bench.GatlingRecord;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * Issue 15, scenario 5 (its first half): <b>from an event's commit to the mail accepted by SMTP</b>. A family
 * changes its contact details in « Mes coordonnées » ({@code PUT /api/dossier/dossiers/{n}/guardians/{id}/contact-details}
 * through the gateway, XSRF header, as the page sends it): the guardian who is the dossier's contact gets a new,
 * unique e-mail address each time ({@code bench.mail.<dossier>.<n>@example.fr}). dossier-service commits the
 * change with its {@code ContactDetailsChanged} event in the outbox before it answers; notification-service
 * then mails « vos coordonnées ont été modifiées » to the dossier's (new) address, and « adresse modifiée »
 * to the previous one. From the 200 of the change, the bench asks the local stack's mail catcher
 * ({@code bench.mailCatcher}, :8025, {@code GET /count?to=<address>}: how many mails its SMTP server accepted for
 * that address; its list page renders every mail kept and, with tens of thousands kept after the other
 * scenarios, took the catcher a core at 10 reads a second) every {@code bench.poll} ms (200) until that new
 * address has its mail, up to {@code bench.mailTimeout} s (60; then the change counts as failed). The time
 * measured is from the change's answer to the read that first counts the mail: up to one poll interval
 * longer than the true delay.
 * <p>
 * {@code bench.sessions} bench families (10) logged in beforehand take turns, {@code bench.rate} changes per
 * second (1) for {@code bench.duration} s (60). Target: p99 ≤ 2 s. Not here: the other half of the scenario,
 * 10,000 notifications drained (mails per second).
 */
public class EventToMailSimulation extends Simulation {

    private static final int SESSIONS = BenchSettings.number("sessions", 10);
    private static final int RATE = BenchSettings.number("rate", 1);
    private static final Duration DURATION = BenchSettings.seconds("duration", 60);
    private static final Duration POLL = Duration.ofMillis(BenchSettings.number("poll", 200));
    private static final long TIMEOUT_MILLIS = BenchSettings.seconds("mailTimeout", 60).toMillis();

    private final Tally tally = new Tally(DURATION.plusSeconds(TIMEOUT_MILLIS / 1000 + 1));
    private final long run = System.currentTimeMillis() / 1000;
    private GatlingRecord record;
    private final AtomicLong changes = new AtomicLong();
    private volatile List<Map<String, Object>> sessions = List.of();
    private final Iterator<Map<String, Object>> inTurn =
            Stream.generate(() -> sessions.get((int) (changes.get() % sessions.size()))).iterator();

    private final ScenarioBuilder changesToMail = scenario("contact details → mail")
            .feed(inTurn)
            .exec(Browser.useSession())
            .exec(session -> session.set("address", "bench.mail." + session.getString("dossier") + "." + run + "."
                    + changes.getAndIncrement() + "@example.fr").set("found", 0))
            .exec(http("mes coordonnées: PUT contact details")
                    .put("/api/dossier/dossiers/#{dossier}/guardians/#{guardianId}/contact-details")
                    .header("X-XSRF-TOKEN", "#{xsrfToken}")
                    .body(StringBody("{\"email\":\"#{address}\",\"mobilePhone\":null,\"homePhone\":null,\"workPhone\":null,"
                            + "\"addressLine1\":null,\"addressLine2\":null,\"postcode\":null,\"city\":null}")).asJson()
                    .check(status().is(200)))
            .exec(session -> session.set("committedAt", System.currentTimeMillis()))
            .doIf(session -> !session.isFailed()).then(
                    asLongAs(session -> session.getInt("found") == 0
                            && System.currentTimeMillis() - session.getLong("committedAt") < TIMEOUT_MILLIS).on(
                            pause(POLL).exec(http("mail catcher: GET /count?to=").get(BenchSettings.MAIL_CATCHER + "/count")
                                    .queryParam("to", "#{address}").header("Accept", "text/plain")
                                    .check(status().is(200), bodyString().transform(Integer::parseInt).saveAs("found")))))
            .exec(this::record);

    {
        setUp(changesToMail.injectOpen(constantUsersPerSec(RATE).during(DURATION))).protocols(Browser.protocol())
                .assertions(global().failedRequests().count().is(0L));
    }

    private Session record(Session session) {
        long now = System.currentTimeMillis();
        boolean mailed = !session.isFailed() && session.getInt("found") > 0;
        tally.record("mail", mailed ? Tally.OK : (session.isFailed() ? "failed" : "no mail within the timeout"),
                session.contains("committedAt") ? now - session.getLong("committedAt") : 0, now);
        return mailed ? session : session.markAsFailed();
    }

    @Override
    public void before() {
        List<BenchFamilies.LoggedIn> loggedIn = BenchFamilies.logIn(BenchFamilies.ensure(SESSIONS));
        if (loggedIn.stream().anyMatch(l -> l.guardianId() < 0)) {
            throw new IllegalStateException("A bench dossier has no guardian: its contact details cannot be changed");
        }
        sessions = loggedIn.stream().map(BenchFamilies.LoggedIn::attributes).toList();
        record = GatlingRecord.start("gatling: event to mail");
    }

    @Override
    public void after() {
        System.out.println();
        System.out.println("Event → mail (contact details changed → the mail in the catcher, polled every "
                + POLL.toMillis() + " ms): " + tally.count("mail", Tally.OK) + " mailed, " + tally.notOk("mail")
                + " not; " + tally.latencies("mail"));
        if (record != null) {
            int errors = tally.notOk("mail");
            record.finish("a family's contact e-mail changed (PUT contact-details through the gateway), " + RATE
                            + " change/s for " + DURATION.toSeconds() + " s over " + SESSIONS + " families, then the mail "
                            + "catcher read every " + POLL.toMillis() + " ms until the new address has its mail: "
                            + tally.count("mail", Tally.OK) + " mailed, " + errors + " not; from the change's answer to the mail "
                            + "listed " + tally.latencies("mail"),
                    "p99 ≤ 2 s", errors == 0 && tally.p99("mail") <= 2000, errors);
        }
    }
}
