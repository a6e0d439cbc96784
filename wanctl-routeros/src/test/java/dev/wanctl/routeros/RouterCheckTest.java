package dev.wanctl.routeros;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.Secret;
import dev.wanctl.routeros.backends.RouterBackends;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RouterCheckTest {

    private static final String RESOURCE = """
            {"uptime":"3h5m","version":"7.16.2 (stable)","cpu-load":"4","board-name":"RB5009UG+S+"}""";
    private static final String DOWNLOAD = """
            [{".id":"*1000000","name":"WAN-Download","parent":"ether1","queue":"cake-down","max-limit":"500000000",\
            "disabled":"false","bytes":"1000","packets":"10","dropped":"0","rate":"0","queued-bytes":"0",\
            "queued-packets":"0"}]""";
    private static final String RULE = """
            [{".id":"*5","chain":"prerouting","comment":"ADAPTIVE-STEER","disabled":"true"}]""";

    private MockWebServer server;
    private volatile boolean rejectCredentials;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (rejectCredentials) {
                    return json(401, "{\"error\":401,\"message\":\"Unauthorized\"}");
                }
                String path = r.getUrl().encodedPath();
                String query = r.getUrl().encodedQuery();
                return switch (path) {
                    case "/rest/system/resource" -> json(200, RESOURCE);
                    case "/rest/queue/tree" -> json(200,
                            query == null || query.equals("name=WAN-Download") ? DOWNLOAD : "[]");
                    case "/rest/ip/firewall/mangle" -> json(200, RULE);
                    default -> json(404, "{\"error\":404,\"message\":\"Not Found\"}");
                };
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    private RouterConfig config() {
        return RouterConfig.rest("127.0.0.1", server.getPort(), RouterConfig.Scheme.HTTP, "wanctl", Secret.of("pw"));
    }

    @Test
    void everythingNamedExistsExitsZeroAndReportsLatency() {
        RouterCheckResult r = RouterBackends.check().run(config(), List.of("WAN-Download"), "ADAPTIVE-STEER", 5);

        assertThat(r.exitCode()).isZero();
        assertThat(r.problems()).isEmpty();
        assertThat(r.latency().calls()).isEqualTo(5);
        assertThat(r.latency().minMs()).isLessThanOrEqualTo(r.latency().medianMs());
        assertThat(r.latency().medianMs()).isLessThanOrEqualTo(r.latency().maxMs());
        assertThat(r.toText())
                .contains("RouterOS 7.16.2 (stable) on RB5009UG+S+, CPU load 4 %, up 3h5m0s")
                .contains("max-limit 500.0 Mbit/s")
                .contains("rule \"ADAPTIVE-STEER\": disabled")
                .contains("readQueueStats(\"WAN-Download\") over 5 calls")
                .endsWith("OK\n");
    }

    @Test
    void theJsonFormCarriesTheSameFacts() {
        RouterCheckResult r = RouterBackends.check().run(config(), List.of("WAN-Download"), "ADAPTIVE-STEER", 3);

        JsonNode json = JsonMapper.builder().build().readTree(r.toJson());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("exit_code").asInt()).isZero();
        assertThat(json.get("system").get("uptime_seconds").asLong()).isEqualTo(3 * 3600 + 5 * 60);
        assertThat(json.get("queues").get(0).get("max_limit_bps").asLong()).isEqualTo(500_000_000L);
        assertThat(json.get("rule").get("enabled").asBoolean()).isFalse();
        assertThat(json.get("latency").get("calls").asInt()).isEqualTo(3);
    }

    @Test
    void aMissingQueueExitsOneAndSaysWhich() {
        RouterCheckResult r = RouterBackends.check().run(config(), List.of("WAN-Download", "WAN-Upload"), null, 3);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.problems()).singleElement().asString().contains("\"WAN-Upload\"");
        assertThat(r.latency()).isNull();
        assertThat(r.toText()).contains("FAILED (exit 1)").contains("WAN-Upload");
    }

    @Test
    void rejectedCredentialsExit77() {
        rejectCredentials = true;

        RouterCheckResult r = RouterBackends.check().run(config(), List.of("WAN-Download"), null, 3);

        assertThat(r.exitCode()).isEqualTo(77);
        assertThat(r.problems()).singleElement().asString().contains("rejected the credentials");
    }

    @Test
    void anUnreachableRouterExitsOne() {
        RouterConfig config = config();
        server.close();

        RouterCheckResult r = RouterBackends.check().run(config, List.of("WAN-Download"), null, 3);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.problems()).singleElement().asString().contains("cannot reach");
    }

    @Test
    void failoverIsCheckedOverRestAndOverSshSoNeitherHidesTheOther() {
        RouterConfig failover = config().withTransport(RouterConfig.Transport.FAILOVER);

        assertThat(RouterCheck.perTransport(failover)).extracting(RouterConfig::transport)
                .containsExactly(RouterConfig.Transport.REST, RouterConfig.Transport.SSH);
        assertThat(RouterCheck.perTransport(config())).containsExactly(config());
    }

    @Test
    void failoverWithTheApiFirstIsCheckedOverTheApiAndOverSsh() {
        RouterConfig c = config();
        RouterConfig failover = new RouterConfig(RouterConfig.Transport.FAILOVER, c.host(), c.user(), c.password(),
                c.sshKey(), 8729, RouterConfig.Scheme.HTTPS, c.sshPort(), true, null, null, null, null, null,
                RouterConfig.Transport.API);

        assertThat(RouterCheck.perTransport(failover)).extracting(RouterConfig::transport)
                .containsExactly(RouterConfig.Transport.API, RouterConfig.Transport.SSH);
    }

    @Test
    void rejectedCredentialsOutweighAnyOtherFinding() {
        assertThat(RouterCheckResult.worse(1, 77)).isEqualTo(77);
        assertThat(RouterCheckResult.worse(77, 78)).isEqualTo(77);
        assertThat(RouterCheckResult.worse(0, 1)).isEqualTo(1);
        assertThat(RouterCheckResult.worse(1, 78)).isEqualTo(78);
    }

    @Test
    void anUnusableConfigExits78() {
        RouterConfig config = new RouterConfig(RouterConfig.Transport.REST, "127.0.0.1", "wanctl", Secret.of("pw"),
                null, 443, RouterConfig.Scheme.HTTPS, 22, true, Path.of("/nonexistent/ca.pem"), null, null,
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        RouterCheckResult r = RouterBackends.check().run(config, List.of(), null, 0);

        assertThat(r.exitCode()).isEqualTo(78);
        assertThat(r.problems()).singleElement().asString().contains("router.ca_file");
    }
}
