package se.klassrum.guardian.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} Klassrum believes ({@value #SETTING}): IP addresses or CIDR
 * ranges, comma-separated, e.g. {@code 10.0.0.5, 192.168.10.0/24, fd00::/8}. Without it no proxy is trusted and the
 * client is always the connection's own address, since anybody can send an {@code X-Forwarded-For} header.
 * <p>
 * The client is found as a proxy appends it: from the right of the header, every hop that is a trusted proxy is
 * skipped; the first that is not is the client. Entries to the left of it were written by the client itself and
 * are never read.
 */
public final class TrustedProxies {

    public static final String SETTING = "klassrum.trusted-proxies";

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Range(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * @param setting the setting's value; null or blank trusts no proxy
     * @throws IllegalArgumentException naming the setting, for an entry that is not an IP address or CIDR range
     */
    public static TrustedProxies parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address.isEmpty()) {
                throw new IllegalArgumentException(SETTING + ": not an IP address or CIDR range: " + text);
            }
            int bits = address.get().getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(SETTING + ": not a prefix length of that address: " + text);
                }
            }
            ranges.add(new Range(address.get().getAddress(), prefix));
        }
        return new TrustedProxies(ranges);
    }

    /** Whether the address is one of the trusted proxies. */
    public boolean trusts(String address) {
        return literal(address).map(ip -> ranges.stream().anyMatch(range -> range.contains(ip))).orElse(false);
    }

    /**
     * The client of a request.
     *
     * @param remoteAddress the connection's own address
     * @param forwardedFor  the values of every {@code X-Forwarded-For} header, in order
     */
    public String clientOf(String remoteAddress, List<String> forwardedFor) {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        if (!trusts(remoteAddress) || forwardedFor == null || forwardedFor.isEmpty()) {
            return remoteAddress;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            if (header != null) {
                Arrays.stream(header.split(",")).map(String::strip).filter(hop -> !hop.isEmpty()).forEach(hops::add);
            }
        }
        String client = remoteAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop).isEmpty()) {
                // Not an address a proxy writes: stop at the last hop that was.
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** An IP address written as one (never a host name, which would need a lookup). */
    private static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        boolean ipv4 = IPV4.matcher(candidate).matches();
        if (ipv4 && Arrays.stream(candidate.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return Optional.empty();
        }
        if (!ipv4 && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            // A literal address: the JDK parses it without asking any name server.
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return Optional.empty();
        }
    }
}
