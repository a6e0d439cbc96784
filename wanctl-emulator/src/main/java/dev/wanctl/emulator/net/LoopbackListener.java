package dev.wanctl.emulator.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * A small server on 127.0.0.1 only, plain or TLS, shared by the emulator's REST and API listeners:
 * accepts connections and serves each on its own platform (daemon) thread with a {@link Handler}.
 * A session is one long-lived connection answering one request at a time, so a platform thread
 * blocked in its socket read is woken by the kernel itself when a request arrives; a virtual
 * thread would be woken through the JDK's poller thread and then a carrier thread, two more
 * thread wake-ups per request (on an idle machine each can cost tens of microseconds). It owns
 * every socket it accepted, so {@link #stop()} closes the listener and each connection at once,
 * with no connection left half-accepted: what "the router's service went down" must look like.
 */
public final class LoopbackListener {

    /** Serves one accepted connection until it ends; the listener closes the socket afterwards. */
    public interface Handler {
        void serve(Socket connection);
    }

    private static final int BACKLOG = 64;

    private final String name;
    private final SSLContext tls;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket server; // guarded by this

    /** @param tls null for plain text */
    public LoopbackListener(String name, SSLContext tls, Handler handler) {
        this.name = name;
        this.tls = tls;
        this.handler = handler;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port); returns the port. */
    public synchronized int start(int port) throws IOException {
        ServerSocket s = bind(tls, port);
        server = s;
        Thread.ofVirtual().name(name + "-accept").start(() -> acceptLoop(s));
        return s.getLocalPort();
    }

    /** Closes the listener and every open connection. */
    public synchronized void stop() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
        for (Socket c : open) {
            try {
                // with a read timeout set, an SSLSocket's close first reads what the peer may still
                // send, up to that timeout (minutes on an idle keep-alive connection); 0 skips that
                c.setSoTimeout(0);
            } catch (IOException ignored) {
                // closing is all we wanted
            }
            closeQuietly(c);
        }
    }

    /** Ends every open connection (as when an administrator kicks the user); the listener stays up. */
    public void closeConnections() {
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
                    // stop() ran while this connection was being accepted
                    closeQuietly(c);
                    open.remove(c);
                    continue;
                }
            }
            Thread.ofPlatform().daemon().name(name + "-conn").start(() -> {
                try {
                    handler.serve(c);
                } finally {
                    open.remove(c);
                    closeQuietly(c);
                }
            });
        }
    }

    /**
     * A server socket bound to 127.0.0.1:{@code port} (0: any free port), TLS when {@code tls} is
     * given; closed again when the bind fails.
     */
    static ServerSocket bind(SSLContext tls, int port) throws IOException {
        ServerSocket s = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        s.setReuseAddress(true);
        try {
            s.bind(new InetSocketAddress(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), port), BACKLOG);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
