package fr.portailfamille.platform.web;

import fr.portailfamille.platform.problem.PortalExceptionHandler;
import fr.portailfamille.platform.problem.ProblemWriter;
import fr.portailfamille.platform.problem.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/** problem+json in French for every error, the shedding of a burst's excess, and the OpenAPI description of the service. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PortalWebAutoConfiguration {

    @Bean
    Problems problems(ObjectProvider<MessageSource> messageSource) {
        return new Problems(messageSource.getIfAvailable());
    }

    @Bean
    ProblemWriter problemWriter(Problems problems, JsonMapper json) {
        return new ProblemWriter(problems, json);
    }

    @Bean
    PortalExceptionHandler portalExceptionHandler(Problems problems, org.springframework.core.env.Environment environment) {
        return new PortalExceptionHandler(problems, environment);
    }

    /** Before everything else, Spring Security included: a shed request costs nothing more. */
    @Bean
    FilterRegistrationBean<LoadShedding> portalLoadShedding(ProblemWriter problems,
            @Value("${portal.load-shedding.max-concurrent:50}") int maxConcurrent,
            @Value("${portal.load-shedding.max-waiting:200}") int maxWaiting,
            @Value("${portal.load-shedding.max-wait:3s}") Duration maxWait) {
        FilterRegistrationBean<LoadShedding> registration =
                new FilterRegistrationBean<>(new LoadShedding(maxConcurrent, maxWaiting, maxWait, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI portalOpenApi(@Value("${spring.application.name}") String applicationName) {
        return new OpenAPI()
                .info(new Info().title("Portail Famille — " + applicationName).version("v1")
                        .description("API of " + applicationName + ". Errors are RFC 9457 problem+json with a French detail."))
                .components(new Components().addSecuritySchemes("keycloak", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("keycloak"));
    }
}
