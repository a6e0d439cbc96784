package dev.wanctl.steering;

import static dev.wanctl.steering.SteeringHarness.sec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.emulator.model.RequestCounts;
import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load the steering daemon puts on the router at 50 ms cycles in steady state: a simulated
 * minute after start-up, counted by the emulator. The goal is at most 5 requests per second; the
 * CAKE stats reads at 250 ms make 4, the rule is read once a minute, and nothing is written.
 */
class SteeringRouterLoadTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SteeringHarness.Via.class)
    void steadyStateCostsTheRouterAtMostFiveRequestsPerSecond(SteeringHarness.Via via) throws Exception {
        try (SteeringHarness h = new SteeringHarness(dir, via)) {
            Transport t = via == SteeringHarness.Via.REST ? Transport.REST : Transport.SSH;
            AtomicReference<RequestCounts> from = new AtomicReference<>();
            AtomicReference<RequestCounts> to = new AtomicReference<>();
            h.at(sec(10), () -> from.set(h.router.requests().snapshot()))
                    .at(sec(70), () -> to.set(h.router.requests().snapshot()));

            h.run(Duration.ofSeconds(71));

            double perSecond = to.get().perSecondSince(from.get(), t);
            double writes = to.get().perSecondSince(from.get(), t, RequestKind.WRITE);
            System.out.printf(Locale.ROOT, "steering router load over %s at 50 ms cycles: %.2f requests/s (%.2f writes/s)%n",
                    via, perSecond, writes);
            assertThat(perSecond).isBetween(3.9, 5.0);
            assertThat(writes).isZero();
        }
    }
}
