package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.model.QueueSnapshot;
import dev.wanctl.emulator.model.RuleSnapshot;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.emulator.model.WriteRecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The REST wire behaviour of routeros-api.md §1–4, over plain HTTP with the bundled fixture. */
class RestApiTest extends RestRouterTest {

    @Test
    void queueTreeListHasStringValuesStatsAndNoEmptyComment() throws Exception {
        HttpResponse<String> r = rest.get("/queue/tree");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode list = Rest.json(r);
        assertThat(list).hasSize(4);
        JsonNode dl = list.get(0);
        assertThat(dl.properties()).allSatisfy(e -> assertThat(e.getValue().isString()).isTrue());
        assertThat(dl.get(".id").asString()).isEqualTo("*1000000");
        assertThat(dl.get("name").asString()).isEqualTo("WAN-Download-Spectrum");
        assertThat(dl.get("max-limit").asString()).isEqualTo("940000000");
        assertThat(dl.get("queue").asString()).isEqualTo("cake-down-spectrum");
        assertThat(dl.get("disabled").asString()).isEqualTo("false");
        assertThat(dl.has("comment")).isFalse();
        assertThat(fieldNames(dl)).containsSubsequence(".id", "name", "parent", "packet-mark", "queue", "priority",
                "limit-at", "max-limit", "burst-limit", "burst-threshold", "burst-time", "bucket-size", "disabled",
                "invalid", "bytes", "packets", "dropped", "rate", "packet-rate", "queued-bytes", "queued-packets");
        assertThat(list.get(3).get(".id").asString()).isEqualTo("*1000003");
    }

    @Test
    void equalityFiltersAreAndedAndSpacesTravelAsPercent20() throws Exception {
        JsonNode byName = Rest.json(rest.get("/queue/tree?name=WAN-Upload-ATT&disabled=false"));
        JsonNode none = Rest.json(rest.get("/queue/tree?name=WAN-Upload-ATT&disabled=true"));
        JsonNode byComment = Rest.json(rest.get("/ip/firewall/mangle?comment=ADAPTIVE:%20Steer%20latency-sensitive%20to%20ATT"));
        JsonNode plusIsNotASpace = Rest.json(rest.get("/ip/firewall/mangle?comment=ADAPTIVE:+Steer+latency-sensitive+to+ATT"));

        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).get("max-limit").asString()).isEqualTo("18000000");
        assertThat(none).isEmpty();
        assertThat(byComment).hasSize(1);
        assertThat(byComment.get(0).get(".id").asString()).isEqualTo("*2");
        assertThat(plusIsNotASpace).isEmpty();
    }

    @Test
    void absentPropertyNeverMatchesAFilter() throws Exception {
        // The first rule was never written with disabled, so it has no such key and ?disabled=false misses it.
        JsonNode r = Rest.json(rest.get("/ip/firewall/mangle?disabled=false"));

        assertThat(r).isEmpty();
    }

    @Test
    void proplistLimitsFieldsButKeepsTheId() throws Exception {
        JsonNode r = Rest.json(rest.get("/queue/tree?name=WAN-Download-ATT&.proplist=max-limit,bytes"));

        assertThat(fieldNames(r.get(0))).containsExactly(".id", "max-limit", "bytes");
    }

    @Test
    void itemsCanBeReadByIdOrByName() throws Exception {
        JsonNode byId = Rest.json(rest.get("/queue/tree/*1000002"));
        JsonNode byName = Rest.json(rest.get("/queue/tree/WAN-Download-ATT"));

        assertThat(byId.isObject()).isTrue();
        assertThat(byId.get("name").asString()).isEqualTo("WAN-Download-ATT");
        assertThat(byName).isEqualTo(byId);
    }

    @Test
    void unknownIdIs404WithoutDetail() throws Exception {
        HttpResponse<String> r = rest.get("/queue/tree/*99");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"error\":404,\"message\":\"Not Found\"}");
    }

    @Test
    void firewallItemsCannotBeAddressedByName() throws Exception {
        HttpResponse<String> r = rest.get("/ip/firewall/mangle/ADAPTIVE");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"detail\":\"no such command prefix\",\"error\":400,\"message\":\"Bad Request\"}");
    }

    @Test
    void patchSetsMaxLimitAndReturnsTheWholeObject() throws Exception {
        HttpResponse<String> r = rest.send("PATCH", "/queue/tree/*1000000", "{\"max-limit\":\"500000000\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode obj = Rest.json(r);
        assertThat(obj.get(".id").asString()).isEqualTo("*1000000");
        assertThat(obj.get("max-limit").asString()).isEqualTo("500000000");
        assertThat(obj.get("queued-packets").asString()).isEqualTo("0");
        assertThat(router.state().maxLimitBps("WAN-Download-Spectrum")).isEqualTo(500_000_000L);
        List<WriteRecord> writes = router.state().maxLimitWrites("WAN-Download-Spectrum");
        assertThat(writes).singleElement().satisfies(w -> {
            assertThat(w.via()).isEqualTo(Transport.REST);
            assertThat(w.oldBps()).isEqualTo(940_000_000L);
            assertThat(w.newBps()).isEqualTo(500_000_000L);
        });
    }

    @Test
    void bandwidthSuffixesAreAcceptedAndReadBackAsIntegers() throws Exception {
        rest.send("PATCH", "/queue/tree/*1000001", "{\"max-limit\":\"25M\",\"limit-at\":\"512k\"}");

        JsonNode obj = Rest.json(rest.get("/queue/tree/*1000001"));
        assertThat(obj.get("max-limit").asString()).isEqualTo("25000000");
        assertThat(obj.get("limit-at").asString()).isEqualTo("512000");
    }

    @Test
    void unknownParameterIs400WithDetailAndChangesNothing() throws Exception {
        HttpResponse<String> r = rest.send("PATCH", "/queue/tree/*1000000",
                "{\"max-limit\":\"1M\",\"place-before\":\"*1000001\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Rest.json(r).get("detail").asString()).isEqualTo("unknown parameter place-before");
        assertThat(Rest.json(r).get("error").isNumber()).isTrue();
        assertThat(router.state().maxLimitBps("WAN-Download-Spectrum")).isEqualTo(940_000_000L);
    }

    @Test
    void queueTypeEnumsAreValidated() throws Exception {
        HttpResponse<String> bad = rest.send("PATCH", "/queue/type/cake-down-att", "{\"cake-diffserv\":\"diffserv5\"}");
        HttpResponse<String> good = rest.send("PATCH", "/queue/type/cake-down-att",
                "{\"cake-diffserv\":\"besteffort\",\"cake-overhead-scheme\":\"convervative\",\"cake-bandwidth\":\"90M\"}");
        HttpResponse<String> range = rest.send("PATCH", "/queue/type/cake-down-att", "{\"cake-overhead\":\"300\"}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Rest.json(bad).get("detail").asString()).isEqualTo("input does not match any value of cake-diffserv");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(Rest.json(good).get("cake-bandwidth").asString()).isEqualTo("90000000");
        assertThat(Rest.json(good).get("cake-nat").asString()).isEqualTo("true");
        assertThat(Rest.json(range).get("detail").asString()).isEqualTo("value of cake-overhead out of range (-64..256)");
    }

    @Test
    void builtInQueueTypesHaveHighIdsAndTheDefaultFlag() throws Exception {
        JsonNode types = Rest.json(rest.get("/queue/type?default=true&.proplist=name"));

        assertThat(types.get(0).get(".id").asString()).startsWith("*FFFFFF");
        assertThat(types).extracting(t -> t.get("name").asString()).contains("default", "default-small");
    }

    @Test
    void postPrintTakesProplistAndQueryStackOperations() throws Exception {
        HttpResponse<String> r = rest.send("POST", "/queue/tree/print", """
                {".proplist":[".id","name","max-limit"],
                 ".query":["name=WAN-Download-Spectrum","name=WAN-Upload-ATT","#|"]}""");

        JsonNode list = Rest.json(r);
        assertThat(list).extracting(n -> n.get("name").asString()).containsExactly("WAN-Download-Spectrum", "WAN-Upload-ATT");
        assertThat(fieldNames(list.get(0))).containsExactly(".id", "name", "max-limit");
        JsonNode negated = Rest.json(rest.send("POST", "/queue/tree/print",
                "{\".proplist\":\"name\",\".query\":[\"name=WAN-Upload-ATT\",\"#!\"]}"));
        assertThat(negated).hasSize(3);
    }

    @Test
    void enableAndDisableTakeNumbersOrIdAndReplyEmptyArray() throws Exception {
        HttpResponse<String> enable = rest.send("POST", "/ip/firewall/mangle/enable", "{\"numbers\":\"*2\"}");
        boolean enabled = !router.state().rule("ADAPTIVE: Steer latency-sensitive to ATT").orElseThrow().disabled();
        HttpResponse<String> disable = rest.send("POST", "/ip/firewall/mangle/disable", "{\".id\":\"*1,*2\"}");

        assertThat(enable.statusCode()).isEqualTo(200);
        assertThat(enable.body()).isEqualTo("[]");
        assertThat(enabled).isTrue();
        assertThat(disable.body()).isEqualTo("[]");
        assertThat(router.state().rules()).allMatch(RuleSnapshot::disabled);
        assertThat(router.state().ruleToggles("ADAPTIVE: Steer latency-sensitive to ATT")).hasSize(2);
    }

    @Test
    void disabledAppearsOnAFirewallRuleOnlyOnceWritten() throws Exception {
        assertThat(Rest.json(rest.get("/ip/firewall/mangle/*1")).has("disabled")).isFalse();

        JsonNode patched = Rest.json(rest.send("PATCH", "/ip/firewall/mangle/*1", "{\"disabled\":\"no\"}"));

        assertThat(patched.get("disabled").asString()).isEqualTo("false");
        assertThat(patched.get("comment").asString()).isEqualTo("LAN: mark new connections");
    }

    @Test
    void unknownIdInACommandIs404AndMissingIdIs400() throws Exception {
        HttpResponse<String> unknown = rest.send("POST", "/ip/firewall/mangle/enable", "{\"numbers\":\"*7\"}");
        HttpResponse<String> missing = rest.send("POST", "/ip/firewall/mangle/enable", "{}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Rest.json(missing).get("detail").asString()).isEqualTo("missing =.id=");
    }

    @Test
    void resetCountersZeroesTheCumulativeCounters() throws Exception {
        router.state().addTraffic("WAN-Download-Spectrum", 1_500_000, 1000, 3);
        router.state().setBacklog("WAN-Download-Spectrum", 30_000, 20);

        HttpResponse<String> r = rest.send("POST", "/queue/tree/reset-counters", "{\".id\":\"*1000000\"}");

        assertThat(r.body()).isEqualTo("[]");
        QueueSnapshot q = router.state().queue("WAN-Download-Spectrum").orElseThrow();
        assertThat(q.bytes()).isZero();
        assertThat(q.packets()).isZero();
        assertThat(q.dropped()).isZero();
        assertThat(q.queuedBytes()).isEqualTo(30_000);
    }

    @Test
    void statisticsAreReadAsIntegerStrings() throws Exception {
        router.state().addTraffic("WAN-Upload-ATT", 272_603_902_153L, 184_614_358L, 7);
        router.state().setRate("WAN-Upload-ATT", 17_500_000, 1500);

        JsonNode q = Rest.json(rest.get("/queue/tree/WAN-Upload-ATT"));

        assertThat(q.get("bytes").asString()).isEqualTo("272603902153");
        assertThat(q.get("packets").asString()).isEqualTo("184614358");
        assertThat(q.get("dropped").asString()).isEqualTo("7");
        assertThat(q.get("rate").asString()).isEqualTo("17500000");
        assertThat(q.get("packet-rate").asString()).isEqualTo("1500");
    }

    @Test
    void putAddsAnItemAndDeleteRemovesItOnce() throws Exception {
        HttpResponse<String> put = rest.send("PUT", "/queue/tree",
                "{\"name\":\"guest\",\"parent\":\"WAN-Download-Spectrum\",\"max-limit\":\"10M\",\"comment\":\"\"}");
        String id = Rest.json(put).get(".id").asString();
        HttpResponse<String> del = rest.send("DELETE", "/queue/tree/" + id, null);
        HttpResponse<String> again = rest.send("DELETE", "/queue/tree/" + id, null);

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(id).isEqualTo("*1000004");
        assertThat(Rest.json(put).has("comment")).isFalse();
        assertThat(del.statusCode()).isEqualTo(200);
        assertThat(del.body()).isEmpty();
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void referencesToMissingTablesAreRefused() throws Exception {
        HttpResponse<String> queue = rest.send("PATCH", "/queue/tree/*1000000", "{\"queue\":\"nope\"}");
        HttpResponse<String> table = rest.send("PATCH", "/ip/firewall/mangle/*2", "{\"new-routing-mark\":\"to_mars\"}");

        assertThat(Rest.json(queue).get("detail").asString()).isEqualTo("input does not match any value of queue");
        assertThat(Rest.json(table).get("detail").asString()).isEqualTo("input does not match any value of routing-table");
    }

    @Test
    void unknownPathIs400InvalidCommandIs406AndHeadIs501() throws Exception {
        HttpResponse<String> path = rest.get("/queue/nonexistent");
        HttpResponse<String> command = rest.send("POST", "/system/resource/remove", "{}");
        HttpResponse<String> getCommand = rest.get("/queue/tree/print");
        HttpResponse<String> head = rest.send("HEAD", "/queue/tree", null);

        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(path.body()).isEqualTo(
                "{\"detail\":\"no such command or directory (nonexistent)\",\"error\":400,\"message\":\"Bad Request\"}");
        assertThat(command.statusCode()).isEqualTo(406);
        assertThat(command.body()).isEqualTo(
                "{\"error\":406,\"message\":\"Not Acceptable\",\"detail\":\"no such command or directory (remove)\"}");
        assertThat(getCommand.statusCode()).isEqualTo(400);
        assertThat(Rest.json(getCommand).get("detail").asString()).isEqualTo("no such command");
        assertThat(head.statusCode()).isEqualTo(501);
    }

    @Test
    void wrongOrMissingCredentialsAre401WithTheRouterOsBody() throws Exception {
        HttpResponse<String> wrong = new Rest(router).credentials("wanctl", "nope").get("/system/resource");
        HttpResponse<String> missing = new Rest(router).noCredentials().get("/system/resource");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"error\":401,\"message\":\"Unauthorized\"}");
        assertThat(missing.statusCode()).isEqualTo(401);
    }

    @Test
    void systemResourceAndIdentityAreSingletons() throws Exception {
        JsonNode res = Rest.json(rest.get("/system/resource"));
        JsonNode id = Rest.json(rest.get("/system/identity"));

        assertThat(res.isObject()).isTrue();
        assertThat(res.get("version").asString()).isEqualTo("7.16.2 (stable)");
        assertThat(res.get("board-name").asString()).isEqualTo("RB5009UG+S+");
        assertThat(res.get("cpu-load").asString()).isEqualTo("2");
        assertThat(res.get("uptime").asString()).matches("\\d+[wdhms].*|0s");
        assertThat(id.toString()).isEqualTo("{\"name\":\"MikroTik\"}");
    }

    @Test
    void simpleQueuesTakeUploadDownloadPairs() throws Exception {
        HttpResponse<String> put = rest.send("PUT", "/queue/simple",
                "{\"name\":\"lan\",\"target\":\"192.168.88.0/24\",\"max-limit\":\"20M/100M\"}");

        JsonNode q = Rest.json(put);
        assertThat(q.get(".id").asString()).isEqualTo("*1");
        assertThat(q.get("max-limit").asString()).isEqualTo("20000000/100000000");
        assertThat(q.get("total-bytes").asString()).isEqualTo("0");
        assertThat(q.get("rate").asString()).isEqualTo("0/0");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.properties().forEach(e -> out.add(e.getKey()));
        return out;
    }
}
