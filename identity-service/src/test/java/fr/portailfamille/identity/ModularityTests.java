package fr.portailfamille.identity;

import fr.portailfamille.testsupport.ServiceStructure;
import org.junit.jupiter.api.Test;

/**
 * The shape of identity-service: feature packages without cycles; controllers are thin adapters at
 * the edge, so nothing else uses a controller or its request records, and only controllers speak HTTP
 * (the caller's address is the platform's {@code ClientAddress}). The rules are {@link ServiceStructure}'s,
 * the same for every service.
 */
class ModularityTests {

    @Test
    void feature_packages_have_no_cycles_and_controllers_stay_adapters() {
        ServiceStructure.verify(IdentityServiceApplication.class);
    }
}
