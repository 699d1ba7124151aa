package fr.portailfamille.billing;

import fr.portailfamille.billing.payment.payfip.PayfipStub;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.RunningService;
import fr.portailfamille.testsupport.StandardServiceChecks;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/** billing-service starts on its own database and answers like every Portail Famille service. */
@PortalServiceTest
class BillingServiceTest extends RunningService implements StandardServiceChecks {

    /** The background expiry check of this context asks the same PayFiP as PayfipPaymentApiTest. */
    @DynamicPropertySource
    static void payfipStub(DynamicPropertyRegistry registry) {
        registry.add("portal.billing.payment.payfip.service-url", () -> PayfipStub.shared().url().toString());
    }

    @Override
    public String protectedPath() {
        return "/api/billing/anything";
    }

    @Override
    public List<String> deploymentSecrets() {
        return List.of("SPRING_DATASOURCE_PASSWORD", "PORTAL_KEYCLOAK_CLIENT_SECRET",
                "PORTAL_BILLING_PAYMENT_SYSTEMPAY_TEST_KEY", "PORTAL_BILLING_CREDITOR_IDENTIFIER", "PORTAL_BILLING_CREDITOR_IBAN");
    }
}
