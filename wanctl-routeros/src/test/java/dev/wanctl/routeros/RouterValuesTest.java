package dev.wanctl.routeros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RouterValuesTest {

    @Test
    void bandwidthsArePlainOrDecimalSiSuffixed() throws Exception {
        assertThat(RouterValues.bandwidthBps("max-limit", "940000000")).isEqualTo(940_000_000L);
        assertThat(RouterValues.bandwidthBps("max-limit", "500M")).isEqualTo(500_000_000L);
        assertThat(RouterValues.bandwidthBps("max-limit", "1.5G")).isEqualTo(1_500_000_000L);
        assertThat(RouterValues.bandwidthBps("max-limit", "512k")).isEqualTo(512_000L);
        assertThat(RouterValues.bandwidthBps("max-limit", "512K")).isEqualTo(512_000L);
        assertThat(RouterValues.bandwidthBps("rate", "48.5Mbps")).isEqualTo(48_500_000L);
        assertThat(RouterValues.bandwidthBps("max-limit", "0")).isZero();
    }

    @Test
    void plainIntegersAreReadExactlyUpToTheLargestBitRateAndBeyondItIsAnError() throws Exception {
        assertThat(RouterValues.bandwidthBps("rate", "000123")).isEqualTo(123L);
        assertThat(RouterValues.bandwidthBps("rate", " 999999999999999999 ")).isEqualTo(999_999_999_999_999_999L);
        assertThat(RouterValues.bandwidthBps("rate", "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> RouterValues.bandwidthBps("rate", "9223372036854775808"))
                .isInstanceOf(RouterException.class)
                .hasMessageContaining("rate is out of range");
    }

    @Test
    void aBandwidthThatIsNotOneIsAProtocolErrorNamingTheField() {
        for (String bad : new String[] {"fast", "-1", "10M/10M", "", "1T"}) {
            assertThatThrownBy(() -> RouterValues.bandwidthBps("max-limit", bad))
                    .as(bad)
                    .isInstanceOf(RouterException.class)
                    .hasMessageContaining("max-limit");
        }
    }

    @Test
    void booleansAreAcceptedInRestAndConsoleSpelling() throws Exception {
        assertThat(RouterValues.bool("disabled", "true")).isTrue();
        assertThat(RouterValues.bool("disabled", "yes")).isTrue();
        assertThat(RouterValues.bool("disabled", "false")).isFalse();
        assertThat(RouterValues.bool("disabled", "no")).isFalse();
        assertThatThrownBy(() -> RouterValues.bool("disabled", "maybe")).hasMessageContaining("disabled");
    }

    @Test
    void durationsInEveryRouterOsSpelling() throws Exception {
        assertThat(RouterValues.duration("uptime", "2d20h12m20s"))
                .isEqualTo(Duration.ofDays(2).plusHours(20).plusMinutes(12).plusSeconds(20));
        assertThat(RouterValues.duration("uptime", "1w")).isEqualTo(Duration.ofDays(7));
        assertThat(RouterValues.duration("t", "100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(RouterValues.duration("t", "453us")).isEqualTo(Duration.ofNanos(453_000));
        assertThat(RouterValues.duration("uptime", "1d 00:00:05")).isEqualTo(Duration.ofDays(1).plusSeconds(5));
        assertThat(RouterValues.duration("uptime", "00:05:12")).isEqualTo(Duration.ofMinutes(5).plusSeconds(12));
        assertThatThrownBy(() -> RouterValues.duration("uptime", "soon")).hasMessageContaining("uptime");
    }

    @Test
    void cpuLoadWithOrWithoutPercentSign() throws Exception {
        assertThat(RouterValues.percent("cpu-load", "3")).isEqualTo(3);
        assertThat(RouterValues.percent("cpu-load", "45%")).isEqualTo(45);
        assertThatThrownBy(() -> RouterValues.percent("cpu-load", "101")).hasMessageContaining("cpu-load");
    }
}
