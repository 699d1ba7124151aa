package fr.portailfamille.dossier.linking;

import fr.portailfamille.platform.text.Texts;

/**
 * The family name typed when proving a dossier reference against the one recorded: « Durand »,
 * « DURAND » and « durand » are one name; accents, spaces, apostrophes and dashes do not matter
 * either (« Le Gall » is « LEGALL », « Cœur » is « COEUR »).
 */
final class FamilyNames {

    private FamilyNames() {
    }

    static boolean same(String typed, String recorded) {
        return typed != null && recorded != null && key(typed).equals(key(recorded));
    }

    static String key(String name) {
        return Texts.foldAccents(name).replaceAll("[\\s'’-]", "");
    }
}
