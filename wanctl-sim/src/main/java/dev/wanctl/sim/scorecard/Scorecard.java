package dev.wanctl.sim.scorecard;

import java.util.Locale;

/**
 * The score of one controller on one scenario run: both directions and an overall grade.
 *
 * @param grade the bufferbloat grade (A+ &lt; 5 ms, A &lt; 30, B &lt; 60, C &lt; 200, D &lt; 400, else F, as
 *     the Waveform and LibreQoS tests grade) of the mean added latency under load, averaged over the
 *     directions that had load; "-" when neither had any
 * @param router requests the router received, loaded and idle ({@link RouterLoad#NONE} when the
 *     controller talks to no router)
 */
public record Scorecard(String scenario, String controller, long seed, double durationSeconds,
                        DirectionResult download, DirectionResult upload, String grade, RouterLoad router) {

    /** Builds a scorecard and grades it. */
    public static Scorecard of(String scenario, String controller, long seed, double durationSeconds,
                               DirectionResult download, DirectionResult upload) {
        return of(scenario, controller, seed, durationSeconds, download, upload, RouterLoad.NONE);
    }

    /** Builds a scorecard with the router's request load and grades it. */
    public static Scorecard of(String scenario, String controller, long seed, double durationSeconds,
                               DirectionResult download, DirectionResult upload, RouterLoad router) {
        return new Scorecard(scenario, controller, seed, durationSeconds, download, upload, grade(download, upload),
                router);
    }

    /** This scorecard with steering's toggles and steered time in both directions (it steers connections). */
    public Scorecard withSteering(int toggles, double steeredSeconds) {
        return new Scorecard(scenario, controller, seed, durationSeconds, download.withSteering(toggles, steeredSeconds),
                upload.withSteering(toggles, steeredSeconds), grade, router);
    }

    static String grade(DirectionResult dl, DirectionResult ul) {
        double sum = 0;
        int n = 0;
        for (DirectionResult d : new DirectionResult[] {dl, ul}) {
            if (!Double.isNaN(d.latencyMeanMs())) {
                sum += d.latencyMeanMs();
                n++;
            }
        }
        if (n == 0) {
            return "-";
        }
        double mean = sum / n;
        if (mean < 5) {
            return "A+";
        } else if (mean < 30) {
            return "A";
        } else if (mean < 60) {
            return "B";
        } else if (mean < 200) {
            return "C";
        } else if (mean < 400) {
            return "D";
        }
        return "F";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s seed %d: grade %s", scenario, controller, seed, grade);
    }
}
