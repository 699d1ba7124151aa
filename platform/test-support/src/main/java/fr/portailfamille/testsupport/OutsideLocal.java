package fr.portailfamille.testsupport;

import fr.portailfamille.platform.startupchecks.ShippedSecretsCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service's start as a deployment would do it (no profile {@code local}, only what the jar ships),
 * stopped before any bean exists: nothing connects to the database or to Kafka. Only the listeners
 * that read the configuration run (not the logging system's, which would reset the test JVM's logs).
 */
public final class OutsideLocal {

    private OutsideLocal() {
    }

    /** What stops {@code application} from starting outside {@code local}; {@code null} when it would start. */
    public static RuntimeException refusal(Class<?> application, String... arguments) {
        SpringApplication spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setListeners(List.of(new EnvironmentPostProcessorApplicationListener(), new ShippedSecretsCheck(),
                (ApplicationListener<ApplicationPreparedEvent>) event -> {
                    throw new Stop();
                }));
        try {
            spring.run(arguments);
            return null;
        } catch (Stop stopped) {
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The environment {@code application} would have outside {@code local} with {@code arguments}. */
    public static ConfigurableEnvironment environment(Class<?> application, String... arguments) {
        AtomicReference<ConfigurableEnvironment> environment = new AtomicReference<>();
        SpringApplication spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setListeners(List.of(new EnvironmentPostProcessorApplicationListener(),
                (ApplicationListener<ApplicationPreparedEvent>) event -> {
                    environment.set(event.getApplicationContext().getEnvironment());
                    throw new Stop();
                }));
        try {
            spring.run(arguments);
        } catch (Stop stopped) {
            // the environment is complete
        }
        return environment.get();
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
