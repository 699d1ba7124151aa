package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.directdebit.bank.CreditorIdentifier;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The authority as the creditor of its families' direct debits ({@code portal.billing.creditor}):
 * its name and postal address as the mandate shows them, its SEPA creditor identifier (ICS, given by
 * the Banque de France; checked at start-up, the service does not start with a wrong one), and the
 * prefix of its mandates' references (RUM). The local default ICS is a made-up one that passes the
 * check: replace it.
 */
@ConfigurationProperties("portal.billing.creditor")
public record CreditorProperties(String name, List<String> address, String identifier, String rumPrefix) {

    public CreditorProperties {
        address = address == null ? List.of() : List.copyOf(address);
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("portal.billing.creditor.name is required (the creditor's name on mandates)");
        }
        identifier = CreditorIdentifier.of("portal.billing.creditor.identifier", identifier).value();
    }
}
