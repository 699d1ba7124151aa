package fr.portailfamille.messaging.template;

import fr.portailfamille.messaging.catalogue.Catalogue;
import fr.portailfamille.messaging.conversation.MessageText;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The « réponses types » of each service: its agents list, write, change and delete them; an agent of
 * another service reaches none of them (404, as for an id that does not exist).
 */
@Service
public class AnswerTemplates {

    private final AnswerTemplateRepository templates;
    private final Catalogue catalogue;

    public AnswerTemplates(AnswerTemplateRepository templates, Catalogue catalogue) {
        this.templates = templates;
        this.catalogue = catalogue;
    }

    @Transactional(readOnly = true)
    public List<AnswerTemplate> list(PortalPrincipal agent, String serviceCode) {
        return templates.ofService(memberService(agent, serviceCode));
    }

    @Transactional
    public AnswerTemplate add(PortalPrincipal agent, String serviceCode, String title, String body) {
        String code = memberService(agent, serviceCode);
        return templates.saveAndFlush(new AnswerTemplate(code, MessageText.line("title", title),
                MessageText.body("body", body)));
    }

    @Transactional
    public AnswerTemplate change(PortalPrincipal agent, long id, String title, String body) {
        AnswerTemplate template = reachable(agent, id);
        template.change(MessageText.line("title", title), MessageText.body("body", body));
        return templates.saveAndFlush(template);
    }

    @Transactional
    public void delete(PortalPrincipal agent, long id) {
        templates.delete(reachable(agent, id));
    }

    private AnswerTemplate reachable(PortalPrincipal agent, long id) {
        return templates.findById(id).filter(t -> Catalogue.belongs(agent, t.getServiceCode()))
                .orElseThrow(() -> ApiProblem.notFound("reponse-type-introuvable", "template.not-found"));
    }

    private String memberService(PortalPrincipal agent, String serviceCode) {
        return catalogue.department(serviceCode).filter(d -> Catalogue.belongs(agent, d.getCode()))
                .orElseThrow(() -> ApiProblem.notFound("service-introuvable", "catalogue.service.not-found",
                        serviceCode)).getCode();
    }
}
