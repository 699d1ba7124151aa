package fr.portailfamille.billing.directdebit.collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

interface CollectionRepository extends JpaRepository<DebitCollection, UUID> {

    Optional<DebitCollection> findByCollectionDate(LocalDate collectionDate);

    Optional<DebitCollection> findByMessageId(String messageId);

    /** The files without their content, newest collection date first, with how many debits were rejected. */
    @Query(value = "select new fr.portailfamille.billing.directdebit.collection.CollectionRepository$Summary("
            + "c.id, c.collectionDate, c.painVersion, c.createdAt, c.createdBy, c.debitCount, c.controlSum, c.fileName, "
            + "(select count(d) from CollectedDebit d where d.collectionId = c.id "
            + "and d.status = fr.portailfamille.billing.directdebit.collection.CollectedDebit.Status.REJECTED)) "
            + "from DebitCollection c order by c.collectionDate desc",
            countQuery = "select count(c) from DebitCollection c")
    Page<Summary> summaries(Pageable page);

    /** A file as listed: without its content. */
    record Summary(UUID id, LocalDate collectionDate, String painVersion, Instant createdAt, String createdBy,
                   int debitCount, BigDecimal controlSum, String fileName, long rejectedCount) {
    }
}
