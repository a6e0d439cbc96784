package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.faults.FaultState;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The REST listeners: plain HTTP and HTTPS on 127.0.0.1, each optional. Stopping closes the
 * listeners and open connections; starting again binds the same ports as before.
 */
public final class RestServer {

    private final FaultState faults;
    private final HttpListener http;
    private final HttpListener https;
    private int httpPort;
    private int httpsPort;
    private boolean running;

    /**
     * @param httpPort 0 for an ephemeral port, -1 for no plain HTTP listener
     * @param httpsPort 0 for an ephemeral port, -1 for no HTTPS listener
     */
    public RestServer(RestHandler handler, TlsCertificate certificate, FaultState faults, int httpPort, int httpsPort) {
        this.faults = faults;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.http = httpPort < 0 ? null : new HttpListener("emulator-rest", null, handler);
        this.https = httpsPort < 0 ? null : new HttpListener("emulator-rest-tls", certificate.sslContext(), handler);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            if (http != null) {
                httpPort = http.start(httpPort);
            }
            if (https != null) {
                httpsPort = https.start(httpsPort);
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("REST emulator cannot listen on 127.0.0.1 (HTTP port " + httpPort
                    + ", HTTPS port " + httpsPort + "; 0 is any, -1 none)", e);
        }
        running = true;
    }

    /** Closes the listeners and every open connection; hung requests are released. */
    public synchronized void stop() {
        faults.gate.open();
        if (http != null) {
            http.stop();
        }
        if (https != null) {
            https.stop();
        }
        running = false;
    }

    public void close() {
        stop();
    }

    /** The plain HTTP port, or -1 when there is none. */
    public synchronized int httpPort() {
        return httpPort;
    }

    /** The HTTPS port, or -1 when there is none. */
    public synchronized int httpsPort() {
        return httpsPort;
    }
}
