package fr.portailfamille.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;

/**
 * Points the Spring context under test at the real servers of {@link PortalInfrastructure}; the
 * database is named after {@code spring.application.name} (one database per service).
 */
public class PortalTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "portal-test");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("portal-test-infrastructure",
                new HashMap<>(PortalInfrastructure.serviceProperties(application))));
    }
}
