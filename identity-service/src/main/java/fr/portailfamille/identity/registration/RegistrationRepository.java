package fr.portailfamille.identity.registration;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;

public interface RegistrationRepository extends JpaRepository<Registration, String> {

    @Modifying
    @Query("delete from Registration r where r.expiresAt < :now")
    int deleteExpired(Instant now);
}
