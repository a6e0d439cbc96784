package dev.wanctl.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CycleProfilerTest {

    private static final long MS = 1_000_000L;

    @Test
    void statisticsCoverOnlyTheRollingWindow() {
        CycleProfiler p = new CycleProfiler(100, "probe", "control");
        int probe = p.phase("probe");
        for (int i = 0; i < 100; i++) {
            p.record(probe, 1_000 * MS); // old, slow cycles that must fall out of the window
        }
        for (int i = 1; i <= 100; i++) {
            p.record(probe, i * MS);
        }
        PhaseStats s = p.snapshot().phases().get(0);
        assertThat(s.phase()).isEqualTo("probe");
        assertThat(s.total()).isEqualTo(200);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.minMs()).isEqualTo(1.0);
        assertThat(s.maxMs()).isEqualTo(100.0);
        assertThat(s.meanMs()).isCloseTo(50.5, within(1e-9));
        assertThat(s.p50Ms()).isEqualTo(50.0);
        assertThat(s.p95Ms()).isEqualTo(95.0);
        assertThat(s.p99Ms()).isEqualTo(99.0);
    }

    @Test
    void aPhaseNeverRecordedReportsZeroes() {
        CycleProfiler p = new CycleProfiler(10, "probe", "state");
        p.record(p.phase("probe"), 5 * MS);
        PhaseStats state = p.snapshot().phases().get(1);
        assertThat(state.count()).isZero();
        assertThat(state.maxMs()).isZero();
        assertThat(p.lastNanos(p.phase("state"))).isZero();
    }

    @Test
    void windowFromDurationAndInterval() {
        CycleProfiler p = CycleProfiler.forWindow(60_000 * MS, 50 * MS, "total");
        assertThat(p.snapshot().windowCycles()).isEqualTo(1200);
    }

    @Test
    void profileLineShowsTheLastCycleOfEveryPhaseInMilliseconds() {
        CycleProfiler p = new CycleProfiler(10, "probe", "control", "total");
        p.record(0, 12_345);
        p.record(1, 2 * MS + 5_000);
        p.record(2, 31 * MS);
        StringBuilder sb = new StringBuilder("spectrum: ");
        p.appendLastCycle(sb);
        assertThat(sb).hasToString("spectrum: probe=0.012 control=2.005 total=31.000 ms");
    }

    @Test
    void statusLogLineNamesEveryPhase() {
        CycleProfiler p = new CycleProfiler(10, "probe", "total");
        p.record(0, MS);
        p.record(1, 2 * MS);
        assertThat(p.snapshot().toLogLine()).isEqualTo("profile (last 10 cycles): "
                + "probe mean=1.000 p50=1.000 p95=1.000 p99=1.000 max=1.000 ms; "
                + "total mean=2.000 p50=2.000 p95=2.000 p99=2.000 max=2.000 ms");
    }

    @Test
    void unknownPhaseNamesAreRejectedWithTheKnownOnes() {
        CycleProfiler p = new CycleProfiler(10, "probe");
        assertThatThrownBy(() -> p.phase("nope")).hasMessageContaining("[probe]");
    }
}
