package dev.wanctl.sim.scenario;

import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.ReflectorBank;
import java.util.Arrays;
import java.util.Map;

/**
 * A deliberately simple delay-based controller wired exactly as the real daemon will be: RTTs
 * from the reflectors' newest replies (what an RttProbe adapter serves), rates written through a
 * RouterClient, time from the harness clock, its state reported to the flight recorder. Not
 * wanctl's control law: a fixture that proves the seam.
 */
final class ToyDelayController implements Controller {

    static final NamedController NAMED = new NamedController("toy", "test fixture", ToyDelayController::new);

    private final SimHarness h;
    private final RouterClient router;
    private final double[] fresh;
    private double load = Double.NaN;
    private double baseline = Double.NaN;
    private double rttMs = Double.NaN;
    private long dl;
    private long ul;
    private byte zone = FlightRecorder.ZONE_NONE;
    long routerErrors;

    ToyDelayController(SimHarness h) {
        this.h = h;
        this.router = h.routerClient("WAN-Download", "WAN-Upload", Map.of("steer-voip", false));
        this.fresh = new double[h.reflectors().count()];
        this.dl = h.ceilingBps(Direction.DOWNLOAD);
        this.ul = h.ceilingBps(Direction.UPLOAD);
    }

    @Override
    public int intervalMs() {
        return 50;
    }

    @Override
    public void cycle(long nowNanos) {
        rttMs = medianOfFresh(nowNanos);
        if (Double.isNaN(rttMs)) {
            return; // nothing measured: freeze
        }
        if (Double.isNaN(load)) {
            load = rttMs;
            baseline = rttMs;
        }
        load += 0.3 * (rttMs - load);
        if (load - baseline < 3) {
            baseline += 0.001 * (rttMs - baseline);
        }
        double delta = load - baseline;
        zone = delta > 30 ? FlightRecorder.ZONE_RED : delta > 10 ? FlightRecorder.ZONE_YELLOW : FlightRecorder.ZONE_GREEN;
        dl = next(dl, Direction.DOWNLOAD);
        ul = next(ul, Direction.UPLOAD);
        try {
            if (router.readQueue("WAN-Download").maxLimitBps() != dl) {
                router.setMaxLimit("WAN-Download", dl);
            }
            if (router.readQueue("WAN-Upload").maxLimitBps() != ul) {
                router.setMaxLimit("WAN-Upload", ul);
            }
        } catch (RouterException e) {
            routerErrors++;
        }
    }

    private long next(long rate, Direction d) {
        long ceiling = h.ceilingBps(d);
        long next = switch (zone) {
            case FlightRecorder.ZONE_RED -> (long) (rate * 0.85);
            case FlightRecorder.ZONE_YELLOW -> rate;
            default -> rate + ceiling / 100;
        };
        return Math.max(h.floorBps(d), Math.min(ceiling, next));
    }

    private double medianOfFresh(long nowNanos) {
        ReflectorBank r = h.reflectors();
        int n = 0;
        for (int i = 0; i < r.count(); i++) {
            if (r.newestReceiveNanos(i) >= 0 && nowNanos - r.newestReceiveNanos(i) <= 100_000_000L) {
                fresh[n++] = r.newestRttMs(i);
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(fresh, 0, n);
        return n % 2 == 1 ? fresh[n / 2] : (fresh[n / 2 - 1] + fresh[n / 2]) / 2;
    }

    @Override
    public void report(FlightRecorder.Cycle c) {
        c.rttMs = rttMs;
        c.loadEwmaMs = load;
        c.baselineMs = baseline;
        c.deltaMs = load - baseline;
        c.dlZone = zone;
        c.ulZone = zone;
    }
}
