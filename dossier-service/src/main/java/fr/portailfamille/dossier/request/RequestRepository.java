package fr.portailfamille.dossier.request;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface RequestRepository extends JpaRepository<Request, Long> {

    @EntityGraph(attributePaths = {"history", "dossier"})
    List<Request> findByDossierNumberOrderByCreatedAtDescIdDesc(String dossierNumber);
}
