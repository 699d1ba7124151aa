package fr.portailfamille.dossier.dossier;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface DossierRepository extends JpaRepository<Dossier, Long> {

    Optional<Dossier> findByNumber(String number);

    boolean existsByNumber(String number);
}
