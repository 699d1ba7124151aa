package fr.portailfamille.billing.payment.payfip;

/**
 * PayFiP answered a SOAP fault. A functional one ({@code FonctionnelleErreur}) has a code: P1 unknown
 * {@code idOp}, P5 result not known yet, T1/T2 client number, S1 saisie, R3 refdet, M1/M3/M5 amount,
 * A1/A2 e-mail, N1/D1 URLs; another fault ({@code soap:Client}, {@code soap:Server} without detail)
 * has none.
 */
public class PayfipFaultException extends RuntimeException {

    private final String code;
    private final String libelle;

    public PayfipFaultException(String code, String libelle) {
        super("PayFiP fault " + (code == null ? "(no code)" : code) + " : " + libelle);
        this.code = code;
        this.libelle = libelle;
    }

    /** The {@code FonctionnelleErreur} code, or null for a fault without one. */
    public String code() {
        return code;
    }

    public String libelle() {
        return libelle;
    }

    /** P1: PayFiP does not know the {@code idOp} (never created, or cleaned up). */
    public boolean unknownIdOp() {
        return "P1".equals(code);
    }

    /** P5: no result yet (the payer is on the page, or the {@code idOp} expired unused). */
    public boolean resultNotKnown() {
        return "P5".equals(code);
    }
}
