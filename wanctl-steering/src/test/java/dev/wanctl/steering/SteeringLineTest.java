package dev.wanctl.steering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.control.Zone;
import org.junit.jupiter.api.Test;

class SteeringLineTest {

    @Test
    void cycleLineIsTheReferenceFormatThatSoakReportParses() {
        String line = SteeringLine.format(new StringBuilder(), "SPECTRUM_GOOD", 0.04, 0.06, 0, 0, Zone.GREEN).toString();

        assertThat(line).isEqualTo("[SPECTRUM_GOOD] rtt=0.0ms ewma=0.1ms drops=0 q=0 | congestion=GREEN");
        assertThat(line).matches("^\\[([A-Z0-9_]+)_(GOOD|DEGRADED)] .*congestion=.*");
    }

    @Test
    void largeValuesKeepOneDecimal() {
        assertThat(SteeringLine.format(new StringBuilder(), "SPECTRUM_DEGRADED", 123.456, 99.95, 12, 340, Zone.RED)
                .toString()).isEqualTo("[SPECTRUM_DEGRADED] rtt=123.5ms ewma=100.0ms drops=12 q=340 | congestion=RED");
    }
}
