package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.config.SteeringConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Defaults and state that contradicted each other (issue 16, items 9 and 10): with the shipped
 * configs the autorate state file is never older than steering's staleness limit; a persisted
 * baseline above {@code baseline_rtt_bounds} (900 ms, once clamped to 250) is refused so that
 * bloat is seen at once; {@code --dry-run} never claims in its state file a rate it did not apply.
 * Virtual clock, the emulator over pinned HTTPS.
 */
class StateDefaultsTest extends StateFileHarness {

    private static final long MS = 1_000_000L;
    private static final Path CONFIGS = Path.of("..", "configs");

    /** Runs for {@code seconds} of virtual time with {@code rtt}; {@code each} sees every cycle (ns since start). */
    private AutorateDaemon run(String extraYaml, boolean dryRun, long seconds, LongToDoubleFunction rtt,
            LongConsumer each) throws Exception {
        Path file = DaemonHarness.config(dir, router, 50, 1500);
        Files.writeString(file, Files.readString(file).replace("use_median_of_three: true\n",
                "use_median_of_three: true\n" + MatrixDaemon.FALLBACK_TO_NOWHERE) + extraYaml);
        return run(file, dryRun, seconds, rtt, each);
    }

    private static ConfigLoader.Options lenient() {
        return new ConfigLoader.Options(new ConfigEnvironment(Map.of("ROUTER_PASSWORD", "x")), false);
    }

    @Test
    void withTheShippedConfigsTheStateFileIsNeverOlderThanSteeringsStalenessLimit() throws Exception {
        Loaded<SteeringConfig> steering = ConfigLoader.loadSteering(CONFIGS.resolve("steering.yaml"), lenient());
        assertThat(steering.errors()).isEmpty();
        double limitS = steering.config().stateStaleness().toNanos() / 1e9;
        List<String> figures = new ArrayList<>();
        for (String wan : List.of("spectrum.yaml", "att.yaml")) {
            Loaded<AutorateConfig> shipped = ConfigLoader.loadAutorate(CONFIGS.resolve(wan), lenient());
            assertThat(shipped.errors()).as(wan).isEmpty();
            double intervalS = shipped.config().stateWriteInterval().toNanos() / 1e9;
            // the file is refreshed within 1.5 write intervals; steering must allow that and a cycle more
            assertThat(limitS).as("steering's state_staleness_sec against %s's state_write_interval", wan)
                    .isGreaterThan(1.5 * intervalS + 0.05);

            Files.deleteIfExists(state());
            List<Long> writes = new ArrayList<>();
            long[] seen = {0};
            // idle, then 40 s of load swinging every 2 s, then idle again: changed and unchanged states
            LongToDoubleFunction rtt = t -> t >= 40 * S && t < 80 * S && (t / (2 * S)) % 2 == 0 ? 90 : 24;
            run("state_write_interval: " + intervalS + "\n", false, 120, rtt, t -> {
                AutorateCycle c = current.currentCycle();
                if (c != null && c.stateWrites() != seen[0]) {
                    seen[0] = c.stateWrites();
                    writes.add(t);
                }
            });
            assertThat(writes).as("state writes in 120 s").hasSizeGreaterThan(10);
            long oldest = 0;
            for (int i = 1; i < writes.size(); i++) {
                oldest = Math.max(oldest, writes.get(i) - writes.get(i - 1));
            }
            assertThat(oldest / 1e9).as("the oldest the state file got (s), %s", wan)
                    .isLessThanOrEqualTo(1.5 * intervalS + 0.1).isLessThan(limitS);
            figures.add(String.format(java.util.Locale.ROOT, "%s: write interval %.1f s, oldest %.2f s", wan,
                    intervalS, oldest / 1e9));
        }
        System.out.println("state file age against steering's limit " + limitS + " s: " + figures);
    }

    @Test
    void aPersistedBaselineOf900MsIsRefusedAndBloatOf120MsIsCutAtOnce() throws Exception {
        Files.writeString(state(), """
                {"download": {"current_rate": 940000000, "green_streak": 0, "soft_red_streak": 0, "red_streak": 0},
                 "upload": {"current_rate": 38000000, "green_streak": 0, "soft_red_streak": 0, "red_streak": 0},
                 "ewma": {"baseline_rtt": 900.0, "load_rtt": 900.0},
                 "last_applied": {"dl_rate": 940000000, "ul_rate": 38000000}}""");
        // idle 24 ms for 10 s, then 120 ms of bloat
        AutorateDaemon d = run("", false, 20, t -> t < 10 * S ? 24 : 144, t -> { });
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .anySatisfy(w -> assertThat(w).contains("ewma.baseline_rtt (900.0 ms is outside baseline_rtt_bounds"));
        assertThat(d.currentCycle().decision().baselineMs()).as("baseline learned from the line, not 250")
                .isBetween(23.0, 30.0);
        var cuts = router.state().maxLimitWrites("WAN-Download-Spectrum").stream()
                .filter(w -> w.newBps() < 940_000_000L).toList();
        assertThat(cuts).as("the bloat is cut").isNotEmpty();
        long firstCutAfterBloatMs = cuts.getFirst().atNanos() / MS - 10_000;
        assertThat(firstCutAfterBloatMs).as("ms from the bloat's start to the first cut (the run starts near 0)")
                .isLessThan(1_500);
        System.out.println("persisted 900 ms baseline: refused; first cut " + firstCutAfterBloatMs
                + " ms after 120 ms of bloat began");
    }

    @Test
    void aDryRunWritesNothingAndItsStateFileClaimsNothingApplied() throws Exception {
        AutorateDaemon d = run("", true, 20, t -> t >= 2 * S ? 124 : 24, t -> { });
        assertThat(d.currentCycle().decision().downloadRateBps()).as("it decided cuts").isLessThan(940_000_000L);
        assertThat(router.state().maxLimitWrites("WAN-Download-Spectrum")).as("the router never written").isEmpty();
        assertThat(router.state().maxLimitWrites("WAN-Upload-Spectrum")).isEmpty();
        JsonNode saved = JsonMapper.builder().build().readTree(state().toFile());
        assertThat(saved.path("last_applied").path("dl_rate").isNull()).as("last_applied.dl_rate: %s", saved).isTrue();
        assertThat(saved.path("last_applied").path("ul_rate").isNull()).as("last_applied.ul_rate").isTrue();
        assertThat(saved.path("download").path("current_rate").asLong()).as("the decided rate is kept")
                .isEqualTo(d.currentCycle().decision().downloadRateBps());
    }
}
