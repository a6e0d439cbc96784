package dev.wanctl.autorate;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.FallbackConfig;
import dev.wanctl.core.control.AutorateController;
import dev.wanctl.core.control.FallbackPolicy;
import dev.wanctl.core.control.RateLimiter;
import dev.wanctl.core.control.WriteGate;
import dev.wanctl.core.probe.Connectivity;
import dev.wanctl.core.probe.ConnectivityCheck;
import dev.wanctl.core.probe.ConnectivityOptions;
import dev.wanctl.core.probe.HostPort;
import dev.wanctl.core.probe.ProbeOptions;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.probe.RttProbes;
import dev.wanctl.core.runtime.AutorateMetrics;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.StateStore;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.RouterClients;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The parts one config wires together: router client, probe, connectivity check, writer and the
 * cycle. A reload builds a new wiring from the new config and takes over from the old one what
 * did not change (router connection, probe, state file) and the controller's state (rates,
 * EWMAs, streaks), so a SIGHUP never resets what the daemon has learned.
 */
final class AutorateWiring implements AutoCloseable {

    final AutorateConfig config;
    final RouterClient router;
    final RttProbe probe;
    final ConnectivityCheck connectivityCheck;
    final RateWriter writer;
    final StateStore state;
    final AutorateCycle cycle;

    private AutorateWiring(AutorateConfig config, RouterClient router, RttProbe probe, ConnectivityCheck check,
            RateWriter writer, StateStore state, AutorateCycle cycle) {
        this.config = config;
        this.router = router;
        this.probe = probe;
        this.connectivityCheck = check;
        this.writer = writer;
        this.state = state;
        this.cycle = cycle;
    }

    /** Everything a wiring needs from the daemon. */
    record Shared(Clock clock, AutorateMetrics metrics, LongSupplier overruns, AutorateDaemon.Options options) {}

    /**
     * Builds the wiring for {@code config}, reusing the parts of {@code previous} (may be null)
     * whose configuration is unchanged. The controller starts from {@code previous}'s state, else
     * from the state file, else from the config.
     */
    static AutorateWiring build(AutorateConfig config, AutorateWiring previous, Shared shared, boolean inlineWriter) {
        Clock clock = shared.clock();
        boolean sameRouter = previous != null && previous.config.router().equals(config.router());
        boolean sameProbe = previous != null && previous.config.probe().equals(config.probe())
                && previous.config.interval().equals(config.interval());
        boolean sameFallback = previous != null && previous.config.fallback().equals(config.fallback());
        boolean sameState = previous != null && previous.config.stateFile().equals(config.stateFile())
                && previous.config.stateWriteInterval().equals(config.stateWriteInterval());

        RouterClient router = sameRouter ? previous.router : RouterClients.create(config.router());
        RttProbe probe = sameProbe ? previous.probe : RttProbes.open(probeOptions(config), clock);
        ConnectivityCheck check = sameFallback ? previous.connectivityCheck
                : config.fallback().enabled() ? ConnectivityCheck.start(connectivityOptions(config.fallback()), clock)
                : null;
        StateStore state = sameState ? previous.state : new StateStore(config.stateFile(), clock,
                StateStore.Settings.defaults().withMinInterval(config.stateWriteInterval())
                        .ignoringForChange(AutorateStateCodec.VOLATILE_KEYS));

        AutorateController controller = new AutorateController(config.control());
        WriteGate gate = new WriteGate(config.rateLimit().enabled()
                ? new RateLimiter(config.rateLimit().maxChanges(), config.rateLimit().window().toNanos()) : null);
        if (previous != null) {
            // carry over what the running daemon learned; the new config's bounds apply
            AutorateStateCodec.restore(AutorateStateCodec.encode(previous.cycle.controller(), -1, -1, 0,
                    java.time.ZoneOffset.UTC), controller);
            RateWriter.Snapshot w = previous.writer.snapshot();
            if (w.appliedDlBps() >= 0) {
                gate.assumeApplied(w.appliedDlBps(), w.appliedUlBps());
            }
            previous.writer.close();
        }
        RateWriter writer = new RateWriter(router, config.wanName(), config.queues().download(),
                config.queues().upload(), gate, clock, config.interval().toNanos(), shared.options().dryRun());
        if (!inlineWriter) {
            writer.start();
        }
        AutorateCycle cycle = AutorateCycle.builder(config, controller, probe, writer, clock)
                .writerInline(inlineWriter)
                .connectivity(check == null ? ConnectivitySource.alwaysPresent() : source(check))
                .state(state)
                .metrics(shared.metrics())
                .overruns(shared.overruns())
                .profileEveryCycle(shared.options().profile())
                .build();
        if (previous != null) {
            previous.closeUnshared(router, probe, check);
        }
        return new AutorateWiring(config, router, probe, check, writer, state, cycle);
    }

    static ProbeOptions probeOptions(AutorateConfig c) {
        ProbeOptions o = ProbeOptions.of(c.probe().hosts(), c.interval().toNanos())
                .withSpareHosts(c.probe().spareHosts())
                .withTimeoutNanos(c.probe().replyTimeout().toNanos())
                .withTcpTargets(hostPorts(c.probe().tcpTargets()));
        return switch (c.probe().method()) {
            case AUTO -> o;
            case ICMP -> o.withMethods(dev.wanctl.core.probe.ProbeMethod.ICMP_PING_SOCKET,
                    dev.wanctl.core.probe.ProbeMethod.ICMP_RAW_SOCKET);
            case TCP -> o.withMethods(dev.wanctl.core.probe.ProbeMethod.TCP_CONNECT);
        };
    }

    private static ConnectivityOptions connectivityOptions(FallbackConfig f) {
        String gateway = f.checkGateway() ? f.gatewayIp() : null;
        List<HostPort> targets = f.checkTcp() ? hostPorts(f.tcpTargets()) : List.of();
        return ConnectivityOptions.of(gateway, targets);
    }

    private static List<HostPort> hostPorts(List<dev.wanctl.core.config.HostPort> in) {
        return in.stream().map(h -> new HostPort(h.host(), h.port())).toList();
    }

    private static ConnectivitySource source(ConnectivityCheck check) {
        return new ConnectivitySource() {
            @Override
            public void request() {
                check.request();
            }

            @Override
            public FallbackPolicy.Connectivity current() {
                Connectivity c = check.latest().connectivity();
                return switch (c) {
                    case PRESENT -> FallbackPolicy.Connectivity.PRESENT;
                    case ABSENT -> FallbackPolicy.Connectivity.ABSENT;
                    case UNKNOWN -> FallbackPolicy.Connectivity.UNKNOWN;
                };
            }
        };
    }

    /** Waits until a reflector has answered, at most {@code max}; the first cycle then has an RTT. */
    void awaitFirstSample(Duration max, Clock clock) {
        double[] rtt = new double[probe.reflectorCount()];
        long[] at = new long[rtt.length];
        long deadline = clock.nanoTime() + max.toNanos();
        while (clock.nanoTime() < deadline) {
            probe.readLatest(rtt, at);
            for (double r : rtt) {
                if (!Double.isNaN(r)) {
                    return;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
    }

    private void closeUnshared(RouterClient keptRouter, RttProbe keptProbe, ConnectivityCheck keptCheck) {
        if (router != keptRouter) {
            router.close();
        }
        if (probe != keptProbe) {
            probe.close();
        }
        if (connectivityCheck != null && connectivityCheck != keptCheck) {
            connectivityCheck.close();
        }
    }

    /** Stops the writer and closes the connections (state is saved by the caller first). */
    @Override
    public void close() {
        writer.close();
        probe.close();
        if (connectivityCheck != null) {
            connectivityCheck.close();
        }
        router.close();
    }
}
