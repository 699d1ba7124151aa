package fr.portailfamille.banksimulator.systempay;

/**
 * The {@code vads_trans_status} values the simulator produces, with the {@code vads_result} that goes
 * with each: 00 done, 05 refused, 17 cancelled by the buyer.
 */
public enum TransactionStatus {
    AUTHORISED("00"),
    REFUSED("05"),
    ABANDONED("17");

    private final String result;

    TransactionStatus(String result) {
        this.result = result;
    }

    public String result() {
        return result;
    }
}
