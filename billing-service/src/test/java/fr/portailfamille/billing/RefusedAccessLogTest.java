package fr.portailfamille.billing;

import fr.portailfamille.billing.invoice.BillingApiSupport;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 11: a refused access (401, 403, or 404 for another family's id) is logged with who and
 * what (subject, method, path), never the token: what an operator needs to see someone trying ids.
 */
@PortalServiceTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedAccessLogTest extends BillingApiSupport {

    @Test
    void refusals_are_logged_with_the_subject_and_path_never_the_token(CapturedOutput output) {
        String family = family("6002");
        UUID someoneElses = UUID.randomUUID();

        assertThat(api().download("/api/billing/mandates/" + someoneElses + "/pdf", family).statusCode()).isEqualTo(404);
        assertThat(api().get("/api/billing/direct-debits/collections?page=0", family).status()).isEqualTo(403);
        assertThat(api().get("/api/billing/invoices", null).status()).isEqualTo(401);

        assertThat(output.getOut())
                .contains("Accès refusé : 404 GET /api/billing/mandates/" + someoneElses + "/pdf pour famille-6002")
                .contains("Accès refusé : 403 GET /api/billing/direct-debits/collections pour famille-6002")
                .contains("Accès refusé : 401 GET /api/billing/invoices pour anonyme")
                .doesNotContain(family)
                .doesNotContain("page=0");
    }
}
