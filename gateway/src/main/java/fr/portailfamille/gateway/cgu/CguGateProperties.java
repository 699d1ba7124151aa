package fr.portailfamille.gateway.cgu;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The CGU gate's settings ({@code portal.cgu-gate.*}); the defaults are the production ones.
 *
 * @param enabled   false only in tests of other gateway features that run without identity-service;
 *                  never in a deployment (families could then use the portal without the CGU in force)
 * @param remember  how long a family's « accepted » is believed without asking again (per access token):
 *                  a version published meanwhile is asked for at most this late
 * @param remembered how many access tokens' « accepted » are kept at most (memory bound)
 * @param timeout   how long to wait for identity-service before answering 503
 */
@ConfigurationProperties("portal.cgu-gate")
public record CguGateProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("2m") Duration remember,
                                @DefaultValue("10000") int remembered,
                                @DefaultValue("3s") Duration timeout) {
}
