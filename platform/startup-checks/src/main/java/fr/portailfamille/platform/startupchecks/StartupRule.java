package fr.portailfamille.platform.startupchecks;

/**
 * One setting the start-up checks look at, declared in a service's {@code application.yml}.
 *
 * @param property the Spring property, e.g. {@code portal.keycloak.client-secret}
 * @param variable the environment variable an operator sets, named in the refusal
 * @param what what the value is, in French, for the operator who reads the refusal
 * @param onlyIf {@code property=value}: the rule applies only when that setting has that value
 *               (e.g. the Systempay key only when Systempay is the payment provider); empty: always
 */
public record StartupRule(String property, String variable, String what, String onlyIf) {

    boolean applies(org.springframework.core.env.Environment environment) {
        if (onlyIf == null || onlyIf.isBlank()) {
            return true;
        }
        int equals = onlyIf.indexOf('=');
        String value = environment.getProperty(onlyIf.substring(0, equals).trim(), "");
        return value.trim().equalsIgnoreCase(onlyIf.substring(equals + 1).trim());
    }

    String label() {
        return what == null || what.isBlank() ? variable : variable + " (" + what + ")";
    }
}
