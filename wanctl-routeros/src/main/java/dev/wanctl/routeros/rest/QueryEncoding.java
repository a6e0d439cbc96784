package dev.wanctl.routeros.rest;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for REST query values that leaves only RFC 3986 unreserved characters raw: a
 * space becomes {@code %20} (never {@code +}, which RouterOS does not decode as a space) and
 * {@code + & = # ;} are encoded, so {@code ?comment=} matches comments with spaces and punctuation.
 */
final class QueryEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryEncoding() {}

    static String encode(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }
}
