package fr.portailfamille.gateway;

import fr.portailfamille.testsupport.ServiceStructure;
import org.junit.jupiter.api.Test;

/** The feature packages of gateway depend on each other without cycles; controllers stay thin. */
class ModularityTests {

    @Test
    void feature_packages_have_no_cycles_and_controllers_stay_adapters() {
        ServiceStructure.verify(GatewayApplication.class);
    }
}
