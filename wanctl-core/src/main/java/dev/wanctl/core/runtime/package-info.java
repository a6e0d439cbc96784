/**
 * Time, the loop and state, for the daemons, the simulator and replay alike: the clock
 * ({@link dev.wanctl.core.runtime.Clock}, {@link dev.wanctl.core.runtime.VirtualClock}), the
 * fixed-rate loop and its sleeper, cycle profiling, the flight recorder, the state file, service
 * threads and the FFM libc calls the probes and systemd notification share. It depends on no other
 * package of wanctl; the daemon plumbing that wires it is {@link dev.wanctl.core.daemon}.
 */
package dev.wanctl.core.runtime;
