package fr.portailfamille.billing.payment.systempay;

import java.time.LocalDate;

/**
 * A counter per shop and per UTC day that never gives the same number twice, even to an attempt
 * that was abandoned (a cancelled attempt burns its {@code vads_trans_id}). Stored in the database
 * once the payment feature is wired (one row per shop and day, incremented atomically).
 */
@FunctionalInterface
public interface DailySequence {

    /** The next number of {@code siteId} for {@code utcDay}, from 1. */
    long next(String siteId, LocalDate utcDay);
}
