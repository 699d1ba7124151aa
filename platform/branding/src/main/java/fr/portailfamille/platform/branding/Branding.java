package fr.portailfamille.platform.branding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who the portal belongs to, as people read it: the one {@code portal.branding} block of every
 * process (gateway and services). Its defaults (the first tenant's) are in
 * {@code portal-branding.properties}; a deployment for another authority sets
 * {@code PORTAL_BRANDING_*} environment variables.
 *
 * @param portalName         « Portail Famille »
 * @param authorityName      the authority's full name, « Communauté de communes Roussillon Conflent »
 * @param authorityShortName the name used after « de », « Roussillon Conflent »
 * @param portalUrl          the portal's public address, where links in e-mails and documents lead
 * @param senderAddress      the From address of the portal's e-mails
 */
@ConfigurationProperties("portal.branding")
public record Branding(
        String portalName,
        String authorityName,
        String authorityShortName,
        String portalUrl,
        String senderAddress) {
}
