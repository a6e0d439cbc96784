package dev.wanctl.steering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.control.SteeringAssessor;
import dev.wanctl.core.control.SteeringHysteresis;
import dev.wanctl.core.control.SteeringLaw;
import dev.wanctl.core.control.Zone;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SteeringStateCodecTest {

    private static final ZoneId ZONE = ZoneOffset.ofHours(1);
    private static final SteeringStateCodec.Names NAMES =
            new SteeringStateCodec.Names("SPECTRUM_GOOD", "SPECTRUM_DEGRADED");

    /** RED twice enables, GREEN 15 times disables; EWMA weights 0.3 (RTT) and 0.4 (queue). */
    private static SteeringLaw law() {
        return new SteeringLaw(new SteeringLaw.Params(new SteeringAssessor.Params(true, 15, 15, 1, 10, 50, 25, 12),
                2, 15, 0.3, 0.4, null, false), 0);
    }

    @Test
    void writesTheReferenceKeysWithEveryHistoryBoundedEvenWithoutAStateFileAtStart() {
        SteeringMemory m = new SteeringMemory(4);
        SteeringLaw h = law();
        for (int i = 0; i < 50; i++) {
            m.rtt.add(20 + i);
            m.delta.add(i);
            m.drops.add(i);
            m.queue.add(i);
            m.congestion(Zone.YELLOW);
            m.addTransition(new SteeringMemory.Transition(1_767_225_600_000L + i, "SPECTRUM_GOOD", "SPECTRUM_DEGRADED",
                    2, 0));
        }

        ObjectNode json = SteeringStateCodec.encode(m, h, NAMES, 3, ZONE);

        assertThat(json.propertyNames()).containsExactlyInAnyOrder("current_state", "bad_count", "good_count",
                "red_count", "baseline_rtt", "history_rtt", "history_delta", "transitions", "last_transition_time",
                "rtt_delta_ewma", "queue_ewma", "cake_drops_history", "queue_depth_history", "cake_state_history",
                "congestion_state", "cake_read_failures");
        for (String history : new String[] {"history_rtt", "history_delta", "cake_drops_history",
            "queue_depth_history", "cake_state_history", "transitions"}) {
            assertThat(json.get(history).size()).as(history).isEqualTo(4);
        }
        assertThat(json.get("history_rtt").get(3).asDouble()).isEqualTo(69);
        assertThat(json.get("current_state").asString()).isEqualTo("SPECTRUM_GOOD");
        assertThat(json.get("cake_read_failures").asInt()).isEqualTo(3);
        assertThat(json.get("last_transition_time").asString()).isEqualTo("2026-01-01T01:00:00.049+01:00");
    }

    @Test
    void restartResumesStateCountersEwmasAndHistories() {
        SteeringMemory m = new SteeringMemory(240);
        SteeringLaw h = law();
        h.restore(new SteeringLaw.Memory(SteeringHysteresis.State.DEGRADED, 0, 7, 12.5, 30, Zone.RED));
        m.rtt.add(40);
        m.congestion(Zone.RED);
        ObjectNode json = SteeringStateCodec.encode(m, h, NAMES, 0, ZONE);

        SteeringMemory m2 = new SteeringMemory(240);
        SteeringLaw h2 = law();
        SteeringStateCodec.Restored r = SteeringStateCodec.restore(json, m2, h2, ZONE);

        assertThat(r.state()).isEqualTo(SteeringHysteresis.State.DEGRADED);
        assertThat(r.ignored()).isEmpty();
        assertThat(h2.goodCount()).isEqualTo(7);
        assertThat(h2.rttEwmaMs()).isEqualTo(12.5);
        assertThat(h2.queueEwma()).isEqualTo(30);
        assertThat(m2.rtt.last()).isEqualTo(40);
        assertThat(h2.congestion()).isEqualTo(Zone.RED);
        SteeringLaw.Decision next = h2.decide(new SteeringLaw.Signals(0, 22.5, 20, 0, 0, null, 0, true));
        assertThat(next.rttEwmaMs()).as("the restored average goes on, it does not restart").isEqualTo(9.5);
    }

    @Test
    void pythonStateFileWithLegacyNamesAndLocalTimesIsResumedAndItsGarbageNamed() {
        JsonNode json = JsonMapper.builder().build().readTree("""
                {"current_state": "WAN1_DEGRADED", "bad_count": 3, "good_count": "many",
                 "history_rtt": [30.1, 31.2], "rtt_delta_ewma": 4.2, "queue_ewma": 0.0,
                 "last_transition_time": "2026-01-11T10:20:54.783121",
                 "transitions": [{"timestamp": "2026-01-11T10:20:54.783121", "from": "WAN1_GOOD",
                                  "to": "WAN1_DEGRADED", "bad_count": 2, "good_count": 0}],
                 "congestion_state": "RED"}
                """);
        SteeringMemory m = new SteeringMemory(240);
        SteeringLaw h = law();

        SteeringStateCodec.Restored r = SteeringStateCodec.restore(json, m, h, ZONE);

        assertThat(r.state()).isEqualTo(SteeringHysteresis.State.DEGRADED);
        assertThat(h.redCount()).isEqualTo(3);
        assertThat(r.ignored()).singleElement().asString().startsWith("good_count");
        assertThat(m.transitions()).hasSize(1);
        assertThat(SteeringStateCodec.iso(m.lastTransitionWallMillis(), ZONE)).isEqualTo("2026-01-11T10:20:54.783+01:00");
    }

    @Test
    void aReloadKeepsSteeringsStateAsTheStateFileRoundTripDid() {
        SteeringMemory m = new SteeringMemory(8);
        SteeringLaw h = law();
        for (int i = 0; i < 30; i++) {
            SteeringLaw.Decision d = h.decide(new SteeringLaw.Signals(0, 20 + (i % 7) * 9.137, 20, i % 3, i * 11, null,
                    0, true));
            m.rtt.add(20 + (i % 7) * 9.137);
            m.delta.add(d.rttEwmaMs());
            m.drops.add(i % 3);
            m.queue.add(i * 11);
            m.congestion(Zone.values()[i % 3]);
            if (i % 10 == 9) {
                m.addTransition(new SteeringMemory.Transition(1_767_225_600_000L + i, "SPECTRUM_GOOD",
                        "SPECTRUM_DEGRADED", 2, 0));
            }
        }
        ObjectNode before = SteeringStateCodec.encode(m, h, NAMES, 0, ZONE);

        SteeringMemory viaJson = new SteeringMemory(5);
        SteeringLaw lawViaJson = law();
        SteeringStateCodec.restore(before, viaJson, lawViaJson, ZONE);
        SteeringMemory handedOver = new SteeringMemory(5);
        SteeringLaw lawHandedOver = law();
        SteeringStateCodec.carryOver(m, h, handedOver, lawHandedOver);

        assertThat(SteeringStateCodec.encode(handedOver, lawHandedOver, NAMES, 0, ZONE))
                .isEqualTo(SteeringStateCodec.encode(viaJson, lawViaJson, NAMES, 0, ZONE));
        assertThat(lawHandedOver.state()).isEqualTo(h.state());
        assertThat(lawHandedOver.rttEwmaMs()).as("not rounded to the state file's 3 decimals")
                .isEqualTo(h.rttEwmaMs());
        assertThat(handedOver.rtt.size()).as("bounded by the new history size").isEqualTo(5);
    }
}
