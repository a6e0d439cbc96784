package dev.wanctl.sim.link;

import java.util.SplittableRandom;

/**
 * The seeded processes behind the generated capacity shapes (documented on their specs). They use
 * {@link StrictMath} so that a seed gives the same shape on every machine.
 */
final class CapacityGenerators {

    /** Resolution of generated level changes: fine enough for 15 s Starlink periods and DSL retrains. */
    private static final long STEP_MS = 100;

    private CapacityGenerators() {
    }

    static StepCapacity cablePrimeTime(CapacitySpec.CablePrimeTime spec, long durationMs, SplittableRandom random) {
        double nominal = spec.nominalMbps() * 1e6;
        long length = Math.max(durationMs, STEP_MS);
        // Neighbour dips: Poisson arrivals, each with its own depth and length, drawn up front.
        int maxDips = (int) Math.min(100_000, 4 + 4 * length / (long) (spec.dipEverySec() * 1000));
        long[] dipStart = new long[maxDips];
        long[] dipEnd = new long[maxDips];
        double[] dipDepth = new double[maxDips];
        int dips = 0;
        long t = 0;
        while (dips < maxDips) {
            t += Math.round(random.nextExponential() * spec.dipEverySec() * 1000);
            if (t >= length) {
                break;
            }
            dipStart[dips] = t;
            dipEnd[dips] = t + 10_000 + (long) (random.nextDouble() * 80_000);
            dipDepth[dips] = 0.2 + 0.4 * random.nextDouble();
            dips++;
        }
        StepBuilder b = new StepBuilder();
        int first = 0;
        for (long ms = 0; ms < length; ms += STEP_MS) {
            double phase = (double) ms / length;
            double evening = 1.0 - spec.eveningDepth() * 0.5 * (1 - StrictMath.cos(2 * Math.PI * phase));
            double dipFactor = 1.0;
            while (first < dips && dipEnd[first] <= ms) {
                first++;
            }
            for (int i = first; i < dips && dipStart[i] <= ms; i++) {
                if (dipEnd[i] > ms) {
                    dipFactor = Math.min(dipFactor, 1.0 - dipDepth[i]);
                }
            }
            // Quantised to 1 % of nominal so that the slow evening curve is a few hundred steps.
            double level = Math.round(evening * dipFactor * 100.0) / 100.0 * nominal;
            b.at(ms, level);
        }
        return b.build(nominal, spec.jitter(), random);
    }

    static StepCapacity starlink(CapacitySpec.Starlink spec, long durationMs, SplittableRandom random) {
        double nominal = spec.nominalMbps() * 1e6;
        long period = Math.round(spec.periodSec() * 1000);
        long dip = Math.round(spec.handoverDipMs());
        // Reconfigurations at :12, :27, :42, :57: the first boundary is 12 s in for a 15 s period.
        long firstBoundary = period == 15_000 ? 12_000 : period;
        StepBuilder b = new StepBuilder().at(0, levelFor(spec, nominal, random));
        for (long at = firstBoundary; at < Math.max(durationMs, 1); at += period) {
            double level = levelFor(spec, nominal, random);
            if (dip > 0) {
                b.at(at, 0.1 * level);
                b.at(at + dip, level);
            } else {
                b.at(at, level);
            }
        }
        return b.build(nominal, spec.jitter(), random);
    }

    private static double levelFor(CapacitySpec.Starlink spec, double nominal, SplittableRandom random) {
        double f = spec.minFraction() + (1 - spec.minFraction()) * random.nextDouble();
        return Math.round(f * 100.0) / 100.0 * nominal;
    }
}
