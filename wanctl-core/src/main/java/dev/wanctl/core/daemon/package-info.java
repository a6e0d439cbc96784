/**
 * Plumbing shared by the autorate and steering daemons around their loop: loop set-up and reload,
 * probing set-up, signals, systemd notification, the instance lock, the /health and /metrics
 * servers and the exit status. Time, the fixed-rate loop and the state file are in
 * {@link dev.wanctl.core.runtime}; this package depends on it, on config and on probe, and
 * nothing below it depends on this one.
 *
 * <p>How a daemon wires them (error handling left out):
 * <pre>{@code
 * try (InstanceLock lock = InstanceLock.acquire(InstanceLock.pathFor(Path.of("/run/wanctl"), wan));
 *      SystemdNotifier systemd = SystemdNotifier.fromEnvironment()) {
 *     StateStore state = new StateStore(stateFile, clock, StateStore.Settings.defaults().ignoringForChange("congestion"));
 *     state.load().ifPresent(controller::restore);
 *     CycleProfiler profiler = CycleProfiler.forWindow(60_000_000_000L, intervalNanos, "probe", "control", "writer", "state", "total");
 *     WanctlMetrics metrics = new WanctlMetrics();
 *     AutorateMetrics m = metrics.autorate(wan);
 *     FixedRateLoop loop = new FixedRateLoop(clock, intervalNanos, Sleeper.parking(clock));
 *     GracefulShutdown shutdown = GracefulShutdown.install(loop::stop, Duration.ofSeconds(2));
 *     Signals.onHangup(reloadRequested::set);
 *     try (HealthServer health = HealthServer.start("127.0.0.1", 9101, false, published::get);
 *          MetricsServer prom = MetricsServer.start("127.0.0.1", 9100, false, metrics.registry())) {
 *         systemd.ready("running");
 *         loop.run((cycle, scheduledNanos) -> {
 *             // ... probe.readLatest, control, writer.offer, state.offer(node), m.cycle(...), profiler.record(...)
 *             systemd.watchdogIfDue(clock.nanoTime());
 *         });
 *         systemd.stopping();
 *         state.flush();
 *     }
 *     shutdown.finished();
 * } catch (LockHeldException e) {
 *     // exit 75 with e.getMessage()
 * }
 * }</pre>
 */
package dev.wanctl.core.daemon;
