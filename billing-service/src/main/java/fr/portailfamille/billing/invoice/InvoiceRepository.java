package fr.portailfamille.billing.invoice;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invoices; other packages reach them through {@link InvoicePayments} and the invoice services only. */
interface InvoiceRepository extends JpaRepository<Invoice, UUID> {

    /** The invoices with these ids, locked until the transaction ends, always in the order of their ids (no deadlock). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id in :ids order by i.id")
    List<Invoice> lockAll(@Param("ids") Collection<UUID> ids);

    /** The invoices a payment holds or held last, locked, in the order of their ids. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.paymentId = :paymentId order by i.id")
    List<Invoice> lockByPayment(@Param("paymentId") UUID paymentId);

    /** The invoices a direct-debit file of {@code day} collects (InvoiceDebits#schedule), locked in the order of their ids. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.dossierNumber in :dossiers and i.status = fr.portailfamille.billing.invoice.InvoiceStatus.TO_PAY "
            + "and i.directDebitExcluded = false and i.dueDate <= :day order by i.id")
    List<Invoice> lockToCollect(@Param("dossiers") Collection<String> dossierNumbers, @Param("day") LocalDate day);

    /** The invoices in files collected on or before {@code day}, locked in the order of their ids. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.status = fr.portailfamille.billing.invoice.InvoiceStatus.DIRECT_DEBIT_SCHEDULED "
            + "and i.directDebitDate <= :day order by i.id")
    List<Invoice> lockCollected(@Param("day") LocalDate day);

    /** A dossier's unpaid invoices that a file may collect, or in a file. */
    @Query("select i from Invoice i where i.dossierNumber = :dossier and (i.status = fr.portailfamille.billing.invoice.InvoiceStatus.DIRECT_DEBIT_SCHEDULED "
            + "or (i.status = fr.portailfamille.billing.invoice.InvoiceStatus.TO_PAY and i.directDebitExcluded = false))")
    List<Invoice> findToCollect(@Param("dossier") String dossierNumber);

    /** The invoice with its lines (read after the transaction ends). */
    @EntityGraph(attributePaths = {"lines", "pdf"})
    Optional<Invoice> findWithLinesById(UUID id);

    /** Number and content fingerprint of the invoices that already have one of these numbers. */
    @Query("select new fr.portailfamille.billing.invoice.InvoiceRepository$Existing(i.number, i.contentSha256) "
            + "from Invoice i where i.number in :numbers")
    List<Existing> findExisting(@Param("numbers") Collection<String> numbers);

    @Query("select i from Invoice i where i.dossierNumber = :dossier and i.status in :statuses")
    Page<Invoice> findByDossier(@Param("dossier") String dossierNumber,
                                @Param("statuses") Collection<InvoiceStatus> statuses, Pageable page);

    Page<Invoice> findByDossierNumber(String dossierNumber, Pageable page);

    /** An invoice number already issued and the fingerprint of its content. */
    record Existing(String number, String contentSha256) {
    }
}
