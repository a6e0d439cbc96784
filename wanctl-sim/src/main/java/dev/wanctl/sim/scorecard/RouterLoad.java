package dev.wanctl.sim.scorecard;

/**
 * Requests the controller made to its router (reads and writes, every transport; steering beside it
 * not counted), per second while either direction was loaded and while both were idle: the router
 * budget an operator pays in router CPU (autorate's target: at most 5 a second loaded, 1 idle).
 *
 * @param loadedPerSecond requests per second over the loaded time; NaN when nothing was loaded
 * @param idlePerSecond requests per second over the idle time; NaN when nothing was idle
 */
public record RouterLoad(double loadedPerSecond, double idlePerSecond) {

    /** What a controller that does not talk to a router shows. */
    public static final RouterLoad NONE = new RouterLoad(Double.NaN, Double.NaN);

    /** Counts requests per simulated millisecond into the loaded or the idle bucket. */
    public static final class Counter {
        private long lastTotal = -1;
        private long loadedRequests;
        private long idleRequests;
        private long loadedMs;
        private long idleMs;

        /** {@code total}: the router's request count now (negative: not counted); one call per ms. */
        public void sample(long total, boolean loaded) {
            if (total < 0) {
                return;
            }
            long delta = lastTotal < 0 ? total : total - lastTotal;
            lastTotal = total;
            if (loaded) {
                loadedRequests += delta;
                loadedMs++;
            } else {
                idleRequests += delta;
                idleMs++;
            }
        }

        public RouterLoad finish() {
            if (lastTotal < 0) {
                return NONE;
            }
            return new RouterLoad(loadedMs == 0 ? Double.NaN : loadedRequests * 1000.0 / loadedMs,
                    idleMs == 0 ? Double.NaN : idleRequests * 1000.0 / idleMs);
        }
    }
}
