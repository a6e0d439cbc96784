package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.faults.FaultState;
import dev.wanctl.emulator.model.Json;
import dev.wanctl.emulator.model.RequestCounters;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Transport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One HTTP request: counted, then the REST faults (latency, time-out, drop, credentials, 5xx),
 * then Basic auth on every request, then {@link RestApi}. The emulator's own
 * {@value #REQUESTS_PATH} is none of these: it answers the request counts without credentials,
 * faults or being counted itself.
 */
public final class RestHandler implements HttpListener.Handler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RestHandler.class);

    private final RouterState state;
    private final RestApi api;
    private final FaultState faults;
    private final RequestCounters counters;

    /** {@code GET} here answers the requests counted so far ({@link dev.wanctl.emulator.model.RequestCounts#document}), as JSON. */
    public static final String REQUESTS_PATH = "/wanctl/requests";

    public RestHandler(RouterState state, FaultState faults, RequestCounters counters) {
        this.state = state;
        this.api = new RestApi(state);
        this.faults = faults;
        this.counters = counters;
    }

    @Override
    public RestReply handle(HttpRequest req) {
        if (req.rawPath().equals(REQUESTS_PATH)) {
            return req.method().equals("GET") || req.method().equals("HEAD")
                    ? RestReply.json(counters.snapshot().document(counters.sinceNanos()))
                    : new RestReply(405, "{\"error\":405,\"message\":\"Method Not Allowed\"}");
        }
        counters.increment(Transport.REST, RestApi.kindOf(req.method(), req.rawPath()));
        faults.delay();
        if (faults.takeHang()) {
            faults.gate.await(-1);
            return null;
        }
        if (faults.takeDrop()) {
            return null;
        }
        if (faults.rejectCredentials || !authorized(req.headers().get("authorization"))) {
            return RestReply.unauthorized();
        }
        int status = faults.takeServerError();
        return status != 0 ? RestReply.serverError(status) : handleSafely(req);
    }

    /** A bug in the emulator shows as a 500 naming it, so a test fails loudly instead of seeing a reset. */
    private RestReply handleSafely(HttpRequest req) {
        try {
            return api.handle(req.method(), req.rawPath(), req.rawQuery(), req.body());
        } catch (RuntimeException bug) {
            LOG.error("emulator bug handling {} {}", req.method(), req.rawPath(), bug);
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
}
