package fr.portailfamille.billing.payment.payfip;

import fr.portailfamille.billing.payment.BankOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The answer of {@code recupererDetailPaiementSecurise}: what PayFiP knows of one {@code idOp}.
 *
 * @param montant    in cents
 * @param resultrans P (paid by card), V (paid by direct debit), R or Z (refused), A (abandoned)
 * @param numauto    the bank's authorisation number (paid only), or null
 * @param dattrans   {@code ddMMyyyy}, Paris day
 * @param heurtrans  {@code HHmm}, Paris time
 */
public record PayfipDetail(String idOp, String numcli, String exer, String refdet, String objet, long montant,
                           String mel, String saisie, String resultrans, String numauto, String dattrans,
                           String heurtrans) {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATTRANS = DateTimeFormatter.ofPattern("ddMMuuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter HEURTRANS = DateTimeFormatter.ofPattern("HHmm");

    /** P/V paid, R/Z refused, A abandoned; anything else is not decided. */
    public BankOutcome outcome() {
        if (resultrans == null) {
            return BankOutcome.PENDING;
        }
        return switch (resultrans) {
            case "P", "V" -> BankOutcome.PAID;
            case "R", "Z" -> BankOutcome.REFUSED;
            case "A" -> BankOutcome.ABANDONED;
            default -> BankOutcome.PENDING;
        };
    }

    /** When PayFiP decided (to the minute), or null when its date is missing or unreadable. */
    public Instant decidedAt() {
        if (dattrans == null || heurtrans == null) {
            return null;
        }
        try {
            return LocalDate.parse(dattrans, DATTRANS).atTime(LocalTime.parse(heurtrans, HEURTRANS))
                    .atZone(PARIS).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
