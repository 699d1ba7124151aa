package fr.portailfamille.identity.link;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle of one single-use link, without Spring or a database. */
class SingleUseLinkTest {

    private static final Instant SENT = Instant.parse("2026-03-02T08:00:00Z");

    private static SingleUseLink sent(LinkPurpose purpose) {
        return new SingleUseLink(purpose, "keycloak-user-1", "claire@example.test", "a".repeat(64), SENT);
    }

    @Test
    void activation_lasts_48_hours_a_password_reset_one_hour_an_email_change_24_hours() {
        assertThat(sent(LinkPurpose.ACTIVATION).getExpiresAt()).isEqualTo(SENT.plus(Duration.ofHours(48)));
        assertThat(sent(LinkPurpose.PASSWORD_RESET).getExpiresAt()).isEqualTo(SENT.plus(Duration.ofHours(1)));
        assertThat(sent(LinkPurpose.EMAIL_CHANGE).getExpiresAt()).isEqualTo(SENT.plus(Duration.ofHours(24)));
    }

    @Test
    void usable_until_just_before_its_expiry_and_not_at_it() {
        SingleUseLink link = sent(LinkPurpose.PASSWORD_RESET);

        assertThat(link.usableAt(SENT)).isTrue();
        assertThat(link.usableAt(SENT.plus(Duration.ofHours(1)).minusMillis(1))).isTrue();
        assertThat(link.usableAt(SENT.plus(Duration.ofHours(1)))).isFalse();
        assertThatThrownBy(() -> link.use(SENT.plus(Duration.ofHours(2))))
                .isInstanceOfSatisfying(LinkExpiredException.class, gone -> assertThat(gone.status()).isEqualTo(HttpStatus.GONE));
        assertThat(link.getUsedAt()).isNull();
    }

    @Test
    void used_once_then_refused_with_the_one_410() {
        SingleUseLink link = sent(LinkPurpose.ACTIVATION);
        Instant opened = SENT.plus(Duration.ofMinutes(5));

        link.use(opened);

        assertThat(link.getUsedAt()).isEqualTo(opened);
        assertThat(link.usableAt(opened.plusSeconds(1))).isFalse();
        assertThatThrownBy(() -> link.use(opened.plusSeconds(1)))
                .isInstanceOfSatisfying(LinkExpiredException.class, gone -> {
                    assertThat(gone.status()).isEqualTo(HttpStatus.GONE);
                    assertThat(gone.slug()).isEqualTo("lien-expire");
                    assertThat(gone.messageKey()).isEqualTo("link.expired");
                });
        assertThat(link.getUsedAt()).as("the first use stays recorded").isEqualTo(opened);
    }

    @Test
    void a_newer_link_retires_an_unused_one_but_a_used_one_stays_used() {
        SingleUseLink unused = sent(LinkPurpose.EMAIL_CHANGE);
        SingleUseLink used = sent(LinkPurpose.EMAIL_CHANGE);
        used.use(SENT.plusSeconds(60));
        Instant newer = SENT.plusSeconds(120);

        unused.retire(newer);
        used.retire(newer);

        assertThat(unused.usableAt(newer)).isFalse();
        assertThat(unused.getRetiredAt()).isEqualTo(newer);
        assertThatThrownBy(() -> unused.use(newer)).isInstanceOf(LinkExpiredException.class);
        assertThat(used.getRetiredAt()).isNull();
        assertThat(used.getUsedAt()).isEqualTo(SENT.plusSeconds(60));
    }

    @Test
    void retiring_twice_keeps_the_first_time() {
        SingleUseLink link = sent(LinkPurpose.ACTIVATION);

        link.retire(SENT.plusSeconds(10));
        link.retire(SENT.plusSeconds(20));

        assertThat(link.getRetiredAt()).isEqualTo(SENT.plusSeconds(10));
    }
}
