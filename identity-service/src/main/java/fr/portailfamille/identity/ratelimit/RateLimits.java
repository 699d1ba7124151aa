package fr.portailfamille.identity.ratelimit;

import fr.portailfamille.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sliding-window limits kept in the database, so that every replica counts the same requests. A
 * hit is recorded in its own transaction: a request that then fails (a wrong dossier reference)
 * still counts. Written here rather than with Bucket4j: one table and two queries, no new
 * dependency or distributed cache to run.
 */
@Component
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;

    public RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one more request in {@code bucket}, or answers 429 with {@code messageKey} when over {@code max}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void acquire(String bucket, int max, Duration window, String messageKey) {
        Instant now = clock.instant();
        long recent = jdbc.sql("select count(*) from rate_limit_hit where bucket = :bucket and at > :since")
                .param("bucket", bucket).param("since", java.sql.Timestamp.from(now.minus(window)))
                .query(Long.class).single();
        if (recent >= max) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "trop-de-demandes", messageKey);
        }
        jdbc.sql("insert into rate_limit_hit (bucket, at) values (:bucket, :at)")
                .param("bucket", bucket).param("at", java.sql.Timestamp.from(now)).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetOldHits() {
        jdbc.sql("delete from rate_limit_hit where at < :before")
                .param("before", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }
}
