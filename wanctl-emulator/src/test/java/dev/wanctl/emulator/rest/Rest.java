package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.RouterEmulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain java.net.http client for the emulator's REST API, as a test would write one. */
public final class Rest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;
    private String auth;

    public Rest(RouterEmulator router) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), router.restBaseUrl(),
                router.user(), router.password());
    }

    public Rest(HttpClient http, String base, String user, String password) {
        this.http = http;
        this.base = base;
        credentials(user, password);
    }

    Rest credentials(String user, String password) {
        auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Rest noCredentials() {
        auth = null;
        return this;
    }

    /** Sends one request; {@code path} is below {@code /rest} and may carry a query. */
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    public static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }
}
