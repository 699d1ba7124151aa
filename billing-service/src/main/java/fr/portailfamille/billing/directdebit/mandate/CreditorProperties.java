package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.directdebit.bank.Bic;
import fr.portailfamille.billing.directdebit.bank.CreditorIdentifier;
import fr.portailfamille.billing.directdebit.bank.Iban;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Locale;

/**
 * The authority as the creditor of its families' direct debits ({@code portal.billing.creditor}):
 * its name and postal address as the mandate shows them, its SEPA creditor identifier (ICS, given by
 * the Banque de France; checked at start-up, the service does not start with a wrong one), and the
 * prefix of its mandates' references (RUM), and the account the direct debits credit (IBAN, optional
 * BIC; checked at start-up too). The local defaults are made-up values that pass the checks: replace them.
 */
@ConfigurationProperties("portal.billing.creditor")
public record CreditorProperties(String name, List<String> address, String identifier, String rumPrefix,
                                 String iban, String bic) {

    public CreditorProperties {
        address = address == null ? List.of() : List.copyOf(address);
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("portal.billing.creditor.name is required (the creditor's name on mandates)");
        }
        identifier = CreditorIdentifier.of("portal.billing.creditor.identifier", identifier).value();
        try {
            iban = new Iban(iban == null ? "" : iban.replaceAll("\\s", "").toUpperCase(Locale.ROOT)).value();
            bic = bic == null || bic.isBlank() ? null : new Bic(bic.strip().toUpperCase(Locale.ROOT)).value();
        } catch (RuntimeException e) {
            throw new IllegalStateException("portal.billing.creditor.iban / .bic: the account credited by direct debits is wrong ("
                    + e.getMessage() + ")", e);
        }
    }
}
