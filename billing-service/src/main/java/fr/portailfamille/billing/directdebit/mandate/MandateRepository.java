package fr.portailfamille.billing.directdebit.mandate;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface MandateRepository extends JpaRepository<Mandate, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Mandate m where m.id = ?1 and m.dossierNumber = ?2")
    Optional<Mandate> lockOfDossier(UUID id, String dossierNumber);

    @Query("select m from Mandate m where m.dossierNumber = ?1 and m.status in ?2 order by m.createdAt desc")
    List<Mandate> ofDossier(String dossierNumber, List<MandateStatus> statuses);

    @Query("select distinct m.dossierNumber from Mandate m where m.status = fr.portailfamille.billing.directdebit.mandate.MandateStatus.ACTIVE and m.dossierNumber in ?1")
    List<String> activeDossiers(Collection<String> dossierNumbers);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Mandate m where m.status = fr.portailfamille.billing.directdebit.mandate.MandateStatus.ACTIVE order by m.id")
    List<Mandate> lockActive();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Mandate m where m.id = ?1")
    Optional<Mandate> lockById(UUID id);

    @Query("select m from Mandate m where (?1 is null or m.dossierNumber = ?1) and m.status <> fr.portailfamille.billing.directdebit.mandate.MandateStatus.PENDING_SIGNATURE")
    Page<Mandate> signed(String dossierNumber, Pageable page);

    @Modifying
    @Query("delete from Mandate m where m.dossierNumber = ?1 and m.status = fr.portailfamille.billing.directdebit.mandate.MandateStatus.PENDING_SIGNATURE")
    int deletePending(String dossierNumber);
}
