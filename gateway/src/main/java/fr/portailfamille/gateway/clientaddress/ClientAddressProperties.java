package fr.portailfamille.gateway.clientaddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Which connections may tell the gateway who the client is.
 *
 * @param trustedProxies the proxies in front of the gateway (in Kubernetes: the ingress controller's
 *                       pod range, and nothing else), as CIDRs ({@code 10.42.0.0/16}) or single
 *                       addresses; only their {@code X-Forwarded-*} headers are believed. Loopback by
 *                       default: a gateway reached directly from another machine believes no one.
 */
@ConfigurationProperties("portal.gateway")
public record ClientAddressProperties(@DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> trustedProxies) {
}
