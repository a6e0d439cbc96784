package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Link;
import dev.wanctl.sim.link.LinkDirection;
import dev.wanctl.sim.link.PathDelay;
import dev.wanctl.sim.link.ReflectorBank;
import dev.wanctl.sim.link.TcpSenders;
import dev.wanctl.sim.link.TrafficSchedule;
import java.util.SplittableRandom;

/**
 * Builds a run's link from a scenario. The seed is split in a fixed order (download capacity,
 * upload capacity, traffic, reflectors, path), so the same seed gives every controller the very
 * same world, and a change in one part does not reshuffle the others.
 */
public final class LinkBuilder {

    private LinkBuilder() {
    }

    /** The link a scenario describes (capacity, traffic, reflectors), seeded from the scenario. */
    public static Link build(Scenario s) {
        SplittableRandom root = new SplittableRandom(s.seed());
        SplittableRandom down = root.split();
        SplittableRandom up = root.split();
        SplittableRandom traffic = root.split();
        SplittableRandom reflectors = root.split();
        SplittableRandom path = root.split();
        TrafficSchedule schedule = TrafficSchedule.compile(s.traffic(), traffic);
        return new Link(
                direction(s, Direction.DOWNLOAD, down, schedule),
                direction(s, Direction.UPLOAD, up, schedule),
                schedule,
                new ReflectorBank(s.reflectors(), reflectors),
                new PathDelay(s.pathStepEveryMs(), s.pathStepMaxMs(), path),
                s.senders());
    }

    private static LinkDirection direction(Scenario s, Direction d, SplittableRandom random, TrafficSchedule schedule) {
        DirectionSetup setup = s.direction(d);
        return new LinkDirection(d, setup.capacity().create(s.durationMs(), random), setup.fifoMs(), setup.shaper(),
                new TcpSenders(schedule.senderGroups(d), s.senders().rwndBytes(), s.senders().congestion(),
                        s.senders().startDelayMs()));
    }
}
