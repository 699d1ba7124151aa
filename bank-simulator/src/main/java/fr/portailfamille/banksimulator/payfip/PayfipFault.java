package fr.portailfamille.banksimulator.payfip;

/**
 * A PayFiP {@code FonctionnelleErreur}: the SOAP fault the service answers when a request breaks one of
 * its rules. The codes are those PayFiP integrations handle (P1 unknown idOp, P5 result not known yet,
 * M1/M3/M5 amount, A1/A2 e-mail, R3 refdet, S1 saisie, T2 client, N1/D1 URLs).
 */
public class PayfipFault extends RuntimeException {

    private final String code;
    private final String libelle;

    public PayfipFault(String code, String libelle) {
        super(code + " : " + libelle);
        this.code = code;
        this.libelle = libelle;
    }

    public String code() {
        return code;
    }

    public String libelle() {
        return libelle;
    }
}
