package fr.portailfamille.notification.directory;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** identity-service's directory of agents (never routed by the gateway; role {@code agents-directory}). */
@FeignClient(name = "identity", url = "${portal.services.identity-url}", configuration = IdentityClientConfiguration.class)
interface IdentityClient {

    record Agents(String service, List<Agent> agents) {
    }

    @GetMapping("/internal/agents")
    Agents agents(@RequestParam("service") String service);
}
