package fr.portailfamille.messaging.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The authority's settings of the messaging ({@code portal.messaging}).
 *
 * @param showAgentNames whether families read the answering agent's own name beside the service's
 *                       (default: the service's name alone)
 */
@ConfigurationProperties("portal.messaging")
public record MessagingProperties(boolean showAgentNames) {
}
