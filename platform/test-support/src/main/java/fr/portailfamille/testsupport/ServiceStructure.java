package fr.portailfamille.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape every service keeps, checked on its compiled classes (ArchUnit): its feature packages
 * ({@code fr.portailfamille.<service>.<feature>}) depend on each other without cycles, nothing but a
 * controller uses a controller (services take domain values, not request bodies), and services
 * answer with domain values, never with HTTP responses. A service's {@code ModularityTests} calls
 * {@link #verify(Class)} with its application class.
 */
public final class ServiceStructure {

    /** A controller, or a type declared inside one (its request and response bodies). */
    private static final String CONTROLLER = ".*Controller(\\$.*)?";

    private ServiceStructure() {
    }

    /** Checks every rule on the production classes of {@code application}'s package; fails naming each breach. */
    public static void verify(Class<?> application) {
        String base = application.getPackageName();
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(base);
        for (ArchRule rule : rules(base)) {
            rule.check(classes);
        }
    }

    static ArchRule[] rules(String base) {
        return new ArchRule[] {
                slices().matching(base + ".(*)..")
                        .should().beFreeOfCycles()
                        .because("a feature package is read and changed on its own")
                        .allowEmptyShould(true),
                noClasses().that().haveNameNotMatching(CONTROLLER)
                        .should().dependOnClassesThat().haveNameMatching(CONTROLLER)
                        .because("a controller is a thin adapter: services take domain values")
                        .allowEmptyShould(true),
                methods().that().areDeclaredInClassesThat().areAnnotatedWith("org.springframework.stereotype.Service")
                        .should().notHaveRawReturnType("org.springframework.http.ResponseEntity")
                        .because("HTTP is the controller's business")
                        .allowEmptyShould(true),
        };
    }
}
