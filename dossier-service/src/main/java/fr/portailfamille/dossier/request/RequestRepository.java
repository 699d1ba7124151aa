package fr.portailfamille.dossier.request;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface RequestRepository extends JpaRepository<Request, Long> {

    @EntityGraph(attributePaths = {"history", "dossier", "attachment"})
    List<Request> findByDossierNumberOrderByCreatedAtDescIdDesc(String dossierNumber);

    /** One request with what its view shows (read after the transaction ends). */
    @EntityGraph(attributePaths = {"history", "dossier", "attachment"})
    Optional<Request> findWithDetailsById(long id);
}
