package dev.wanctl.sim.link;

import java.util.Locale;

/**
 * The knobs of a scenario's TCP senders, explicit so that a testbed with real TCP can be set up
 * the same way.
 *
 * @param rttMs the senders' base round trip over empty queues, ms (their servers' distance)
 * @param rwndBytes the receive window, the most one flow keeps in flight, bytes
 * @param ackFraction the reverse direction's ACK bytes per byte delivered (about 1/40 for TCP
 *     with delayed ACKs: a 52-byte ACK per two 1500-byte segments is 1.7 %, more with options)
 * @param congestion the senders' congestion control (the testbed runs the same in its iperf3)
 * @param startDelayMs from a bulk entry's scheduled start to its first byte (connection set-up;
 *     the testbed's iperf3 streams send 0.18-0.21 s after it starts them); scoring keeps the schedule
 */
public record SenderSetup(double rttMs, double rwndBytes, double ackFraction, Congestion congestion,
                          long startDelayMs) {

    /** A sender's congestion control, under its Linux name. */
    public enum Congestion {
        /** Loss-based: cuts its window by 0.7 at a loss, grows cubically (Linux's default). */
        CUBIC,
        /** Model-based (BBR v1): paces at its windowed-max delivery rate, keeps two BDPs in flight, ignores loss. */
        BBR;

        /** The Linux name ({@code net.ipv4.tcp_congestion_control}, iperf3 {@code -C}). */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The congestion control named {@code key}; a clear message for any other. */
        public static Congestion of(String key) {
            for (Congestion c : values()) {
                if (c.key().equals(key)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("senders: cc must be cubic or bbr, got '" + key + "'");
        }
    }

    /** CUBIC senders that send at their scheduled start. */
    public SenderSetup(double rttMs, double rwndBytes, double ackFraction) {
        this(rttMs, rwndBytes, ackFraction, Congestion.CUBIC, 0);
    }

    /** Linux's default receive buffer ceiling (tcp_rmem max 6 MiB) leaves about half for the window. */
    public static final double DEFAULT_RWND_BYTES = 3 * 1024 * 1024;
    /** ACK load as measured on a namespace testbed with Linux CUBIC: 2.3 % of the forward bytes. */
    public static final double DEFAULT_ACK_FRACTION = 0.023;
    /** Flows a saturating traffic entry runs unless it says otherwise (a speed test, iperf3 -P 4). */
    public static final int DEFAULT_FLOWS = 4;

    public SenderSetup {
        if (!(rttMs > 0)) {
            throw new IllegalArgumentException("senders: rtt_ms must be > 0, got " + rttMs);
        }
        if (!(rwndBytes >= 2 * TcpSenders.SEGMENT_BYTES)) {
            throw new IllegalArgumentException("senders: rwnd_kb must be at least 3 (two segments), got " + rwndBytes / 1024);
        }
        if (!(ackFraction >= 0 && ackFraction < 0.5)) {
            throw new IllegalArgumentException("senders: ack_fraction must be in [0, 0.5), got " + ackFraction);
        }
        if (startDelayMs < 0 || startDelayMs > 10_000) {
            throw new IllegalArgumentException("senders: start_delay_ms must be in [0, 10000], got " + startDelayMs);
        }
        if (congestion == null) {
            throw new IllegalArgumentException("senders: cc must be cubic or bbr");
        }
    }

    /** For reports. */
    public String describe() {
        return String.format(Locale.ROOT, "TCP %s senders: base RTT %.1f ms, rwnd %.0f KiB per flow, "
                + "ACKs %.1f %% of the bytes on the reverse direction", congestion == Congestion.CUBIC
                ? "CUBIC (HyStart, beta 0.7)" : "BBR v1 (10-round max bandwidth filter, 2 BDP in flight)", rttMs,
                rwndBytes / 1024, ackFraction * 100);
    }
}
