package fr.portailfamille.platform.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Small text rules every service shares. Accent folding exists twice on purpose, once in Java and
 * once as SQL, and both fold the same way: lower case, diacritics removed, and the ligatures « œ » and
 * « æ » spelled out (« cœur » is found by « coeur », never by « cour »). {@code TextsTest} checks both.
 */
public final class Texts {

    /** Characters folded by {@link #sqlFoldAccents(String)}'s {@code translate()}, one for one with {@link #SQL_PLAIN}. */
    static final String SQL_ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ";
    static final String SQL_PLAIN = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY";

    private Texts() {
    }

    /** {@code null} for a null, empty or blank value, else the value trimmed. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** « Cœur-Hélène » becomes « coeur-helene »: for comparing names typed with or without accents. */
    public static String foldAccents(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /**
     * The SQL expression that folds {@code expression} as {@link #foldAccents(String)} does, with
     * PostgreSQL's built-in functions only (no {@code unaccent} extension to install). Accents are
     * removed before {@code lower()}, which leaves non-ASCII letters alone under the C locale.
     */
    public static String sqlFoldAccents(String expression) {
        String ligatures = "replace(replace(replace(replace(" + expression
                + ", 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae')";
        return "lower(translate(" + ligatures + ", '" + SQL_ACCENTED + "', '" + SQL_PLAIN + "'))";
    }
}
