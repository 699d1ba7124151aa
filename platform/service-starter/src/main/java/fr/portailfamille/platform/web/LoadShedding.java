package fr.portailfamille.platform.web;

import fr.portailfamille.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds the excess of a burst, and only the excess (issue 13, item 2): at most {@code maxConcurrent}
 * requests are worked on at once; up to {@code maxWaiting} more wait for a place, each at most
 * {@code maxWait}; any other gets 503 problem+json {@code service-surcharge} at once with
 * {@code Retry-After}. A request never waits longer than the gateway would (its timeout is longer than
 * {@code maxWait}), so the gateway sees a quick answer, never a timeout, and its circuit breaker stays
 * closed for everyone else. Health probes are never shed: a busy service is not a dead one.
 *
 * <p>Settings {@code portal.load-shedding.max-concurrent}, {@code .max-waiting}, {@code .max-wait}
 * (portal-defaults.properties); {@code max-concurrent} a few times the database pool, since most of a
 * request's time is not spent holding a connection.
 */
public class LoadShedding extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoadShedding.class);

    private final int maxConcurrent;
    private final Semaphore places;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;
    private final Duration maxWait;
    private final ProblemWriter problems;

    public LoadShedding(int maxConcurrent, int maxWaiting, Duration maxWait, ProblemWriter problems) {
        this.maxConcurrent = maxConcurrent;
        this.places = new Semaphore(maxConcurrent, true);
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!places.tryAcquire() && !awaitPlace()) {
            log.warn("Shed {} {}: {} requests in progress, {} waiting", request.getMethod(), request.getRequestURI(),
                    inProgress(), waiting.get());
            response.setHeader("Retry-After", String.valueOf(Math.max(1, (maxWait.toMillis() + 999) / 1000)));
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "service-surcharge", "problem.overloaded",
                    request.getRequestURI());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    private boolean awaitPlace() {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return places.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    int waiting() {
        return waiting.get();
    }

    private int inProgress() {
        return maxConcurrent - places.availablePermits();
    }
}
