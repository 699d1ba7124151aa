package fr.portailfamille.gateway.session;

import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The session cookie: {@code server.reactive.session.cookie.*} as Spring Boot reads them, named by
 * {@link PortalCookies} ({@code __Host-PORTAIL_SESSION} when Secure). Replaces Boot's resolver, which
 * would keep the plain name; Spring Session's WebFlux support uses this bean too (Redis).
 */
@Configuration
public class SessionCookieConfiguration {

    @Bean
    WebSessionIdResolver webSessionIdResolver(ServerProperties server, PortalCookies cookies) {
        Cookie cookie = server.getReactive().getSession().getCookie();
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(cookies.sessionCookieName());
        resolver.addCookieInitializer(builder -> {
            cookies.apply(builder).httpOnly(cookie.getHttpOnly() == null || cookie.getHttpOnly());
            if (cookie.getSameSite() != null) {
                builder.sameSite(cookie.getSameSite().attributeValue());
            }
        });
        return resolver;
    }
}
