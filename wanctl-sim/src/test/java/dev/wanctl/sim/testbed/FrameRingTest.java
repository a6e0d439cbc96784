package dev.wanctl.sim.testbed;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FrameRingTest {

    private static final int MAX_FRAME = 64;

    /** Receives frame {@code i}: {@code length} bytes of the value {@code i}, due at {@code i}. */
    private static boolean receive(FrameRing ring, int i, int length) {
        MemorySegment slot = ring.claim();
        if (slot == null) {
            return false;
        }
        slot.asSlice(0, length).fill((byte) i);
        ring.publish(length, i);
        return true;
    }

    /** Sends the next frame and checks that it is frame {@code i} of {@code length} bytes. */
    private static void sendAndCheck(FrameRing ring, int i, int length) {
        assertThat(ring.next()).as("frame %d waits", i).isTrue();
        assertThat(ring.dueNanos()).isEqualTo(i);
        MemorySegment frame = ring.frame();
        assertThat(frame.byteSize()).isEqualTo(length);
        for (long b = 0; b < length; b++) {
            assertThat(frame.get(JAVA_BYTE, b)).isEqualTo((byte) i);
        }
        ring.release();
    }

    @Test
    void framesLeaveInTheOrderTheyCameWithTheirBytesAndDueTimesAlsoAcrossTheRingsEnd() {
        try (Arena arena = Arena.ofConfined()) {
            FrameRing ring = new FrameRing(arena, 3 * (16 + MAX_FRAME) + 40, MAX_FRAME);
            Random random = new Random(7);
            int[] lengths = new int[200];
            int sent = 0;
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = 1 + random.nextInt(MAX_FRAME);
                while (!receive(ring, i, lengths[i])) {
                    sendAndCheck(ring, sent, lengths[sent]);
                    sent++;
                }
            }
            while (sent < lengths.length) {
                sendAndCheck(ring, sent, lengths[sent]);
                sent++;
            }
            assertThat(ring.next()).as("nothing left").isFalse();
        }
    }

    @Test
    void aFullRingRefusesAFrameRatherThanOverwriteOneNotYetSent() {
        try (Arena arena = Arena.ofConfined()) {
            FrameRing ring = new FrameRing(arena, 2 * (16 + MAX_FRAME), MAX_FRAME);
            assertThat(receive(ring, 1, MAX_FRAME)).isTrue();
            assertThat(receive(ring, 2, MAX_FRAME)).isTrue();
            assertThat(receive(ring, 3, MAX_FRAME)).as("full").isFalse();
            sendAndCheck(ring, 1, MAX_FRAME);
            assertThat(receive(ring, 3, MAX_FRAME)).as("a slot freed").isTrue();
            sendAndCheck(ring, 2, MAX_FRAME);
            sendAndCheck(ring, 3, MAX_FRAME);
        }
    }

    @Test
    void aReceivingAndASendingThreadPassEveryFrameInOrder() throws InterruptedException {
        int frames = 200_000;
        try (Arena arena = Arena.ofShared()) {
            FrameRing ring = new FrameRing(arena, 16 * (16 + MAX_FRAME), MAX_FRAME);
            AtomicLong wrong = new AtomicLong();
            Thread sender = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < frames; ) {
                    if (!ring.next()) {
                        Thread.onSpinWait();
                        continue;
                    }
                    MemorySegment frame = ring.frame();
                    if (ring.dueNanos() != i || frame.byteSize() != 4 + i % 60 || frame.get(JAVA_INT, 0) != i) {
                        wrong.incrementAndGet();
                    }
                    ring.release();
                    i++;
                }
            });
            for (int i = 0; i < frames; ) {
                MemorySegment slot = ring.claim();
                if (slot == null) {
                    Thread.onSpinWait();
                    continue;
                }
                slot.set(JAVA_INT, 0, i);
                ring.publish(4 + i % 60, i);
                i++;
            }
            sender.join(10_000);
            assertThat(sender.isAlive()).as("the sender got every frame").isFalse();
            assertThat(wrong.get()).isZero();
        }
    }

    @Test
    void aRingTooSmallForTwoFramesIsRefusedWithItsSize() {
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> new FrameRing(arena, 100, MAX_FRAME))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 100");
        }
    }
}
