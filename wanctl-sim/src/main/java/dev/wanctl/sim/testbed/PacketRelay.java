package dev.wanctl.sim.testbed;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import dev.wanctl.core.runtime.ErrnoException;
import dev.wanctl.core.runtime.Libc;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The testbed's base RTT where the kernel has no netem: an Ethernet relay between two interfaces
 * of a namespace that has no addresses, holding every frame for a fixed one-way delay before
 * sending it out of the other interface. Raw {@code AF_PACKET} sockets through the foreign-function
 * API; one receiving and one sending thread per direction, and between them a {@link FrameRing}
 * off the heap (nothing is allocated per frame). Frames are relayed in order and never reordered;
 * a frame that finds the ring full is dropped (it never happens at testbed rates).
 *
 * <p>The relay is part of the instrument: a frame it sends late adds to the base RTT, and a frame
 * the kernel drops at its socket (the receiving thread did not drain it in time) is a loss the
 * scenario does not have. Every 10 s in which either happened it prints one
 * line, and the closing line gives the totals, so a run on a starved machine says so in its log.
 */
public final class PacketRelay {

    private static final int AF_PACKET = 17;
    private static final short ETH_P_ALL_BE = (short) 0x0300; // htons(ETH_P_ALL)
    private static final int SOCKADDR_LL_LEN = 20;
    private static final int PKTTYPE_OFFSET = 10;
    private static final byte PACKET_OUTGOING = 4;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int RCVBUF_BYTES = 8 << 20;
    private static final int MAX_FRAME = 65_536;
    /** Per direction: 10 ms at 6 Gbit/s, far above what a testbed line carries. */
    private static final long RING_BYTES = 8L << 20;
    /** The sender's longest sleep while nothing waits (the receiver wakes it sooner). */
    private static final long IDLE_PARK_NANOS = 100_000_000L;
    private static final int SOL_PACKET = 263;
    private static final int PACKET_STATISTICS = 6; // struct tpacket_stats {packets, drops}; reading resets it
    /** A frame sent more than this after its due time counts as late: 10 % of the testbed's 10 ms. */
    private static final long LATE_NANOS = 1_000_000;
    private static final int REPORT_SECONDS = 10;

    private final long delayNanos;
    private final AtomicLong relayedFrames = new AtomicLong();
    private final AtomicLong droppedFrames = new AtomicLong();
    private final AtomicLong lateFrames = new AtomicLong();
    private final AtomicLong worstLateNanos = new AtomicLong();
    private volatile boolean running = true;
    private long lostTotal; // the rest of the totals, kept by reportWindow (guarded by this)
    private long lateTotal;
    private long worstTotalNanos;

    private PacketRelay(long delayNanos) {
        this.delayNanos = delayNanos;
    }

    /**
     * Relays between {@code ifA} and {@code ifB} with {@code delay} each way for {@code runFor},
     * then returns. Prints one line when both sockets are open, and its totals when it ends, also
     * when it is stopped by a signal (the testbed stops it before it prints the relay's log).
     */
    public static void run(String ifA, String ifB, Duration delay, Duration runFor) throws IOException, ErrnoException {
        PacketRelay relay = new PacketRelay(delay.toNanos());
        int a = open(ifA);
        int b = open(ifB);
        relay.direction(a, b, ifA + ">" + ifB);
        relay.direction(b, a, ifB + ">" + ifA);
        System.out.printf("relay %s <-> %s: %d us each way, for %d s%n", ifA, ifB, delay.toNanos() / 1000,
                runFor.toSeconds());
        System.out.flush();
        Thread totals = new Thread(() -> relay.printTotals(a, b));
        Runtime.getRuntime().addShutdownHook(totals);
        long startNanos = System.nanoTime();
        long endNanos = startNanos + runFor.toNanos();
        try {
            for (long reportAt = startNanos; reportAt < endNanos; ) {
                long from = (reportAt - startNanos) / 1_000_000_000L;
                reportAt = Math.min(endNanos, reportAt + REPORT_SECONDS * 1_000_000_000L);
                Thread.sleep(Duration.ofNanos(Math.max(0, reportAt - System.nanoTime())));
                relay.reportWindow(a, b, from, (reportAt - startNanos) / 1_000_000_000L);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        relay.running = false;
        Runtime.getRuntime().removeShutdownHook(totals);
        relay.printTotals(a, b);
        Libc.close(a);
        Libc.close(b);
    }

    /** One line for the window {@code fromS}-{@code toS} if a frame in it was late or lost; adds it to the totals. */
    private synchronized void reportWindow(int a, int b, long fromS, long toS) {
        long lost = lostAtSocket(a) + lostAtSocket(b);
        long late = lateFrames.getAndSet(0);
        long worst = worstLateNanos.getAndSet(0);
        lostTotal += lost;
        lateTotal += late;
        worstTotalNanos = Math.max(worstTotalNanos, worst);
        if (lost > 0 || late > 0) {
            System.out.printf("relay %d-%d s: %d frames sent over 1 ms late (worst %.1f ms), %d lost at the"
                    + " sockets (not drained in time)%n", fromS, toS, late, worst / 1e6, lost);
            System.out.flush();
        }
    }

    /** The run's totals, including the window under way. */
    private synchronized void printTotals(int a, int b) {
        long lost = lostTotal + lostAtSocket(a) + lostAtSocket(b);
        long late = lateTotal + lateFrames.get();
        long worst = Math.max(worstTotalNanos, worstLateNanos.get());
        System.out.printf("relay done: %d frames relayed, %d dropped, %d lost at the sockets, %d sent over 1 ms"
                + " late (worst %.1f ms)%n", relayedFrames.get(), droppedFrames.get(), lost, late, worst / 1e6);
        System.out.flush();
    }

    /** Frames the kernel dropped at {@code fd} since the last call (PACKET_STATISTICS resets on read). */
    private static long lostAtSocket(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stats = arena.allocate(8, 4);
            Libc.getSockOpt(fd, SOL_PACKET, PACKET_STATISTICS, stats);
            return Integer.toUnsignedLong(stats.get(JAVA_INT, 4));
        } catch (ErrnoException e) {
            return 0; // the statistics are a diagnosis; a kernel without them relays all the same
        }
    }

    /**
     * Starts the receiver and sender of one direction; both are daemon threads sharing one
     * {@link FrameRing}. The sender sleeps while the ring is empty and the receiver wakes it.
     */
    private void direction(int from, int to, String name) {
        FrameRing ring = new FrameRing(Arena.ofShared(), RING_BYTES, MAX_FRAME);
        AtomicBoolean senderIdle = new AtomicBoolean();
        Thread sender = Thread.ofPlatform().daemon().name("relay-tx " + name)
                .unstarted(() -> send(to, ring, senderIdle));
        Thread.ofPlatform().daemon().name("relay-rx " + name).start(() -> receive(from, ring, sender, senderIdle));
        sender.start();
    }

    private void receive(int fd, FrameRing ring, Thread sender, AtomicBoolean senderIdle) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment overflow = arena.allocate(MAX_FRAME, 8); // drains the socket while the ring is full
            MemorySegment addr = arena.allocate(SOCKADDR_LL_LEN, 8);
            MemorySegment addrLen = arena.allocate(JAVA_INT);
            MemorySegment state = Libc.newErrnoState(arena);
            while (running) {
                MemorySegment slot = ring.claim();
                addrLen.set(JAVA_INT, 0, SOCKADDR_LL_LEN);
                long n = Libc.recvFrom(fd, slot != null ? slot : overflow, MAX_FRAME, 0, addr, addrLen, state);
                if (n <= 0) {
                    if (n < 0 && Libc.errno(state) != Libc.EINTR) {
                        return; // socket closed at the end of the run
                    }
                    continue;
                }
                if (addr.get(JAVA_BYTE, PKTTYPE_OFFSET) == PACKET_OUTGOING) {
                    continue; // a frame the kernel sent out of this interface, not one arriving on it
                }
                if (slot == null) {
                    droppedFrames.incrementAndGet();
                    continue;
                }
                ring.publish((int) n, System.nanoTime() + delayNanos);
                if (senderIdle.get()) {
                    LockSupport.unpark(sender);
                }
            }
        }
    }

    private void send(int fd, FrameRing ring, AtomicBoolean senderIdle) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.newErrnoState(arena);
            while (running) {
                if (!ring.next()) {
                    senderIdle.set(true);
                    if (!ring.next()) { // else a frame came before the receiver could see the flag
                        LockSupport.parkNanos(IDLE_PARK_NANOS);
                    }
                    senderIdle.set(false);
                    continue;
                }
                long wait;
                while ((wait = ring.dueNanos() - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (-wait > LATE_NANOS) {
                    lateFrames.incrementAndGet();
                    worstLateNanos.accumulateAndGet(-wait, Math::max);
                }
                MemorySegment frame = ring.frame();
                if (Libc.sendTo(fd, frame, frame.byteSize(), 0, MemorySegment.NULL, 0, state) < 0) {
                    droppedFrames.incrementAndGet();
                } else {
                    relayedFrames.incrementAndGet();
                }
                ring.release();
            }
        }
    }

    /** A raw packet socket bound to {@code ifName}, receiving every protocol. */
    private static int open(String ifName) throws IOException, ErrnoException {
        int ifIndex = Integer.parseInt(Files.readString(Path.of("/sys/class/net", ifName, "ifindex")).strip());
        int fd = Libc.socket(AF_PACKET, Libc.SOCK_RAW, Short.toUnsignedInt(ETH_P_ALL_BE));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment rcvbuf = arena.allocate(JAVA_INT);
            rcvbuf.set(JAVA_INT, 0, RCVBUF_BYTES);
            Libc.setSockOpt(fd, SOL_SOCKET, SO_RCVBUFFORCE, rcvbuf);
            MemorySegment sll = arena.allocate(SOCKADDR_LL_LEN, 4);
            sll.set(JAVA_SHORT_UNALIGNED, 0, (short) AF_PACKET);
            sll.set(JAVA_SHORT_UNALIGNED, 2, ETH_P_ALL_BE);
            sll.set(JAVA_INT, 4, ifIndex);
            Libc.bind(fd, sll, SOCKADDR_LL_LEN);
        } catch (ErrnoException e) {
            Libc.close(fd);
            throw e;
        }
        return fd;
    }
}
