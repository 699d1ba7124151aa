package fr.portailfamille.identity.agents;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * For notification-service only, never routed by the gateway: {@code /internal/**} already needs the
 * {@code service} role, and the answer holds the agents' e-mails, so it also needs the realm role
 * {@code agents-directory}, which only notification-service's service account has (identity-service's
 * and billing-service's get 403). The role is checked before the service code.
 */
@RestController
public class AgentsController {

    private final AgentDirectory directory;

    public AgentsController(AgentDirectory directory) {
        this.directory = directory;
    }

    /** The service asked and its enabled agents (e-mail null for an agent without one). */
    public record AgentsView(String service, List<Agent> agents) {
    }

    @Operation(summary = "Enabled agents of a service with their e-mail (notification-service's digest)")
    @GetMapping("/internal/agents")
    @PreAuthorize("hasRole('agents-directory')")
    public AgentsView agents(@RequestParam(name = "service", required = false) String service) {
        return new AgentsView(service, directory.agentsOf(service));
    }
}
