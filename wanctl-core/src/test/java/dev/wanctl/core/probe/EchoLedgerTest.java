package dev.wanctl.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EchoLedgerTest {

    private static final long MS = 1_000_000L;
    private final EchoLedger ledger = new EchoLedger(2, 50 * MS, 1_000 * MS);
    private final List<String> outcomes = new ArrayList<>();
    private final EchoLedger.Outcomes sink = (slot, answered, rtt) -> outcomes.add(slot + (answered ? ":" + rtt : ":lost"));

    @Test
    void theRingOutlivesTheTimeout() {
        assertThat(ledger.ringSize()).isEqualTo(32).isGreaterThan(1_000 / 50);
    }

    @Test
    void aReplyGivesItsRttOnceAndDuplicatesAreIgnored() {
        ledger.sent(0, 7, 100 * MS, sink);
        assertThat(ledger.answered(0, 7, 112 * MS)).isEqualTo(12.0);
        assertThat(ledger.answered(0, 7, 113 * MS)).isNaN();
        assertThat(ledger.answered(1, 7, 113 * MS)).as("other slot never sent 7").isNaN();
        assertThat(ledger.answered(0, 8, 113 * MS)).as("unknown sequence").isNaN();
    }

    @Test
    void aReplyLaterThanTheTimeoutIsDiscardedAndTheEchoCountsAsLost() {
        ledger.sent(1, 3, 0, sink);
        assertThat(ledger.answered(1, 3, 1_001 * MS)).isNaN();
        assertThat(ledger.lateReplies()).isEqualTo(1);
        ledger.expire(1_001 * MS, sink);
        assertThat(outcomes).containsExactly("1:lost");
    }

    @Test
    void expirySettlesAnsweredEchoesAtOnceAndSilentOnesAfterTheTimeout() {
        ledger.sent(0, 1, 0, sink);
        ledger.sent(0, 2, 50 * MS, sink);
        ledger.answered(0, 2, 60 * MS);
        ledger.expire(100 * MS, sink);
        assertThat(outcomes).containsExactly("0:10.0");
        ledger.expire(1_000 * MS, sink);
        assertThat(outcomes).containsExactly("0:10.0");
        ledger.expire(1_000 * MS + 1, sink);
        assertThat(outcomes).containsExactly("0:10.0", "0:lost");
        ledger.expire(5_000 * MS, sink);
        assertThat(outcomes).hasSize(2);
    }

    @Test
    void sequenceNumbersWrapAround() {
        ledger.sent(0, 65_535, 0, sink);
        ledger.sent(0, 0, 50 * MS, sink);
        assertThat(ledger.answered(0, 65_535, 20 * MS)).isEqualTo(20.0);
        assertThat(ledger.answered(0, 0, 70 * MS)).isEqualTo(20.0);
    }

    @Test
    void resetForgetsTheSlotsEchoes() {
        ledger.sent(0, 1, 0, sink);
        ledger.reset(0);
        assertThat(ledger.answered(0, 1, MS)).isNaN();
        ledger.expire(10_000 * MS, sink);
        assertThat(outcomes).isEmpty();
    }
}
