package dev.wanctl.sim.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One HTTP request: counted, then the REST faults (latency, time-out, drop, credentials, 5xx),
 * then Basic auth on every request, then {@link RestApi}.
 */
final class RestHandler implements HttpHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RestHandler.class);

    private final RouterState state;
    private final RestApi api;
    private final FaultState faults;
    private final RequestCounters counters;

    RestHandler(RouterState state, FaultState faults, RequestCounters counters) {
        this.state = state;
        this.api = new RestApi(state);
        this.faults = faults;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            counters.increment(Transport.REST, RestApi.kindOf(method, path));
            faults.delay();
            if (faults.takeHang()) {
                faults.gate.await(-1);
                return; // closing the exchange unanswered closes the connection
            }
            if (faults.takeDrop()) {
                return;
            }
            String body = readBody(ex.getRequestBody());
            RestReply reply;
            if (faults.rejectCredentials || !authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"RouterOS\"");
                reply = RestReply.unauthorized();
            } else {
                int status = faults.takeServerError();
                reply = status != 0 ? RestReply.serverError(status) : handleSafely(method, ex, path, body);
            }
            send(ex, method, reply);
        }
    }

    /** A bug in the emulator shows as a 500 naming it, so a test fails loudly instead of seeing a reset. */
    private RestReply handleSafely(String method, HttpExchange ex, String path, String body) {
        try {
            return api.handle(method, path, ex.getRequestURI().getRawQuery(), body);
        } catch (RuntimeException bug) {
            LOG.error("emulator bug handling {} {}", method, path, bug);
            return new RestReply(500, "{\"error\":500,\"message\":\"Internal Server Error\",\"detail\":"
                    + Json.write("emulator bug: " + bug) + "}");
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && state.passwordMatches(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, String method, RestReply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
        }
        boolean noBody = bytes.length == 0 || method.equals("HEAD");
        ex.sendResponseHeaders(reply.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
