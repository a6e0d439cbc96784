package dev.wanctl.emulator.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request as read off a connection: just what the REST emulator needs (method,
 * raw path and query, headers with lower-case names, a Content-Length or chunked body).
 *
 * @param keepAlive whether the connection stays open after the reply
 */
record HttpRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, String body,
        boolean keepAlive) {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_BODY = 1024 * 1024;

    /** Thrown for a request that cannot be read; the connection answers 400 and closes. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** The next request, or null when the client closed the connection between requests. */
    static HttpRequest read(InputStream in, OutputStream out) throws IOException {
        String requestLine = line(in, true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in, true);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new Malformed("bad request line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in, false); !h.isEmpty(); h = line(in, false)) {
            int colon = h.indexOf(':');
            if (colon <= 0 || headers.size() > 200) {
                throw new Malformed("bad header");
            }
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        String body = new String(body(in, headers), StandardCharsets.UTF_8);
        String target = parts[1];
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = parts[2].equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
        return new HttpRequest(parts[0], q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1),
                headers, body, keepAlive);
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            while (true) {
                String size = line(in, false).split(";", 2)[0].trim();
                int n;
                try {
                    n = Integer.parseInt(size, 16);
                } catch (NumberFormatException e) {
                    throw new Malformed("bad chunk size");
                }
                if (n == 0) {
                    while (!line(in, false).isEmpty()) {
                        // trailers are ignored
                    }
                    return buf.toByteArray();
                }
                if (buf.size() + n > MAX_BODY) {
                    throw new Malformed("body too large");
                }
                buf.write(exactly(in, n));
                line(in, false);
            }
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        int n;
        try {
            n = Integer.parseInt(length);
        } catch (NumberFormatException e) {
            throw new Malformed("bad content-length");
        }
        if (n < 0 || n > MAX_BODY) {
            throw new Malformed("bad content-length");
        }
        return exactly(in, n);
    }

    private static byte[] exactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new Malformed("body cut short");
        }
        return b;
    }

    /** A CRLF- (or LF-) terminated line; null at end of stream only where {@code eofAllowed}. */
    private static String line(InputStream in, boolean eofAllowed) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new Malformed("line too long");
            }
            sb.append((char) c);
        }
        if (eofAllowed && sb.isEmpty()) {
            return null;
        }
        throw new Malformed("connection closed mid-request");
    }
}
