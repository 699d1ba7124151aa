package fr.portailfamille.banksimulator.systempay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SmallRulesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-09-15T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void amountsAreShownTheFrenchWay() {
        assertThat(Amounts.euros(5150)).isEqualTo("51,50\u00a0€");
        assertThat(Amounts.euros(7)).isEqualTo("0,07\u00a0€");
        assertThat(Amounts.euros(123456789)).isEqualTo("1\u202f234\u202f567,89\u00a0€");
    }

    @Test
    void aTransactionIdIsUniquePerShopAndUtcDayWhateverItsCase() {
        TransactionIdRegistry registry = new TransactionIdRegistry(clock);
        LocalDate today = LocalDate.of(2026, 9, 15);
        assertThat(registry.claim("12345678", today, "abc123")).isTrue();
        assertThat(registry.claim("12345678", today, "ABC123")).isFalse();
        assertThat(registry.claim("12345678", today.minusDays(1), "ABC123")).isTrue();
        assertThat(registry.claim("87654321", today, "ABC123")).isTrue();
    }

    @Test
    void theCardFormSaysWhatIsWrongInFrench() {
        CardForm.Checked ok = new CardForm("4970 1000 0000 0000", "12/26", "123").check(clock);
        assertThat(ok.valid()).isTrue();
        assertThat(ok.card()).isEqualTo(TestCard.ACCEPTED_3DS);

        CardForm.Checked refused = new CardForm("4970-1000-0000-0097", "09/2026", "000").check(clock);
        assertThat(refused.valid()).isTrue();
        assertThat(refused.card().accepted()).isFalse();

        CardForm.Checked bad = new CardForm("4970 abcd", "13/26", "12").check(clock);
        assertThat(bad.errors()).containsOnlyKeys("cardNumber", "expiry", "cvv");
        assertThat(bad.errors().get("expiry")).contains("MM/AA");

        assertThat(new CardForm("4970100000000000", "08/26", "123").check(clock).errors())
                .containsEntry("expiry", "Cette carte est expirée : la date d'expiration est passée.");
        assertThat(new CardForm("", "", "").check(clock).errors()).hasSize(3);
    }

    @Test
    void theConfigurationNeverPrintsTheKeys() {
        SystempayProperties properties = new SystempayProperties("12345678", "secret-test", "secret-production",
                SignatureAlgorithm.HMAC_SHA_256, "Portail Famille", Duration.ofMinutes(10), null,
                new SystempayProperties.Notification(null, Duration.ofSeconds(10), List.of(Duration.ofMinutes(15))));
        assertThat(properties.toString()).contains("12345678").doesNotContain("secret-test").doesNotContain("secret-production");
        assertThat(properties.keyFor("PRODUCTION")).isEqualTo("secret-production");
        assertThat(properties.keyFor("TEST")).isEqualTo("secret-test");
    }

    @Test
    void returnFieldsAreAddedToTheShopsOwnQuery() {
        assertThat(PaymentController.withQuery(URI.create("https://shop.example/retour"), Map.of("signature", "a+b/c=")))
                .isEqualTo("https://shop.example/retour?signature=a%2Bb%2Fc%3D");
        assertThat(PaymentController.withQuery(URI.create("https://shop.example/retour?x=1#fin"), Map.of("vads_result", "00")))
                .isEqualTo("https://shop.example/retour?x=1&vads_result=00#fin");
    }
}
