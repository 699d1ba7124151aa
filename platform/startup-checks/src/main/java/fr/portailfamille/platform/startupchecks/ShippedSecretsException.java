package fr.portailfamille.platform.startupchecks;

import java.util.List;

/** The process refused to start: the message names every variable to set. */
public class ShippedSecretsException extends IllegalStateException {

    private final List<String> problems;

    public ShippedSecretsException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    static String message(List<String> problems) {
        return "Démarrage refusé hors du profil local : les valeurs livrées avec le code sont publiques.\n - "
                + String.join("\n - ", problems);
    }
}
