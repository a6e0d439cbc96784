package dev.wanctl.emulator.api;

import dev.wanctl.emulator.faults.FaultState;
import dev.wanctl.emulator.model.RequestCounters;
import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.routeros.api.ApiDecoder;
import dev.wanctl.routeros.api.ApiEncoder;
import dev.wanctl.routeros.api.ApiLimits;
import dev.wanctl.routeros.api.ApiSentence;
import dev.wanctl.routeros.api.ApiWireException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API session: sentences in, each counted, then the API faults (latency, time-out, dropped
 * connection, refused credentials, router error), then login or {@link ApiCommands}. Replies carry
 * the command's {@code .tag}. Streams ({@code print =interval=}) run on their own virtual thread
 * until {@code /cancel} or the end of the session.
 */
final class ApiConnectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiConnectionHandler.class);

    private final Socket socket;
    private final RouterState state;
    private final FaultState faults;
    private final RequestCounters counters;
    private final ApiCommands commands;
    private final Map<String, Thread> streams = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private final ApiEncoder.Buffer sendBuffer = new ApiEncoder.Buffer(); // guarded by writeLock
    private OutputStream out;
    private boolean loggedIn;

    ApiConnectionHandler(Socket socket, RouterState state, FaultState faults, RequestCounters counters) {
        this.socket = socket;
        this.state = state;
        this.faults = faults;
        this.counters = counters;
        this.commands = new ApiCommands(state);
    }

    void run() {
        try {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            out = socket.getOutputStream();
            ApiDecoder decoder = new ApiDecoder(ApiLimits.DEFAULT);
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                decoder.feed(buf, 0, n);
                ApiSentence s;
                while ((s = decoder.next()) != null) {
                    if (!handle(s)) {
                        return;
                    }
                }
            }
        } catch (ApiWireException e) {
            LOG.debug("API session: not a sentence: {}", e.getMessage());
        } catch (IOException closed) {
            // the client or stop() closed the session
        } finally {
            streams.values().forEach(Thread::interrupt);
        }
    }

    /** False when the session ends. */
    private boolean handle(ApiSentence s) throws IOException {
        String command = s.head();
        String tag = s.tag();
        counters.increment(Transport.API, command.endsWith("/print") || command.endsWith("/get")
                || command.equals("/login") || command.equals("/cancel") ? RequestKind.READ : RequestKind.WRITE);
        faults.delay();
        if (faults.takeHang()) {
            faults.gate.await(-1);
            return false;
        }
        if (faults.takeDrop()) {
            return false;
        }
        if (command.equals("/login")) {
            Map<String, String> a = s.attributes();
            boolean ok = !faults.rejectCredentials
                    && state.passwordMatches(a.getOrDefault("name", ""), a.getOrDefault("password", ""));
            loggedIn = ok;
            send(tag, ok ? List.of(List.of("!done"))
                    : List.of(List.of("!trap", "=message=invalid user name or password (6)"), List.of("!done")));
            return true;
        }
        if (!loggedIn) {
            send(null, List.of(List.of("!fatal", "not logged in")));
            return false;
        }
        if (command.equals("/quit")) {
            send(null, List.of(List.of("!fatal", "session terminated on request")));
            return false;
        }
        if (command.equals("/cancel")) {
            String which = s.attributes().get("tag");
            Thread t = which == null ? null : streams.remove(which);
            if (t != null) {
                t.interrupt();
                send(which, List.of(List.of("!trap", "=category=2", "=message=interrupted"), List.of("!done")));
            }
            send(tag, List.of(List.of("!done")));
            return true;
        }
        int status = faults.takeServerError();
        if (status != 0) {
            send(tag, List.of(List.of("!trap", "=category=4", "=message=failure: emulated router error " + status),
                    List.of("!done")));
            return true;
        }
        ApiCommands.Result r = commands.run(s);
        if (r.stream() != null && tag != null) {
            startStream(tag, r.stream());
            return true;
        }
        send(tag, r.sentences());
        return true;
    }

    private void startStream(String tag, ApiCommands.Stream stream) {
        Thread t = Thread.ofVirtual().name("emulator-api-stream").unstarted(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    List<List<String>> items = stream.items();
                    if (!items.isEmpty()) {
                        send(tag, items);
                    }
                    Thread.sleep(stream.intervalMillis());
                }
            } catch (InterruptedException | IOException ended) {
                // cancelled, or the session is gone
            }
        });
        streams.put(tag, t);
        t.start();
    }

    /** The whole reply (every sentence, each with the tag) in one write, so in one TLS record or TCP segment when it fits. */
    private void send(String tag, List<List<String>> sentences) throws IOException {
        String tagWord = tag == null ? null : ".tag=" + tag;
        synchronized (writeLock) {
            sendBuffer.clear();
            for (List<String> words : sentences) {
                for (String w : words) {
                    sendBuffer.word(w);
                }
                if (tagWord != null) {
                    sendBuffer.word(tagWord);
                }
                sendBuffer.end();
            }
            sendBuffer.writeTo(out);
            out.flush();
        }
    }
}
