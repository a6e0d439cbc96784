package dev.wanctl.core.probe;

/**
 * One reflector slot for /health; public because daemons put the list in their health JSON.
 *
 * @param host        the configured host of the slot
 * @param state       how the host currently probed in the slot is doing
 * @param lastRttMs   the newest RTT of that host, NaN before the first reply
 * @param lossPercent timeouts over the health window, 0 to 100
 * @param replacedBy  the spare probed in place of {@code host}, or null
 */
public record ReflectorStatus(String host, ReflectorState state, double lastRttMs, double lossPercent,
        String replacedBy) {
}
