package dev.wanctl.routeros.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.Secret;
import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import dev.wanctl.routeros.SystemInfo;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestRouterClientTest {

    private static final String QUEUE = """
            {".id":"*1000000","name":"WAN-Download","parent":"ether1","packet-mark":"","queue":"cake-down",\
            "priority":"8","limit-at":"0","max-limit":"500000000","burst-limit":"0","burst-threshold":"0",\
            "burst-time":"0s","bucket-size":"0.1","disabled":"false","invalid":"false",\
            "bytes":"272603902153","packets":"184614358","dropped":"12","rate":"48000000","packet-rate":"4100",\
            "queued-bytes":"3028","queued-packets":"2"}""";

    private MockWebServer server;
    private RestRouterClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        client = new RestRouterClient(config(Duration.ofMillis(1500)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private RouterConfig config(Duration requestTimeout) {
        return new RouterConfig(RouterConfig.Transport.REST, "127.0.0.1", "wanctl", Secret.of("s3cret-pw"), null,
                server.getPort(), RouterConfig.Scheme.HTTP, 22, true, null, null, null, Duration.ofMillis(500),
                requestTimeout);
    }

    private void reply(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    private RecordedRequest next() throws InterruptedException {
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r).as("request reached the router").isNotNull();
        return r;
    }

    @Test
    void readsAQueueWhoseValuesAreAllStrings() throws Exception {
        reply(200, "[" + QUEUE + "]");

        QueueInfo q = client.readQueue("WAN-Download");

        assertThat(q).isEqualTo(new QueueInfo("*1000000", "WAN-Download", "ether1", "cake-down", 500_000_000L, false));
        RecordedRequest r = next();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/rest/queue/tree?name=WAN-Download");
    }

    @Test
    void readsCountersWithoutConfusingQueuedFields() throws Exception {
        reply(200, "[" + QUEUE + "]");

        QueueStats s = client.readQueueStats("WAN-Download");

        assertThat(s).isEqualTo(
                new QueueStats("WAN-Download", 272_603_902_153L, 184_614_358L, 12, 3028, 2, 48_000_000L));
    }

    @Test
    void everyRequestCarriesBasicCredentialsWithoutWaitingForAChallenge() throws Exception {
        reply(200, "[" + QUEUE + "]");

        client.readQueue("WAN-Download");

        assertThat(next().getHeaders().get("Authorization"))
                .isEqualTo(okhttp3.Credentials.basic("wanctl", "s3cret-pw"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void acceptsBandwidthsWithSiSuffixes() throws Exception {
        reply(200, "[" + QUEUE.replace("\"500000000\"", "\"1.5G\"") + "]");

        assertThat(client.readQueue("WAN-Download").maxLimitBps()).isEqualTo(1_500_000_000L);
    }

    @Test
    void setsMaxLimitAsAJsonStringOnTheResolvedIdAndChecksTheRememberedIdBeforeTheNextWrite() throws Exception {
        reply(200, "[" + QUEUE + "]");
        reply(200, QUEUE);
        reply(200, QUEUE);
        reply(200, QUEUE);

        client.setMaxLimit("WAN-Download", 480_000_000L);
        client.setMaxLimit("WAN-Download", 470_000_000L);

        assertThat(next().getTarget()).isEqualTo("/rest/queue/tree?name=WAN-Download");
        RecordedRequest patch = next();
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        assertThat(patch.getTarget()).isEqualTo("/rest/queue/tree/*1000000");
        assertThat(patch.getBody().utf8()).isEqualTo("{\"max-limit\":\"480000000\"}");
        RecordedRequest check = next();
        assertThat(check.getMethod()).as("the cached id still names the queue").isEqualTo("GET");
        assertThat(check.getTarget()).isEqualTo("/rest/queue/tree/*1000000");
        RecordedRequest second = next();
        assertThat(second.getTarget()).isEqualTo("/rest/queue/tree/*1000000");
        assertThat(second.getBody().utf8()).isEqualTo("{\"max-limit\":\"470000000\"}");
    }

    @Test
    void aCachedIdThatNowNamesAnotherQueueIsNeverWritten() throws Exception {
        reply(200, "[" + QUEUE + "]");
        reply(200, QUEUE);
        client.setMaxLimit("WAN-Download", 480_000_000L);
        next();
        next();
        String other = QUEUE.replace("\"WAN-Download\"", "\"WAN-Upload\"");
        String moved = QUEUE.replace("*1000000", "*1000001");
        reply(200, other);
        reply(200, "[" + moved + "]");
        reply(200, moved);

        client.setMaxLimit("WAN-Download", 470_000_000L);

        RecordedRequest check = next();
        assertThat(check.getMethod()).isEqualTo("GET");
        assertThat(next().getTarget()).isEqualTo("/rest/queue/tree?name=WAN-Download");
        RecordedRequest patch = next();
        assertThat(patch.getMethod()).isEqualTo("PATCH");
        assertThat(patch.getTarget()).as("only the item named WAN-Download").isEqualTo("/rest/queue/tree/*1000001");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void aRenumberedIdIsResolvedAgainOnceBeforeTheCallFails() throws Exception {
        reply(200, "[" + QUEUE + "]");
        reply(200, QUEUE);
        client.setMaxLimit("WAN-Download", 480_000_000L);
        next();
        next();
        String renumbered = QUEUE.replace("*1000000", "*1000007");
        reply(404, "{\"error\":404,\"message\":\"Not Found\"}");
        reply(200, "[" + renumbered + "]");
        reply(200, renumbered);

        client.setMaxLimit("WAN-Download", 470_000_000L);

        assertThat(next().getTarget()).isEqualTo("/rest/queue/tree/*1000000");
        assertThat(next().getTarget()).isEqualTo("/rest/queue/tree?name=WAN-Download");
        assertThat(next().getTarget()).isEqualTo("/rest/queue/tree/*1000007");
    }

    @Test
    void aDeletedQueueIsNotFoundAndNamed() throws Exception {
        reply(200, "[" + QUEUE + "]");
        reply(200, QUEUE);
        client.setMaxLimit("WAN-Download", 480_000_000L);
        reply(404, "{\"error\":404,\"message\":\"Not Found\"}");
        reply(200, "[]");
        reply(200, "[]");

        assertThatThrownBy(() -> client.setMaxLimit("WAN-Download", 470_000_000L))
                .isInstanceOf(RouterException.class)
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("\"WAN-Download\"");
    }

    @Test
    void aRuleIsFoundByItsExactCommentEvenWhenTheFilterMissesIt() throws Exception {
        reply(200, "[]");
        reply(200, """
                [{".id":"*4","chain":"prerouting","action":"accept","comment":"ADAPTIVE-STEER old","disabled":"false"},
                 {".id":"*5","chain":"prerouting","action":"mark-routing","comment":"ADAPTIVE-STEER +voip&dns",\
                "disabled":"true"},
                 {".id":"*6","chain":"forward","action":"accept"}]""");

        assertThat(client.ruleEnabled("ADAPTIVE-STEER +voip&dns")).isFalse();

        assertThat(next().getTarget()).isEqualTo("/rest/ip/firewall/mangle?comment=ADAPTIVE-STEER%20%2Bvoip%26dns");
        assertThat(next().getTarget()).isEqualTo("/rest/ip/firewall/mangle");
    }

    @Test
    void aRuleNeverWrittenWithDisabledIsEnabled() throws Exception {
        reply(200, "[{\".id\":\"*5\",\"chain\":\"prerouting\",\"comment\":\"ADAPTIVE-STEER\"}]");

        assertThat(client.ruleEnabled("ADAPTIVE-STEER")).isTrue();
    }

    @Test
    void togglingARulePatchesDisabledAsAString() throws Exception {
        reply(200, "[{\".id\":\"*5\",\"comment\":\"ADAPTIVE-STEER\",\"disabled\":\"true\"}]");
        reply(200, "{\".id\":\"*5\",\"comment\":\"ADAPTIVE-STEER\",\"disabled\":\"false\"}");

        client.setRuleEnabled("ADAPTIVE-STEER", true);

        next();
        RecordedRequest patch = next();
        assertThat(patch.getTarget()).isEqualTo("/rest/ip/firewall/mangle/*5");
        assertThat(patch.getBody().utf8()).isEqualTo("{\"disabled\":\"false\"}");
    }

    @Test
    void aMissingRuleIsNotFoundAndNamed() {
        reply(200, "[]");
        reply(200, "[{\".id\":\"*4\",\"comment\":\"other\"}]");

        assertThatThrownBy(() -> client.setRuleEnabled("ADAPTIVE-STEER", true))
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("comment \"ADAPTIVE-STEER\"");
    }

    @Test
    void rawControlCharactersInsideStringsAreTolerated() throws Exception {
        reply(200, "[{\".id\":\"*5\",\"comment\":\"ADAPTIVE-STEER\",\"log-prefix\":\"a\u0001b\tc\nd\","
                + "\"disabled\":\"false\"}]");

        assertThat(client.ruleEnabled("ADAPTIVE-STEER")).isTrue();
    }

    @Test
    void anUnparseableReplyIsAProtocolErrorQuotingItShortened() {
        reply(200, "<html>" + "x".repeat(5000) + "</html>");

        assertThatThrownBy(() -> client.readSystem())
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.PROTOCOL))
                .hasMessageContaining("<html>xxx")
                .hasMessageContaining("(5013 chars)");
    }

    @Test
    void aGarbledValueIsAProtocolErrorNamingTheField() {
        reply(200, "[" + QUEUE.replace("\"500000000\"", "\"fast\"") + "]");

        assertThatThrownBy(() -> client.readQueue("WAN-Download"))
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.PROTOCOL))
                .hasMessageContaining("max-limit");
    }

    @Test
    void wrongPasswordIsAnAuthenticationErrorThatNeverShowsThePassword() {
        reply(401, "{\"error\":401,\"message\":\"Unauthorized\"}");

        assertThatThrownBy(() -> client.readSystem())
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.AUTHENTICATION))
                .hasMessageContaining("wanctl")
                .hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void aRefusedRequestCarriesTheRoutersDetail() {
        reply(400, "{\"detail\":\"value of max-limit out of range\",\"error\":400,\"message\":\"Bad Request\"}");

        assertThatThrownBy(() -> client.readSystem())
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.ROUTER_ERROR))
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("value of max-limit out of range");
    }

    @Test
    void aServerErrorIsARouterError() {
        reply(500, "oops");

        assertThatThrownBy(() -> client.readSystem())
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.ROUTER_ERROR))
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void readsSystemResource() throws Exception {
        reply(200, """
                {"uptime":"2d20h12m20s","version":"7.16.2 (stable)","build-time":"2024-11-26 12:50:59",\
                "free-memory":"866500000","cpu":"ARM64","cpu-count":"4","cpu-load":"3","board-name":"RB5009UG+S+",\
                "platform":"MikroTik"}""");

        SystemInfo s = client.readSystem();

        assertThat(s).isEqualTo(new SystemInfo("7.16.2 (stable)", "RB5009UG+S+", 3,
                Duration.ofDays(2).plusHours(20).plusMinutes(12).plusSeconds(20)));
        assertThat(next().getTarget()).isEqualTo("/rest/system/resource");
    }

    @Test
    void aRouterThatStopsAnsweringIsATimeoutWithinTheBound() {
        client.close();
        client = new RestRouterClient(config(Duration.ofMillis(300)));
        server.enqueue(new MockResponse.Builder().body("[]").headersDelay(10, TimeUnit.SECONDS).build());

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.readSystem())
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(800 + 500));
    }

    @Test
    void aClosedPortIsUnreachable() {
        int port = server.getPort();
        server.close();

        assertThatThrownBy(() -> client.readSystem())
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.UNREACHABLE))
                .hasMessageContaining("127.0.0.1");
        assertThat(port).isPositive();
    }
}
