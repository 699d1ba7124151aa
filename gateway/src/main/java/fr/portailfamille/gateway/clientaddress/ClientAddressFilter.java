package fr.portailfamille.gateway.clientaddress;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * On every call routed to a service: {@value #HEADER} carries the client's address as
 * {@link ClientAddressTransformer} decided it, overwriting any copy the client sent; the headers a
 * service could otherwise take for the client's address ({@code X-Forwarded-For}, {@code Forwarded},
 * {@code X-Real-IP}) are not passed on. Services read it with the platform's {@code ClientAddress}.
 */
@Component
public class ClientAddressFilter implements GlobalFilter, Ordered {

    /** The header services read the client's address from; the same name as the platform's {@code ClientAddress.HEADER}. */
    public static final String HEADER = "X-Portal-Client-Address";

    private static final List<String> NOT_PASSED_ON = List.of(HEADER, "X-Forwarded-For", "Forwarded", "X-Real-IP");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String client = remote == null || remote.getAddress() == null ? null : TrustedProxies.format(remote.getAddress());
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            NOT_PASSED_ON.forEach(headers::remove);
            if (client != null) {
                headers.set(HEADER, client);
            }
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
