package dev.wanctl.core.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdaptiveLawTest {

    private static final long M = 1_000_000L;
    private static final double NAN = Double.NaN;

    private static AdaptiveParams cable() {
        return AdaptiveParams.defaults(0.05, 150 * M, 940 * M, 8 * M, 38 * M);
    }

    /** Steps {@code seconds} of 50 ms cycles with the given RTT and delivered rates; the router has what the law wants. */
    private static void run(AdaptiveLaw law, double seconds, double rttMs, double dlDeliveredBps, double ulDeliveredBps) {
        for (int i = 0; i < Math.round(seconds / 0.05); i++) {
            law.step(rttMs, 0, dlDeliveredBps, ulDeliveredBps, law.downloadRateBps(), law.uploadRateBps());
        }
    }

    @Test
    void aCapacityDropIsCutToWhatTheDownloadDeliversAndTheIdleUploadIsLeftAlone() {
        AdaptiveLaw law = new AdaptiveLaw(cable(), 20);
        run(law, 2, 20, 900 * M, 0.02 * 900 * M); // idle-ish: 20 ms is the baseline
        long ulBefore = law.uploadRateBps();
        // capacity fell to 376: the ISP's buffer fills, the delay rises to 40 ms
        law.step(60, 0, 376 * M, 0.02 * 376 * M, law.downloadRateBps(), law.uploadRateBps());
        run(law, 0.3, 60, 376 * M, 0.02 * 376 * M);
        assertThat(law.downloadRateBps()).as("below what the line delivers").isLessThan(376 * M)
                .isGreaterThan(376 * M / 2);
        assertThat(law.uploadRateBps()).as("upload carries only the download's ACKs").isEqualTo(ulBefore);
        assertThat(law.downloadZone()).isEqualTo(Zone.RED);
    }

    /** Cycles from a queue starting to build (3 ms more delay a cycle) until the download is cut. */
    private static int cyclesUntilCut(AdaptiveLaw law, double jitterMs) {
        long before = law.downloadRateBps();
        for (int i = 1; i <= 40; i++) {
            double noise = (i % 2 == 0 ? 1 : -1) * jitterMs;
            law.step(20 + 3 * i + noise, 0, 900 * M, 0.02 * 900 * M, law.downloadRateBps(), law.uploadRateBps());
            if (law.downloadRateBps() < before) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** 30 s of a loaded download whose RTT samples stray by {@code jitterMs} either way. */
    private static void loadedFor30s(AdaptiveLaw law, double jitterMs) {
        for (int i = 0; i < 600; i++) {
            law.step(20 + (i % 2 == 0 ? jitterMs : -jitterMs), 0, 900 * M, 0.02 * 900 * M, law.downloadRateBps(),
                    law.uploadRateBps());
        }
    }

    @Test
    void onAQuietLineAQueueThatBuildsIsCutSoonerAndANoisyLineKeepsTheSlowerSmoothing() {
        AdaptiveParams.Tuning d = AdaptiveParams.Tuning.DEFAULTS;
        AdaptiveParams neverQuiet = cable().withTuning(new AdaptiveParams.Tuning(d.raiseQuantum(), d.attributeSec(),
                d.underDelivers(), d.maxRaise(), d.raiseSpacingSec(), d.capacityMemorySec(), d.probePerSec(),
                d.refillTo(), d.refillToOwnRate(), d.tookFraction(), d.drainLimitPerSec(), d.staleCountersSec(),
                d.freshBelow(), d.quietLoadTimeConstantSec(), 0));
        AdaptiveLaw wired = new AdaptiveLaw(cable(), 20);
        AdaptiveLaw wiredSlow = new AdaptiveLaw(neverQuiet, 20);
        AdaptiveLaw radio = new AdaptiveLaw(cable(), 20);
        AdaptiveLaw radioSlow = new AdaptiveLaw(neverQuiet, 20);
        loadedFor30s(wired, 0.3);
        loadedFor30s(wiredSlow, 0.3);
        loadedFor30s(radio, 8);
        loadedFor30s(radioSlow, 8);
        assertThat(cyclesUntilCut(wired, 0.3)).as("a wired line's queue shows sooner")
                .isLessThan(cyclesUntilCut(wiredSlow, 0.3));
        assertThat(cyclesUntilCut(radio, 8)).as("a radio line is smoothed as before: its noise is no queue")
                .isEqualTo(cyclesUntilCut(radioSlow, 8)).isLessThan(40);
    }

    @Test
    void anUploadWhoseLineTheDownloadsAcksMostlyFillIsActiveWithWhatItsOwnSendersSendAndTakesTheCut() {
        AdaptiveLaw law = new AdaptiveLaw(cable(), 20);
        law.restore(600 * M, 25 * M, 20, 28);
        // a 600 M download's ACKs (3 %: 18 M) and 7 M of the upload's own senders fill its 25 M rate:
        // 7 M is little of the rate but most of the room the ACKs leave
        // (8 ms of delay, between the thresholds: nothing grows or is cut)
        run(law, 1, 28, 600 * M, 25 * M);
        assertThat(law.uploadActive()).isTrue();
        // the upload's line falls to 23 M: its modem's buffer fills, the delay rises; the download
        // still delivers its whole rate (our shaper limits it, nothing queues before it)
        law.step(50, 0, 600 * M, 23 * M, law.downloadRateBps(), law.uploadRateBps());
        assertThat(law.uploadRateBps()).as("the upload, whose line limits it, is cut").isLessThan(23 * M);
        assertThat(law.downloadRateBps()).as("the download is spared").isEqualTo(600 * M);
    }

    @Test
    void aFreshReadingBelowTheRateJustCutToCutsAgainWithoutWaitingForTheHold() {
        AdaptiveLaw stale = new AdaptiveLaw(cable(), 20);
        AdaptiveLaw fresh = new AdaptiveLaw(cable(), 20);
        for (AdaptiveLaw law : new AdaptiveLaw[] {stale, fresh}) {
            run(law, 2, 20, 900 * M, 0.1 * M);
            // the capacity fell to 376 M: the delay rises; the counters still show the 900 M from before
            for (int i = 0; i < 3; i++) {
                law.step(52, 0, 900 * M, 0.1 * M, law.downloadRateBps(), law.uploadRateBps());
            }
            assertThat(law.downloadRateBps()).as("cut on the stale reading").isBetween(700 * M, 900 * M);
        }
        long heldAt = stale.downloadRateBps();
        stale.step(52, 0, 900 * M, 0.1 * M, stale.downloadRateBps(), stale.uploadRateBps());
        fresh.step(52, 0, 376 * M, 0.1 * M, fresh.downloadRateBps(), fresh.uploadRateBps());
        assertThat(stale.downloadRateBps()).as("no new reading: the cut hold waits for the last cut to show")
                .isEqualTo(heldAt);
        assertThat(fresh.downloadRateBps()).as("a new reading of what the line carries: cut below it now")
                .isLessThan(376 * M).isGreaterThan(376 * M / 2);
    }

    @Test
    void aDipThatEndsFasterThanAQueueDrainsGivesBackTheRateFromBeforeIt() {
        AdaptiveLaw law = new AdaptiveLaw(cable(), 20);
        law.restore(600 * M, 20 * M, 20, 20);
        run(law, 2, 20, 600 * M, 0.1 * M); // loaded at low delay
        long before = law.downloadRateBps();
        // a 200 ms dip to 300 M: the buffer fills, the fresh counters read the dip
        run(law, 0.2, 120, 300 * M, 0.1 * M);
        assertThat(law.downloadRateBps()).as("cut on the dip").isLessThan(before / 2);
        assertThat(law.downloadRestoreBps()).isZero();
        // the capacity is back: 100 ms of delay gone in one 50 ms cycle, faster than any queue drains
        law.step(21, 0, 300 * M, 0.1 * M, law.downloadRateBps(), law.uploadRateBps());
        assertThat(law.capacityRises()).isEqualTo(1);
        assertThat(law.downloadRateBps()).as("the rate from before the dip").isEqualTo(before);
        assertThat(law.downloadRestoreBps()).as("a raise that reverses our cut").isEqualTo(before);
        assertThat(law.deltaMs()).as("the smoothed delay drops with it").isLessThan(2);
        assertThat(law.uploadRateBps()).as("the idle upload was never cut").isEqualTo(20 * M);
        // a delay that stays up within the stale-counter window does not cut on the dip's counters
        run(law, 0.3, 60, 300 * M, 0.1 * M);
        assertThat(law.downloadRateBps()).isEqualTo(before);
        // once the router has the rate the restore is done
        law.step(20, 0, 600 * M, 0.1 * M, before, 20 * M);
        assertThat(law.downloadRestoreBps()).isZero();
    }

    @Test
    void aQueueThatDrainsAtTheLinesPaceIsNotTakenForARisingCapacity() {
        AdaptiveLaw law = new AdaptiveLaw(cable(), 20);
        law.restore(600 * M, 20 * M, 20, 20);
        run(law, 2, 20, 600 * M, 0.1 * M);
        run(law, 0.5, 60, 360 * M, 0.1 * M); // a real drop: cut to what the line carries
        long cut = law.downloadRateBps();
        for (double rtt = 60; rtt > 20; rtt -= 10) { // drains 10 ms per 50 ms cycle
            law.step(rtt, 0, cut, 0.1 * M, cut, 20 * M);
        }
        assertThat(law.capacityRises()).isZero();
        assertThat(law.downloadRateBps()).as("no jump back to 600 M").isLessThan(400 * M);
    }

    @Test
    void aLoadedDirectionGrowsWhileTheDelayIsLowAndAnIdleOneHolds() {
        AdaptiveLaw law = new AdaptiveLaw(cable(), 20);
        law.restore(400 * M, 20 * M, 20, 20);
        run(law, 1, 20, 400 * M, 0.1 * M); // download fills its rate, upload idle
        assertThat(law.downloadRateBps()).isGreaterThan(400 * M);
        assertThat(law.uploadRateBps()).isEqualTo(20 * M);
        long dl = law.downloadRateBps();
        run(law, 5, 20, 0.1 * M, 0.1 * M); // both idle
        assertThat(law.downloadRateBps()).as("idle holds").isEqualTo(dl);
    }

    @Test
    void aRaiseHeldBackByTheWriteBudgetIsNotStackedIntoAJump() {
        AdaptiveLaw law = new AdaptiveLaw(cable(), 20);
        law.restore(200 * M, 20 * M, 20, 20);
        for (int i = 0; i < 200; i++) { // the router keeps 200 M for 10 s: writes held back
            law.step(20, 0, 200 * M, 0.1 * M, 200 * M, 20 * M);
        }
        long wanted = law.downloadRateBps();
        assertThat(wanted).as("one raise above what the router has, not ten").isGreaterThan(200 * M)
                .isLessThanOrEqualTo(250 * M);
        // once the router has it, growth goes on from there
        for (int i = 0; i < 40; i++) {
            law.step(20, 0, wanted, 0.1 * M, law.downloadRateBps(), 20 * M);
        }
        assertThat(law.downloadRateBps()).isGreaterThan(wanted);
    }

    /** A cable law whose download has delivered 790 of its 800 Mbit/s for 1 s at the 20 ms baseline. */
    private static AdaptiveLaw downloadLoadedAt800() {
        AdaptiveLaw law = new AdaptiveLaw(cable(), 20);
        law.restore(800 * M, 38 * M, 20, 20);
        run(law, 1, 20, 790 * M, 0.03 * 790 * M);
        return law;
    }

    @Test
    void delayThatCutsCannotRemoveIsTakenIntoTheBaselineAndTheCutsAreUndone() {
        AdaptiveLaw law = downloadLoadedAt800();
        long before = law.downloadRateBps();
        // a route change: +40 ms, whatever the rate; the download keeps delivering its rate
        for (int i = 0; i < 60; i++) {
            law.step(60, 0, 0.99 * law.downloadRateBps(), 0.03 * law.downloadRateBps(), law.downloadRateBps(),
                    law.uploadRateBps());
        }
        assertThat(law.standingEvents()).isEqualTo(1);
        assertThat(law.baselineMs()).isGreaterThan(50);
        assertThat(law.downloadRateBps()).as("cuts undone").isGreaterThanOrEqualTo(before);
    }

    @Test
    void undoingTheCutsForDelayThatStaysIsARaiseWrittenLikeACutUntilTheRouterHasIt() {
        AdaptiveLaw law = downloadLoadedAt800();
        long before = law.downloadRateBps();
        // a route change: +40 ms; the router gets every cut, the line delivers what it is given
        long routerBps = before;
        for (int i = 0; i < 100 && law.standingEvents() == 0; i++) {
            law.step(60, 0, 0.99 * routerBps, 0.03 * routerBps, routerBps, 38 * M);
            if (law.standingEvents() == 0) {
                routerBps = law.downloadRateBps();
            }
        }
        assertThat(law.standingEvents()).isEqualTo(1);
        assertThat(routerBps).as("the router still has the last cut").isLessThan(before);
        assertThat(law.downloadRateBps()).isEqualTo(before);
        // the write budget may be spent on the cuts: the gate sends this raise from the cuts' reserve
        assertThat(law.downloadRestoreBps()).isEqualTo(before);
        law.step(60, 0, 0.99 * routerBps, 0.03 * routerBps, routerBps, 38 * M);
        assertThat(law.downloadRestoreBps()).as("pending while the router lacks it").isEqualTo(before);
        law.step(60, 0, 0.99 * before, 0.03 * before, before, 38 * M);
        assertThat(law.downloadRestoreBps()).as("done once the router has it").isZero();
    }

    @Test
    void whenTheOtherDirectionIsAtItsFloorTheDelayThatStaysIsBlamedOnThisOne() {
        AdaptiveLaw law = new AdaptiveLaw(cable(), 20);
        law.restore(150 * M, 38 * M, 20, 20);
        // both active: browsing uses 60 of the download's 150 M (its floor), a backup fills the
        // upload's 38 M (its ceiling: no raise of it lately to blame)
        run(law, 1, 20, 60 * M, 38 * M);
        long ulBefore = law.uploadRateBps();
        // the upload's line falls below its rate: the delay keeps rising; the download, which
        // delivers less than its rate only because little is asked of it, is already at its floor
        for (double rtt = 20; rtt < 120; rtt += 2.5) {
            law.step(rtt, 0, 60 * M, 0.99 * law.uploadRateBps(), law.downloadRateBps(), law.uploadRateBps());
        }
        assertThat(law.downloadRateBps()).isEqualTo(150 * M);
        assertThat(law.uploadRateBps()).as("the upload is cut").isLessThan(ulBefore * 3 / 4);
    }

    @Test
    void aLostMeasurementHoldsEverything() {
        AdaptiveLaw law = new AdaptiveLaw(cable(), 20);
        law.restore(500 * M, 20 * M, 20, 20);
        run(law, 3, NAN, 500 * M, 20 * M);
        assertThat(law.downloadRateBps()).isEqualTo(500 * M);
        assertThat(law.baselineMs()).isEqualTo(20);
    }

    @Test
    void aLateReplyCountsAsAtLeastItsLatenessOfDelay() {
        AdaptiveLaw law = new AdaptiveLaw(cable(), 20);
        law.restore(900 * M, 38 * M, 20, 20);
        for (int i = 0; i < 10; i++) {
            law.step(20, 80, 500 * M, 0.1 * M, law.downloadRateBps(), law.uploadRateBps());
        }
        assertThat(law.downloadRateBps()).isLessThan(500 * M);
    }

    @Test
    void parametersAreValidatedWithTheirNames() {
        assertThatThrownBy(() -> new AdaptiveParams(0.05, 150 * M, 940 * M, 8 * M, 38 * M, 5, 10, 1, 0.6, 0.95, 0.3, 0.3,
                0.8, 0.03, 0.8, 0.05, 0.5, 0.1, 0.5, 3, 60, 2)).hasMessageContaining("growBelowMs");
        assertThatThrownBy(() -> new AdaptiveParams(0.05, 150 * M, 100 * M, 8 * M, 38 * M, 12, 6, 1, 0.6, 0.95, 0.3, 0.3,
                0.8, 0.03, 0.8, 0.05, 0.5, 0.1, 0.5, 3, 60, 2)).hasMessageContaining("floors");
    }

    @Test
    void theTuningShapesTheLawAndItsDefaultsAreTheMeasuredOnes() {
        AdaptiveParams.Tuning d = AdaptiveParams.Tuning.DEFAULTS;
        assertThat(cable().tuning()).isEqualTo(d);
        assertThat(d.maxRaise()).isEqualTo(0.25);
        assertThat(d.capacityMemorySec()).isEqualTo(10);
        AdaptiveParams.Tuning small = new AdaptiveParams.Tuning(d.raiseQuantum(), d.attributeSec(),
                d.underDelivers(), 0.05, d.raiseSpacingSec(), d.capacityMemorySec(), d.probePerSec(), d.refillTo(),
                d.refillToOwnRate(), d.tookFraction(), d.drainLimitPerSec(), d.staleCountersSec(), d.freshBelow(), d.quietLoadTimeConstantSec(),
                d.quietJitterMs());
        AdaptiveLaw wide = new AdaptiveLaw(cable(), 20);
        AdaptiveLaw narrow = new AdaptiveLaw(cable().withTuning(small), 20);
        for (AdaptiveLaw law : new AdaptiveLaw[] {wide, narrow}) {
            law.restore(300 * M, 38 * M, 20, 20);
            law.step(20, 0, 300 * M, 0.1 * M, law.downloadRateBps(), law.uploadRateBps());
        }
        assertThat(wide.downloadRateBps()).as("room-proportional growth, up to 25 % a raise").isGreaterThan(315 * M);
        assertThat(narrow.downloadRateBps()).as("at most 5 % a raise").isGreaterThan(300 * M)
                .isLessThanOrEqualTo(315 * M);
    }

    @Test
    void theTuningIsValidatedWithItsNames() {
        AdaptiveParams.Tuning d = AdaptiveParams.Tuning.DEFAULTS;
        assertThatThrownBy(() -> new AdaptiveParams.Tuning(1, d.attributeSec(), d.underDelivers(), d.maxRaise(),
                d.raiseSpacingSec(), d.capacityMemorySec(), d.probePerSec(), d.refillTo(), d.refillToOwnRate(),
                d.tookFraction(), d.drainLimitPerSec(), d.staleCountersSec(), d.freshBelow(), d.quietLoadTimeConstantSec(),
                d.quietJitterMs())).hasMessageContaining("raiseQuantum");
        assertThatThrownBy(() -> new AdaptiveParams.Tuning(d.raiseQuantum(), d.attributeSec(), d.underDelivers(),
                d.maxRaise(), d.raiseSpacingSec(), 0, d.probePerSec(), d.refillTo(), d.refillToOwnRate(),
                d.tookFraction(), d.drainLimitPerSec(), d.staleCountersSec(), d.freshBelow(), d.quietLoadTimeConstantSec(),
                d.quietJitterMs())).hasMessageContaining("capacityMemorySec");
        assertThatThrownBy(() -> new AdaptiveParams.Tuning(d.raiseQuantum(), d.attributeSec(), d.underDelivers(),
                d.maxRaise(), d.raiseSpacingSec(), d.capacityMemorySec(), d.probePerSec(), 1.2, d.refillToOwnRate(),
                d.tookFraction(), d.drainLimitPerSec(), d.staleCountersSec(), d.freshBelow(), d.quietLoadTimeConstantSec(),
                d.quietJitterMs())).hasMessageContaining("refillTo");
        assertThatThrownBy(() -> new AdaptiveParams.Tuning(d.raiseQuantum(), d.attributeSec(), d.underDelivers(),
                d.maxRaise(), d.raiseSpacingSec(), d.capacityMemorySec(), d.probePerSec(), d.refillTo(),
                d.refillToOwnRate(), d.tookFraction(), 0, d.staleCountersSec(), d.freshBelow(), d.quietLoadTimeConstantSec(),
                d.quietJitterMs())).hasMessageContaining("drainLimitPerSec");
        assertThatThrownBy(() -> new AdaptiveParams.Tuning(d.raiseQuantum(), d.attributeSec(), d.underDelivers(),
                d.maxRaise(), d.raiseSpacingSec(), d.capacityMemorySec(), d.probePerSec(), d.refillTo(),
                d.refillToOwnRate(), d.tookFraction(), d.drainLimitPerSec(), d.staleCountersSec(), 1.5,
                d.quietLoadTimeConstantSec(), d.quietJitterMs()))
                .hasMessageContaining("freshBelow");
        assertThatThrownBy(() -> cable().withTuning(null)).hasMessageContaining("tuning");
    }
}
