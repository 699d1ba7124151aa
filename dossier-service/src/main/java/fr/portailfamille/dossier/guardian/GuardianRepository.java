package fr.portailfamille.dossier.guardian;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface GuardianRepository extends JpaRepository<Guardian, Long> {

    List<Guardian> findByDossierNumberOrderByPosition(String number);

    Optional<Guardian> findByIdAndDossierNumber(long id, String number);

    long countByDossierNumber(String number);
}
