package fr.portailfamille.identity.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import fr.portailfamille.platform.problem.ApiProblem;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sliding-window limits kept in the database, so that every replica counts the same requests. Written
 * here rather than with Bucket4j: one table and two queries, no new dependency or distributed cache
 * to run.
 *
 * <p><b>Atomic</b> (issue 13, item 10): counting and recording a hit happen in one transaction that
 * first takes a PostgreSQL advisory lock on the bucket ({@code pg_advisory_xact_lock}), so the
 * requests of one bucket are counted one after the other, on every replica: 30 requests at once
 * against a limit of 10 get exactly 10 acceptances, never a burst of whoever counted before the others
 * recorded their hit.
 *
 * <p><b>Its own small pool</b>: a hit is recorded in its own transaction, committed at once, so that a
 * request that then fails (a wrong dossier reference) still counts; and it runs while the request's
 * transaction holds a connection of the main pool. Taking that second connection from the main pool
 * deadlocked under a burst (every connection held by a request waiting for a second one, until
 * Hikari's 30 s timeout): the limits have their own pool of {@value #POOL_SIZE} connections, held for
 * a few milliseconds and never while waiting for anything else.
 */
@Component
public class RateLimits implements DisposableBean {

    static final int POOL_SIZE = 3;

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RateLimits(DataSource dataSource, Clock clock) {
        this.pool = ownPool(dataSource);
        this.jdbc = JdbcClient.create(pool);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
        this.clock = clock;
    }

    private static HikariDataSource ownPool(DataSource dataSource) {
        HikariDataSource main;
        try {
            main = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("identity-service's rate limits expect a Hikari connection pool", e);
        }
        HikariDataSource own = new HikariDataSource();
        own.setPoolName("rate-limits");
        own.setJdbcUrl(main.getJdbcUrl());
        own.setUsername(main.getUsername());
        own.setPassword(main.getPassword());
        if (main.getDriverClassName() != null) {
            own.setDriverClassName(main.getDriverClassName());
        }
        own.setMaximumPoolSize(POOL_SIZE);
        own.setMinimumIdle(0);
        return own;
    }

    /** Counts one more request in {@code bucket}, or answers 429 with {@code messageKey} when over {@code max}. */
    public void acquire(String bucket, int max, Duration window, String messageKey) {
        Instant now = clock.instant();
        Boolean counted = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:bucket, 0))").param("bucket", bucket)
                    .query(Integer.class).single();
            long recent = jdbc.sql("select count(*) from rate_limit_hit where bucket = :bucket and at > :since")
                    .param("bucket", bucket).param("since", Timestamp.from(now.minus(window)))
                    .query(Long.class).single();
            if (recent >= max) {
                return false;
            }
            jdbc.sql("insert into rate_limit_hit (bucket, at) values (:bucket, :at)")
                    .param("bucket", bucket).param("at", Timestamp.from(now)).update();
            return true;
        });
        if (!Boolean.TRUE.equals(counted)) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "trop-de-demandes", messageKey);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void forgetOldHits() {
        jdbc.sql("delete from rate_limit_hit where at < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
