package dev.wanctl.sim.link;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * How one direction's capacity is made: replayed (mahimahi trace, CSV) or generated from a seeded,
 * documented process. A spec is a plain value; {@link #create} makes a fresh stateful source for
 * one run, so every controller in a comparison sees the same capacity for the same seed.
 */
public sealed interface CapacitySpec {

    /** A fresh source for a run of {@code durationMs} whose randomness comes from {@code random}. */
    CapacitySource create(long durationMs, SplittableRandom random);

    /** One line for reports: what the capacity is and where it comes from. */
    String describe();

    private static double bps(double mbps) {
        return mbps * 1_000_000.0;
    }

    private static void positive(String what, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(what + " must be > 0, got " + v);
        }
    }

    private static void fraction(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + v);
        }
    }

    /** A mahimahi trace (bundled name or path), its capacity multiplied by {@code scale}. */
    record Trace(String trace, double scale) implements CapacitySpec {
        public Trace {
            positive("trace scale", scale);
        }

        @Override
        public CapacitySource create(long durationMs, SplittableRandom random) {
            return new TraceCapacity(MahimahiTrace.load(trace), scale);
        }

        @Override
        public String describe() {
            MahimahiTrace t = MahimahiTrace.load(trace);
            return String.format(java.util.Locale.ROOT, "mahimahi trace %s (mean %.1f Mbit/s)%s, looped every %d s",
                    trace, t.meanBps() * scale / 1e6,
                    scale == 1.0 ? "" : String.format(java.util.Locale.ROOT, " scaled x%.2f", scale),
                    t.periodMs() / 1000);
        }
    }

    /** A CSV file of {@code t_ms,capacity_mbps} rows; each level holds until the next row. */
    record Csv(Path file) implements CapacitySpec {
        @Override
        public CapacitySource create(long durationMs, SplittableRandom random) {
            return CapacityCsv.read(file);
        }

        @Override
        public String describe() {
            return "capacity file " + file;
        }
    }

    /** A fixed capacity, optionally with per-millisecond grain. */
    record Constant(double mbps, double jitter) implements CapacitySpec {
        public Constant {
            positive("constant capacity mbps", mbps);
            fraction("jitter", jitter);
        }

        @Override
        public CapacitySource create(long durationMs, SplittableRandom random) {
            return new StepBuilder().at(0, bps(mbps)).build(bps(mbps), jitter, random);
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "constant %.1f Mbit/s", mbps);
        }
    }

    /**
     * A DOCSIS cable line at prime time: the evening load of the node lowers capacity by up to
     * {@code eveningDepth} in the middle of the run (a raised-cosine bump), neighbours' bursts cut
     * it further by 20-60 % for 10-90 s at random (on average every {@code dipEverySec}), and
     * every millisecond's delivery has {@code jitter} relative grain (request-grant scheduling).
     */
    record CablePrimeTime(double nominalMbps, double eveningDepth, double dipEverySec, double jitter)
            implements CapacitySpec {
        public CablePrimeTime {
            positive("nominal_mbps", nominalMbps);
            fraction("evening_depth", eveningDepth);
            positive("dip_every_s", dipEverySec);
            fraction("jitter", jitter);
        }

        @Override
        public CapacitySource create(long durationMs, SplittableRandom random) {
            return CapacityGenerators.cablePrimeTime(this, durationMs, random);
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT,
                    "generated cable prime time: %.0f Mbit/s nominal, evening dip to %.0f %%, "
                            + "random 20-60 %% dips every ~%.0f s, %.0f %% per-ms jitter",
                    nominalMbps, (1 - eveningDepth) * 100, dipEverySec, jitter * 100);
        }
    }

    /**
     * A DSL line: a steady sync rate with a little grain; optionally one retrain at
     * {@code retrainAtSec} that drops the rate to {@code retrainFraction} of nominal for
     * {@code retrainForSec} (after {@code outageSec} with no sync at all), then recovers.
     */
    record Dsl(double nominalMbps, double jitter, double retrainAtSec, double retrainFraction,
               double retrainForSec, double outageSec) implements CapacitySpec {
        public Dsl {
            positive("nominal_mbps", nominalMbps);
            fraction("jitter", jitter);
            fraction("retrain_fraction", retrainFraction);
            if (retrainAtSec < 0 || retrainForSec < 0 || outageSec < 0) {
                throw new IllegalArgumentException("retrain times must be >= 0");
            }
        }

        /** A DSL line that never retrains. */
        public static Dsl stable(double nominalMbps, double jitter) {
            return new Dsl(nominalMbps, jitter, 0, 1, 0, 0);
        }

        @Override
        public CapacitySource create(long durationMs, SplittableRandom random) {
            StepBuilder b = new StepBuilder().at(0, bps(nominalMbps));
            if (retrainForSec > 0) {
                long at = Math.round(retrainAtSec * 1000);
                long outage = Math.round(outageSec * 1000);
                if (outage > 0) {
                    b.at(at, 0);
                }
                b.at(at + outage, bps(nominalMbps * retrainFraction));
                b.at(at + outage + Math.round(retrainForSec * 1000), bps(nominalMbps));
            }
            return b.build(bps(nominalMbps), jitter, random);
        }

        @Override
        public String describe() {
            String base = String.format(java.util.Locale.ROOT, "generated DSL: %.1f Mbit/s sync", nominalMbps);
            if (retrainForSec <= 0) {
                return base + ", stable";
            }
            return base + String.format(java.util.Locale.ROOT,
                    ", retrain at %.0f s (%.0f s without sync) to %.0f %% for %.0f s, then back",
                    retrainAtSec, outageSec, retrainFraction * 100, retrainForSec);
        }
    }

    /** One dip of a {@link Dips} line: from {@code atMs} for {@code forMs} at {@code fraction} of nominal. */
    record Dip(long atMs, long forMs, double fraction) {
        public Dip {
            if (atMs < 0 || forMs <= 0) {
                throw new IllegalArgumentException("a dip needs at >= 0 and for > 0, got at " + atMs + " ms for " + forMs + " ms");
            }
            CapacitySpec.fraction("dip fraction", fraction);
        }
    }

    /**
     * A line at a steady rate with dips at given times (a cable node's neighbours bursting at known
     * moments): the scripted capacity of a demonstration or a test, with per-millisecond grain.
     */
    record Dips(double nominalMbps, double jitter, java.util.List<Dip> dips) implements CapacitySpec {
        public Dips {
            positive("nominal_mbps", nominalMbps);
            fraction("jitter", jitter);
            dips = java.util.List.copyOf(dips);
            for (int i = 1; i < dips.size(); i++) {
                Dip before = dips.get(i - 1);
                if (dips.get(i).atMs() < before.atMs() + before.forMs()) {
                    throw new IllegalArgumentException("dips must be in time order and must not overlap: dip " + i
                            + " starts before dip " + (i - 1) + " ends");
                }
            }
        }

        @Override
        public CapacitySource create(long durationMs, SplittableRandom random) {
            StepBuilder b = new StepBuilder().at(0, bps(nominalMbps));
            for (Dip d : dips) {
                b.at(d.atMs(), bps(nominalMbps * d.fraction()));
                b.at(d.atMs() + d.forMs(), bps(nominalMbps));
            }
            return b.build(bps(nominalMbps), jitter, random);
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%.1f Mbit/s", nominalMbps));
            String sep = " with dips ";
            for (Dip d : dips) {
                sb.append(sep).append(String.format(java.util.Locale.ROOT, "to %.0f %% from %s s for %s s",
                        d.fraction() * 100, seconds(d.atMs()), seconds(d.forMs())));
                sep = ", ";
            }
            return sb.toString();
        }

        private static String seconds(long ms) {
            return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
        }
    }

    /**
     * A Starlink-like link: every {@code periodSec} (15 s, at :12, :27, :42, :57 of each minute)
     * the satellite scheduler reconfigures and capacity jumps to a new level drawn uniformly
     * between {@code minFraction} and 1 of nominal; the first {@code handoverDipMs} of each period
     * run at 10 % (the handover), and every millisecond has {@code jitter} relative grain.
     */
    record Starlink(double nominalMbps, double minFraction, double periodSec, double handoverDipMs, double jitter)
            implements CapacitySpec {
        public Starlink {
            positive("nominal_mbps", nominalMbps);
            fraction("min_fraction", minFraction);
            positive("period_s", periodSec);
            fraction("jitter", jitter);
            if (handoverDipMs < 0 || handoverDipMs >= periodSec * 1000) {
                throw new IllegalArgumentException("handover_dip_ms must be >= 0 and shorter than the period");
            }
        }

        @Override
        public CapacitySource create(long durationMs, SplittableRandom random) {
            return CapacityGenerators.starlink(this, durationMs, random);
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT,
                    "generated Starlink-like: %.0f Mbit/s nominal, new level (%.0f-100 %%) every %.0f s, "
                            + "%.0f ms handover dip, %.0f %% per-ms jitter",
                    nominalMbps, minFraction * 100, periodSec, handoverDipMs, jitter * 100);
        }
    }
}
