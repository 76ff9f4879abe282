package io.breakpoint.telemetry.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address range such as 10.20.0.0/16. Parses literals only: never a DNS lookup. */
public record Cidr(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** The range, or null when {@code text} is not one. A bare address is a /32 (/128). */
    public static Cidr parse(String text) {
        if (text == null) return null;
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) return null;
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (prefix < 0 || prefix > bits) return null;
        return new Cidr(mask(bytes, prefix), prefix);
    }

    /** The address's bytes, or null when it is not an IP literal. */
    public static byte[] literal(String address) {
        if (address == null) return null;
        String a = address.strip();
        boolean v4 = IPV4.matcher(a).matches();
        if (!v4 && !(a.contains(":") && a.matches("[0-9A-Fa-f:.]+"))) return null;
        try {
            byte[] bytes = InetAddress.getByName(a).getAddress();
            if (v4) {
                for (String part : a.split("\\.")) if (Integer.parseInt(part) > 255) return null;
            }
            return bytes;
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
    }

    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) return false;
        return java.util.Arrays.equals(mask(address, prefix), network);
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            return new BigInteger(1, network) + "/" + prefix;
        }
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && java.util.Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }
}
