package fr.portailfamille.identity.account;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByKeycloakUserId(String keycloakUserId);

    @Modifying
    @Query("delete from Account a where a.keycloakUserId = :keycloakUserId")
    int deleteByKeycloakUserId(String keycloakUserId);

    @Modifying
    @Query("update Account a set a.email = :email where a.keycloakUserId = :keycloakUserId")
    int changeEmail(String keycloakUserId, String email);
}
