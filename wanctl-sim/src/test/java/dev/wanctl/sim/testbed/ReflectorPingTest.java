package dev.wanctl.sim.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReflectorPingTest {

    private static final List<String> HOSTS = List.of("198.18.1.1", "198.18.1.2", "198.18.1.3");

    @Test
    void aReplyIsGivenToTheReflectorThatSentItWithItsRtt() {
        String line = "198.18.1.2 : [14], 64 bytes, 21.7 ms (21.4 avg, 0% loss)";

        assertThat(ReflectorPing.reflector(line, HOSTS)).isEqualTo(1);
        assertThat(ReflectorPing.rttMs(line)).isCloseTo(21.7, within(1e-9));
    }

    @Test
    void aReplyFromAPaddedOrTimeStampedLineIsStillRead() {
        String line = "[1764679200.123456] 198.18.1.3   : [2], 64 bytes, 105 ms (80.2 avg, 0% loss)";

        assertThat(ReflectorPing.reflector(line, HOSTS)).isEqualTo(2);
        assertThat(ReflectorPing.rttMs(line)).isCloseTo(105, within(1e-9));
    }

    @Test
    void timeoutsSummariesAndOtherHostsAreNotReplies() {
        assertThat(ReflectorPing.reflector("198.18.1.1 : [3], timed out (21.4 avg, 25% loss)", HOSTS)).isEqualTo(-1);
        assertThat(ReflectorPing.reflector("198.18.1.1 : xmt/rcv/%loss = 10/10/0%, min/avg/max = 21.0/21.4/22.1", HOSTS))
                .isEqualTo(-1);
        assertThat(ReflectorPing.reflector("198.18.1.9 : [0], 64 bytes, 21.0 ms (21.0 avg, 0% loss)", HOSTS))
                .isEqualTo(-1);
    }
}
