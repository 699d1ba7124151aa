package fr.portailfamille.notification.template;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the e-mails say of who sends them; one deployment per authority sets its own.
 *
 * @param authorityName  e.g. « Communauté de communes Roussillon Conflent »
 * @param portalName     e.g. « Portail Famille »
 * @param portalUrl      where the links of the e-mails lead
 * @param senderAddress  the From address
 */
@ConfigurationProperties("portal.branding")
public record BrandingProperties(
        @DefaultValue("Communauté de communes Roussillon Conflent") String authorityName,
        @DefaultValue("Portail Famille") String portalName,
        @DefaultValue("http://localhost:8080") String portalUrl,
        @DefaultValue("portail-famille@roussillon-conflent.fr") String senderAddress) {
}
