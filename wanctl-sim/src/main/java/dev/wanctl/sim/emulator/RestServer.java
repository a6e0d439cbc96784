package dev.wanctl.sim.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The REST listeners: plain HTTP and HTTPS on 127.0.0.1, each optional. Stopping closes the
 * listeners and open connections; starting again binds the same ports as before.
 */
final class RestServer {

    private final RestHandler handler;
    private final TlsCertificate certificate;
    private final FaultState faults;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("emulator-rest-", 0).factory());
    private int httpPort;
    private int httpsPort;
    private HttpServer http;
    private HttpsServer https;

    /**
     * @param httpPort 0 for an ephemeral port, -1 for no plain HTTP listener
     * @param httpsPort 0 for an ephemeral port, -1 for no HTTPS listener
     */
    RestServer(RestHandler handler, TlsCertificate certificate, FaultState faults, int httpPort, int httpsPort) {
        this.handler = handler;
        this.certificate = certificate;
        this.faults = faults;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    synchronized void start() {
        if (http != null || https != null) {
            return;
        }
        try {
            InetAddress lo = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
            if (httpPort >= 0) {
                http = HttpServer.create(new InetSocketAddress(lo, httpPort), 64);
                configure(http);
                httpPort = http.getAddress().getPort();
            }
            if (httpsPort >= 0) {
                https = HttpsServer.create(new InetSocketAddress(lo, httpsPort), 64);
                https.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
                configure(https);
                httpsPort = https.getAddress().getPort();
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("REST emulator cannot listen on 127.0.0.1 (HTTP port " + httpPort
                    + ", HTTPS port " + httpsPort + "; 0 is any, -1 none)", e);
        }
    }

    private void configure(HttpServer server) {
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
    }

    /** Closes the listeners and every open connection; hung requests are released. */
    synchronized void stop() {
        faults.gate.open();
        if (http != null) {
            http.stop(0);
            http = null;
        }
        if (https != null) {
            https.stop(0);
            https = null;
        }
    }

    void close() {
        stop();
        executor.shutdownNow();
    }

    /** The plain HTTP port, or -1 when there is none. */
    synchronized int httpPort() {
        return httpPort;
    }

    /** The HTTPS port, or -1 when there is none. */
    synchronized int httpsPort() {
        return httpsPort;
    }
}
