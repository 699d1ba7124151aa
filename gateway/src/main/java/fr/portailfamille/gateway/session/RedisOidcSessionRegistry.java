package fr.portailfamille.gateway.session;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which gateway session belongs to which Keycloak session, in Redis beside the sessions, so that the
 * replica Keycloak's back-channel logout reaches finds a session another replica opened. Per gateway
 * session a hash {@code <namespace>:oidc:session:<id>} (issuer, subject, Keycloak {@code sid}), and two
 * sets of session ids by {@code sid} and by subject (a logout token carries one or both); all expire
 * with the session's absolute lifetime, after which the session is gone anyway. Only these three claims
 * are kept: the tokens stay in the session.
 */
public class RedisOidcSessionRegistry implements ReactiveOidcSessionRegistry {

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final Duration lifetime;

    public RedisOidcSessionRegistry(ReactiveStringRedisTemplate redis, String namespace, Duration lifetime) {
        this.redis = redis;
        this.prefix = namespace + ":oidc:";
        this.lifetime = lifetime;
    }

    @Override
    public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
        OidcUser user = info.getPrincipal();
        String id = info.getSessionId();
        Map<String, String> claims = new HashMap<>();
        claims.put("iss", String.valueOf(user.getIssuer()));
        claims.put("sub", user.getSubject());
        String sid = user.getClaimAsString("sid");
        if (sid != null) {
            claims.put("sid", sid);
        }
        Mono<Boolean> session = redis.opsForHash().putAll(sessionKey(id), claims)
                .then(redis.expire(sessionKey(id), lifetime));
        Mono<Boolean> bySubject = redis.opsForSet().add(subjectKey(user.getSubject()), id)
                .then(redis.expire(subjectKey(user.getSubject()), lifetime));
        Mono<Boolean> bySid = sid == null ? Mono.just(true)
                : redis.opsForSet().add(sidKey(sid), id).then(redis.expire(sidKey(sid), lifetime));
        return Mono.when(session, bySubject, bySid);
    }

    @Override
    public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
        return redis.<String, String>opsForHash().entries(sessionKey(clientSessionId))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(claims -> !claims.isEmpty())
                .flatMap(claims -> forget(clientSessionId, claims).thenReturn(information(clientSessionId, claims)));
    }

    @Override
    public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
        String sid = token.getSessionId();
        String key = sid != null ? sidKey(sid) : subjectKey(token.getSubject());
        String issuer = String.valueOf(token.getIssuer());
        return redis.opsForSet().members(key)
                .concatMap(id -> redis.<String, String>opsForHash().entries(sessionKey(id))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                        .filter(claims -> issuer.equals(claims.get("iss"))
                                && (token.getSubject() == null || token.getSubject().equals(claims.get("sub")))
                                && (sid == null || sid.equals(claims.get("sid"))))
                        .flatMap(claims -> forget(id, claims).thenReturn(information(id, claims))));
    }

    private Mono<Void> forget(String id, Map<String, String> claims) {
        List<Mono<?>> removals = new ArrayList<>();
        removals.add(redis.delete(sessionKey(id)));
        removals.add(redis.opsForSet().remove(subjectKey(claims.get("sub")), id));
        if (claims.get("sid") != null) {
            removals.add(redis.opsForSet().remove(sidKey(claims.get("sid")), id));
        }
        return Mono.when(removals);
    }

    /** The session's information as Spring Security hands it on (e.g. when the session id changes at login). */
    private static OidcSessionInformation information(String id, Map<String, String> claims) {
        Map<String, Object> idClaims = new HashMap<>(claims);
        idClaims.values().removeIf(Objects::isNull);
        OidcIdToken idToken = new OidcIdToken("-", null, null, idClaims);
        return new OidcSessionInformation(id, Map.of(), new DefaultOidcUser(List.of(), idToken, "sub"));
    }

    private String sessionKey(String id) {
        return prefix + "session:" + id;
    }

    private String sidKey(String sid) {
        return prefix + "sid:" + sid;
    }

    private String subjectKey(String subject) {
        return prefix + "sub:" + subject;
    }
}
