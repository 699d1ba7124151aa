package fr.portailfamille.identity.email;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;

interface EmailChangeRepository extends JpaRepository<EmailChange, Long> {

    Optional<EmailChange> findByTokenHash(String tokenHash);

    /** Only the newest request of an account can be confirmed. */
    @Modifying
    @Query("update EmailChange c set c.usedAt = :now where c.keycloakUserId = :userId and c.usedAt is null")
    int retireAll(String userId, Instant now);
}
