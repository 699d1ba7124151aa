package fr.portailfamille.billing.directdebit.mandate;

import java.util.List;

/**
 * The mandate's text as the family reads it before signing, in its version: a change of wording is a
 * new version, and each signature records the version it was given. The paragraphs follow the SEPA
 * rulebook's compulsory wording of a core mandate (French), with the creditor's details.
 */
public record MandateText(String version, List<String> paragraphs) {

    public static final String CURRENT_VERSION = "2026-12-v1";

    static MandateText current(CreditorProperties creditor) {
        return new MandateText(CURRENT_VERSION, List.of(
                "Mandat de prélèvement SEPA — paiement récurrent.",
                "Créancier : " + creditor.name() + (creditor.address().isEmpty() ? "" : ", " + String.join(", ", creditor.address()))
                        + ". Identifiant créancier SEPA (ICS) : " + creditor.identifier() + ".",
                "En signant ce formulaire de mandat, vous autorisez " + creditor.name() + " à envoyer des instructions à "
                        + "votre banque pour débiter votre compte, et votre banque à débiter votre compte conformément "
                        + "aux instructions de " + creditor.name() + ", pour le paiement de vos factures.",
                "Vous bénéficiez d'un droit à remboursement par votre banque selon les conditions décrites dans la "
                        + "convention que vous avez passée avec elle. Une demande de remboursement doit être présentée "
                        + "dans les 8 semaines suivant la date de débit de votre compte pour un prélèvement autorisé.",
                "Vos droits concernant le présent mandat sont expliqués dans un document que vous pouvez obtenir "
                        + "auprès de votre banque.",
                "Vous signez ce mandat en saisissant le code envoyé à votre adresse électronique ; la date, l'heure, "
                        + "votre adresse IP et cette version du texte (" + CURRENT_VERSION + ") sont enregistrées."));
    }
}
