package fr.portailfamille.identity.password;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;

interface PasswordResetRepository extends JpaRepository<PasswordReset, Long> {

    Optional<PasswordReset> findByTokenHash(String tokenHash);

    /** A new link makes the older ones of the same account useless. */
    @Modifying
    @Query("update PasswordReset r set r.usedAt = :now where r.keycloakUserId = :userId and r.usedAt is null")
    int retireAll(String userId, Instant now);
}
