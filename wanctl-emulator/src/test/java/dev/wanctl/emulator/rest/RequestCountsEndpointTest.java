package dev.wanctl.emulator.rest;

import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.RequestCounts;
import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.Transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /wanctl/requests}: the emulator's request counts per transport and kind, as JSON. */
class RequestCountsEndpointTest {

    private final VirtualClock clock = new VirtualClock();
    private RouterEmulator router;
    private Rest rest;

    @BeforeEach
    void start() {
        router = RouterEmulator.builder().clock(clock).restTlsPort(-1).sshPort(-1).apiPort(-1).apiTlsPort(-1).start();
        rest = new Rest(router);
    }

    @AfterEach
    void stop() {
        router.close();
    }

    private JsonNode counts() throws Exception {
        HttpResponse<String> r = new Rest(java.net.http.HttpClient.newHttpClient(),
                "http://127.0.0.1:" + router.restPort(), "x", "y").noCredentials().get("/wanctl/requests");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        return Rest.json(r);
    }

    @Test
    void answersTheCountsPerTransportAndKindWithoutCredentialsAndWithoutCountingItself() throws Exception {
        rest.get("/queue/tree");
        rest.send("POST", "/queue/tree/print", "{}");
        rest.send("PATCH", "/queue/tree/*1000000", "{\"max-limit\":\"900M\"}");
        router.client().readSystem();
        clock.advance(Duration.ofSeconds(10));

        JsonNode first = counts();
        JsonNode second = counts();

        assertThat(first).isEqualTo(second);
        assertThat(first.get("seconds").asDouble()).isEqualTo(10.0);
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("per_second").asDouble()).isEqualTo(0.4);
        JsonNode restCounts = first.get("transports").get("rest");
        assertThat(restCounts.get("read").asLong()).isEqualTo(2);
        assertThat(restCounts.get("write").asLong()).isEqualTo(1);
        assertThat(restCounts.get("total").asLong()).isEqualTo(3);
        assertThat(restCounts.get("per_second").asDouble()).isEqualTo(0.3);
        assertThat(first.get("transports").get("in_process").get("read").asLong()).isEqualTo(1);
        assertThat(first.get("transports").get("ssh").get("total").asLong()).isZero();
        assertThat(first.get("transports").get("api").get("total").asLong()).isZero();
        assertThat(router.requests().total(Transport.REST)).as("the queries are not router load").isEqualTo(3);
    }

    @Test
    void faultsDoNotApplyToTheCounts() throws Exception {
        router.faults().on(Transport.REST).rejectCredentials();
        router.faults().on(Transport.REST).serverErrorsUntilCleared();
        assertThat(rest.get("/system/resource").statusCode()).isEqualTo(401);

        assertThat(counts().get("transports").get("rest").get("read").asLong()).isEqualTo(1);
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        HttpResponse<String> r = new Rest(java.net.http.HttpClient.newHttpClient(),
                "http://127.0.0.1:" + router.restPort(), "x", "y").noCredentials().send("POST", "/wanctl/requests", "{}");

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(router.requests().total(Transport.REST)).isZero();
    }

    @Test
    void theUrlIsPlainHttpWhenThatListensElseHttpsElseNone() {
        assertThat(router.requestsUrl()).isEqualTo("http://127.0.0.1:" + router.restPort() + "/wanctl/requests");
        try (RouterEmulator tlsOnly = RouterEmulator.builder().restPort(-1).sshPort(-1).apiPort(-1).apiTlsPort(-1).start();
                RouterEmulator sshOnly = RouterEmulator.builder().restPort(-1).restTlsPort(-1).apiPort(-1)
                        .apiTlsPort(-1).start()) {
            assertThat(tlsOnly.requestsUrl()).isEqualTo("https://127.0.0.1:" + tlsOnly.restTlsPort() + "/wanctl/requests");
            assertThat(sshOnly.requestsUrl()).isNull();
        }
    }

    @Test
    void summaryNamesTheTransportsThatReceivedRequests() {
        long[] c = new long[Transport.values().length * 2];
        c[Transport.REST.ordinal() * 2 + RequestKind.READ.ordinal()] = 1200;
        c[Transport.REST.ordinal() * 2 + RequestKind.WRITE.ordinal()] = 3;
        c[Transport.SSH.ordinal() * 2 + RequestKind.WRITE.ordinal()] = 2;
        RequestCounts counts = new RequestCounts(60_000_000_000L, c);

        assertThat(counts.summary(0)).isEqualTo(String.format(
                "Requests received in 60.0 s: 1205 (20.08/s)%n"
                        + "  REST       1200 read, 3 write (20.05/s)%n"
                        + "  SSH        0 read, 2 write (0.03/s)%n"));
        assertThat(new RequestCounts(5_000_000_000L, new long[c.length]).summary(0))
                .contains("in 5.0 s: 0 (0.00/s)", "REST       0 read, 0 write", "IN-PROCESS");
    }
}
