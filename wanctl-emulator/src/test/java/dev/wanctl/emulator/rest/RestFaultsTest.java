package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.emulator.testing.Await;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each fault as a REST client sees it on the wire. */
class RestFaultsTest extends RestRouterTest {

    @Test
    void latencyDelaysEveryCall() throws Exception {
        router.faults().on(Transport.REST).latency(Duration.ofMillis(120));

        long t0 = System.nanoTime();
        HttpResponse<String> r = rest.get("/system/identity");
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(120);
    }

    @Test
    void serverErrorsHitTheNextNCallsOnly() throws Exception {
        router.faults().on(Transport.REST).serverErrors(2, 503);

        HttpResponse<String> first = rest.get("/queue/tree");
        HttpResponse<String> second = rest.get("/queue/tree");
        HttpResponse<String> third = rest.get("/queue/tree");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"error\":503,\"message\":\"Service Unavailable\"}");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void serverErrorsUntilClearedLastUntilCleared() throws Exception {
        router.faults().on(Transport.REST).serverErrorsUntilCleared();
        int during = rest.get("/queue/tree").statusCode();
        router.faults().on(Transport.REST).clear();

        assertThat(during).isEqualTo(500);
        assertThat(rest.get("/queue/tree").statusCode()).isEqualTo(200);
    }

    @Test
    void rejectedCredentialsAre401UntilCleared() throws Exception {
        router.faults().on(Transport.REST).rejectCredentials();
        HttpResponse<String> during = rest.get("/system/resource");
        router.faults().on(Transport.REST).clear();

        assertThat(during.statusCode()).isEqualTo(401);
        assertThat(during.body()).isEqualTo("{\"error\":401,\"message\":\"Unauthorized\"}");
        assertThat(rest.get("/system/resource").statusCode()).isEqualTo(200);
    }

    @Test
    void droppedConnectionIsClosedWithoutAReply() throws Exception {
        router.faults().on(Transport.REST).dropConnections(1);

        try (RawHttp raw = new RawHttp(router)) {
            raw.send("GET", "/rest/system/identity");
            assertThat(raw.readResponse()).isNull();
        }
        assertThat(rest.get("/system/identity").statusCode()).isEqualTo(200);
    }

    @Test
    void timedOutRequestGetsNoReplyUntilTheFaultIsCleared() throws Exception {
        router.faults().on(Transport.REST).timeouts(1);

        try (RawHttp raw = new RawHttp(router)) {
            raw.send("GET", "/rest/queue/tree");
            raw.socket().setSoTimeout(300);
            assertThatThrownBy(raw::readResponse).isInstanceOf(SocketTimeoutException.class);
            raw.socket().setSoTimeout(10_000);
            router.faults().on(Transport.REST).clear();
            assertThat(raw.readResponse()).isNull();
        }
    }

    @Test
    void closingTheEmulatorReleasesHungRequests() throws Exception {
        router.faults().on(Transport.REST).timeoutsUntilCleared();
        try (RawHttp raw = new RawHttp(router)) {
            raw.send("GET", "/rest/queue/tree");
            Await.until("the request arrived", () -> router.requests().total(Transport.REST) == 1);

            router.close();

            assertThat(raw.readResponse()).isNull();
        }
        Await.until("no emulator thread is left", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("emulator-")));
    }

    @Test
    void renumberedIdsAre404ButNamesStillResolve() throws Exception {
        router.faults().renumberIds();

        HttpResponse<String> old = rest.get("/queue/tree/*1000000");
        HttpResponse<String> byName = rest.get("/queue/tree?name=WAN-Download-Spectrum");

        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(Rest.json(byName).get(0).get(".id").asString()).isNotEqualTo("*1000000").startsWith("*100000");
    }

    @Test
    void deletedRuleAndQueueAreGone() throws Exception {
        assertThat(router.faults().deleteRule("ADAPTIVE: Steer latency-sensitive to ATT")).isTrue();
        assertThat(router.faults().deleteQueue("WAN-Upload-ATT")).isTrue();

        assertThat(Rest.json(rest.get("/ip/firewall/mangle?comment=ADAPTIVE:%20Steer%20latency-sensitive%20to%20ATT")))
                .isEmpty();
        assertThat(rest.get("/ip/firewall/mangle/*2").statusCode()).isEqualTo(404);
        assertThat(rest.get("/queue/tree/*1000003").statusCode()).isEqualTo(404);
    }

    @Test
    void downTransportRefusesConnectionsAndComesBackOnTheSamePort() throws Exception {
        int port = router.restPort();
        try (RawHttp keptOpen = new RawHttp(router)) {
            router.faults().on(Transport.REST).down();

            assertThatThrownBy(() -> rest.get("/system/identity")).isInstanceOf(ConnectException.class);
            assertThat(keptOpen.exchange("GET", "/rest/system/identity")).isNull();
        }

        router.faults().on(Transport.REST).up();

        assertThat(router.restPort()).isEqualTo(port);
        assertThat(rest.get("/system/identity").statusCode()).isEqualTo(200);
    }

    @Test
    void oneConnectionCarriesManyRequests() throws Exception {
        try (RawHttp raw = new RawHttp(router)) {
            for (int i = 0; i < 3; i++) {
                raw.send("GET", "/rest/system/identity");
                assertThat(raw.readResponse()).startsWith("HTTP/1.1 200").endsWith("{\"name\":\"MikroTik\"}");
            }
            raw.send("PATCH", "/rest/queue/tree/*99");
            assertThat(raw.readResponse()).startsWith("HTTP/1.1 404");
            raw.send("GET", "/rest/system/identity");
            assertThat(raw.readResponse()).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void requestsAreCountedAsReadsAndWrites() throws Exception {
        rest.get("/queue/tree");
        rest.send("POST", "/queue/tree/print", "{}");
        rest.send("PATCH", "/queue/tree/*1000000", "{\"max-limit\":\"900M\"}");
        rest.send("POST", "/ip/firewall/mangle/enable", "{\"numbers\":\"*2\"}");

        assertThat(router.requests().count(Transport.REST, RequestKind.READ)).isEqualTo(2);
        assertThat(router.requests().count(Transport.REST, RequestKind.WRITE)).isEqualTo(2);
        assertThat(router.requests().total(Transport.SSH)).isZero();
    }
}
