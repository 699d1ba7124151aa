package fr.portailfamille.dossier.contactdetails;

/**
 * An address shown masked to someone who must learn that it exists, not what it is: the previous
 * address of a dossier, told of the new one. « claire.durand@example.fr » is « cl•••@e•••.fr »: enough for
 * the family to recognise its own new address, too little for someone else to write to it.
 */
public final class MaskedEmails {

    private static final String HIDDEN = "•••";

    private MaskedEmails() {
    }

    public static String mask(String email) {
        String address = email.strip();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return HIDDEN;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        String shownLocal = local.substring(0, local.length() > 4 ? 2 : 1);
        int dot = domain.lastIndexOf('.');
        String shownDomain = dot <= 0 ? domain.charAt(0) + HIDDEN
                : domain.charAt(0) + HIDDEN + domain.substring(dot);
        return shownLocal + HIDDEN + "@" + shownDomain;
    }
}
