package dev.wanctl.sim.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MahimahiTraceTest {

    private static MahimahiTrace trace(String text) throws IOException {
        return MahimahiTrace.parse("test", new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aTraceOfOneIsTwelveMegabitsPerSecond() throws IOException {
        MahimahiTrace t = trace("1\n");
        assertThat(t.meanBps()).isEqualTo(12_000_000.0);
        TraceCapacity c = new TraceCapacity(t, 1.0);
        double bytes = 0;
        for (long ms = 0; ms < 1000; ms++) {
            c.moveTo(ms);
            bytes += c.bytesThisMs();
            assertThat(c.capacityBps()).isCloseTo(12e6, within(1e-3));
        }
        assertThat(bytes * 8).isEqualTo(12_000_000.0);
    }

    @Test
    void repeatedStampsAreSeveralPacketsInOneMillisecondAndTheTraceLoops() throws IOException {
        MahimahiTrace t = trace("2\n2\n4\n");
        TraceCapacity c = new TraceCapacity(t, 1.0);
        int[] expected = {1, 0, 2, 0, 1, 0, 2, 0};
        for (int ms = 0; ms < expected.length; ms++) {
            c.moveTo(ms);
            assertThat(c.bytesThisMs()).as("ms %d", ms).isEqualTo(expected[ms] * 1500.0);
        }
        assertThat(t.meanBps()).isEqualTo(3 * 1500 * 8 * 1000 / 4.0);
    }

    @Test
    void drainTimeFollowsTheOpportunitiesAheadAcrossTheLoop() throws IOException {
        TraceCapacity c = new TraceCapacity(trace("2\n2\n4\n"), 1.0);
        c.moveTo(0);
        // ahead: ms 1 none, ms 2 two packets, ms 3 none, ms 4 (next loop) one
        assertThat(c.drainMs(750)).isEqualTo(1.25);
        assertThat(c.drainMs(3000)).isEqualTo(2.0);
        assertThat(c.drainMs(4500)).isEqualTo(4.0);
        assertThat(c.drainMs(3 * 4500 + 4500)).isEqualTo(16.0);
        TraceCapacity twelve = new TraceCapacity(trace("1\n"), 1.0);
        twelve.moveTo(5);
        assertThat(twelve.drainMs(150_000)).isEqualTo(100.0);
    }

    @Test
    void scalingMultipliesTheCapacity() throws IOException {
        TraceCapacity c = new TraceCapacity(trace("1\n"), 10.0);
        c.moveTo(0);
        assertThat(c.capacityBps()).isCloseTo(120e6, within(1e-3));
        assertThat(c.nominalBps()).isCloseTo(120e6, within(1e-3));
    }

    @Test
    void bundledTracesLoadWithTheirDocumentedMeans() {
        assertThat(MahimahiTrace.load("ATT-LTE-driving-2016.down").meanBps() / 1e6).isCloseTo(4.6, within(0.1));
        assertThat(MahimahiTrace.load("ATT-LTE-driving-2016.up").meanBps() / 1e6).isCloseTo(1.9, within(0.1));
        assertThat(MahimahiTrace.load("TMobile-LTE-short.down").meanBps() / 1e6).isCloseTo(16.7, within(0.1));
        assertThat(MahimahiTrace.load("TMobile-LTE-short.up").meanBps() / 1e6).isCloseTo(13.3, within(0.1));
        assertThat(MahimahiTrace.load("TMobile-LTE-short.down").periodMs()).isEqualTo(139_986);
    }

    @Test
    void garbageLineIsReportedWithItsLineNumber() {
        assertThatThrownBy(() -> trace("1\n2\nfoo\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("'foo'");
    }

    @Test
    void unknownTraceNameSaysWhichAreBundled() {
        assertThatThrownBy(() -> MahimahiTrace.load("no-such.trace"))
                .hasMessageContaining("TMobile-LTE-short.down");
    }
}
