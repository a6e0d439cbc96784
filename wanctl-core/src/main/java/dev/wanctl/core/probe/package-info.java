/**
 * RTT measurement: {@link dev.wanctl.core.probe.RttProbes#open} starts an asynchronous probe
 * (ICMP over a ping or raw socket through the foreign-function API, else TCP connect times) whose
 * newest samples the control cycle copies without blocking; {@link dev.wanctl.core.control.RttSelector}
 * turns them into the cycle's RTT; {@link dev.wanctl.core.probe.ConnectivityCheck} tells silent
 * reflectors from a dead link.
 *
 * <pre>{@code
 * RttProbe probe = RttProbes.open(ProbeOptions.of(pingHosts, intervalNanos)
 *         .withSpareHosts(spares).withTimeoutNanos(timeoutNanos).withTcpTargets(tcpTargets), clock);
 * ConnectivityCheck connectivity = ConnectivityCheck.start(ConnectivityOptions.of(gatewayIp, tcpTargets), clock);
 * double[] rtt = new double[probe.reflectorCount()];
 * long[] at = new long[rtt.length];
 * RttSelector selector = new RttSelector(rtt.length, medianOfThree, maxSampleAgeNanos);
 * // every cycle:
 * probe.readLatest(rtt, at);
 * double rttMs = selector.select(rtt, at, clock.nanoTime());
 * if (Double.isNaN(rttMs)) {
 *     connectivity.request();
 *     ConnectivityVerdict v = connectivity.latest(); // fallback mode decides with v.connectivity()
 * }
 * }</pre>
 */
package dev.wanctl.core.probe;
