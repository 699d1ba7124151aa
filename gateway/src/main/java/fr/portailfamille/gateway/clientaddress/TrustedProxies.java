package fr.portailfamille.gateway.clientaddress;

import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies allowed to say who the client is, and the client address they say: {@code X-Forwarded-For}
 * read from the right (each proxy appends the address it saw), trusted hops skipped, the first untrusted
 * hop is the client. A client writes what it likes at the left of the header, never at the right of what
 * a trusted proxy appended. No header, an entry that is not an address, or only trusted hops: the
 * connection's address. Addresses are parsed as literals only (never a DNS lookup).
 */
final class TrustedProxies {

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** @throws IllegalArgumentException naming the first entry that is not an address or a CIDR */
    static TrustedProxies of(List<String> cidrs) {
        List<Range> ranges = new ArrayList<>();
        for (String cidr : cidrs) {
            if (cidr == null || cidr.isBlank()) {
                continue;
            }
            ranges.add(Range.parse(cidr.strip()));
        }
        return new TrustedProxies(ranges);
    }

    boolean trusts(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param forwardedFor the values of {@code X-Forwarded-For} as received (one or more lines, each
     *                     comma-separated), possibly empty
     * @param connection the address of the connection to the gateway, or null if unknown
     * @return the client's address, null only if the connection's is unknown
     */
    InetAddress clientAddress(List<String> forwardedFor, InetAddress connection) {
        if (connection == null || !trusts(connection)) {
            return connection;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop);
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return connection;
            }
            if (!trusts(hop)) {
                return hop;
            }
        }
        return connection;
    }

    /**
     * An address written by a proxy: {@code 198.51.100.7}, {@code 2001:db8::7}, with a port
     * ({@code 198.51.100.7:4711}, {@code [2001:db8::7]:4711}) or in brackets; null for anything else
     * ({@code unknown}, a host name, an obfuscated identifier).
     */
    static InetAddress literal(String entry) {
        String text = entry.strip();
        if (text.isEmpty() || text.length() > 64 || text.indexOf('%') >= 0) {
            return null;
        }
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            if (end < 0 || !text.substring(end + 1).matches("(:[0-9]{1,5})?")) {
                return null;
            }
            text = text.substring(1, end);
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            String port = text.substring(text.indexOf(':') + 1);
            if (!port.matches("[0-9]{1,5}")) {
                return null;
            }
            text = text.substring(0, text.indexOf(':'));
        }
        if (!NetUtil.isValidIpV4Address(text) && !NetUtil.isValidIpV6Address(text)) {
            return null;
        }
        return NetUtil.createInetAddressFromIpAddressString(text);
    }

    /** The address as services receive it: dotted IPv4, compressed IPv6 (RFC 5952), no zone. */
    static String format(InetAddress address) {
        return NetUtil.toAddressString(address);
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress network = address.indexOf('%') < 0
                    && (NetUtil.isValidIpV4Address(address) || NetUtil.isValidIpV6Address(address))
                    ? NetUtil.createInetAddressFromIpAddressString(address) : null;
            if (network == null) {
                throw new IllegalArgumentException("portal.gateway.trusted-proxies: « " + cidr
                        + " » is not an IP address or a CIDR (e.g. 10.42.0.0/16)");
            }
            int bits = network.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("portal.gateway.trusted-proxies: « " + cidr
                        + " » has a prefix length outside 0–" + bits);
            }
            return new Range(network.getAddress(), prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
