package dev.wanctl.routeros.rest;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.Deadline;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;

/**
 * One router's REST endpoint: a single OkHttp client with one keep-alive connection pool, the
 * Basic credentials sent with every request (RouterOS never challenges first), and every failure
 * turned into a {@link RouterException} of the right kind. A 404 is reported as NOT_FOUND for the
 * caller to re-resolve; this class never retries by itself.
 */
final class RestHttp implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");
    /**
     * The largest reply read: a queue-tree listing of a router with a thousand queues is about
     * 500 kB; a daemon runs in a 32 MB heap.
     */
    static final long MAX_REPLY_BYTES = 2 * 1024 * 1024;

    private final OkHttpClient client;
    private final HttpUrl base;
    private final String router;
    private final String user;
    private final String authorization;
    private final RouterConfig config;
    private final Clock clock;

    private final AtomicLong connectionsMade = new AtomicLong();

    RestHttp(RouterConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.router = config.host();
        this.user = config.user();
        this.authorization = Credentials.basic(config.user(), config.password().reveal(), StandardCharsets.UTF_8);
        this.base = new HttpUrl.Builder()
                .scheme(config.scheme() == RouterConfig.Scheme.HTTPS ? "https" : "http")
                .host(config.host())
                .port(config.restPort())
                .addPathSegment("rest")
                .build();
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(2, 5, TimeUnit.MINUTES))
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.requestTimeout())
                .writeTimeout(config.requestTimeout())
                .followRedirects(false)
                .eventListener(new EventListener() {
                    @Override
                    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
                        connectionsMade.incrementAndGet();
                    }
                });
        RestTls.configure(b, config);
        this.client = b.build();
    }

    /** How many TCP connections were made so far; a change means the router may have rebooted. */
    long connectionsMade() {
        return connectionsMade.get();
    }

    /**
     * The bound of one {@code RouterClient} call: {@code timeout_ms}, plus {@code connect_timeout_ms}
     * when no connection is open yet (so a slow first handshake cannot fail every call in turn).
     */
    Deadline newDeadline() {
        boolean connected = client.connectionPool().connectionCount() > 0;
        return Deadline.after(clock, connected ? config.requestTimeout()
                : config.connectTimeout().plus(config.requestTimeout()));
    }

    /** {@code /rest/<menu>[/<id>]} with optional query parameters (name, value pairs). */
    HttpUrl url(String menu, String id, String... query) {
        HttpUrl.Builder u = base.newBuilder().addPathSegments(menu);
        if (id != null) {
            u.addPathSegment(id);
        }
        for (int i = 0; i + 1 < query.length; i += 2) {
            u.addEncodedQueryParameter(QueryEncoding.encode(query[i]), QueryEncoding.encode(query[i + 1]));
        }
        return u.build();
    }

    JsonNode get(HttpUrl url, Deadline deadline) throws RouterException {
        return execute(new Request.Builder().url(url).get(), deadline);
    }

    JsonNode patch(HttpUrl url, String jsonBody, Deadline deadline) throws RouterException {
        return execute(new Request.Builder().url(url).patch(RequestBody.create(jsonBody, JSON)), deadline);
    }

    private JsonNode execute(Request.Builder request, Deadline deadline) throws RouterException {
        if (deadline.expired()) {
            throw new RouterException(Kind.TIMEOUT, "router " + router + " (rest): no time left for "
                    + request.build().method() + " within the call's bound (router.timeout_ms "
                    + config.requestTimeout().toMillis() + ")");
        }
        Request req = request.header("Authorization", authorization).header("Accept", "application/json").build();
        Call call = client.newCall(req);
        call.timeout().timeout(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            String body = boundedBody(response, req);
            if (response.isSuccessful()) {
                return RestJson.parse(router, body);
            }
            throw statusError(req, response.code(), response.message(), body);
        } catch (SSLPeerUnverifiedException e) {
            throw new RouterException(Kind.AUTHENTICATION, "router " + router + " (rest): TLS: " + e.getMessage(), e);
        } catch (SSLHandshakeException e) {
            CertificateException refused = findCause(e, CertificateException.class);
            if (refused != null) {
                throw new RouterException(Kind.AUTHENTICATION, "TLS: " + refused.getMessage(), e);
            }
            throw RouterException.io(router, "rest", e);
        } catch (IOException e) {
            throw RouterException.io(router, "rest", e);
        }
    }

    /**
     * The reply body, at most {@link #MAX_REPLY_BYTES} after decompression: a huge, gzip-bombed or
     * endless reply is a PROTOCOL error, not an OutOfMemoryError in a 32 MB daemon.
     */
    private String boundedBody(Response response, Request req) throws IOException, RouterException {
        okhttp3.ResponseBody b = response.body();
        long declared = b.contentLength();
        if (declared > MAX_REPLY_BYTES) {
            throw tooLarge(req, declared + " bytes declared");
        }
        okio.BufferedSource source = b.source();
        if (source.request(MAX_REPLY_BYTES + 1)) {
            throw tooLarge(req, "more than " + MAX_REPLY_BYTES + " bytes");
        }
        return source.readString(StandardCharsets.UTF_8);
    }

    private RouterException tooLarge(Request req, String size) {
        return new RouterException(Kind.PROTOCOL, "router " + router + " (rest): reply to " + req.method() + " "
                + req.url().encodedPath() + " is too large (" + size + "; at most " + MAX_REPLY_BYTES
                + " are read)");
    }

    private RouterException statusError(Request req, int code, String reason, String body) {
        String what = req.method() + " " + req.url().encodedPath();
        if (code == 401 || code == 403) {
            return new RouterException(Kind.AUTHENTICATION, "router " + router + " rejected the credentials of user \""
                    + user + "\" (HTTP " + code + " on " + what + ")");
        }
        if (code == 404) {
            return new RouterException(Kind.NOT_FOUND, "router " + router + ": HTTP 404 on " + what);
        }
        return new RouterException(Kind.ROUTER_ERROR, "router " + router + ": HTTP " + code + " on " + what + ": "
                + RouterException.shorten(detailOf(body, reason)));
    }

    /** The router's {@code detail} (or {@code message}) from an error body, else the raw body. */
    private String detailOf(String body, String reason) {
        try {
            JsonNode err = RestJson.parse(router, body);
            String detail = RestJson.optString(err, "detail");
            if (detail == null) {
                detail = RestJson.optString(err, "message");
            }
            return detail != null ? detail : body;
        } catch (RouterException notJson) {
            return body == null || body.isBlank() ? reason : body;
        }
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
