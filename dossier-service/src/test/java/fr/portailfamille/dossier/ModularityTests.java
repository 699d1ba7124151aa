package fr.portailfamille.dossier;

import fr.portailfamille.testsupport.ServiceStructure;
import org.junit.jupiter.api.Test;

/**
 * The feature packages of dossier-service ({@code fr.portailfamille.dossier.(*)}) depend on each other
 * without cycles; nothing but a controller uses a controller or its request and response bodies;
 * services return domain values, never a {@code ResponseEntity}. The rules are the platform's
 * ({@link ServiceStructure}, the same for every service).
 *
 * <p>ArchUnit rather than Spring Modulith's {@code ApplicationModules.verify()}: Modulith treats each
 * top-level package as a module whose API is its root package only, so {@code contactdetails}'s
 * building blocks, which every feature uses, would need named interfaces or would be reported as
 * internals; and it adds a dependency and a boot-time model for a check that ArchUnit's slices make
 * on the compiled classes alone, in well under a second, with messages that name the classes of each
 * cycle.
 */
class ModularityTests {

    @Test
    void feature_packages_have_no_cycles_and_controllers_stay_adapters() {
        ServiceStructure.verify(DossierServiceApplication.class);
    }
}
