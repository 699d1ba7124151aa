package fr.portailfamille.identity.account;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, Long> {

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from Account a where a.keycloakUserId = :keycloakUserId")
    int deleteByKeycloakUserId(String keycloakUserId);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update Account a set a.email = :email where a.keycloakUserId = :keycloakUserId")
    int changeEmail(String keycloakUserId, String email);
}
