package fr.portailfamille.identity.cgu;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.Optional;

interface CguRepository extends JpaRepository<CguVersion, String> {

    Optional<CguVersion> findFirstByPublishedAtLessThanEqualOrderByPublishedAtDesc(Instant now);
}
