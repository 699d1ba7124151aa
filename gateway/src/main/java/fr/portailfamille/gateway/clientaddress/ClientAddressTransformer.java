package fr.portailfamille.gateway.clientaddress;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Replaces Spring's {@link ForwardedHeaderTransformer} (applied to every request before any filter):
 * the request's remote address becomes the client's, decided once by {@link TrustedProxies}, instead of
 * the left-most {@code X-Forwarded-For} entry, which the client writes. The other {@code X-Forwarded-*}
 * headers (scheme, host: HSTS, login redirects) are honoured only from a trusted proxy; all of them are
 * removed from the request either way.
 */
class ClientAddressTransformer extends ForwardedHeaderTransformer {

    private final TrustedProxies trustedProxies;
    private final boolean honourForwardedUri;
    private final ForwardedHeaderTransformer removeOnly = new ForwardedHeaderTransformer();

    /**
     * @param honourForwardedUri false when {@code server.forward-headers-strategy} is {@code none}: the
     *                           scheme and host are then the connection's even behind a trusted proxy
     */
    ClientAddressTransformer(TrustedProxies trustedProxies, boolean honourForwardedUri) {
        this.trustedProxies = trustedProxies;
        this.honourForwardedUri = honourForwardedUri;
        this.removeOnly.setRemoveOnly(true);
    }

    @Override
    public ServerHttpRequest apply(ServerHttpRequest request) {
        InetSocketAddress connection = request.getRemoteAddress();
        InetAddress connectionAddress = connection == null ? null : connection.getAddress();
        boolean fromTrustedProxy = trustedProxies.trusts(connectionAddress);
        InetAddress client = trustedProxies.clientAddress(
                request.getHeaders().getValuesAsList("X-Forwarded-For"), connectionAddress);
        ServerHttpRequest adapted = fromTrustedProxy && honourForwardedUri ? super.apply(request) : removeOnly.apply(request);
        InetSocketAddress remote = adapted.getRemoteAddress();
        if (client != null && (remote == null || !client.equals(remote.getAddress()))) {
            adapted = adapted.mutate().remoteAddress(new InetSocketAddress(client, 0)).build();
        }
        return adapted;
    }
}
