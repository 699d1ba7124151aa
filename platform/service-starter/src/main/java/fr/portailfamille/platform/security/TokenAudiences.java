package fr.portailfamille.platform.security;

/**
 * The two audiences of the realm's tokens the services accept (docs/adr/011-token-audiences.md):
 * {@code gateway}, what the gateway's client obtains for families, agents and admins, and
 * {@code services}, what the services' own clients obtain by client credentials for {@code /internal/**}.
 * Settings {@code portal.security.audiences.gateway} and {@code .services}.
 */
public record TokenAudiences(String gateway, String services) {
}
