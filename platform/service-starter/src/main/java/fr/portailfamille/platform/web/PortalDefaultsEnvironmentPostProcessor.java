package fr.portailfamille.platform.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code portal-defaults.properties} as the lowest-priority configuration of every service:
 * French locale, health probes, Kafka producer settings for the outbox, JPA validation... A service's
 * {@code application.yml} or an environment variable overrides any of them. With the profile
 * {@code local} (a developer's machine and the tests), {@code portal-defaults-local.properties} comes
 * just before them (the OpenAPI document and Swagger UI are on there only).
 *
 * <p>Runs after Spring Boot's configuration files are read (its default order is the lowest), so the
 * profiles from {@code SPRING_PROFILES_ACTIVE} or a test's {@code @ActiveProfiles} are known.
 */
public class PortalDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String LOCAL_PROFILE = "local";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            add(environment, "portal-local-defaults", "portal-defaults-local.properties");
        }
        add(environment, "portal-defaults", "portal-defaults.properties");
    }

    private static void add(ConfigurableEnvironment environment, String name, String resource) {
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader().load(name, new ClassPathResource(resource))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
