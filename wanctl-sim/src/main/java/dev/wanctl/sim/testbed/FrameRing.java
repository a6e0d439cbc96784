package dev.wanctl.sim.testbed;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The frames of one relay direction that wait for their due time: a ring of bytes off the heap,
 * one thread receiving into it and one sending from it. A frame is received straight into its
 * slot and sent straight from it, so relaying allocates nothing per frame (the relay that copied
 * every frame into a new array paused for its collector under load, and every pause was late
 * frames: the testbed's base RTT jittering by the pause).
 *
 * <p>Each frame is {@code [int length][int unused][long dueNanos][bytes]}, padded to 8 bytes. A
 * frame's slot is contiguous: where the space left before the ring's end is less than a slot of
 * {@code maxFrameBytes}, a marker (length -1) sends both threads back to the start. Positions
 * count bytes from the start and only grow; the receiving thread publishes {@code head}, the
 * sending one {@code tail}, both as volatile writes: a sender that marks itself idle and then
 * finds no frame cannot miss the receiver's wake-up (each side writes, then reads the other's).
 */
final class FrameRing {

    private static final int HEADER = 16;
    private static final int WRAP = -1;

    private final MemorySegment ring;
    private final long capacity;
    private final int maxFrameBytes;
    private final AtomicLong head = new AtomicLong(); // receiver: the end of the published frames
    private final AtomicLong tail = new AtomicLong(); // sender: the start of the first frame not sent
    private long claimed = -1; // receiver: the position of the slot claim() handed out
    private long reading = -1; // sender: the position of the frame next() found

    /**
     * @param capacityBytes a multiple of 8, at least two slots of {@code maxFrameBytes}
     * @param maxFrameBytes the largest frame a slot must take
     */
    FrameRing(Arena arena, long capacityBytes, int maxFrameBytes) {
        if (capacityBytes % 8 != 0 || capacityBytes < 2L * (HEADER + maxFrameBytes)) {
            throw new IllegalArgumentException("ring capacity must be a multiple of 8 and hold two frames of "
                    + maxFrameBytes + " bytes, got " + capacityBytes);
        }
        this.ring = arena.allocate(capacityBytes, 8);
        this.capacity = capacityBytes;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Receiver: the slot the next frame is received into, or null while the ring is full. */
    MemorySegment claim() {
        long pos = head.get();
        long off = pos % capacity;
        long skip = capacity - off < HEADER + maxFrameBytes ? capacity - off : 0;
        if (capacity - (pos - tail.get()) < skip + HEADER + maxFrameBytes) {
            return null;
        }
        if (skip > 0) {
            ring.set(JAVA_INT, off, WRAP);
            pos += skip;
            head.set(pos);
            off = 0;
        }
        claimed = pos;
        return ring.asSlice(off + HEADER, maxFrameBytes);
    }

    /** Receiver: the claimed slot now holds a frame of {@code length} bytes, to be sent at {@code dueNanos}. */
    void publish(int length, long dueNanos) {
        long off = claimed % capacity;
        ring.set(JAVA_INT, off, length);
        ring.set(JAVA_LONG, off + 8, dueNanos);
        head.set(claimed + HEADER + align(length));
        claimed = -1;
    }

    /** Sender: whether a frame waits; if so {@link #dueNanos()} and {@link #frame()} describe it. */
    boolean next() {
        long pos = tail.get();
        while (pos != head.get()) {
            long off = pos % capacity;
            if (ring.get(JAVA_INT, off) != WRAP) {
                reading = pos;
                return true;
            }
            pos += capacity - off;
            tail.set(pos);
        }
        return false;
    }

    /** Sender, after {@link #next()}: when the frame is due. */
    long dueNanos() {
        return ring.get(JAVA_LONG, reading % capacity + 8);
    }

    /** Sender, after {@link #next()}: the frame's bytes. */
    MemorySegment frame() {
        long off = reading % capacity;
        return ring.asSlice(off + HEADER, ring.get(JAVA_INT, off));
    }

    /** Sender: the frame is sent (or given up); its slot is free. */
    void release() {
        int length = ring.get(JAVA_INT, reading % capacity);
        tail.set(reading + HEADER + align(length));
        reading = -1;
    }

    private static long align(int length) {
        return (length + 7L) & ~7L;
    }
}
