package dev.wanctl.sim.scenario;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.Thresholds;
import dev.wanctl.sim.link.Direction;

/**
 * What a scenario takes from the wanctl config it names, so that config is the one source of
 * truth: each direction's ceiling and lowest floor (the bounds every controller shapes within and
 * the scorecard's "idle at floor" is counted against) and the delay thresholds drawn in plots.
 *
 * @param source the config's path as the scenario names it, for messages
 */
record ConfigBounds(String source, long downloadCeilingBps, long downloadFloorBps, long uploadCeilingBps,
        long uploadFloorBps, Thresholds thresholds) {

    static ConfigBounds of(String source, AutorateConfig c) {
        var dl = c.control().download();
        var ul = c.control().upload();
        return new ConfigBounds(source, dl.ceilingBps(), dl.floorRedBps(), ul.ceilingBps(), ul.floorBps(),
                dl.thresholds());
    }

    long ceilingBps(Direction d) {
        return d == Direction.DOWNLOAD ? downloadCeilingBps : uploadCeilingBps;
    }

    long floorBps(Direction d) {
        return d == Direction.DOWNLOAD ? downloadFloorBps : uploadFloorBps;
    }
}
