package fr.portailfamille.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape every service keeps, checked on its compiled classes (ArchUnit):
 * <ul>
 *   <li>its feature packages ({@code fr.portailfamille.<service>.<feature>}) depend on each other
 *       without cycles;</li>
 *   <li>controllers are thin adapters at the edge: nothing else uses a controller or a type declared
 *       inside one (services take domain values, not request bodies);</li>
 *   <li>only controllers make HTTP answers ({@code ResponseEntity});</li>
 *   <li>only controllers and the service's {@code web} package see the servlet request (services take
 *       the caller's address or files as values).</li>
 * </ul>
 * A service's {@code ModularityTests} calls {@link #verify(Class)} with its application class; the
 * error names each breach with its file and line.
 */
public final class ServiceStructure {

    private static final DescribedPredicate<JavaClass> WEB_ADAPTER =
            DescribedPredicate.describe("are a controller or declared in one", ServiceStructure::isWebAdapter);
    private static final DescribedPredicate<JavaClass> NOT_WEB_ADAPTER =
            DescribedPredicate.describe("are neither a controller nor declared in one", type -> !isWebAdapter(type));

    private ServiceStructure() {
    }

    private static boolean isWebAdapter(JavaClass type) {
        for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
            if (c.get().getSimpleName().endsWith("Controller")) {
                return true;
            }
        }
        return false;
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

    static List<ArchRule> rules(String base) {
        return List.of(
                slices().matching(base + ".(*)..")
                        .should().beFreeOfCycles()
                        .because("a feature package is read and changed on its own")
                        .allowEmptyShould(true),
                noClasses().that(NOT_WEB_ADAPTER)
                        .should().dependOnClassesThat(WEB_ADAPTER)
                        .because("services take domain values, never a controller or its request records")
                        .allowEmptyShould(true),
                noMethods().that().areDeclaredInClassesThat(NOT_WEB_ADAPTER)
                        .should().haveRawReturnType("org.springframework.http.ResponseEntity")
                        .because("a service answers with values or an ApiProblem; the controller makes the HTTP answer")
                        .allowEmptyShould(true),
                noClasses().that(NOT_WEB_ADAPTER).and().resideOutsideOfPackage(base + ".web..")
                        .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                        .because("services take the caller's address or files as values, not the request")
                        .allowEmptyShould(true));
    }
}
