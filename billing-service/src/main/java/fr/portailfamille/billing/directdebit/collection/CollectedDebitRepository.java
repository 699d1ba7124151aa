package fr.portailfamille.billing.directdebit.collection;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface CollectedDebitRepository extends JpaRepository<CollectedDebit, UUID> {

    @Query("select d from CollectedDebit d where d.collectionId = ?1 order by d.dossierNumber, d.invoiceNumber")
    List<CollectedDebit> ofCollection(UUID collectionId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from CollectedDebit d where d.collectionId = ?1 and d.endToEndId = ?2")
    Optional<CollectedDebit> lockOne(UUID collectionId, String endToEndId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from CollectedDebit d where d.collectionId = ?1 order by d.id")
    List<CollectedDebit> lockOfCollection(UUID collectionId);

    /** Of these mandates, those with a debit that stands (not rejected): their next debit is RCUR. */
    @Query("select distinct d.mandateId from CollectedDebit d where d.mandateId in ?1 "
            + "and d.status = fr.portailfamille.billing.directdebit.collection.CollectedDebit.Status.SCHEDULED")
    List<UUID> mandatesWithStandingDebit(Collection<UUID> mandateIds);

    /** The collection date of the mandate's last debit that stands, if any. */
    @Query("select max(c.collectionDate) from CollectedDebit d, DebitCollection c where c.id = d.collectionId "
            + "and d.mandateId = ?1 and d.status = fr.portailfamille.billing.directdebit.collection.CollectedDebit.Status.SCHEDULED")
    Optional<LocalDate> lastDebitDate(UUID mandateId);

    /**
     * Active mandates unused since {@code limit}: their last standing debit, or (never debited) their signature
     * (in Paris), before that day. Each row: the mandate's id and its last debit date (null when never debited).
     */
    @Query(value = """
            select m.id, last.day from direct_debit_mandate m
            left join lateral (select max(c.collection_date) as day from direct_debit_item i
                               join direct_debit_collection c on c.id = i.collection_id
                               where i.mandate_id = m.id and i.status = 'SCHEDULED') last on true
            where m.status = 'ACTIVE'
              and coalesce(last.day, cast(m.signed_at at time zone 'Europe/Paris' as date)) < ?1
            """, nativeQuery = true)
    List<Object[]> unusedSince(LocalDate limit);
}
