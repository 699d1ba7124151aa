package fr.portailfamille.billing.directdebit.report;

import java.util.Map;

/**
 * Why a bank rejected or returned a debit: the ISO 20022 external status reason code (the codes
 * the EPC's SEPA Direct Debit rulebook lists for R-transactions) and what a family or a régisseur
 * reads. An unknown code keeps its code in the text, so that the bank can be asked.
 */
public record RejectionReason(String code, String label) {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("AC01", "Coordonnées bancaires incorrectes"),
            Map.entry("AC04", "Compte clôturé"),
            Map.entry("AC06", "Compte bloqué"),
            Map.entry("AC13", "Type de compte ne permettant pas le prélèvement"),
            Map.entry("AG01", "Prélèvement interdit sur ce compte"),
            Map.entry("AG02", "Code opération invalide"),
            Map.entry("AM04", "Provision insuffisante"),
            Map.entry("AM05", "Prélèvement en double"),
            Map.entry("BE05", "Créancier inconnu de la banque"),
            Map.entry("CNOR", "Banque du créancier non joignable"),
            Map.entry("DNOR", "Banque du débiteur non joignable"),
            Map.entry("DUPL", "Prélèvement en double"),
            Map.entry("FF01", "Fichier mal formé"),
            Map.entry("FOCR", "Prélèvement annulé à la demande du créancier"),
            Map.entry("MD01", "Aucun mandat valable pour ce prélèvement"),
            Map.entry("MD02", "Informations du mandat manquantes ou erronées"),
            Map.entry("MD06", "Remboursement demandé par le titulaire du compte"),
            Map.entry("MD07", "Titulaire du compte décédé"),
            Map.entry("MS02", "Refus du titulaire du compte"),
            Map.entry("MS03", "Rejet de la banque sans motif précisé"),
            Map.entry("RC01", "Code banque (BIC) incorrect"),
            Map.entry("RR01", "Identification du titulaire du compte manquante"),
            Map.entry("RR02", "Nom ou adresse du titulaire du compte manquant"),
            Map.entry("RR03", "Nom ou adresse du créancier manquant"),
            Map.entry("RR04", "Motif réglementaire"),
            Map.entry("SL01", "Opposition du titulaire du compte auprès de sa banque"));

    public static RejectionReason of(String code) {
        String known = code == null ? null : LABELS.get(code);
        if (known != null) {
            return new RejectionReason(code, known);
        }
        return new RejectionReason(code, code == null || code.isBlank() ? "Motif non communiqué par la banque"
                : "Motif " + code + " (renseignez-vous auprès de la banque)");
    }
}
