package dev.wanctl.core.control;

/**
 * The adaptive control law ({@code continuous_monitoring.law: adaptive}): keeps the latency low
 * and the bandwidth high by reading, besides the RTT, what each direction delivers (the queues'
 * byte counters).
 *
 * <ul>
 *   <li><b>Cut relative to what the direction delivers.</b> When the delay over the baseline
 *       exceeds {@code cutAboveMs}, an active direction's rate becomes its delivered rate (when
 *       lower than its rate: on the download the line's true capacity after a drop) times a factor
 *       that drains the queue in about {@code drainSec}; then it holds for {@code cutHoldSec}
 *       unless the delay keeps growing or a new counter reading shows the download's line carrying
 *       clearly less than the rate it was cut to.</li>
 *   <li><b>Attribute delay to the loaded directions.</b> A direction is active when its own
 *       traffic (the other direction's ACKs discounted) is a fair part of the room those ACKs
 *       leave in its rate; an idle direction is never cut. With both active, a download our
 *       shaper already limits (it delivers its whole rate, so the ISP's buffer before it cannot
 *       be filling) is spared;
 *       one at its floor never spares the other (cutting it further removes nothing).</li>
 *   <li><b>Grow only while loaded and the delay is low</b>, in proportion to the room left below
 *       the ceiling; an idle direction holds its rate (no drift to the ceiling or the floor). A
 *       raise waits until the router has the previous one, so growth held back by the write
 *       budget never lands as one jump.</li>
 *   <li><b>Delay shaping cannot remove</b> (a route change, congestion beyond the line) stays
 *       although the active directions were cut, or while nothing is active: after
 *       {@code standingSec} the baseline takes it and the futile cuts are undone (a restoring
 *       raise; the detector is {@code StandingDelay}). The baseline follows a lower RTT within
 *       {@code baselineDownSec} (a path change for the better).</li>
 *   <li><b>A dip that ended</b>: a delay that falls faster than any queue drains at a steady
 *       capacity means the capacity rose; the cuts sized on the dip are undone (a restoring
 *       raise, which the write gate sends like a cut) and the capacity learned in it forgotten.</li>
 * </ul>
 *
 * <p>The delay is the RTT smoothed over {@code loadTimeConstantSec}, or over the shorter
 * {@code quietLoadTimeConstantSec} on a quiet line (its samples stray less than {@code quietJitterMs}
 * from the smoothed load): a wired line's queue shows sooner, a radio line's noise is not cut for.
 *
 * <p>Pure: no clock (time is counted in steps of {@code intervalSec}), no I/O, no allocation per
 * step. A lost measurement (NaN) holds everything.
 */
public final class AdaptiveLaw {

    private final AdaptiveParams p;
    private final AdaptiveParams.Tuning t;
    private final double aLoad;
    /** The load's smoothing on a quiet line, and the jitter that tells one. */
    private final double aLoadQuiet;
    private final LineJitter jitter;
    private final double aDown;
    private final double aUpIdle;
    private final double aUpLoaded;
    private final long holdSteps;
    private final AdaptiveDirection dl;
    private final AdaptiveDirection ul;
    /** Tells delay that shaping cannot remove from a queue of ours. */
    private final StandingDelay standing;
    private boolean started;
    private double loadMs;
    private double baselineMs;
    private double deltaMs;
    private long step;
    private long capacityRises;
    private double lastRawDeltaMs = Double.NaN;
    private boolean lastFresh;
    private long lastSampleStep;
    private final long staleSteps;
    /** Which direction a delay belongs to. */
    private final DelayBlame blame;
    private final long raiseSpacingSteps;
    private final double capacityMemorySec;

    /** @param initialRttMs baseline and load before the first sample */
    public AdaptiveLaw(AdaptiveParams params, double initialRttMs) {
        this.p = params;
        this.t = params.tuning();
        double dt = params.intervalSec();
        this.aLoad = TimeConstant.alpha(dt, params.loadTimeConstantSec());
        this.aLoadQuiet = TimeConstant.alpha(dt, t.quietLoadTimeConstantSec());
        this.jitter = new LineJitter(dt, t.quietJitterMs());
        this.aDown = TimeConstant.alpha(dt, params.baselineDownSec());
        this.aUpIdle = TimeConstant.alpha(dt, params.baselineUpIdleSec());
        this.aUpLoaded = TimeConstant.alpha(dt, params.baselineUpLoadedSec());
        this.holdSteps = Math.round(params.cutHoldSec() / dt);
        this.blame = new DelayBlame(Math.round(t.attributeSec() / dt), t.underDelivers());
        this.raiseSpacingSteps = Math.round(t.raiseSpacingSec() / dt);
        this.capacityMemorySec = t.capacityMemorySec();
        this.staleSteps = Math.round(t.staleCountersSec() / dt);
        this.dl = new AdaptiveDirection(params.dlFloorBps(), params.dlCeilingBps());
        this.ul = new AdaptiveDirection(params.ulFloorBps(), params.ulCeilingBps());
        this.standing = new StandingDelay(params);
        this.loadMs = initialRttMs;
        this.baselineMs = initialRttMs;
    }

    /**
     * One step.
     *
     * @param rttMs this cycle's RTT in ms, NaN when nothing was measured (everything holds)
     * @param lateByMs how much later than expected the newest replies are (0 when fresh): the RTT
     *     is at least {@code rttMs + lateByMs}
     * @param dlDeliveredBps what the download queue delivered lately, NaN when unknown (then both
     *     directions count as active and loaded: the law acts on the RTT alone)
     * @param ulDeliveredBps the same for the upload
     * @param dlAppliedBps the download rate the router has (0 when unknown)
     * @param ulAppliedBps the upload rate the router has (0 when unknown)
     */
    public void step(double rttMs, double lateByMs, double dlDeliveredBps, double ulDeliveredBps, long dlAppliedBps,
            long ulAppliedBps) {
        step++;
        if (Double.isNaN(rttMs)) {
            return;
        }
        double sample = rttMs + Math.max(0, lateByMs);
        if (!started) {
            started = true;
            loadMs = sample;
            baselineMs = Math.min(baselineMs, sample);
        } else {
            boolean fresh = !(lateByMs > 0);
            double rawDeltaMs = sample - baselineMs;
            if (standing.inEpisode() && fresh && lastFresh && drainedTooFast(rawDeltaMs)) {
                capacityRose();
                loadMs = sample; // the queue is gone: the smoothed load must not keep it
            } else {
                // a quiet line's load follows the samples faster: a capacity drop's queue shows sooner
                loadMs = Ewma.step(loadMs, jitter.sampleIsQuiet(sample, loadMs) ? aLoadQuiet : aLoad, sample);
            }
            lastRawDeltaMs = rawDeltaMs;
            lastFresh = fresh;
        }
        lastSampleStep = step;
        dl.observe(dlDeliveredBps, ulDeliveredBps, dlAppliedBps, p);
        ul.observe(ulDeliveredBps, dlDeliveredBps, ulAppliedBps, p);
        standing.noteApplied(step, dl, dlAppliedBps);
        standing.noteApplied(step, ul, ulAppliedBps);
        noteRestored(dl, dlAppliedBps);
        noteRestored(ul, ulAppliedBps);
        boolean anyActive = dl.active || ul.active;
        double a = sample < baselineMs ? aDown : anyActive ? aUpLoaded : aUpIdle;
        baselineMs = Ewma.step(baselineMs, a, sample);
        deltaMs = loadMs - baselineMs;
        if (standing.watch(step, deltaMs, dl, ul, dlDeliveredBps, ulDeliveredBps)) {
            // delay that shaping cannot remove: the baseline takes it (the futile cuts were undone)
            baselineMs += standing.standingMs();
            deltaMs -= standing.standingMs();
        }
        if (deltaMs > p.cutAboveMs()) {
            // the delay belongs to the active directions; when both are active and only one of them
            // raised its rate lately, that raise filled the bottleneck's buffer: only it is cut
            boolean dlBlamed = blame.blamed(step, dl, ul, dlDeliveredBps, dlAppliedBps, ulDeliveredBps, ulAppliedBps);
            boolean ulBlamed = blame.blamed(step, ul, dl, ulDeliveredBps, ulAppliedBps, dlDeliveredBps, dlAppliedBps);
            cut(dl, dlBlamed, dlDeliveredBps);
            cut(ul, ulBlamed, ulDeliveredBps);
        } else if (deltaMs < p.growBelowMs()) {
            // the direction that raised longer ago has the first turn (one raise at a time when both are active)
            if (dl.lastRaiseStep <= ul.lastRaiseStep) {
                grow(dl, ul, dlAppliedBps, dlDeliveredBps);
                grow(ul, dl, ulAppliedBps, ulDeliveredBps);
            } else {
                grow(ul, dl, ulAppliedBps, ulDeliveredBps);
                grow(dl, ul, dlAppliedBps, dlDeliveredBps);
            }
        } else {
            dl.zone = Zone.YELLOW;
            ul.zone = Zone.YELLOW;
            dl.pendingGrowthBps = 0;
            ul.pendingGrowthBps = 0;
        }
    }

    /**
     * Whether the delay fell, since the last sample, by more than a queue can drain while the
     * capacity stays: at most {@code drainLimitPerSec} seconds of delay per second (1: the line
     * sends and nothing arrives), plus {@code growBelowMs} of jitter. Faster, the capacity rose.
     */
    private boolean drainedTooFast(double rawDeltaMs) {
        if (Double.isNaN(lastRawDeltaMs)) {
            return false;
        }
        double mostMs = t.drainLimitPerSec() * (step - lastSampleStep) * p.intervalSec() * 1000 + p.growBelowMs();
        return lastRawDeltaMs - rawDeltaMs > mostMs;
    }

    /**
     * The capacity rose during a delay episode (a dip ended): the cuts of the episode were sized on
     * the dip and the capacity learned in it is the dip's. A download cut in the episode gets back
     * the rate it had before it (a raise the write gate may send like a cut) and the capacity
     * memory it had; the episode ends. Counters read until {@code staleCountersSec} later still
     * cover the dip: no cut until then.
     */
    private void capacityRose() {
        // the download only: restoring the upload too cost LTE's upload more bufferbloat than it
        // gained throughput (docs/ADAPTIVE_LAW.md)
        AdaptiveDirection d = dl;
        if (d.cutInEpisode) {
            d.restoreRateBeforeEpisode();
            d.capacity.copyFrom(d.capacityBefore);
            d.pendingGrowthBps = 0;
            d.cutInEpisode = false;
            d.cutAppliedStep = -1;
            d.deltaAtCutMs = 0;
            d.roseStep = step;
            standing.endEpisode();
            capacityRises++;
        }
    }

    /** A restoring raise is done once the router has it (or it was overtaken by a cut). */
    private static void noteRestored(AdaptiveDirection d, long appliedBps) {
        if (d.restoreBps > 0 && (appliedBps >= d.restoreBps || d.rateBps < d.restoreBps)) {
            d.restoreBps = 0;
        }
    }

    private void cut(AdaptiveDirection d, boolean target, double deliveredBps) {
        if (!target) {
            d.zone = Zone.YELLOW;
            return;
        }
        d.zone = Zone.RED;
        d.pendingGrowthBps = 0;
        if (step - d.roseStep <= staleSteps) {
            return; // the counters still cover the dip that just ended, and its queue is draining
        }
        boolean growing = deltaMs > 1.5 * d.deltaAtCutMs;
        // a further cut in the same episode only while the last one shows no effect yet (the delay
        // has not begun to fall): a delay that falls is a queue draining
        boolean again = d.cutInEpisode && deltaMs < d.deltaAtCutMs;
        boolean known = !Double.isNaN(deliveredBps) && deliveredBps > 0;
        // a new reading shows the line carrying clearly less than the rate the download was cut to
        // (the router had at least that rate through the reading's window): the last cut was sized
        // on a stale rate and the ISP's buffer still fills; no need to wait for it to show. The
        // download only: the upload's queue is ours, and its cuts show at once (both measured)
        boolean lineBelow = d == dl && d.cutInEpisode && d.freshReading && known
                && deliveredBps < t.freshBelow() * d.rateBps;
        if (!growing && (again || step - d.lastCutStep < holdSteps && !lineBelow)) {
            return;
        }
        double base = known ? Math.min(d.rateBps, deliveredBps) : d.rateBps;
        if (!d.cutInEpisode) {
            d.capacityBefore.copyFrom(d.capacity);
            d.capacity.bps = base; // the line carried at most this while its buffer filled
            // delivering less than its rate, the line limited it (the base is a measurement); else
            // the base is only our rate, maybe not this direction's queue: the refill goes nearly back
            d.capacity.refillTo = known && deliveredBps < t.underDelivers() * d.rateBps ? t.refillTo()
                    : t.refillToOwnRate();
        } else if (known && deliveredBps < d.capacity.bps) {
            d.capacity.bps = deliveredBps;
            d.capacity.refillTo = t.refillTo();
        }
        d.capacity.step = step;
        double factor = Math.min(p.maxCutFactor(), Math.max(p.minCutFactor(), 1 - deltaMs / (p.drainSec() * 1000)));
        long next = RateBounds.clamp((long) (base * factor), d.floorBps, d.ceilingBps);
        if (next < d.rateBps) {
            d.rateBps = next;
            d.cutInEpisode = true;
        }
        d.lastCutStep = step;
        d.deltaAtCutMs = deltaMs;
    }

    private void grow(AdaptiveDirection d, AdaptiveDirection other, long appliedBps, double deliveredBps) {
        d.zone = Zone.GREEN;
        if (!d.loaded || step - d.lastCutStep < 2 * holdSteps) {
            d.pendingGrowthBps = 0;
            return;
        }
        if (appliedBps > 0 && appliedBps < d.rateBps) {
            // the router does not have the last raise yet (the write budget holds it): raising on top
            // of it would land several raises as one jump once the write may go
            d.pendingGrowthBps = 0;
            return;
        }
        double dt = p.intervalSec();
        if (d.capacity.bps > 0 && !Double.isNaN(deliveredBps) && deliveredBps > d.capacity.bps) {
            d.capacity.bps = deliveredBps; // the line carries at least this much
        }
        double sinceCapSec = (step - d.capacity.step) * dt;
        double perSec;
        double refillBps = d.capacity.refillTo * d.capacity.bps - d.rateBps;
        if (d.capacity.bps > 0 && refillBps >= t.raiseQuantum() * d.rateBps) {
            // the cut drained the queue: back to just below what the line carried, in one write
            perSec = 0;
            d.pendingGrowthBps = refillBps;
        } else {
            // above what the line carried: probe gently, then, the longer the delay stays low, faster
            // (the capacity may have come back), up to growth in proportion to the room left
            double room = p.growRoomPerSec() * (d.ceilingBps - d.rateBps) + p.growCeilingPerSec() * d.ceilingBps;
            double w = d.capacity.bps > 0 ? Math.min(1, sinceCapSec / capacityMemorySec) : 1;
            perSec = (1 - w) * t.probePerSec() * d.rateBps + w * room;
        }
        d.pendingGrowthBps += dt * perSec;
        // growth goes out in steps worth a router write (or the rest of the way to the ceiling), spaced
        if ((d.pendingGrowthBps < t.raiseQuantum() * d.rateBps && d.rateBps + d.pendingGrowthBps < d.ceilingBps)
                || step - d.lastRaiseStep < raiseSpacingSteps
                || (other.active && blame.raisedLately(step, other))) {
            // with both active, one raise at a time: a delay that follows is that raise's
            return;
        }
        long next = (long) (d.rateBps + d.pendingGrowthBps);
        d.pendingGrowthBps = 0;
        if (appliedBps > 0) {
            next = Math.min(next, (long) (appliedBps * (1 + p.maxStepFraction())));
        }
        next = Math.min(Math.min(next, (long) (d.rateBps * (1 + t.maxRaise()))), d.ceilingBps);
        if (next > d.rateBps) {
            d.rateBps = next;
            d.lastRaiseStep = step;
        }
    }

    /** Restores persisted rates and RTTs; rates are clamped to the current bounds. */
    public void restore(long dlRateBps, long ulRateBps, double baselineMs, double loadMs) {
        dl.rateBps = RateBounds.clamp(dlRateBps, dl.floorBps, dl.ceilingBps);
        ul.rateBps = RateBounds.clamp(ulRateBps, ul.floorBps, ul.ceilingBps);
        if (baselineMs > 0 && loadMs > 0) {
            this.baselineMs = baselineMs;
            this.loadMs = loadMs;
            this.started = true;
        }
    }

    public long downloadRateBps() {
        return dl.rateBps;
    }

    public long uploadRateBps() {
        return ul.rateBps;
    }

    /**
     * A download raise up to this rate reverses this law's own cuts, of a dip that ended or of delay
     * that stood (0: none).
     */
    public long downloadRestoreBps() {
        return dl.restoreBps;
    }

    /**
     * An upload raise up to this rate reverses this law's own cuts, of a dip that ended or of delay
     * that stood (0: none).
     */
    public long uploadRestoreBps() {
        return ul.restoreBps;
    }

    public Zone downloadZone() {
        return dl.zone;
    }

    public Zone uploadZone() {
        return ul.zone;
    }

    public double loadMs() {
        return loadMs;
    }

    public double baselineMs() {
        return baselineMs;
    }

    /** Loaded RTT minus baseline, ms. */
    public double deltaMs() {
        return deltaMs;
    }

    /** Whether the download's own traffic was a fair part of its rate at the last step. */
    public boolean downloadActive() {
        return dl.active;
    }

    /** Whether the upload's own traffic was a fair part of its rate at the last step. */
    public boolean uploadActive() {
        return ul.active;
    }

    /** How many times delay that shaping could not remove was taken into the baseline. */
    public long standingEvents() {
        return standing.events();
    }

    /** How many times the delay fell faster than a queue drains (a dip ended) and its cuts were undone. */
    public long capacityRises() {
        return capacityRises;
    }

    public AdaptiveParams params() {
        return p;
    }
}
