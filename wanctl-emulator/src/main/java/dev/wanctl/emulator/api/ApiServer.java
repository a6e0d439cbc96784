package dev.wanctl.emulator.api;

import dev.wanctl.emulator.faults.FaultState;
import dev.wanctl.emulator.model.RequestCounters;
import dev.wanctl.emulator.model.RouterState;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLContext;

/**
 * The RouterOS API listeners, plain ({@code api}, 8728 on a router) and TLS ({@code api-ssl},
 * 8729) on 127.0.0.1, each optional, on the same router state and API faults. Stopping closes the
 * listeners and every session; starting again binds the same ports.
 */
public final class ApiServer {

    private final FaultState faults;
    private final ApiListener plain;
    private final ApiListener tls;
    private int plainPort;
    private int tlsPort;
    private boolean running;

    /**
     * @param plainPort 0 for an ephemeral port, -1 for none
     * @param tlsPort 0 for an ephemeral port, -1 for none
     */
    public ApiServer(RouterState state, FaultState faults, RequestCounters counters, SSLContext certificate,
            int plainPort, int tlsPort) {
        this.faults = faults;
        this.plainPort = plainPort;
        this.tlsPort = tlsPort;
        this.plain = plainPort < 0 ? null : new ApiListener("emulator-api", null, state, faults, counters);
        this.tls = tlsPort < 0 ? null : new ApiListener("emulator-api-tls", certificate, state, faults, counters);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            if (plain != null) {
                plainPort = plain.start(plainPort);
            }
            if (tls != null) {
                tlsPort = tls.start(tlsPort);
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("API emulator cannot listen on 127.0.0.1 (port " + plainPort
                    + ", TLS port " + tlsPort + "; 0 is any, -1 none)", e);
        }
        running = true;
    }

    /** Closes the listeners and every session; hung commands are released. */
    public synchronized void stop() {
        faults.gate.open();
        if (plain != null) {
            plain.stop();
        }
        if (tls != null) {
            tls.stop();
        }
        running = false;
    }

    /** Ends every open session (as when an administrator kicks the user), the listeners stay up. */
    public void closeSessions() {
        if (plain != null) {
            plain.closeSessions();
        }
        if (tls != null) {
            tls.closeSessions();
        }
    }

    public void close() {
        stop();
    }

    public synchronized int plainPort() {
        return plainPort;
    }

    public synchronized int tlsPort() {
        return tlsPort;
    }
}
