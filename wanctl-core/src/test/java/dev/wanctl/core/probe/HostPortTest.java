package dev.wanctl.core.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void parsesNamesIpv4AndBracketedIpv6() {
        assertThat(HostPort.parse("1.1.1.1:443")).isEqualTo(new HostPort("1.1.1.1", 443));
        assertThat(HostPort.parse("one.one.one.one:80")).isEqualTo(new HostPort("one.one.one.one", 80));
        assertThat(HostPort.parse("[2606:4700::1111]:443")).isEqualTo(new HostPort("2606:4700::1111", 443));
        assertThat(new HostPort("::1", 53)).hasToString("[::1]:53");
    }

    @Test
    void badTargetsSayWhatIsExpected() {
        assertThatThrownBy(() -> HostPort.parse("1.1.1.1")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> HostPort.parse("h:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> new HostPort("h", 0)).hasMessageContaining("1 to 65535");
    }
}
