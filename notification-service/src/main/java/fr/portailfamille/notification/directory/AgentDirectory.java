package fr.portailfamille.notification.directory;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enabled agents of a service, asked of identity-service at each digest check that needs them
 * (at most once per service and check: nothing is cached, so an agent who leaves or changes address
 * is known at the next check), under the circuit breaker {@code identity-agents} (timeouts in
 * application.yml). Any failure, a refusal (401/403) included, is {@link AgentDirectoryUnavailableException}:
 * never « no agents ».
 */
@Component
public class AgentDirectory {

    private final IdentityClient identity;
    private final CircuitBreakerFactory<?, ?> breakers;

    AgentDirectory(IdentityClient identity, CircuitBreakerFactory<?, ?> breakers) {
        this.identity = identity;
        this.breakers = breakers;
    }

    /** The agents of {@code service}, each once. */
    public List<Agent> agentsOf(String service) {
        return breakers.create("identity-agents").run(() -> {
            IdentityClient.Agents answer = identity.agents(service);
            if (answer == null || answer.agents() == null) {
                throw new IllegalStateException("identity-service answered no agents list");
            }
            Map<String, Agent> byId = new LinkedHashMap<>();
            answer.agents().stream().filter(agent -> agent != null && agent.id() != null)
                    .forEach(agent -> byId.putIfAbsent(agent.id(), agent));
            return List.copyOf(byId.values());
        }, failure -> {
            throw new AgentDirectoryUnavailableException(service, failure);
        });
    }
}
