package dev.wanctl.core.probe;

import dev.wanctl.core.control.FallbackPolicy;

/**
 * The latest connectivity check; public because the autorate daemon decides its fallback on it.
 *
 * @param connectivity   the verdict
 * @param checkedAtNanos when the check finished (the check's clock), 0 while UNKNOWN
 * @param detail         what answered or what was tried, for the log
 */
public record ConnectivityVerdict(FallbackPolicy.Connectivity connectivity, long checkedAtNanos, String detail) {

    static final ConnectivityVerdict NOT_CHECKED = new ConnectivityVerdict(FallbackPolicy.Connectivity.UNKNOWN, 0, "not checked yet");
}
