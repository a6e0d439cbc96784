package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.net.LoopbackListener;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;

/**
 * A small HTTP/1.1 server on 127.0.0.1 (plain or TLS) with keep-alive, on a {@link LoopbackListener}
 * (one thread per connection; {@link #stop()} closes the listener and every connection at
 * once: what "the router's web service went down" must look like).
 */
final class HttpListener {

    /** Answers one request; null means: close the connection without a reply. */
    interface Handler {
        RestReply handle(HttpRequest request);
    }

    private static final int IDLE_TIMEOUT_MS = 5 * 60_000;

    private final LoopbackListener listener;
    private final Handler handler;

    HttpListener(String name, SSLContext tls, Handler handler) {
        this.handler = handler;
        this.listener = new LoopbackListener(name, tls, this::serve);
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port); returns the port. */
    int start(int port) throws IOException {
        return listener.start(port);
    }

    /** Closes the listener and every open connection. */
    void stop() {
        listener.stop();
    }

    private void serve(Socket c) {
        try (c) {
            c.setTcpNoDelay(true);
            c.setSoTimeout(IDLE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(c.getInputStream());
            OutputStream out = new BufferedOutputStream(c.getOutputStream());
            while (true) {
                HttpRequest req;
                try {
                    req = HttpRequest.read(in, out);
                } catch (HttpRequest.Malformed e) {
                    write(out, "GET", new RestReply(400, ""), false);
                    return;
                }
                if (req == null) {
                    return;
                }
                RestReply reply = handler.handle(req);
                if (reply == null || c.isClosed()) {
                    return;
                }
                write(out, req.method(), reply, req.keepAlive());
                if (!req.keepAlive()) {
                    return;
                }
            }
        } catch (SocketException | java.net.SocketTimeoutException closedOrIdle) {
            // Closed by stop(), by the client, or idle for too long.
        } catch (IOException e) {
            // A client that broke the connection mid-request; nothing to answer.
        }
    }

    private static void write(OutputStream out, String method, RestReply reply, boolean keepAlive) throws IOException {
        byte[] body = method.equals("HEAD") ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status()).append(' ')
                .append(reason(reply.status())).append("\r\n");
        if (body.length > 0) {
            head.append("Content-Type: application/json\r\n");
        }
        if (reply.status() == 401) {
            head.append("WWW-Authenticate: Basic realm=\"RouterOS\"\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Server Error";
        };
    }
}
