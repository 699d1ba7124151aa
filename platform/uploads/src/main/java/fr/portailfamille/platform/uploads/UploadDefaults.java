package fr.portailfamille.platform.uploads;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code portal-uploads-defaults.properties} (the 10 MB limit and what goes with it) as the
 * lowest-priority configuration of a service that takes this module; its {@code application.yml} or an
 * environment variable ({@code SPRING_SERVLET_MULTIPART_MAX_FILE_SIZE}) overrides them.
 */
public class UploadDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader()
                    .load("portal-uploads-defaults", new ClassPathResource("portal-uploads-defaults.properties"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
