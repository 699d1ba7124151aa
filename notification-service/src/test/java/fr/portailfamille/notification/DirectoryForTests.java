package fr.portailfamille.notification;

import fr.portailfamille.testsupport.KeycloakServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;

/**
 * Every Spring test of notification-service (registered in {@code META-INF/spring.factories}, so the
 * classes keep {@code @PortalServiceTest} alone and share one context) points the service at the real
 * Keycloak, from which it gets its own service-account token (client credentials of the realm's
 * {@code notification-service} client), and at {@link IdentityServiceStub} for identity-service's
 * directory of agents.
 */
public class DirectoryForTests implements ContextCustomizerFactory {

    public static KeycloakServer keycloak() {
        return KeycloakServer.shared("http://localhost:8080");
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("notification-test-directory",
                    Map.of("portal.keycloak.url", keycloak().url(),
                            "portal.services.identity-url", IdentityServiceStub.shared().url())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
