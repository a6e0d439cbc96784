package dev.wanctl.core.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON health endpoint ({@code GET /health} and {@code /}) that monitoring and
 * {@code wanctl status} read: 200 when healthy, 503 when degraded, 404 elsewhere. Public: both
 * daemons serve one. It runs on its own single thread and only calls the supplier, which should
 * return a snapshot the loop published, so a slow client never blocks the control loop.
 */
public final class HealthServer implements AutoCloseable {

    /** What the supplier returns: the verdict (status code) and the JSON body (any Jackson-serialisable object). */
    public record Response(boolean healthy, Object body) {
    }

    /** A number for a health document: rounded to {@code places} decimals, NaN and infinities as 0 (JSON has neither). */
    public static double round(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return 0;
        }
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    private static final Logger LOG = LoggerFactory.getLogger(HealthServer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] NOT_FOUND = "{\"error\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_ALLOWED = "{\"error\":\"Method not allowed\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<Response> supplier;

    private HealthServer(HttpServer server, ExecutorService executor, Supplier<Response> supplier) {
        this.server = server;
        this.executor = executor;
        this.supplier = supplier;
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks a free one).
     *
     * @param allowNonLoopback the configuration explicitly allows a non-loopback address
     * @throws IllegalArgumentException a non-loopback host without permission, or a bad port
     * @throws IOException the address is in use or cannot be bound
     */
    public static HealthServer start(String host, int port, boolean allowNonLoopback,
            Supplier<Response> supplier) throws IOException {
        InetSocketAddress addr = ListenAddress.of("health_check", host, port, allowNonLoopback);
        HttpServer server = HttpServer.create(addr, 8);
        ExecutorService executor = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("wanctl-health").daemon(true).factory());
        HealthServer health = new HealthServer(server, executor, supplier);
        server.createContext("/", health::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("health endpoint on http://{}:{}/health", addr.getAddress().getHostAddress(), health.port());
        return health;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            boolean head = "HEAD".equals(ex.getRequestMethod());
            if (!"/health".equals(path) && !"/".equals(path)) {
                send(ex, 404, NOT_FOUND, head);
            } else if (!head && !"GET".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, NOT_ALLOWED, false);
            } else {
                respond(ex, head);
            }
        }
    }

    private void respond(HttpExchange ex, boolean head) throws IOException {
        byte[] body;
        int status;
        try {
            Response r = supplier.get();
            body = JSON.writeValueAsBytes(r.body());
            status = r.healthy() ? 200 : 503;
        } catch (RuntimeException e) {
            LOG.warn("health report failed: {}", e.toString());
            body = JSON.writeValueAsBytes(java.util.Map.of("status", "error", "error", String.valueOf(e)));
            status = 500;
        }
        send(ex, status, body, head);
    }

    private static void send(HttpExchange ex, int status, byte[] body, boolean head) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
