package fr.portailfamille.identity;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.http.ResponseEntity;

import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of identity-service: feature packages ({@code fr.portailfamille.identity.<feature>})
 * without cycles between them; controllers are thin adapters at the edge, so nothing else uses a
 * controller or a type declared inside one, and only controllers speak HTTP.
 */
@AnalyzeClasses(packages = "fr.portailfamille.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ModularityTests {

    /** A {@code *Controller}, or a type declared inside one (its request and response records). */
    private static final DescribedPredicate<JavaClass> WEB_ADAPTER =
            DescribedPredicate.describe("are a controller or declared in one", ModularityTests::isWebAdapter);
    private static final DescribedPredicate<JavaClass> NOT_WEB_ADAPTER =
            DescribedPredicate.describe("are neither a controller nor declared in one", type -> !isWebAdapter(type));

    private static boolean isWebAdapter(JavaClass type) {
        for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
            if (c.get().getSimpleName().endsWith("Controller")) {
                return true;
            }
        }
        return false;
    }

    @ArchTest
    static final ArchRule feature_packages_are_free_of_cycles =
            slices().matching("fr.portailfamille.identity.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothing_but_a_controller_depends_on_a_controller =
            noClasses().that(NOT_WEB_ADAPTER).should().dependOnClassesThat(WEB_ADAPTER)
                    .because("services take domain values, never a controller or its request records");

    @ArchTest
    static final ArchRule services_never_return_a_response_entity =
            noMethods().that().areDeclaredInClassesThat(NOT_WEB_ADAPTER).should().haveRawReturnType(ResponseEntity.class)
                    .because("a service answers with values or an ApiProblem; the controller makes the HTTP answer");

    @ArchTest
    static final ArchRule only_the_web_edge_sees_the_servlet_request =
            noClasses().that(NOT_WEB_ADAPTER).and().resideOutsideOfPackage("fr.portailfamille.identity.web..")
                    .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                    .because("services take the caller's address as a value (web.ClientAddress), not the request");
}
