package dev.wanctl.emulator.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLContext;

/** The emulator's listening sockets: on 127.0.0.1 only, plain or TLS, shared by its REST and API servers. */
public final class LoopbackListener {

    private static final int BACKLOG = 64;

    private LoopbackListener() {
    }

    /**
     * A server socket bound to 127.0.0.1:{@code port} (0: any free port), TLS when {@code tls} is
     * given; closed again when the bind fails.
     */
    public static ServerSocket bind(SSLContext tls, int port) throws IOException {
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
}
