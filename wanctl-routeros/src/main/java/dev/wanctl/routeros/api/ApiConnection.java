package dev.wanctl.routeros.api;

import dev.wanctl.routeros.Deadline;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in API connection: tagged commands sent from any thread, replies read by one reader
 * thread and handed to whoever waits for that tag, so a streaming {@code print =interval=} and
 * ordinary calls share the connection. Anything that makes the stream untrustworthy (a reserved
 * byte, an oversized word, an unknown reply word, an untagged reply, {@code !fatal}, the peer
 * closing, a sentence that stops half way for longer than the request timeout) fails every
 * waiting command with a typed {@link RouterException} and closes the connection; callers open a
 * new one.
 */
final class ApiConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiConnection.class);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String router;
    private final String where;
    private final ApiDecoder decoder;
    private final Map<String, ApiExchange> pending = new ConcurrentHashMap<>();
    private final AtomicLong tags = new AtomicLong();
    private final Object writeLock = new Object();
    private final Thread reader;
    private volatile RouterException failure;

    /**
     * Takes an open socket (its SO_TIMEOUT set to the request timeout: the longest a sentence may
     * stall half way) and starts reading; log in with {@link #login} before anything else.
     */
    ApiConnection(Socket socket, String router, ApiLimits limits) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.router = router;
        this.where = "router " + router + " (api)";
        this.decoder = new ApiDecoder(limits);
        this.reader = Thread.ofVirtual().name("routeros-api-reader " + where).unstarted(this::readLoop);
        reader.start();
    }

    /** Post-6.43 plain login; AUTHENTICATION when the router refuses the user or password. */
    void login(String user, String password, Deadline deadline) throws RouterException {
        ApiReply reply = call(ApiSentence.of("/login", "=name=" + user, "=password=" + password), deadline);
        if (reply.refused()) {
            throw new RouterException(Kind.AUTHENTICATION, where + ": the router refused user \"" + user + "\": "
                    + RouterException.shorten(reply.trap().message()));
        }
        if (reply.done().containsKey("ret")) {
            throw new RouterException(Kind.PROTOCOL, where + ": the router asks for the challenge login of"
                    + " RouterOS before 6.43, which wanctl does not speak; upgrade RouterOS");
        }
    }

    /** Sends {@code command} and waits for its {@code !done}; a {@code !trap} is in the reply. */
    ApiReply call(ApiSentence command, Deadline deadline) throws RouterException {
        ApiExchange.Call call = new ApiExchange.Call();
        String tag = register(call);
        try {
            send(command.tagged(tag));
            return call.await(deadline, where, command);
        } catch (RouterException e) {
            if (e.kind() == Kind.TIMEOUT) {
                fail(e); // a late reply could arrive any time; a new connection starts clean
            }
            throw e;
        } finally {
            pending.remove(tag);
        }
    }

    /**
     * Starts a command whose {@code !re} replies keep coming ({@code print =interval=}, {@code follow})
     * and hands each to {@code stream}; returns its tag for {@link #cancel}.
     */
    String start(ApiSentence command, ApiExchange.Stream stream) throws RouterException {
        String tag = register(stream);
        try {
            send(command.tagged(tag));
        } catch (RouterException e) {
            pending.remove(tag);
            throw e;
        }
        return tag;
    }

    /** Asks the router to stop the command with {@code tag}; its {@code !trap interrupted} ends it. */
    void cancel(String tag) {
        try {
            send(ApiSentence.of("/cancel", "=tag=" + tag).tagged("c" + tag));
        } catch (RouterException e) {
            LOG.debug("{}: cancel of {} not sent: {}", where, tag, e.getMessage());
        }
    }

    boolean isOpen() {
        return failure == null;
    }

    /** Why the connection is closed, or null while it is open. */
    RouterException failure() {
        return failure;
    }

    @Override
    public void close() {
        fail(new RouterException(Kind.UNREACHABLE, where + ": connection closed"));
    }

    private String register(ApiExchange exchange) throws RouterException {
        RouterException f = failure;
        if (f != null) {
            throw f;
        }
        String tag = Long.toString(tags.incrementAndGet());
        pending.put(tag, exchange);
        f = failure;
        if (f != null) { // closed between the check and the put: nobody else will fail this one
            pending.remove(tag);
            throw f;
        }
        return tag;
    }

    private void send(ApiSentence sentence) throws RouterException {
        byte[] bytes = ApiEncoder.sentence(sentence.words());
        synchronized (writeLock) {
            RouterException f = failure;
            if (f != null) {
                throw f;
            }
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                RouterException re = RouterException.io(router, "api", e);
                fail(re);
                throw re;
            }
        }
    }

    private void readLoop() {
        byte[] buf = new byte[8192];
        try {
            while (failure == null) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException idle) {
                    if (decoder.midSentence()) {
                        fail(new RouterException(Kind.TIMEOUT, where + ": a reply stopped half way through a"
                                + " sentence and did not go on within the request timeout"));
                        return;
                    }
                    continue; // an idle connection between sentences is normal
                }
                if (n < 0) {
                    fail(new RouterException(Kind.UNREACHABLE, where + ": the router closed the connection"
                            + (decoder.midSentence() ? " in the middle of a reply" : "")));
                    return;
                }
                decoder.feed(buf, 0, n);
                ApiSentence s;
                while ((s = decoder.next()) != null) {
                    dispatch(s);
                }
            }
        } catch (ApiWireException e) {
            fail(new RouterException(Kind.PROTOCOL, where + ": not a RouterOS API reply: " + e.getMessage()));
        } catch (RouterException e) {
            fail(e);
        } catch (IOException e) {
            fail(RouterException.io(router, "api", e));
        } catch (RuntimeException e) {
            fail(new RouterException(Kind.PROTOCOL, where + ": cannot read the reply: " + e, e));
        }
    }

    private void dispatch(ApiSentence s) throws RouterException {
        String head = s.head();
        if (head.equals("!fatal")) {
            String reason = s.words().size() > 1 ? s.words().get(1) : "no reason given";
            throw new RouterException(Kind.ROUTER_ERROR, where + ": the router ended the session (!fatal): "
                    + RouterException.shorten(reason));
        }
        if (!head.equals("!re") && !head.equals("!done") && !head.equals("!trap") && !head.equals("!empty")) {
            throw RouterException.protocol(where + ": unknown reply word", s.toString());
        }
        String tag = s.tag();
        if (tag == null) {
            throw RouterException.protocol(where + ": a reply without the .tag of its command", s.toString());
        }
        ApiExchange e = pending.get(tag);
        if (e == null) {
            return; // the late answer to a command whose caller gave up, or to a cancel
        }
        if (e.accept(s)) {
            pending.remove(tag);
        }
    }

    private void fail(RouterException e) {
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = e;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
        for (ApiExchange x : pending.values()) {
            x.fail(e);
        }
        pending.clear();
    }

    /** Whether the reader thread has ended (tests). */
    boolean readerDone() {
        return !reader.isAlive();
    }
}
