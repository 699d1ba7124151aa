package fr.portailfamille.billing.directdebit.collection;

import fr.portailfamille.billing.directdebit.mandate.Mandates;
import fr.portailfamille.billing.invoice.DirectDebitPlan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Set;

/** Tells invoices which dossiers are under direct debit (an active mandate) and the authority's setting. */
@Component
@EnableConfigurationProperties(DirectDebitProperties.class)
class InvoiceDirectDebitPlan implements DirectDebitPlan {

    private final Mandates mandates;
    private final DirectDebitProperties properties;

    InvoiceDirectDebitPlan(Mandates mandates, DirectDebitProperties properties) {
        this.mandates = mandates;
        this.properties = properties;
    }

    @Override
    public Set<String> dossiersUnderDirectDebit(Collection<String> dossierNumbers) {
        return mandates.dossiersWithActiveMandate(dossierNumbers);
    }

    @Override
    public boolean onlinePaymentBeforeDebit() {
        return properties.onlinePaymentBeforeDebit();
    }
}
