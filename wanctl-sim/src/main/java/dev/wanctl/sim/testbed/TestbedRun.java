package dev.wanctl.sim.testbed;

import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Link;
import dev.wanctl.sim.link.LinkDirection;
import dev.wanctl.sim.scenario.LinkBuilder;
import dev.wanctl.sim.scenario.Scenario;
import dev.wanctl.sim.scorecard.Scorecard;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One scenario with one controller on the namespace testbed, in real time. The scenario's own
 * link model is stepped alongside, millisecond by millisecond, for its truth only (capacity,
 * delivery opportunities, when saturating traffic is on: the very values the simulator scores
 * against); everything else is real: the capacity goes to the ISP's tbf, the controller's
 * max-limit to the router's htb, saturating traffic is iperf3, latency is the user's fping.
 * Run inside the client namespace that {@code scripts/testbed.sh} sets up.
 */
public final class TestbedRun {

    private static final long MS = 1_000_000L;
    private static final int COUNTER_EVERY_MS = 10;
    private static final int TICK_MS = 2;
    /** Before the run's clock starts: servers listen, the daemon learns its idle RTT. */
    private static final long SETTLE_MS = 2_000;

    private final Scenario scenario;
    private final String controllerName;
    private final String clientNs;
    private final PrintWriter log;
    private final java.nio.file.Path recordTo;
    /** The user's ping while the whole line is idle, p99 above its minimum: the testbed's own noise. */
    private double idleNoiseP99Ms = Double.NaN;

    /**
     * @param clientNs the namespace this JVM runs in (children are started there by name)
     * @param log a status line every 5 s of the run
     * @param recordTo where the daemon's flight recording goes when the run ends (wanctl and
     *     reference; for {@code wanctl plot}); null: not kept
     */
    public TestbedRun(Scenario scenario, String controllerName, String clientNs, PrintWriter log,
            java.nio.file.Path recordTo) {
        this.scenario = scenario;
        this.controllerName = controllerName;
        this.clientNs = clientNs;
        this.log = log;
        this.recordTo = recordTo;
    }

    /** Runs the scenario for its duration and scores it. */
    public Scorecard run() throws Exception {
        int durationMs = Math.toIntExact(scenario.durationMs());
        Link truth = LinkBuilder.build(scenario);
        Recording rec = new Recording(durationMs);
        Map<Direction, Long> fifo = new EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            fifo.put(d, Math.round(truth.direction(d).fifoLimitBytes()));
        }
        long limitSeconds = durationMs / 1000 + 120;
        try (ChildProcesses children = new ChildProcesses(limitSeconds);
             ShaperController controller = ShaperController.create(controllerName, scenario, children, clientNs, recordTo)) {
            KernelLink kernel = new KernelLink(children, fifo);
            IperfFlows flows = new IperfFlows(children, clientNs, scenario.senders().congestion().key());
            DeliveredCounters counters = new DeliveredCounters(flows.serverPid());
            long[] shaper = new long[2];
            long[] initial = new long[2];
            truth.step(0, dir -> shaper[Recording.index(dir)]);
            for (Direction d : Direction.values()) {
                int i = Recording.index(d);
                kernel.capacity(d, Math.round(truth.direction(d).capacityBps()));
                shaper[i] = controller.maxLimitBps(d, truth.direction(d).capacityBps());
                initial[i] = scenario.direction(d).ceilingBps(); // the router's queues before the run, as in the simulator
                kernel.shaper(d, shaper[i]);
            }
            controller.start();
            long settleUntil = System.nanoTime() + SETTLE_MS * MS;
            while (System.nanoTime() < settleUntil) {
                LockSupport.parkNanos(10 * MS);
                for (Direction d : Direction.values()) {
                    int i = Recording.index(d);
                    shaper[i] = controller.maxLimitBps(d, truth.direction(d).capacityBps());
                    kernel.shaper(d, shaper[i]);
                }
            }
            long t0 = System.nanoTime();
            UserPing ping = UserPing.start(children, clientNs, Topology.SERVER, System.currentTimeMillis() * 1000);
            boolean[] greedy = new boolean[2];
            int stepped = 0; // next ms to step
            int countedTo = 0;
            long lastDl = counters.downloadBytes();
            long lastUl = counters.uploadBytes();
            int nextStatus = 5000;
            while (stepped < durationMs) {
                long nowNanos = System.nanoTime() - t0;
                int now = (int) Math.min(durationMs, nowNanos / MS + 1);
                for (; stepped < now; stepped++) {
                    if (stepped > 0) {
                        truth.step(stepped, dir -> shaper[Recording.index(dir)]);
                    }
                    for (Direction d : Direction.values()) {
                        int i = Recording.index(d);
                        LinkDirection ld = truth.direction(d);
                        rec.capacityBps[i][stepped] = (float) ld.capacityBps();
                        rec.capacityBytes[i][stepped] = (float) ld.capacityBytes();
                        boolean g = truth.greedy(d);
                        rec.loaded[i][stepped] = g;
                        if (g != greedy[i]) {
                            greedy[i] = g;
                            if (g) {
                                flows.on(d, (durationMs - stepped) / 1000 + 1);
                            } else {
                                flows.off(d);
                            }
                        }
                    }
                }
                int last = stepped - 1;
                for (Direction d : Direction.values()) {
                    int i = Recording.index(d);
                    double cap = rec.capacityBps[i][last];
                    kernel.capacity(d, Math.round(cap));
                    shaper[i] = controller.maxLimitBps(d, cap);
                    kernel.shaper(d, shaper[i]);
                }
                fillShaper(rec, last, shaper);
                if (stepped - countedTo >= COUNTER_EVERY_MS || stepped == durationMs) {
                    long dl = counters.downloadBytes();
                    long ul = counters.uploadBytes();
                    rec.delivered(Direction.DOWNLOAD, countedTo, stepped, dl - lastDl);
                    rec.delivered(Direction.UPLOAD, countedTo, stepped, ul - lastUl);
                    lastDl = dl;
                    lastUl = ul;
                    countedTo = stepped;
                }
                if (stepped >= nextStatus) {
                    status(rec, stepped - 1);
                    nextStatus += 5000;
                }
                LockSupport.parkNanos(TICK_MS * MS);
            }
            for (Direction d : Direction.values()) {
                flows.off(d);
            }
            double[][] replies = ping.replies();
            double[] noise = TestbedScorer.idleNoiseMs(rec, replies);
            idleNoiseP99Ms = noise[1];
            log.printf(Locale.ROOT, "  user ping: %d replies of %d sent; while idle %.1f ms p50, %.1f ms p99 added"
                    + " (the testbed's own noise)%n", replies[0].length, durationMs / UserPing.PERIOD_MS, noise[0], noise[1]);
            return TestbedScorer.score(scenario, controllerName, rec, replies, initial);
        }
    }

    /**
     * The p99 of the user's ping while the whole line was idle, above its minimum, in ms (NaN before
     * {@link #run} or when the scenario has no idle second): what the machine's scheduler adds to
     * every number of the run, so a caller can tell a noisy run from a disagreement.
     */
    public double idleNoiseP99Ms() {
        return idleNoiseP99Ms;
    }

    /** Holds the shaper rate over the milliseconds since the last tick. */
    private int filledTo;

    private void fillShaper(Recording rec, int last, long[] shaper) {
        for (int ms = filledTo; ms <= last; ms++) {
            rec.shaperBps[0][ms] = shaper[0];
            rec.shaperBps[1][ms] = shaper[1];
        }
        filledTo = last + 1;
    }

    private void status(Recording rec, int ms) {
        double dlMbps = 0;
        double ulMbps = 0;
        for (int i = Math.max(0, ms - 999); i <= ms; i++) {
            dlMbps += rec.deliveredBytes[0][i] * 8 / 1e6;
            ulMbps += rec.deliveredBytes[1][i] * 8 / 1e6;
        }
        log.printf(Locale.ROOT, "  %3d s  capacity %6.1f/%5.1f  shaper %6.1f/%5.1f  delivered %6.1f/%5.1f Mbit/s%s%s%n",
                (ms + 1) / 1000, rec.capacityBps[0][ms] / 1e6, rec.capacityBps[1][ms] / 1e6,
                rec.shaperBps[0][ms] / 1e6, rec.shaperBps[1][ms] / 1e6, dlMbps, ulMbps,
                rec.loaded[0][ms] ? "  download loaded" : "", rec.loaded[1][ms] ? "  upload loaded" : "");
        log.flush();
    }

    static void checkRunnable() throws IOException {
        DeliveredCounters.rxBytes(java.nio.file.Path.of("/proc/self/net/dev"), Topology.CLIENT_DEV);
    }
}
