package fr.portailfamille.platform.startupchecks;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses the start of a process outside the profile {@code local} when a secret still has the value
 * the process shipped with, or none, or when a setting that must be true is not (see the package's
 * documentation). Runs once the environment is complete (after the context initializers) and before
 * any bean exists: nothing connected to anything yet.
 *
 * <p>"Shipped" means found in a property source that comes with the code: a {@code application*.yml}
 * on the class path, or the platform's {@code portal-*defaults.properties}. A shipped default must
 * therefore be a plain value, not a {@code ${VARIABLE:default}} placeholder.
 */
public class ShippedSecretsCheck implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

    public static final String LOCAL_PROFILE = "local";
    static final String PREFIX = "portal.startup-checks";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        List<String> problems = problems(event.getApplicationContext().getEnvironment());
        if (!problems.isEmpty()) {
            throw new ShippedSecretsException(problems);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** What prevents this environment from running outside {@code local}, in French; empty when nothing. */
    public static List<String> problems(ConfigurableEnvironment environment) {
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            return List.of();
        }
        Binder binder = Binder.get(environment);
        if (!binder.bind(PREFIX + ".enabled", Boolean.class).orElse(true)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (StartupRule rule : rules(binder, "secrets")) {
            if (!rule.applies(environment)) {
                continue;
            }
            String value = environment.getProperty(rule.property());
            if (value == null || value.isBlank()) {
                problems.add(rule.label() + " : n'est pas défini ; définissez la variable " + rule.variable() + ".");
            } else if (shippedValues(environment, rule.property()).contains(value)) {
                problems.add(rule.label() + " : a la valeur publique livrée avec le code ; définissez la variable "
                        + rule.variable() + " avec une valeur secrète.");
            }
        }
        for (StartupRule rule : rules(binder, "must-be-true")) {
            if (rule.applies(environment)
                    && !"true".equals(environment.getProperty(rule.property(), "").trim().toLowerCase(Locale.ROOT))) {
                problems.add(rule.label() + " : doit valoir true ; définissez la variable " + rule.variable() + "=true.");
            }
        }
        return problems;
    }

    private static List<StartupRule> rules(Binder binder, String kind) {
        // A map, not a list: maps merge across sources (the platform's defaults declare the database
        // password, a service's application.yml its own secrets).
        return List.copyOf(binder.bind(PREFIX + "." + kind, Bindable.mapOf(String.class, StartupRule.class))
                .orElse(Map.of()).values());
    }

    /** The values of {@code property} in the property sources that come with the code. */
    static Set<String> shippedValues(ConfigurableEnvironment environment, String property) {
        Set<String> values = new HashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!isShipped(source) || !(source instanceof EnumerablePropertySource<?>)) {
                continue;
            }
            Object raw = source.getProperty(property);
            if (raw != null && !raw.toString().contains("${")) {
                values.add(raw.toString());
            }
        }
        return values;
    }

    static boolean isShipped(PropertySource<?> source) {
        String name = source.getName();
        return name.contains("class path resource")
                || (name.startsWith("portal-") && name.endsWith("defaults"))
                || name.equals("defaultProperties");
    }
}
