package fr.portailfamille.identity.account;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    @EntityGraph(attributePaths = "account")
    Optional<AccountToken> findByTokenHashAndPurpose(String tokenHash, AccountToken.Purpose purpose);

    List<AccountToken> findByAccountIdAndPurpose(long accountId, AccountToken.Purpose purpose);
}
