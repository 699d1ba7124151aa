package fr.portailfamille.billing.dossier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The billing profiles of a batch's dossiers, asked of dossier-service in one call (up to 10,000
 * numbers a call) under a circuit breaker ({@code dossier-billing-profiles}: timeout and failure rate
 * in application.yml). A number dossier-service does not know is absent from the answer: an unknown
 * dossier of the batch. When dossier-service cannot answer, {@link DossierServiceUnavailableException}
 * (503): never « unknown dossier ».
 */
@Component
public class BillingProfiles {

    /** What dossier-service accepts as a dossier number (3 or 4 digits); anything else is unknown without asking. */
    static final Pattern DOSSIER_NUMBER = Pattern.compile("\\d{3,4}");
    /** dossier-service answers at most this many numbers a call. */
    static final int CHUNK = 10_000;

    private static final Logger log = LoggerFactory.getLogger(BillingProfiles.class);

    private final DossierClient client;
    private final CircuitBreakerFactory<?, ?> breakers;

    BillingProfiles(DossierClient client, CircuitBreakerFactory<?, ?> breakers) {
        this.client = client;
        this.breakers = breakers;
    }

    /** The profiles of the known dossiers among {@code numbers}, by number. */
    public Map<String, BillingProfile> of(Collection<String> numbers) {
        List<String> asked = numbers.stream().filter(n -> n != null && DOSSIER_NUMBER.matcher(n).matches())
                .distinct().toList();
        Map<String, BillingProfile> known = new HashMap<>();
        for (int from = 0; from < asked.size(); from += CHUNK) {
            List<String> chunk = new ArrayList<>(asked.subList(from, Math.min(asked.size(), from + CHUNK)));
            Set<String> inChunk = new HashSet<>(chunk);
            for (BillingProfile profile : ask(chunk)) {
                if (profile != null && inChunk.contains(profile.number())) {
                    known.put(profile.number(), profile);
                }
            }
        }
        return known;
    }

    private List<BillingProfile> ask(List<String> numbers) {
        return breakers.create("dossier-billing-profiles").run(() -> {
            DossierClient.Profiles answer = client.billingProfiles(new DossierClient.ProfilesRequest(numbers));
            return answer == null || answer.profiles() == null ? List.<BillingProfile>of() : answer.profiles();
        }, failure -> {
            if (!(failure instanceof CallNotPermittedException)) {
                log.warn("dossier-service gave no billing profiles for {} dossiers: {}", numbers.size(),
                        failure.toString());
            }
            throw new DossierServiceUnavailableException();
        });
    }
}
