package fr.portailfamille.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every refused access (401, 403, and 404 — which is also what another family's id gets) is logged on
 * {@code fr.portailfamille.security} with the subject of the token (or « anonyme »), the method and the
 * path, never the token nor the query string (issue 13, item 11): an operator sees who tried what.
 */
public final class RefusedAccess {

    private static final Logger SECURITY = LoggerFactory.getLogger("fr.portailfamille.security");

    private RefusedAccess() {
    }

    /** Logs a refusal of {@code request}. */
    public static void log(HttpServletRequest request, HttpStatusCode status) {
        if (request == null) {
            return;
        }
        SECURITY.info("Accès refusé : {} {} {} pour {}", status.value(), request.getMethod(),
                clean(request.getRequestURI()), subject());
    }

    /** Logs a refusal of the request being answered on this thread, if any. */
    static void logCurrent(HttpStatusCode status) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            log(attributes.getRequest(), status);
        }
    }

    private static String subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return "anonyme";
        }
        return clean(authentication.getName());
    }

    /** No line breaks nor control characters from the request in the log. */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
