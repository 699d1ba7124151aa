package fr.portailfamille.gateway.session;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.client.oidc.server.session.InMemoryReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * Where the links between Keycloak sessions and gateway sessions live: beside the sessions. In Redis
 * when the sessions are (the default, every deployment, several replicas), in memory with them under
 * the profile {@code local} (one process).
 */
@Configuration
public class OidcSessionsConfiguration {

    @Bean
    ReactiveOidcSessionRegistry oidcSessionRegistry(ObjectProvider<ReactiveStringRedisTemplate> redis,
                                                    SessionProperties properties,
                                                    @Value("${spring.session.data.redis.namespace:spring:session}") String namespace) {
        ReactiveStringRedisTemplate template = redis.getIfAvailable();
        return template == null ? new InMemoryReactiveOidcSessionRegistry()
                : new RedisOidcSessionRegistry(template, namespace, properties.absoluteTimeout());
    }

    @Bean
    BackChannelLogoutHandler backChannelLogoutHandler(ReactiveOidcSessionRegistry registry, WebSessionManager sessions) {
        if (!(sessions instanceof DefaultWebSessionManager manager)) {
            throw new IllegalStateException("Unexpected session manager " + sessions.getClass());
        }
        return new BackChannelLogoutHandler(registry, manager.getSessionStore());
    }
}
