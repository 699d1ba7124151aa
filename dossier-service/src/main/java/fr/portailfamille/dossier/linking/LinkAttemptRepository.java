package fr.portailfamille.dossier.linking;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;

public interface LinkAttemptRepository extends JpaRepository<LinkAttempt, Long> {

    List<LinkAttempt> findByDossierIdAndSucceededFalseAndAttemptedAtAfterOrderByAttemptedAtDesc(Long dossierId, Instant after);
}
