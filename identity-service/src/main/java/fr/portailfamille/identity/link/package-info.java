/**
 * Single-use links mailed to a person (activation, password reset, e-mail change), in one table
 * {@code single_use_link}: the purpose, the Keycloak user the link acts for, the address it was sent
 * to (for an e-mail change, the new address it proves), the SHA-256 of its token only, its expiry
 * (set by its purpose), and when it was used or retired by a newer link of the same purpose.
 * Nothing else is kept per feature: an e-mail change reads the old address from Keycloak when it is
 * confirmed, which is the address it replaces.
 *
 * <p><b>Links of one purpose retire those of another</b> (issue 13, item 10), when the account's
 * password or address changes for good:
 * <ul>
 *   <li>a password set with a reset link, or changed in « Mon compte », retires the pending e-mail-change
 *       links: whoever asked for them with a borrowed session (the current password was needed then,
 *       it is no longer the password) cannot move the account to an address of theirs. A password
 *       change in « Mon compte » also retires the pending reset links (a reset link is used up by its
 *       own completion);</li>
 *   <li>a confirmed e-mail change retires the pending reset links: they were mailed to the address the
 *       account no longer has.</li>
 * </ul>
 * Asking is not enough: a reset can be asked by anyone for any address, and an e-mail change by a
 * borrowed session; neither retires the other purpose's links, or anyone could cancel the owner's.
 * A retired link gets the same 410 « Ce lien est expiré ou a déjà été utilisé. » as a used one.
 */
package fr.portailfamille.identity.link;
