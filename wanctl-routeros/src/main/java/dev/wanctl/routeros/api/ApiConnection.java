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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in API connection: tagged commands sent from any thread. Whoever waits for a reply
 * reads the socket itself while nobody else does, and hands every sentence it reads to whoever
 * waits for that tag; so a call on an idle connection costs no thread hand-off, and concurrent
 * calls share one reader at a time. While a streamed command ({@code print =interval=}) runs, a
 * reader thread takes the turn whenever no caller has it, so the stream's replies keep arriving.
 * Anything that makes the stream untrustworthy (a reserved byte, an oversized word, an unknown
 * reply word, an untagged reply, {@code !fatal}, the peer closing, a sentence that stops half way
 * for longer than the request timeout) fails every waiting command with a typed
 * {@link RouterException} and closes the connection; callers open a new one.
 */
final class ApiConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiConnection.class);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String router;
    private final String where;
    private final int stallMillis;
    private final ApiDecoder decoder; // used by the holder of the read turn only
    private final byte[] buf = new byte[8192]; // likewise
    private final Map<String, ApiExchange> pending = new ConcurrentHashMap<>();
    private final AtomicLong tags = new AtomicLong();
    private final Object writeLock = new Object();
    private final ApiEncoder.Buffer sendBuffer = new ApiEncoder.Buffer(); // guarded by writeLock
    private final Object readTurn = new Object();
    private boolean reading; // guarded by readTurn: a thread is reading the socket
    private int streams; // guarded by readTurn: streamed commands not ended yet
    private Thread reader; // guarded by readTurn: reads while streams run, null when none
    private volatile RouterException failure;

    /**
     * Takes an open socket (its SO_TIMEOUT set to the request timeout: the longest a sentence may
     * stall half way); log in with {@link #login} before anything else.
     */
    ApiConnection(Socket socket, String router, ApiLimits limits) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.router = router;
        this.where = "router " + router + " (api)";
        this.stallMillis = Math.max(1, socket.getSoTimeout());
        this.decoder = new ApiDecoder(limits);
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
            send(command, tag);
            awaitReply(call, deadline, command);
            return call.reply();
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
     * Until {@code call} is finished: takes the read turn when nobody has it and reads, or waits
     * for the one who has it to hand it back. Bounded by the deadline, and by as much real time as
     * the deadline had left at the start (a deadline on a virtual clock still ends).
     */
    private void awaitReply(ApiExchange.Call call, Deadline deadline, ApiSentence command) throws RouterException {
        long realEnd = System.nanoTime() + deadline.remainingNanos();
        while (!call.finished()) {
            synchronized (readTurn) {
                while (reading && !call.finished()) {
                    long left = left(deadline, realEnd);
                    if (left == 0) {
                        throw noReply(command);
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(readTurn, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RouterException(Kind.TIMEOUT, where + ": interrupted waiting for " + command.head());
                    }
                }
                if (call.finished()) {
                    return;
                }
                reading = true;
            }
            boolean arrived;
            try {
                long left = left(deadline, realEnd);
                arrived = left > 0 && readOnce((int) Math.clamp((left + 999_999) / 1_000_000, 1, Integer.MAX_VALUE));
            } finally {
                handBackTurn();
            }
            if (!arrived && !call.finished()) {
                throw noReply(command);
            }
        }
    }

    private static long left(Deadline deadline, long realEnd) {
        return Math.max(0, Math.min(deadline.remainingNanos(), realEnd - System.nanoTime()));
    }

    private RouterException noReply(ApiSentence command) {
        return decoder.midSentence()
                ? new RouterException(Kind.TIMEOUT, where + ": a reply to " + command.head() + " stopped half way"
                        + " through a sentence and did not go on in time")
                : new RouterException(Kind.TIMEOUT, where + ": no reply in time to " + command.head());
    }

    private void handBackTurn() {
        synchronized (readTurn) {
            reading = false;
            readTurn.notifyAll();
        }
    }

    /**
     * Starts a command whose {@code !re} replies keep coming ({@code print =interval=}, {@code follow})
     * and hands each to {@code stream}; returns its tag for {@link #cancel}.
     */
    String start(ApiSentence command, ApiExchange.Stream stream) throws RouterException {
        String tag = register(stream);
        synchronized (readTurn) {
            streams++;
            if (reader == null) {
                reader = Thread.ofVirtual().name("routeros-api-reader " + where).start(this::readWhileStreaming);
            }
        }
        try {
            send(command, tag);
        } catch (RouterException e) {
            if (pending.remove(tag) != null) {
                streamOver();
            }
            throw e;
        }
        return tag;
    }

    /** Asks the router to stop the command with {@code tag}; its {@code !trap interrupted} ends it. */
    void cancel(String tag) {
        try {
            send(ApiSentence.of("/cancel", "=tag=" + tag), "c" + tag);
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

    /** Sends {@code sentence} with {@code .tag=tag} added, in one write. */
    private void send(ApiSentence sentence, String tag) throws RouterException {
        synchronized (writeLock) {
            RouterException f = failure;
            if (f != null) {
                throw f;
            }
            sendBuffer.clear();
            for (String w : sentence.words()) {
                sendBuffer.word(w);
            }
            sendBuffer.word(".tag=" + tag).end();
            try {
                sendBuffer.writeTo(out);
                out.flush();
            } catch (IOException e) {
                RouterException re = RouterException.io(router, "api", e);
                fail(re);
                throw re;
            }
        }
    }

    /** The reader thread's loop: reads whenever no caller has the turn, until no stream is left. */
    private void readWhileStreaming() {
        try {
            while (true) {
                synchronized (readTurn) {
                    while (reading && streams > 0 && failure == null) {
                        readTurn.wait();
                    }
                    if (streams == 0 || failure != null) {
                        reader = null; // in the same turn as the check: start() sees either this one or none
                        return;
                    }
                    reading = true;
                }
                try {
                    if (!readOnce(stallMillis) && decoder.midSentence()) {
                        fail(new RouterException(Kind.TIMEOUT, where + ": a reply stopped half way through a"
                                + " sentence and did not go on within the request timeout"));
                    }
                } finally {
                    handBackTurn();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (readTurn) {
                if (reader == Thread.currentThread()) {
                    reader = null;
                }
            }
        }
    }

    /**
     * With the read turn: reads what has arrived (waiting at most {@code timeoutMillis}) and hands
     * each whole sentence to its exchange; false when nothing came in time (an idle connection
     * between sentences is normal). Anything else wrong fails the connection.
     */
    private boolean readOnce(int timeoutMillis) {
        try {
            socket.setSoTimeout(timeoutMillis);
            int n = in.read(buf);
            if (n < 0) {
                fail(new RouterException(Kind.UNREACHABLE, where + ": the router closed the connection"
                        + (decoder.midSentence() ? " in the middle of a reply" : "")));
                return true;
            }
            decoder.feed(buf, 0, n);
            ApiSentence s;
            while ((s = decoder.next()) != null) {
                dispatch(s);
            }
        } catch (SocketTimeoutException idle) {
            return false;
        } catch (ApiWireException e) {
            fail(new RouterException(Kind.PROTOCOL, where + ": not a RouterOS API reply: " + e.getMessage()));
        } catch (RouterException e) {
            fail(e);
        } catch (IOException e) {
            fail(RouterException.io(router, "api", e));
        } catch (RuntimeException e) {
            fail(new RouterException(Kind.PROTOCOL, where + ": cannot read the reply: " + e, e));
        }
        return true;
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
        if (e.accept(s) && pending.remove(tag) != null && e instanceof ApiExchange.Stream) {
            streamOver();
        }
    }

    private void streamOver() {
        synchronized (readTurn) {
            streams--;
            readTurn.notifyAll(); // the reader thread ends when it was the last
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
        synchronized (readTurn) {
            streams = 0;
            readTurn.notifyAll();
        }
    }

    /** Whether no reader thread runs (tests): none while no stream does, and none after a failure. */
    boolean readerDone() {
        synchronized (readTurn) {
            return reader == null || !reader.isAlive();
        }
    }
}
