package fr.portailfamille.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a request body larger than its route allows with 413 problem+json in French, before the
 * service is called (so neither the service nor the route's circuit breaker ever sees it):
 * uploads (multipart) and the long-running batch paths up to {@code uploads}, a few listed paths up to
 * their own size, every other call up to {@code json} ({@link RequestSizeProperties}).
 *
 * <p>A declared {@code Content-Length} is checked at once. A body without one (chunked) is read into
 * memory up to the limit first, then passed on with its length: reading it as it streams to the
 * service would fail midway, inside the circuit breaker, which would count the refusal against the
 * service.
 */
@Component
public class RequestSizeLimits implements GlobalFilter, Ordered {

    private static final String TOO_LARGE = """
            {"type":"urn:portail-famille:problem:requete-trop-volumineuse","title":"Requête trop volumineuse",\
            "status":413,"detail":"La requête dépasse la taille autorisée (%s au plus)."}""";

    private final RequestSizeProperties sizes;
    private final ServicesProperties services;

    public RequestSizeLimits(RequestSizeProperties sizes, ServicesProperties services) {
        this.sizes = sizes;
        this.services = services;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) Math.min(limit, Integer.MAX_VALUE))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(body -> chain.filter(exchange.mutate().request(withBody(request, body.orElse(null))).build()))
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange, limit));
    }

    long limitFor(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        MediaType type = request.getHeaders().getContentType();
        if ((type != null && type.getType().equals("multipart"))
                || services.longRunningPaths().stream().anyMatch(path::startsWith)) {
            return sizes.uploads().toBytes();
        }
        for (Map.Entry<String, org.springframework.util.unit.DataSize> larger : sizes.paths().entrySet()) {
            if (path.startsWith(larger.getKey())) {
                return larger.getValue().toBytes();
            }
        }
        return sizes.json().toBytes();
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
        long length = body == null ? 0 : body.readableByteCount();
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                HttpHeaders headers = new HttpHeaders();
                headers.putAll(super.getHeaders());
                headers.remove(HttpHeaders.TRANSFER_ENCODING);
                headers.setContentLength(length);
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return body == null ? Flux.empty() : Flux.just(body);
            }
        };
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        byte[] json = TOO_LARGE.formatted(readable(limit)).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }

    /** 65536 → « 64 Ko », 12582912 → « 12 Mo ». */
    static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " Mo";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " Ko";
        }
        return bytes + " octets";
    }
}
