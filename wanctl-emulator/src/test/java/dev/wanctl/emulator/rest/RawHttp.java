package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.RouterEmulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP/1.1 over one raw socket, to see what happens on the wire (keep-alive, dropped and hung requests). */
public final class RawHttp implements AutoCloseable {

    private final Socket socket = new Socket();
    private final String auth;

    public RawHttp(RouterEmulator router) throws IOException {
        socket.connect(new InetSocketAddress(RouterEmulator.HOST, router.restPort()), 5000);
        socket.setSoTimeout(10_000);
        auth = Base64.getEncoder().encodeToString(
                (router.user() + ":" + router.password()).getBytes(StandardCharsets.UTF_8));
    }

    public void send(String method, String path) throws IOException {
        String req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
                + "\r\nContent-Length: 0\r\n\r\n";
        socket.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** The next response (head and body), or null when the server closed the connection instead. */
    public String readResponse() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            String h = head.toString(StandardCharsets.US_ASCII);
            if (h.endsWith("\r\n\r\n")) {
                int length = 0;
                for (String line : h.split("\r\n")) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                return h + new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
        }
        return head.size() == 0 ? null : head.toString(StandardCharsets.US_ASCII);
    }

    /** Sends a request and reads the response; null when the connection was closed or reset instead. */
    String exchange(String method, String path) throws IOException {
        try {
            send(method, path);
            return readResponse();
        } catch (java.net.SocketException reset) {
            return null;
        }
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
