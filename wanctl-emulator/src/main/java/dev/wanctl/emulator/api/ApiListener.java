package dev.wanctl.emulator.api;

import dev.wanctl.emulator.net.LoopbackListener;
import dev.wanctl.emulator.faults.FaultState;
import dev.wanctl.emulator.model.RequestCounters;
import dev.wanctl.emulator.model.RouterState;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/** One API listener on 127.0.0.1 (plain or TLS); one virtual thread per session; owns every socket it accepted. */
final class ApiListener {

    private final String name;
    private final SSLContext tls;
    private final RouterState state;
    private final FaultState faults;
    private final RequestCounters counters;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server;

    ApiListener(String name, SSLContext tls, RouterState state, FaultState faults, RequestCounters counters) {
        this.name = name;
        this.tls = tls;
        this.state = state;
        this.faults = faults;
        this.counters = counters;
    }

    synchronized int start(int port) throws IOException {
        ServerSocket s = LoopbackListener.bind(tls, port);
        server = s;
        Thread.ofVirtual().name(name + "-accept").start(() -> acceptLoop(s));
        return s.getLocalPort();
    }

    synchronized void stop() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
        closeSessions();
    }

    void closeSessions() {
        for (Socket c : open) {
            closeQuietly(c);
        }
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            Socket c;
            try {
                c = s.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(c);
            synchronized (this) {
                if (server != s) {
                    closeQuietly(c);
                    open.remove(c);
                    continue;
                }
            }
            Thread.ofVirtual().name(name + "-session").start(() -> {
                try {
                    new ApiConnectionHandler(c, state, faults, counters).run();
                } finally {
                    open.remove(c);
                    closeQuietly(c);
                }
            });
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
