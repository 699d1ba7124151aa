package fr.portailfamille.banksimulator.payfip;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * One {@code idOp}: what {@code creerPaiementSecurise} received, then the result once the payer has paid,
 * been refused or given up on the payment page.
 */
public final class PayfipOperation {

    /** {@code resultrans}: P paid by card, R refused, A abandoned. */
    public enum Result {
        P, R, A
    }

    private final String idOp;
    private final String numcli;
    private final String exer;
    private final String refdet;
    private final String objet;
    private final long montant;
    private final String mel;
    private final String saisie;
    private final URI urlnotif;
    private final URI urlredirect;
    private final Instant createdAt;
    private Result result;
    private Instant decidedAt;
    private String numauto;

    PayfipOperation(String idOp, String numcli, String exer, String refdet, String objet, long montant, String mel,
                    String saisie, URI urlnotif, URI urlredirect, Instant createdAt) {
        this.idOp = idOp;
        this.numcli = numcli;
        this.exer = exer;
        this.refdet = refdet;
        this.objet = objet;
        this.montant = montant;
        this.mel = mel;
        this.saisie = saisie;
        this.urlnotif = urlnotif;
        this.urlredirect = urlredirect;
        this.createdAt = createdAt;
    }

    public String idOp() {
        return idOp;
    }

    public String numcli() {
        return numcli;
    }

    public String exer() {
        return exer;
    }

    public String refdet() {
        return refdet;
    }

    public String objet() {
        return objet;
    }

    public long montant() {
        return montant;
    }

    public String mel() {
        return mel;
    }

    public String saisie() {
        return saisie;
    }

    public URI urlnotif() {
        return urlnotif;
    }

    public URI urlredirect() {
        return urlredirect;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public synchronized Optional<Result> result() {
        return Optional.ofNullable(result);
    }

    public synchronized Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public synchronized Optional<String> numauto() {
        return Optional.ofNullable(numauto);
    }

    /** Sets the result once; false when it was already decided. */
    synchronized boolean decide(Result decided, Instant at, String authorisation) {
        if (result != null) {
            return false;
        }
        result = decided;
        decidedAt = at;
        numauto = authorisation;
        return true;
    }
}
