package fr.portailfamille.identity.dossier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Checks a dossier reference (number, access key, family name) with dossier-service, under a
 * circuit breaker ({@code dossier-verify}: timeout and failure rate in application.yml). When
 * dossier-service cannot answer, the answer is {@link Unavailable}: never « wrong reference ».
 */
@Component
public class DossierReferences {

    private static final Logger log = LoggerFactory.getLogger(DossierReferences.class);

    private final DossierClient client;
    private final CircuitBreakerFactory<?, ?> breakers;

    public DossierReferences(DossierClient client, CircuitBreakerFactory<?, ?> breakers) {
        this.client = client;
        this.breakers = breakers;
    }

    public sealed interface Result permits Match, NoMatch, Locked, Unavailable {
    }

    public record Match() implements Result {
    }

    public record NoMatch() implements Result {
    }

    public record Locked(Instant until) implements Result {
    }

    public record Unavailable() implements Result {
    }

    public Result verify(String number, String accessKey, String familyName) {
        return breakers.create("dossier-verify").run(() -> {
            DossierClient.Verification answer = client.verify(new DossierClient.VerifyReference(number, accessKey, familyName));
            if (answer.match()) {
                return new Match();
            }
            return answer.lockedUntil() != null ? new Locked(answer.lockedUntil()) : new NoMatch();
        }, failure -> {
            if (!(failure instanceof CallNotPermittedException)) {
                log.warn("dossier-service did not verify a reference: {}", failure.toString());
            }
            return new Unavailable();
        });
    }
}
