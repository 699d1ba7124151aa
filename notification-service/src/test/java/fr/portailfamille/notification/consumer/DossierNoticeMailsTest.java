package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.dossier.ContactEmailChanged;
import fr.portailfamille.events.dossier.DossierAccountLinked;
import fr.portailfamille.notification.Producers;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.Mails;
import fr.portailfamille.testsupport.PortalInfrastructure;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.SmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13 item 10 on real Kafka and SMTP: a dossier's previous contact address is told of the change (the
 * new one masked), and the dossier's recorded address is told of the first account linked to it; item 7:
 * the topics that carry links keep their records 24 hours.
 */
@PortalServiceTest
class DossierNoticeMailsTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** 09:30 UTC in December is 10h30 in Paris. */
    private static final Instant AT = Instant.parse("2026-12-02T09:30:00Z");

    @Autowired
    JsonMapper json;

    private final SmtpServer smtp = PortalInfrastructure.smtp();

    private static String uniqueAddress(String who) {
        return who + "." + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@example.test";
    }

    private void publish(PortalEvent event) {
        EventEnvelope<PortalEvent> envelope = EventEnvelope.wrap(event, Producers.sourceOf(event.getClass()), AT);
        KafkaEvents.send(EventCatalog.entryOf(event.getClass()).topic(), envelope.subject(),
                json.writeValueAsString(envelope));
    }

    private MimeMessage awaitMail(String address) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.receivedBy(address).isEmpty());
        return smtp.receivedBy(address).get(0);
    }

    private static String text(MimeMessage mail) {
        return Mails.text(mail).replace("\r\n", "\n");
    }

    @Test
    void the_previous_contact_address_is_told_the_change_when_and_whom_to_contact_never_the_new_address() {
        String previous = uniqueAddress("ancienne");
        publish(new ContactEmailChanged("6000", "DURAND", previous, "cl•••@e•••.fr", false));

        MimeMessage mail = awaitMail(previous);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : l'adresse e-mail de votre dossier famille a été modifiée");
        assertThat(Mails.recipients(mail)).containsExactly(previous);
        assertThat(text(mail))
                .contains("L'adresse e-mail du dossier famille n° 6000 (famille DURAND) sur le Portail Famille a été "
                        + "modifiée le 02/12/2026 à 10h30 depuis l'espace famille du portail.")
                .contains("iront désormais à la nouvelle adresse, cl•••@e•••.fr, et non plus à celle-ci.")
                .contains("Sinon, contactez sans attendre la Communauté de communes Roussillon Conflent en indiquant "
                        + "votre numéro de dossier");
        assertThat(Mails.html(mail)).contains("cl•••@e•••.fr", "depuis l&#39;espace famille du portail");
    }

    @Test
    void a_change_made_by_an_agent_says_so() {
        String previous = uniqueAddress("ancienne.agent");
        publish(new ContactEmailChanged("6001", "MARTIN", previous, "p•••@e•••.test", true));

        MimeMessage mail = awaitMail(previous);

        assertThat(text(mail)).contains("a été modifiée le 02/12/2026 à 10h30 par un agent de la Communauté de communes "
                + "Roussillon Conflent.");
        assertThat(Mails.html(mail)).contains("par un agent de la Communauté de communes Roussillon Conflent");
    }

    @Test
    void the_first_account_linked_is_announced_to_the_dossier_s_recorded_address() {
        String recorded = uniqueAddress("dossier");
        publish(new DossierAccountLinked("6002", "DURAND", recorded, "Julien DURAND", AT));

        MimeMessage mail = awaitMail(recorded);

        assertThat(Mails.subject(mail)).isEqualTo("Portail Famille : un compte a été associé à votre dossier famille");
        assertThat(Mails.recipients(mail)).containsExactly(recorded);
        assertThat(text(mail))
                .contains("Un compte du Portail Famille, au nom de Julien DURAND, a été associé le 02/12/2026 à 10h30 "
                        + "à votre dossier famille n° 6002 (famille DURAND), avec la clé d'accès imprimée sur vos factures.")
                .contains("parce que c'est le premier compte qui y est associé")
                .contains("Sinon, contactez sans attendre la Communauté de communes Roussillon Conflent");
        assertThat(Mails.html(mail)).contains("Julien DURAND", "02/12/2026 à 10h30");
    }

    @Test
    void the_topics_that_carry_links_keep_their_records_24_hours() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                PortalInfrastructure.kafka().bootstrapServers()))) {
            for (String name : List.of(Topics.IDENTITY, Topics.NOTIFICATION_DEAD_LETTER)) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
                Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
                assertThat(config.get("retention.ms").value()).as(name).isEqualTo("86400000");
                assertThat(config.get("segment.ms").value()).as(name).isEqualTo("3600000");
            }
            ConfigResource billing = new ConfigResource(ConfigResource.Type.TOPIC, Topics.BILLING);
            assertThat(admin.describeConfigs(List.of(billing)).all().get(30, TimeUnit.SECONDS).get(billing)
                    .get("retention.ms").value()).as("other topics keep the broker's default").isEqualTo("604800000");
        }
    }
}
