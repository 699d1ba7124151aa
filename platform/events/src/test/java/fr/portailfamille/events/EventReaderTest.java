package fr.portailfamille.events;

import fr.portailfamille.events.dossier.RequestStatusChanged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventReaderTest {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final EventReader reader = new EventReader(json);

    private String written(PortalEvent event) {
        return json.writeValueAsString(EventEnvelope.wrap(event, "/portail-famille/dossier-service",
                Instant.parse("2026-11-26T09:00:00Z")));
    }

    @Test
    void what_a_producer_wrote_is_read_back_as_the_same_envelope_and_record() {
        RequestStatusChanged event = new RequestStatusChanged("6000", 12L, "ATTESTATION", "Demande d'attestation",
                "ACCEPTED", "Acceptée", "Attestation jointe", "DURAND", "claire.durand@example.fr");

        EventEnvelope<PortalEvent> read = reader.read(written(event)).orElseThrow();

        assertThat(read.data()).isEqualTo(event);
        assertThat(read.type()).isEqualTo("fr.portailfamille.dossier.RequestStatusChanged");
        assertThat(read.subject()).isEqualTo("6000");
        assertThat(read.time()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(read.source()).isEqualTo("/portail-famille/dossier-service");
        assertThat(((FamilyEvent) read.data()).recipientEmail()).isEqualTo("claire.durand@example.fr");
    }

    @Test
    void an_event_type_this_build_does_not_know_is_an_envelope_without_a_record() {
        String value = """
                {"specversion":"1.0","id":"0b3f8a2e-6f55-4b8e-9d7a-1c2d3e4f5a6b","type":"fr.portailfamille.billing.Newer",
                 "source":"/portail-famille/billing-service","time":"2026-11-26T09:00:00Z","subject":"6000","data":{"x":1}}""";

        assertThat(reader.read(value)).isEqualTo(Optional.empty());
        assertThat(reader.envelope(value).data().get("x").asInt()).isEqualTo(1);
    }

    @Test
    void what_is_not_an_envelope_is_unreadable() {
        assertThatThrownBy(() -> reader.read("not json")).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> reader.read("[1,2]")).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> reader.read("""
                {"id":"0b3f8a2e-6f55-4b8e-9d7a-1c2d3e4f5a6b","type":"t","source":"s","time":"2026-11-26T09:00:00Z"}"""))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> reader.read("""
                {"id":"not-a-uuid","type":"t","source":"s","time":"2026-11-26T09:00:00Z","subject":"6000"}"""))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void data_that_does_not_fit_its_record_is_unreadable() {
        String value = """
                {"id":"0b3f8a2e-6f55-4b8e-9d7a-1c2d3e4f5a6b","type":"fr.portailfamille.dossier.RequestStatusChanged",
                 "source":"s","time":"2026-11-26T09:00:00Z","subject":"6000","data":{"requestId":"douze"}}""";

        assertThatThrownBy(() -> reader.read(value)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("RequestStatusChanged");
    }
}
