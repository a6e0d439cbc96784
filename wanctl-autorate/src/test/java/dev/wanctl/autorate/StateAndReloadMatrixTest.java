package dev.wanctl.autorate;

import static dev.wanctl.autorate.MatrixDaemon.DL;
import static dev.wanctl.autorate.MatrixDaemon.MS;
import static dev.wanctl.autorate.MatrixDaemon.S;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault matrix, state-file and SIGHUP rows: a daemon starting on a damaged state file runs,
 * says what it refused and leaves a valid file; a state directory that cannot be written turns
 * health degraded with the cause; a reload with broken YAML or invalid values keeps the running
 * config, a valid one takes effect (virtual clock, the emulator over pinned HTTPS).
 */
class StateAndReloadMatrixTest {

    private static final long END = 12 * S;

    enum StateRow {
        TRUNCATED("{\"download\": {\"current_rate\": 5000", "unusable"),
        GARBAGE("\u0000\u0001 not json at all ]]]", "unusable"),
        EMPTY("", "unusable"),
        WRONG_TYPES("{\"download\": {\"current_rate\": \"fast\"}, \"ewma\": [1, 2], \"upload\": 7}", "unusable fields"),
        HUGE(null, "bytes"),
        IMPLAUSIBLE("{\"download\": {\"current_rate\": 9e18}, \"ewma\": {\"baseline_rtt\": 1e-9, \"load_rtt\": 1e308}}",
                "outside"),
        OTHER_VERSION("{\"version\": 99, \"format\": \"future\", \"download\": {\"current_rate\": 500000000,"
                + " \"green_streak\": 0, \"soft_red_streak\": 0, \"red_streak\": 0, \"new_field\": {\"x\": 1}},"
                + " \"ewma\": {\"baseline_rtt\": 24.0, \"load_rtt\": 24.0}}", null),
        UNWRITABLE_DIRECTORY(null, "cannot write");

        final String content;
        final String warning; // a WARN containing this; null: none needed

        StateRow(String content, String warning) {
            this.content = content;
            this.warning = warning;
        }
    }

    enum ReloadRow {
        INVALID_YAML, INVALID_VALUES, HUGE_FILE_10MB, VALID_CHANGE
    }

    @TempDir
    Path dir;

    @AfterAll
    static void publish() {
        FaultMatrix.publish("Fault matrix: state file and SIGHUP rows (autorate, 12 s virtual)");
    }

    @ParameterizedTest
    @EnumSource(StateRow.class)
    void aDamagedStateFileNeverStopsTheDaemonAndALaterSaveIsValid(StateRow row) throws Exception {
        Path state = dir.resolve("spectrum_state.json");
        if (row == StateRow.HUGE) {
            Files.writeString(state, "{\"pad\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}");
        } else if (row == StateRow.UNWRITABLE_DIRECTORY) {
            Files.createDirectories(state.resolve("in-the-way")); // as root, permissions would not stop a write
        } else {
            Files.writeString(state, row.content);
        }
        try (MatrixDaemon m = new MatrixDaemon(dir)) {
            m.run(END, (i, now) -> 24);
            String figure;
            if (row == StateRow.UNWRITABLE_DIRECTORY) {
                long degraded = m.firstSecond(0, 12, "degraded");
                assertThat(degraded).as("degraded while the state cannot be saved").isBetween(0L, 6L);
                assertThat(m.reasons(degraded)).contains("state file");
                figure = FaultMatrix.fmt("degraded from %d s (\"state file: cannot write ...\")", degraded);
            } else {
                m.assertLoopHealthy(END);
                figure = "ran; saved a valid file";
            }
            if (row.warning != null) {
                assertThat(m.lines).filteredOn(l -> l.level().isGreaterOrEqual(Level.WARN))
                        .anySatisfy(l -> assertThat(l.message()).contains(row.warning));
            }
            assertThat(m.daemon.currentCycle().decision().baselineMs()).as("a plausible baseline").isBetween(1.0, 250.0);
            if (row == StateRow.OTHER_VERSION) {
                // the fields this version knows are used, the others ignored: it resumes at 500M and climbs
                assertThat(m.router.state().maxLimitWrites(DL)).as("resumed from the file's rate").isNotEmpty()
                        .first().satisfies(w -> assertThat(w.newBps()).isBetween(500_000_000L, 560_000_000L));
                figure += "; resumed at the file's 500M, unknown fields ignored";
            } else {
                assertThat(m.router.state().maxLimitWrites(DL)).as("no cut on an idle line").isEmpty();
            }
            FaultMatrix.record("state file " + row.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    "daemon runs, WARN names the problem, baseline plausible, no spurious cut, file valid after",
                    figure + FaultMatrix.fmt("; baseline %.1f ms", m.daemon.currentCycle().decision().baselineMs()));
        }
    }

    @ParameterizedTest
    @EnumSource(ReloadRow.class)
    void aReloadKeepsTheRunningConfigUnlessTheNewOneIsValid(ReloadRow row) throws Exception {
        try (MatrixDaemon m = new MatrixDaemon(dir)) {
            String original = Files.readString(m.config());
            String next = switch (row) {
                case INVALID_YAML -> original + "\n  this: [is: not yaml\n";
                case INVALID_VALUES -> original.replace("ceiling_mbps: 940", "ceiling_mbps: -5");
                // was an OutOfMemoryError under -Xmx32m (10 MB) or an 18 s stop of the loop (2 MB)
                case HUGE_FILE_10MB -> original.replace("ceiling_mbps: 940", "ceiling_mbps: 800") + "# "
                        + "x".repeat(10 * 1024 * 1024) + "\n";
                case VALID_CHANGE -> original.replace("ceiling_mbps: 940", "ceiling_mbps: 800");
            };
            AutorateCycle[] before = new AutorateCycle[1];
            m.at(4 * S, () -> {
                before[0] = m.daemon.currentCycle();
                m.reloadWith(next);
            });
            m.run(END, (i, now) -> 24);
            m.assertLoopHealthy(END);
            long dl = m.router.state().maxLimitBps(DL);
            if (row == ReloadRow.VALID_CHANGE) {
                assertThat(m.lines).anySatisfy(l -> assertThat(l.message()).contains("reloaded"));
                assertThat(dl).as("the new ceiling on the router").isEqualTo(800_000_000L);
                long at = m.router.state().maxLimitWrites(DL).getFirst().atNanos();
                assertThat(at).isBetween(4 * S, 5 * S);
                // documented as cumulative: the new session's counters continue the old one's
                assertThat(m.daemon.currentCycle()).as("a new session after the reload").isNotSameAs(before[0]);
                assertThat(m.daemon.currentCycle().cycles()).as("cycles since the start, across the reload")
                        .isGreaterThanOrEqualTo(END / (50 * MS) - 2);
                assertThat(((Map<?, ?>) MatrixDaemon.doc(m.health.get(11L)).get("loop")).get("cycles"))
                        .as("/health's loop.cycles across the reload").satisfies(c ->
                                assertThat(((Number) c).longValue()).isGreaterThan(200L));
                FaultMatrix.record("SIGHUP valid change", "takes effect",
                        FaultMatrix.fmt("ceiling 800M on the router %d ms after the reload", (at - 4 * S) / MS));
            } else {
                assertThat(m.lines).anySatisfy(l -> assertThat(l.message()).contains("reload refused"));
                if (row == ReloadRow.HUGE_FILE_10MB) {
                    assertThat(m.lines).as("the problem names the size")
                            .anySatisfy(l -> assertThat(l.message()).contains("bytes; a config is a few kB"));
                }
                assertThat(dl).as("the running config kept").isEqualTo(940_000_000L);
                FaultMatrix.record("SIGHUP " + row.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        "refused, old config kept, loop on time", "refused with the problem logged; ceiling stays 940M");
            }
        }
    }
}
