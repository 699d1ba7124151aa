package fr.portailfamille.dossier.request;

import fr.portailfamille.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static fr.portailfamille.dossier.request.RequestStatus.ACCEPTED;
import static fr.portailfamille.dossier.request.RequestStatus.CANCELLED;
import static fr.portailfamille.dossier.request.RequestStatus.IN_PROGRESS;
import static fr.portailfamille.dossier.request.RequestStatus.REFUSED;
import static fr.portailfamille.dossier.request.RequestStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which moves a request may make from each status: Envoyée → En cours → Acceptée or Refusée; Annulée while Envoyée. */
class RequestStatusTest {

    private static Set<RequestStatus> movesFrom(RequestStatus from) {
        Set<RequestStatus> moves = EnumSet.noneOf(RequestStatus.class);
        for (RequestStatus next : RequestStatus.values()) {
            if (from.canBecome(next)) {
                moves.add(next);
            }
        }
        return moves;
    }

    @Test
    void a_submitted_request_may_be_taken_decided_or_cancelled() {
        assertThat(movesFrom(SUBMITTED)).containsExactlyInAnyOrder(IN_PROGRESS, ACCEPTED, REFUSED, CANCELLED);
    }

    @Test
    void a_request_in_progress_may_only_be_accepted_or_refused() {
        assertThat(movesFrom(IN_PROGRESS)).containsExactlyInAnyOrder(ACCEPTED, REFUSED);
    }

    @Test
    void accepted_refused_and_cancelled_are_final() {
        assertThat(movesFrom(ACCEPTED)).isEmpty();
        assertThat(movesFrom(REFUSED)).isEmpty();
        assertThat(movesFrom(CANCELLED)).isEmpty();
    }

    @Test
    void no_status_moves_to_itself_nor_back_to_submitted() {
        for (RequestStatus status : RequestStatus.values()) {
            assertThat(status.canBecome(status)).as(status.name()).isFalse();
            assertThat(status.canBecome(SUBMITTED)).as(status.name()).isFalse();
        }
    }

    @Test
    void a_refused_move_is_a_409_saying_the_request_where_it_stands_and_where_it_cannot_go() {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        Request request = new Request(null, RequestType.CERTIFICATE, "Attestation", now, "famille");
        request.moveTo(CANCELLED, null, now, "famille");

        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> request.moveTo(ACCEPTED, "ok", now, "agent.jeunesse"));

        assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.slug()).isEqualTo("transition-refusee");
        assertThat(refused.args()).containsExactly("Demande d'attestation", "Annulée", "Acceptée");
        assertThat(request.getStatus()).isEqualTo(CANCELLED);
        assertThat(request.getHistory()).extracting(RequestStatusChange::getStatus).containsExactly(SUBMITTED, CANCELLED);
    }
}
