package fr.portailfamille.platform.jpa;

import fr.portailfamille.platform.security.PortalPrincipal;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Optional;

/**
 * Audit columns ({@code @CreatedBy}, {@code @LastModifiedBy}, dates) filled from the caller's token:
 * who changed what, and when. Outside a request (a consumer, a job) the auditor is {@code system}.
 */
@AutoConfiguration
@ConditionalOnClass(EnableJpaAuditing.class)
@EnableJpaAuditing(auditorAwareRef = "portalAuditor")
public class PortalJpaAutoConfiguration {

    @Bean
    AuditorAware<String> portalAuditor() {
        return () -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
                return Optional.of(PortalPrincipal.from(jwt).auditName());
            }
            return Optional.of("system");
        };
    }
}
