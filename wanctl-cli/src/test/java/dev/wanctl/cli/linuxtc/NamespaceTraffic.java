package dev.wanctl.cli.linuxtc;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Bulk TCP for the namespace tests, started with {@code ip netns exec} so it runs inside the
 * namespace: {@code sink ADDRESS PORT SECONDS} prints the bytes received so far every 100 ms as
 * {@code <millis> <bytes>}; {@code send ADDRESS PORT SECONDS} writes as fast as the path takes.
 * Both stop on their own after SECONDS.
 */
public final class NamespaceTraffic {

    private NamespaceTraffic() {}

    public static void main(String[] args) throws Exception {
        InetAddress address = InetAddress.getByName(args[1]);
        int port = Integer.parseInt(args[2]);
        long endNanos = System.nanoTime() + (long) (Double.parseDouble(args[3]) * 1e9);
        if (args[0].equals("sink")) {
            sink(address, port, endNanos);
        } else {
            send(address, port, endNanos);
        }
    }

    private static void sink(InetAddress address, int port, long endNanos) throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(address, port));
            System.out.println("listening");
            System.out.flush();
            server.setSoTimeout((int) Math.max(1, (endNanos - System.nanoTime()) / 1_000_000));
            try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                s.setSoTimeout(200);
                byte[] buf = new byte[65536];
                long total = 0;
                long start = System.nanoTime();
                long nextReport = start;
                while (System.nanoTime() < endNanos) {
                    try {
                        int n = in.read(buf);
                        if (n < 0) {
                            break;
                        }
                        total += n;
                    } catch (java.net.SocketTimeoutException idle) {
                        // report anyway
                    } catch (java.net.SocketException reset) {
                        break;
                    }
                    long now = System.nanoTime();
                    if (now >= nextReport) {
                        System.out.println((now - start) / 1_000_000 + " " + total);
                        nextReport = now + 100_000_000L;
                    }
                }
                System.out.println((System.nanoTime() - start) / 1_000_000 + " " + total);
            }
        }
    }

    private static void send(InetAddress address, int port, long endNanos) throws Exception {
        try (Socket s = new Socket()) {
            s.setSendBufferSize(64 * 1024);
            s.connect(new InetSocketAddress(address, port), 2000);
            OutputStream out = s.getOutputStream();
            byte[] chunk = new byte[16384];
            while (System.nanoTime() < endNanos) {
                out.write(chunk);
            }
            s.setSoLinger(true, 0); // do not wait for the send buffer to drain through the bottleneck
        }
    }
}
