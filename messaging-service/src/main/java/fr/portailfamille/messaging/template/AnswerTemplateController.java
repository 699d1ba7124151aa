package fr.portailfamille.messaging.template;

import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@StaffOnly
public class AnswerTemplateController {

    private final AnswerTemplates templates;

    public AnswerTemplateController(AnswerTemplates templates) {
        this.templates = templates;
    }

    public record TemplateView(long id, String serviceCode, String title, String body, Instant updatedAt,
                               String updatedBy) {

        static TemplateView of(AnswerTemplate t) {
            return new TemplateView(t.getId(), t.getServiceCode(), t.getTitle(), t.getBody(), t.getUpdatedAt(),
                    t.getUpdatedBy());
        }
    }

    @Operation(summary = "The service's answer templates, by title (the service's agents)")
    @GetMapping("/api/messaging/agent/services/{code}/templates")
    public List<TemplateView> list(PortalPrincipal agent, @PathVariable String code) {
        return templates.list(agent, code).stream().map(TemplateView::of).toList();
    }

    @Operation(summary = "Write an answer template for the service")
    @PostMapping("/api/messaging/agent/services/{code}/templates")
    @ResponseStatus(HttpStatus.CREATED)
    public TemplateView add(PortalPrincipal agent, @PathVariable String code, @Valid @RequestBody TemplateText body) {
        return TemplateView.of(templates.add(agent, code, body.title(), body.body()));
    }

    @Operation(summary = "Change an answer template of one of the agent's services")
    @PutMapping("/api/messaging/agent/templates/{id}")
    public TemplateView change(PortalPrincipal agent, @PathVariable long id, @Valid @RequestBody TemplateText body) {
        return TemplateView.of(templates.change(agent, id, body.title(), body.body()));
    }

    @Operation(summary = "Delete an answer template of one of the agent's services")
    @DeleteMapping("/api/messaging/agent/templates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(PortalPrincipal agent, @PathVariable long id) {
        templates.delete(agent, id);
    }
}
