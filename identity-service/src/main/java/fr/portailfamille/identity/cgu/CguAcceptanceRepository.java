package fr.portailfamille.identity.cgu;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface CguAcceptanceRepository extends JpaRepository<CguAcceptance, Long> {

    Optional<CguAcceptance> findFirstByKeycloakUserIdOrderByAcceptedAtDesc(String keycloakUserId);

    boolean existsByKeycloakUserIdAndVersion(String keycloakUserId, String version);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from CguAcceptance a where a.keycloakUserId = :keycloakUserId")
    int deleteByKeycloakUserId(String keycloakUserId);
}
