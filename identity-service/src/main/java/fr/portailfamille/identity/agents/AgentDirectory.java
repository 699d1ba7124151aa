package fr.portailfamille.identity.agents;

import fr.portailfamille.identity.keycloak.KeycloakAccounts;
import fr.portailfamille.identity.keycloak.KeycloakUnavailableException;
import fr.portailfamille.platform.problem.ApiProblem;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The enabled agents of a service, read from Keycloak at each call (the one place that holds a Keycloak
 * admin access is identity-service; the callers keep nothing but what they need).
 */
@Service
public class AgentDirectory {

    /** A service code as the messaging catalogue writes it ({@code jeunesse}, {@code accueil-loisirs}). */
    static final Pattern SERVICE_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    private final KeycloakAccounts accounts;

    public AgentDirectory(KeycloakAccounts accounts) {
        this.accounts = accounts;
    }

    /** The enabled agents of {@code service}, by username. */
    public List<Agent> agentsOf(String service) {
        if (service == null || !SERVICE_CODE.matcher(service).matches()) {
            throw ApiProblem.invalidField("service", "agents.service.invalid");
        }
        try {
            return accounts.enabledAgentsOf(service).stream()
                    .map(AgentDirectory::agent)
                    .sorted(Comparator.comparing(Agent::username))
                    .toList();
        } catch (KeycloakUnavailableException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-indisponible", "agents.unavailable");
        }
    }

    private static Agent agent(UserRepresentation user) {
        String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
        String name = Stream.of(user.getFirstName(), user.getLastName())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return new Agent(user.getId(), user.getUsername(), email, name.isEmpty() ? null : name);
    }
}
