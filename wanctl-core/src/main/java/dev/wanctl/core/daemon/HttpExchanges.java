package dev.wanctl.core.daemon;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How our HTTP endpoints (health, metrics) run their exchanges: each on a virtual thread of its
 * own, so a client that stalls (connects and sends nothing, or half a request) never keeps
 * another from its answer (one idle connection held a single-threaded /health for 90 s); and the
 * JDK server's request and response time limits, so a stalled exchange is closed after seconds
 * instead of holding its connection for ever.
 */
final class HttpExchanges {

    /** Seconds a request may take to arrive. */
    static final long MAX_REQUEST_SECONDS = 5;
    /** Seconds a response may take to be taken. */
    static final long MAX_RESPONSE_SECONDS = 10;

    private HttpExchanges() {}

    /** An executor for one server's exchanges, its threads named {@code name-N}. */
    static ExecutorService executor(String name) {
        limitTimes();
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
    }

    /** The JDK server reads these once, when its first server starts; an operator's own -D settings win. */
    private static void limitTimes() {
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(MAX_REQUEST_SECONDS));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(MAX_RESPONSE_SECONDS));
    }
}
