package fr.portailfamille.billing.payment;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

    /** The payment a Systempay notification is about, locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select p from Payment p where p.provider = :provider and p.shopId = :shopId
            and upper(p.reference) = upper(:reference) and p.referenceDate = :referenceDate""")
    Optional<Payment> lockDated(@Param("provider") Provider provider, @Param("shopId") String shopId,
                                @Param("reference") String reference, @Param("referenceDate") Instant referenceDate);

    /** The payment a PayFiP {@code idOp} is about, locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.provider = :provider and p.shopId = :shopId and p.reference = :reference")
    Optional<Payment> lockUndated(@Param("provider") Provider provider, @Param("shopId") String shopId,
                                  @Param("reference") String reference);

    /**
     * The terms of the payment a Systempay notification is about, read without lock (the check before
     * acknowledging it).
     */
    @Query("""
            select new fr.portailfamille.billing.payment.PaymentTerms(p.id, p.amount, p.providerMode)
            from Payment p where p.provider = :provider and p.shopId = :shopId
            and upper(p.reference) = upper(:reference) and p.referenceDate = :referenceDate""")
    Optional<PaymentTerms> termsDated(@Param("provider") Provider provider, @Param("shopId") String shopId,
                               @Param("reference") String reference, @Param("referenceDate") Instant referenceDate);

    /** The same for a payment known by its reference alone (PayFiP's {@code idOp}). */
    @Query("""
            select new fr.portailfamille.billing.payment.PaymentTerms(p.id, p.amount, p.providerMode)
            from Payment p where p.provider = :provider and p.shopId = :shopId and p.reference = :reference""")
    Optional<PaymentTerms> termsUndated(@Param("provider") Provider provider, @Param("shopId") String shopId,
                                 @Param("reference") String reference);

    /** The payment of a provider's reference (PayFiP's {@code idOp}), read without lock. */
    @Query("select p.id from Payment p where p.provider = :provider and p.reference = :reference")
    List<UUID> idsByReference(@Param("provider") Provider provider, @Param("reference") String reference);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> lockById(@Param("id") UUID id);

    boolean existsByProviderAndReference(Provider provider, String reference);

    /**
     * Payments still in progress past their window whose check is due ({@code next_check_at}, else
     * {@code expires_at}), the longest due first.
     */
    @Query("select p from Payment p where p.status = fr.portailfamille.billing.payment.PaymentStatus.IN_PROGRESS "
            + "and coalesce(p.nextCheckAt, p.expiresAt) < :now order by coalesce(p.nextCheckAt, p.expiresAt), p.id")
    List<Payment> findExpired(@Param("now") Instant now, Pageable page);

    /** The expiry check could not end the payment: it is due again at {@code at}, behind the others. */
    @Modifying
    @Transactional
    @Query("update Payment p set p.nextCheckAt = :at where p.id = :id "
            + "and p.status = fr.portailfamille.billing.payment.PaymentStatus.IN_PROGRESS")
    int postponeCheck(@Param("id") UUID id, @Param("at") Instant at);

    /** Payments created or settled within [from, to), in the order they were created. */
    @Query("""
            select p from Payment p
            where (p.createdAt >= :from and p.createdAt < :to) or (p.settledAt >= :from and p.settledAt < :to)
            order by p.createdAt, p.id""")
    List<Payment> findOfPeriod(@Param("from") Instant from, @Param("to") Instant to);
}
