package dev.wanctl.emulator.model;

import dev.wanctl.emulator.EmulatedRouterClient;
import dev.wanctl.emulator.RouterEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared state under concurrent use, and its counters. */
class RouterStateTest {

    @Test
    void concurrentWritersAndTrafficNeverLoseAnUpdate() throws Exception {
        long seed = System.nanoTime();
        RouterEmulator router = RouterEmulator.builder().build();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Random rnd = new Random(seed + t);
            EmulatedRouterClient client = router.client();
            jobs.add(() -> {
                for (int i = 0; i < 500; i++) {
                    client.setMaxLimit("WAN-Download-ATT", 1_000_000L * (1 + rnd.nextInt(100)));
                    router.state().addTraffic("WAN-Download-ATT", 1500, 1, 0);
                    client.readQueueStats("WAN-Download-ATT");
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Void>> done = pool.invokeAll(jobs);
            for (Future<Void> f : done) {
                f.get();
            }
        }

        QueueSnapshot q = router.state().queue("WAN-Download-ATT").orElseThrow();
        assertThat(q.bytes()).as("seed %d", seed).isEqualTo(4 * 500 * 1500L);
        assertThat(router.state().maxLimitWrites("WAN-Download-ATT")).as("seed %d", seed).hasSize(2000);
        assertThat(router.requests().count(Transport.IN_PROCESS, RequestKind.READ)).isEqualTo(2000);
    }

    @Test
    void negativeTrafficIsRefusedAndUnknownQueuesAreReported() {
        RouterState s = RouterEmulator.builder().build().state();

        assertThatThrownBy(() -> s.addTraffic("WAN-Download-ATT", -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.addTraffic("nope", 1, 1, 0)).isFalse();
        assertThat(s.setBacklog("nope", 1, 1)).isFalse();
    }

    @Test
    void countersCarryFullSixtyFourBitValues() {
        RouterEmulator router = RouterEmulator.builder().build();
        router.state().addTraffic("WAN-Upload-ATT", 5_000_000_000_000_000L, 4_000_000_000L, 0);
        router.state().addTraffic("WAN-Upload-ATT", 4_000_000_000_000_000L, 1, 0);

        assertThat(router.state().queue("WAN-Upload-ATT").orElseThrow().bytes()).isEqualTo(9_000_000_000_000_000L);
    }
}
