package fr.portailfamille.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The caller's IP address, for per-IP rate limits and for the records that keep it (CGU acceptance,
 * mandate signature): {@value #HEADER}, which the gateway decides once (right-most address not of a
 * trusted proxy) and always overwrites, so a client cannot choose it (docs/adr/007-client-address.md).
 * Services never read {@code X-Forwarded-For}. Without the header (a call that did not come through
 * the gateway: tests, another service) or with a value that is not an IP address, the connection's.
 */
public final class ClientAddress {

    /** Set by the gateway on every call it routes; the same name as the gateway's {@code ClientAddressFilter.HEADER}. */
    public static final String HEADER = "X-Portal-Client-Address";

    /** The longest textual IP address (IPv6 with an embedded IPv4), the size of the columns that keep it. */
    public static final int MAX_LENGTH = 45;

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && isAddress(header.strip())) {
            return header.strip();
        }
        String remote = request.getRemoteAddr();
        return remote != null && remote.length() > MAX_LENGTH ? remote.substring(0, MAX_LENGTH) : remote;
    }

    /** An IPv4 or IPv6 literal of at most {@value #MAX_LENGTH} characters; never a DNS lookup. */
    public static boolean isAddress(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (text.indexOf(':') < 0 || !IPV6.matcher(text).matches()) {
            return false;
        }
        try {
            // A hex digit or ':' first and a ':' inside: parsed as an IPv6 literal or refused, never looked up.
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }
}
