package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.notification.Producers;
import fr.portailfamille.platform.branding.Branding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@link EventOrigins} without Kafka: who owns each type, which links lead to the portal. */
class EventOriginsTest {

    private final EventOrigins origins = new EventOrigins(new Branding("Portail Famille", "Communauté", "RC",
            "https://portail.example.fr/", "portail@example.fr"));

    @Test
    void each_type_is_owned_by_the_service_publishing_on_its_topic() {
        for (EventCatalog.Entry entry : EventCatalog.entries()) {
            assertThat(EventOrigins.sourceOf(entry)).as(entry.type()).isEqualTo(Producers.sourceOf(entry.recordClass()));
        }
        assertThat(EventOrigins.sourceOf(EventCatalog.byType("fr.portailfamille.billing.PaymentSucceeded").orElseThrow()))
                .isEqualTo("/portail-famille/billing-service");
    }

    @Test
    void a_link_leads_to_the_portal_only_under_its_address() {
        assertThat(origins.leadsToPortal("https://portail.example.fr/mot-de-passe/abc")).isTrue();
        assertThat(origins.leadsToPortal("https://portail.example.fr")).isFalse();
        assertThat(origins.leadsToPortal("https://portail.example.fr.evil.test/mot-de-passe/abc")).isFalse();
        assertThat(origins.leadsToPortal("https://portail.example.fr@evil.test/abc")).isFalse();
        assertThat(origins.leadsToPortal("http://portail.example.fr/mot-de-passe/abc")).isFalse();
        assertThat(origins.leadsToPortal("https://evil.test/https://portail.example.fr/")).isFalse();
        assertThat(origins.leadsToPortal("https://portail.example.fr/a b")).isFalse();
        assertThat(origins.leadsToPortal("https://portail.example.fr/a\r\nBcc: x@evil.test")).isFalse();
        assertThat(origins.leadsToPortal(null)).isFalse();
    }
}
