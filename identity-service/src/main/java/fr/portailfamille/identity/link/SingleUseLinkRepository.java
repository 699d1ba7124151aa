package fr.portailfamille.identity.link;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface SingleUseLinkRepository extends JpaRepository<SingleUseLink, Long> {

    /** Locked until the transaction ends: two requests with the same link cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<SingleUseLink> findByPurposeAndTokenHash(LinkPurpose purpose, String tokenHash);

    List<SingleUseLink> findByPurposeAndKeycloakUserIdAndUsedAtIsNullAndRetiredAtIsNull(LinkPurpose purpose,
                                                                                         String keycloakUserId);

    @Modifying
    @Query("delete from SingleUseLink l where l.keycloakUserId = :keycloakUserId")
    int deleteByKeycloakUserId(String keycloakUserId);
}
