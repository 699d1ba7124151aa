package fr.portailfamille.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The bank's secure payment pages the web app may send a form to (« Payer »: an auto-submitted form
 * to Systempay's {@code vads-payment/}, or PayFiP's page). They join the CSP's {@code form-action},
 * which otherwise allows only the portal and Keycloak. Set {@code PORTAL_BANK_FORM_ACTIONS} to the
 * active provider's address, e.g. {@code https://paiement.systempay.fr} or
 * {@code https://www.payfip.gouv.fr}; the default is the bank simulator of the local stack.
 */
@ConfigurationProperties("portal.bank")
public record BankPagesProperties(@DefaultValue("http://localhost:8090") List<String> formActions) {

    String sources() {
        return String.join(" ", formActions);
    }
}
