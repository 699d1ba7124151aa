package fr.portailfamille.billing.invoice.pdf;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * What the invoices print beyond the platform's branding (name, portal address):
 * {@code portal.billing.authority-address}, the authority's postal address, one line each
 * ({@code PORTAL_BILLING_AUTHORITYADDRESS_0_}, {@code _1_}… or a comma-separated list).
 */
@ConfigurationProperties("portal.billing")
public record InvoicePdfProperties(List<String> authorityAddress) {

    public InvoicePdfProperties {
        authorityAddress = authorityAddress == null ? List.of() : List.copyOf(authorityAddress);
    }
}
