package fr.portailfamille.dossier.child;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ChildRepository extends JpaRepository<Child, Long> {

    @EntityGraph(attributePaths = "activities")
    List<Child> findByDossierNumberOrderByBirthDateAscFirstNameAsc(String dossierNumber);
}
