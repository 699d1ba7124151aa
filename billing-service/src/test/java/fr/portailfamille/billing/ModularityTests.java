package fr.portailfamille.billing;

import fr.portailfamille.testsupport.ServiceStructure;
import org.junit.jupiter.api.Test;

/** The feature packages of billing-service depend on each other without cycles; controllers stay thin. */
class ModularityTests {

    @Test
    void feature_packages_have_no_cycles_and_controllers_stay_adapters() {
        ServiceStructure.verify(BillingServiceApplication.class);
    }
}
