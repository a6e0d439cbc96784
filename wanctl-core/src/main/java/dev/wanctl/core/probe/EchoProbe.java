package dev.wanctl.core.probe;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.FixedRateLoop;
import dev.wanctl.core.runtime.Sleeper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous probe: a sender thread sends one echo to every reflector per interval (and
 * settles old echoes, judges reflector health about once a second, swaps in spares), a receiver
 * thread matches replies and publishes the newest sample per slot, and a resolver thread looks
 * host names up again now and then. The control loop only copies the published samples.
 */
final class EchoProbe implements RttProbe {

    /** Host name lookup (replaceable in tests). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(EchoProbe.class);
    private static final long EVALUATE_EVERY_NANOS = 1_000_000_000L;
    private static final int RECEIVE_POLL_MILLIS = 100;

    private final ProbeOptions options;
    private final Clock clock;
    private final EchoTransport transport;
    private final String methodDetail;
    private final Resolver resolver;
    private final EchoLedger ledger;
    private final LatestSamples latest;
    private final ReflectorMonitor monitor;
    private final FixedRateLoop sendLoop;
    private final EchoLedger.Outcomes settled;
    private final EchoTransport.ReplySink replies = this::onReply;
    private final Object targetLock = new Object();
    private volatile Target[] targets;
    private volatile List<ReflectorStatus> status;
    private volatile boolean running = true;
    private Thread sender;
    private Thread receiver;
    private ScheduledExecutorService resolverThread;
    private int seq;
    private long lastEvaluateNanos = Long.MIN_VALUE;

    EchoProbe(ProbeOptions options, Clock clock, EchoTransport transport, String methodDetail,
            List<String> slotNames, List<String> spareNames, Resolver resolver) {
        this.options = options;
        this.clock = clock;
        this.transport = transport;
        this.methodDetail = methodDetail;
        this.resolver = resolver;
        int n = slotNames.size();
        this.ledger = new EchoLedger(n, options.intervalNanos(), options.timeoutNanos());
        this.latest = new LatestSamples(n);
        this.monitor = new ReflectorMonitor(slotNames, spareNames, options.thresholds());
        this.settled = monitor::record;
        this.sendLoop = new FixedRateLoop(clock, options.intervalNanos(), Sleeper.parking(clock));
        Target[] initial = new Target[n];
        for (int i = 0; i < n; i++) {
            initial[i] = Target.unresolved(slotNames.get(i), portOf(slotNames.get(i)), 0);
        }
        this.targets = initial;
        this.status = monitor.status();
    }

    /** Resolves the hosts, then starts the threads. */
    EchoProbe start() {
        resolveAll();
        resolverThread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("wanctl-probe-resolve").daemon(true).factory());
        resolverThread.scheduleWithFixedDelay(this::resolveAll, options.resolveIntervalNanos(),
                options.resolveIntervalNanos(), TimeUnit.NANOSECONDS);
        receiver = Thread.ofPlatform().name("wanctl-probe-recv").daemon(true).start(this::receiveLoop);
        sender = Thread.ofPlatform().name("wanctl-probe-send").daemon(true).start(() -> sendLoop.run(this::round));
        return this;
    }

    private int portOf(String slotName) {
        return transport.method() == ProbeMethod.TCP_CONNECT ? HostPort.parse(slotName).port() : 0;
    }

    private String hostOf(String slotName) {
        return transport.method() == ProbeMethod.TCP_CONNECT ? HostPort.parse(slotName).host() : slotName;
    }

    // ---- sender thread

    private void round(long cycle, long scheduledNanos) {
        long now = clock.nanoTime();
        ledger.expire(now, settled);
        if (lastEvaluateNanos == Long.MIN_VALUE || now - lastEvaluateNanos >= EVALUATE_EVERY_NANOS) {
            lastEvaluateNanos = now;
            evaluateHealth(now);
        }
        seq = (seq + 1) & 0xffff;
        Target[] ts = targets;
        for (int i = 0; i < ts.length; i++) {
            Target t = ts[i];
            if (t.isResolved() && transport.supports(t.address())) {
                ledger.sent(i, seq, clock.nanoTime(), settled);
                transport.send(i, t, seq);
            }
        }
    }

    private void evaluateHealth(long now) {
        Target[] ts = targets;
        for (int i = 0; i < ts.length; i++) {
            monitor.setUnresolved(i, !ts[i].isResolved() || !transport.supports(ts[i].address()));
        }
        for (ReflectorEvent e : monitor.evaluate(now)) {
            switch (e) {
                case ReflectorEvent.WentBad b -> LOG.warn("reflector {} is {}: {}", b.host(), b.state(), b.why());
                case ReflectorEvent.Recovered r -> LOG.info("reflector {} is healthy again after {} s ({})",
                        r.host(), r.episodeNanos() / 1_000_000_000L, r.was());
                case ReflectorEvent.Replaced r -> replace(r);
            }
        }
        status = monitor.status();
    }

    private void replace(ReflectorEvent.Replaced r) {
        LOG.warn("replacing reflector {} with spare {}", r.oldHost(), r.newHost());
        synchronized (targetLock) {
            Target[] ts = targets.clone();
            ts[r.slot()] = Target.unresolved(r.newHost(), portOf(r.newHost()), (ts[r.slot()].generation() + 1) & 0xffff);
            targets = ts;
        }
        ledger.reset(r.slot());
        latest.clear(r.slot());
        resolverThread.execute(() -> resolve(r.slot()));
    }

    // ---- receiver thread

    private void receiveLoop() {
        while (running) {
            try {
                transport.receive(RECEIVE_POLL_MILLIS, replies);
            } catch (RuntimeException e) {
                if (running) {
                    LOG.error("RTT probe receiver error; continuing", e);
                }
            }
        }
    }

    private void onReply(int slot, int generation, int sequence, long receivedAtNanos) {
        Target[] ts = targets;
        if (slot >= ts.length || ts[slot].generation() != generation) {
            return;
        }
        double rtt = ledger.answered(slot, sequence, receivedAtNanos);
        if (!Double.isNaN(rtt)) {
            latest.publish(slot, rtt, receivedAtNanos);
        }
    }

    // ---- resolver thread (and start)

    private void resolveAll() {
        for (int i = 0; i < targets.length; i++) {
            resolve(i);
        }
    }

    private void resolve(int slot) {
        Target before = targets[slot];
        InetAddress chosen = null;
        String why = "no address of a family this host can probe";
        try {
            for (InetAddress a : resolver.resolve(hostOf(before.name()))) {
                if (transport.supports(a)) {
                    chosen = a;
                    break;
                }
            }
        } catch (UnknownHostException | RuntimeException e) {
            why = e.toString();
        }
        synchronized (targetLock) {
            Target now = targets[slot];
            if (now.generation() != before.generation()) {
                return; // replaced meanwhile; that replacement resolves itself
            }
            Target next = chosen == null ? Target.unresolved(now.name(), now.port(), now.generation())
                    : Target.resolved(now.name(), chosen, now.port(), now.generation());
            if (chosen == null && now.isResolved()) {
                LOG.warn("reflector {} no longer resolves ({}); keeping {}", now.name(), why, now.address().getHostAddress());
                return; // a DNS hiccup must not stop probing a working address
            }
            if (chosen == null) {
                LOG.debug("reflector {} does not resolve: {}", now.name(), why);
            } else if (now.isResolved() && !now.address().equals(chosen)) {
                LOG.info("reflector {} now resolves to {}", now.name(), chosen.getHostAddress());
            }
            Target[] ts = targets.clone();
            ts[slot] = next;
            targets = ts;
        }
    }

    // ---- any thread

    @Override
    public ProbeMethod method() {
        return transport.method();
    }

    @Override
    public String methodDetail() {
        return methodDetail;
    }

    @Override
    public int reflectorCount() {
        return latest.size();
    }

    @Override
    public void readLatest(double[] rttMs, long[] receivedAtNanos) {
        latest.copyTo(rttMs, receivedAtNanos);
    }

    @Override
    public List<ReflectorStatus> reflectorStatus() {
        return status;
    }

    /** Replies discarded as later than the timeout. */
    long lateReplies() {
        return ledger.lateReplies();
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        sendLoop.stop();
        if (resolverThread != null) {
            resolverThread.shutdownNow();
        }
        boolean stopped = join(sender) & join(receiver);
        if (stopped) {
            transport.close();
        } else {
            LOG.warn("RTT probe threads did not stop within 2 s; leaving their sockets open");
        }
    }

    private static boolean join(Thread t) {
        if (t == null) {
            return true;
        }
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
