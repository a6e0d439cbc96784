package dev.wanctl.routeros.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake API server on 127.0.0.1 that answers each received sentence with whatever bytes the test's
 * script returns (null closes the connection), to drive the client through replies a real router
 * would rarely send.
 */
final class ScriptedApiServer implements AutoCloseable {

    /** What to send for one received sentence, and whether to close the connection after it. */
    record Answer(byte[] bytes, boolean thenClose) {
        static Answer send(byte[] bytes) {
            return new Answer(bytes, false);
        }

        static Answer sendThenClose(byte[] bytes) {
            return new Answer(bytes, true);
        }
    }

    /** The answer to one received sentence. */
    interface Script {
        Answer answer(ApiSentence received) throws Exception;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> sockets = new ArrayList<>();

    ScriptedApiServer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    synchronized (sockets) {
                        sockets.add(s);
                    }
                    Thread.ofVirtual().start(() -> serve(s, script));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    private static void serve(Socket s, Script script) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            ApiDecoder d = new ApiDecoder(ApiLimits.DEFAULT);
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.feed(buf, 0, n);
                ApiSentence got;
                while ((got = d.next()) != null) {
                    Answer answer = script.answer(got);
                    out.write(answer.bytes());
                    out.flush();
                    if (answer.thenClose()) {
                        return;
                    }
                }
            }
        } catch (Exception ignored) {
            // the client went away
        }
    }

    /** The bytes of these sentences one after another, each word list tagged with {@code tag} when not null. */
    static byte[] reply(String tag, List<List<String>> sentences) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (List<String> words : sentences) {
            List<String> w = new ArrayList<>(words);
            if (tag != null) {
                w.add(".tag=" + tag);
            }
            out.writeBytes(ApiEncoder.sentence(w));
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
