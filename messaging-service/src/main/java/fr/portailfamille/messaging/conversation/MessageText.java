package fr.portailfamille.messaging.conversation;

import fr.portailfamille.platform.problem.ApiProblem;

/**
 * The limits and the cleaning of what people type: plain text kept as typed (never HTML, shown as
 * text), line breaks as « \n », control characters other than tabs and line breaks removed (PostgreSQL
 * refuses a NUL, and nobody types them), the « Objet » on one line.
 */
public final class MessageText {

    /** At most this many characters in an « Objet ». */
    public static final int SUBJECT_MAX = 150;
    /** At most this many characters in a message (about two pages). */
    public static final int BODY_MAX = 5000;
    /** At most this many attachments to one message. */
    public static final int ATTACHMENTS_MAX = 3;
    /** At most this many characters in a transfer's note. */
    public static final int NOTE_MAX = 1000;

    private MessageText() {
    }

    /** The body as stored; 400 naming {@code field} when nothing is left. */
    public static String body(String field, String text) {
        String cleaned = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
        if (cleaned.isEmpty()) {
            throw ApiProblem.invalidField(field, "text.required");
        }
        return cleaned;
    }

    /** An « Objet » or a title as stored: one line, spaces collapsed; 400 naming {@code field} when nothing is left. */
    public static String line(String field, String text) {
        String cleaned = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (cleaned.isEmpty()) {
            throw ApiProblem.invalidField(field, "text.required");
        }
        return cleaned;
    }
}
