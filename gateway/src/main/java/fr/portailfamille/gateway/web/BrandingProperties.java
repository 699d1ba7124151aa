package fr.portailfamille.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** What the web app's header and footer say: one deployment per authority sets its own. */
@ConfigurationProperties("portal.branding")
public record BrandingProperties(
        @DefaultValue("Portail Famille") String portalName,
        @DefaultValue("Communauté de communes Roussillon Conflent") String authorityName,
        @DefaultValue("Roussillon Conflent") String authorityShortName) {
}
