package fr.portailfamille.gateway.session;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AbsoluteSessionTimeoutFilterTest {

    private final InMemoryWebSessionStore store = new InMemoryWebSessionStore();

    private WebSession activeSession() {
        WebSession session = store.createWebSession().block();
        session.getAttributes().put("SPRING_SECURITY_CONTEXT", "a logged-in family");
        session.start();
        return session;
    }

    private void requestAt(WebSession session, Duration after) {
        Clock clock = Clock.fixed(session.getCreationTime().plus(after), ZoneOffset.UTC);
        MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.get("/api/me"))
                .session(session).build();
        new AbsoluteSessionTimeoutFilter(new SessionProperties(Duration.ofHours(10), Duration.ofMinutes(30)), clock)
                .filter(exchange, e -> Mono.empty()).block();
    }

    @Test
    void a_session_older_than_the_absolute_timeout_is_ended_even_if_active() {
        WebSession session = activeSession();

        requestAt(session, Duration.ofHours(10).plusMinutes(1));

        assertThat(session.isExpired()).isTrue();
        assertThat(session.getAttributes()).isEmpty();
    }

    @Test
    void a_younger_session_is_kept() {
        WebSession session = activeSession();

        requestAt(session, Duration.ofHours(9));

        assertThat(session.isExpired()).isFalse();
        assertThat(session.getAttributes()).containsKey("SPRING_SECURITY_CONTEXT");
    }
}
