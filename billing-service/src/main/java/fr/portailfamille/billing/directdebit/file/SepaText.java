package fr.portailfamille.billing.directdebit.file;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text as a SEPA file may carry it.
 *
 * <p>Why: the EPC implementation guidelines for SEPA direct debit restrict every text of the interbank
 * chain to the basic Latin set {@code a–z A–Z 0–9 / - ? : ( ) . , ' +} and space. A bank may accept more
 * from its customer, but nothing guarantees the debtor's bank will: an accent in a family's name can
 * get the whole file refused, or the name garbled on the statement. So free texts (names, the
 * remittance line) are <b>transliterated</b>: letters are decomposed with {@link Normalizer} (NFKD) and
 * their accents dropped ({@code é → e}, {@code ç → c}), ligatures and letters without decomposition
 * are spelled out ({@code œ → oe}, {@code æ → ae}, {@code ß → ss}, {@code ø → o}, {@code ł → l}),
 * typographic apostrophes become {@code '}, {@code &} becomes {@code +}; anything else becomes a space,
 * runs of spaces are collapsed and the ends trimmed. The result is then cut to the XSD's length
 * (transliteration can lengthen a text: {@code œ} is two letters): names 70, remittance 140.
 *
 * <p>Identifiers (message id, end-to-end id, mandate reference) are <b>not</b> rewritten here: the bank
 * answers with them (pain.002, returns), so they must be exactly what the portal stored. They are
 * checked instead ({@link #requireIdentifier}), and a wrong one is the caller's bug.
 */
public final class SepaText {

    /** EPC's maximum for a name (the 2019 XSD allows 140, the rulebook still 70). */
    public static final int NAME_MAX = 70;
    /** One unstructured remittance line ({@code Ustrd}). */
    public static final int REMITTANCE_MAX = 140;
    /** Identifiers: {@code MsgId}, {@code PmtInfId}, {@code EndToEndId}, {@code MndtId}. */
    public static final int IDENTIFIER_MAX = 35;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9/\\-?:().,'+ ]{1,35}");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private SepaText() {
    }

    /** {@code text} in the SEPA character set, at most {@code max} characters; empty when nothing is left. */
    public static String latin(String text, int max) {
        if (text == null) {
            return "";
        }
        String decomposed = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean lastWasSpace = true; // drops leading spaces
        for (int i = 0; i < decomposed.length(); i++) {
            char next = i + 1 < decomposed.length() ? decomposed.charAt(i + 1) : ' ';
            String mapped = map(decomposed.charAt(i), Character.isLowerCase(next));
            for (int j = 0; j < mapped.length(); j++) {
                char c = mapped.charAt(j);
                if (c == ' ') {
                    if (!lastWasSpace) {
                        out.append(' ');
                    }
                    lastWasSpace = true;
                } else {
                    out.append(c);
                    lastWasSpace = false;
                }
            }
        }
        String cut = out.length() > max ? out.substring(0, max) : out.toString();
        return cut.strip();
    }

    /** {@link #latin} of a text the file requires ({@code what} names it in the error when nothing is left). */
    public static String requireLatin(String what, String text, int max) {
        String latin = latin(text, max);
        if (latin.isEmpty()) {
            throw new IllegalArgumentException(what + " has no character a SEPA file can carry: " + text);
        }
        return latin;
    }

    /**
     * {@code id} unchanged, if it is a SEPA identifier: 1 to 35 characters of the set, not starting or
     * ending with {@code /}, no {@code //} (EPC rules); otherwise {@link IllegalArgumentException}.
     */
    public static String requireIdentifier(String what, String id) {
        if (!isIdentifier(id)) {
            throw new IllegalArgumentException(what + " is not a SEPA identifier (1 to 35 characters among "
                    + "A-Z a-z 0-9 / - ? : ( ) . , ' + and space, no leading, trailing or double /): " + id);
        }
        return id;
    }

    public static boolean isIdentifier(String id) {
        return id != null && IDENTIFIER.matcher(id).matches() && !id.isBlank()
                && !id.startsWith("/") && !id.endsWith("/") && !id.contains("//");
    }

    /** {@code c} in the SEPA set; {@code beforeLowerCase} spells {@code Œdipe} as {@code Oedipe}, {@code ŒUVRE} as {@code OEUVRE}. */
    private static String map(char c, boolean beforeLowerCase) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return String.valueOf(c);
        }
        return switch (c) {
            case '/', '-', '?', ':', '(', ')', '.', ',', '\'', '+', ' ' -> String.valueOf(c);
            case 'œ' -> "oe";
            case 'Œ' -> beforeLowerCase ? "Oe" : "OE";
            case 'æ' -> "ae";
            case 'Æ' -> beforeLowerCase ? "Ae" : "AE";
            case 'ß' -> "ss";
            case 'ø' -> "o";
            case 'Ø' -> "O";
            case 'ł' -> "l";
            case 'Ł' -> "L";
            case 'đ', 'ð' -> "d";
            case 'Đ', 'Ð' -> "D";
            case 'þ' -> "th";
            case 'Þ' -> beforeLowerCase ? "Th" : "TH";
            case 'ı' -> "i";
            case '’', '‘', '`', '´', 'ʼ' -> "'";
            case '&' -> "+";
            case '‐', '‑', '‒', '–', '—', '_' -> "-";
            default -> " ";
        };
    }
}
