package dev.wanctl.sim.plot;

import dev.wanctl.sim.plot.Recording.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Lays out a flight recording as stacked panels on one time axis: RTT with load EWMA and
 * baseline; delta with the zone thresholds; the zones of both directions as coloured bands;
 * download and upload rates against the true capacity (simulations); and, in simulations, the
 * added latency a user's packet sees. Steering periods are shaded across every panel.
 */
final class FlightPlot {

    static final int WIDTH = 1400;
    private static final int LEFT = 84;
    private static final int RIGHT = 24;
    private static final int TOP = 62;
    private static final int GAP = 14;
    private static final int BOTTOM = 52;

    private static final Rgba RTT = new Rgba(0x9e, 0xc5, 0xe8);
    private static final Rgba LOAD = new Rgba(0x1f, 0x5f, 0xa8);
    private static final Rgba BASELINE = new Rgba(0xe0, 0x7b, 0x00);
    private static final Rgba DELTA = new Rgba(0x6a, 0x3d, 0x9a);
    private static final Rgba DL = new Rgba(0x1f, 0x77, 0xb4);
    private static final Rgba UL = new Rgba(0x2c, 0xa0, 0x2c);
    private static final Rgba CAPACITY = new Rgba(0xcf, 0xcf, 0xcf);
    private static final Rgba CEILING = new Rgba(0x80, 0x80, 0x80);
    private static final Rgba STEERED = new Rgba(0x9c, 0x27, 0xb0, 40);
    private static final Rgba BLOAT = new Rgba(0xd3, 0x2f, 0x2f);
    static final Rgba[] ZONES = {
        new Rgba(0x43, 0xa0, 0x47), new Rgba(0xfd, 0xd8, 0x35), new Rgba(0xfb, 0x8c, 0x00), new Rgba(0xe5, 0x39, 0x35)
    };
    private static final Rgba NO_ZONE = new Rgba(0xf2, 0xf2, 0xf2);

    private final Recording r;
    private final double[] t;
    private final double t0;
    private final double t1;
    private final int columns = WIDTH - LEFT - RIGHT;
    private final boolean minutes;

    private record Slot(int height, Consumer<Panel> body, double yMin, double yMax, String yTitle, String title) {
    }

    FlightPlot(Recording r) {
        if (r.rows() == 0) {
            throw new IllegalArgumentException("the flight recording has no rows to plot");
        }
        this.r = r;
        double[] raw = r.column(Column.T_S);
        double first = raw[0];
        this.t = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            t[i] = raw[i] - first;
        }
        this.t0 = 0;
        this.t1 = Math.max(t[t.length - 1], 1e-3) * (1 + 1e-9);
        this.minutes = t1 >= 600;
    }

    int height() {
        int h = TOP + BOTTOM;
        for (Slot s : slots()) {
            h += s.height() + GAP;
        }
        return h - GAP;
    }

    void draw(Canvas c) {
        int height = height();
        c.fillRect(0, 0, WIDTH, height, new Rgba(0xfa, 0xfa, 0xfa));
        title(c);
        double[] gridX = timeGridX();
        boolean[] steered = steering();
        double top = TOP;
        Panel last = null;
        for (Slot s : slots()) {
            Panel p = new Panel(c, LEFT, top, columns, s.height(), s.yMin(), s.yMax());
            p.frame(s.yTitle(), gridX);
            if (steered != null) {
                p.shadeColumns(steered, STEERED);
            }
            p.clip();
            s.body().accept(p);
            p.unclip();
            if (steered != null && s.title() != null && s.title().startsWith("RTT")) {
                p.legend("steered", new Rgba(0x9c, 0x27, 0xb0), false);
            }
            p.finish(s.title());
            top += s.height() + GAP;
            last = p;
        }
        timeLabels(c, last);
    }

    private void title(Canvas c) {
        var m = r.metadata();
        String heading = m.containsKey("scenario")
                ? m.getOrDefault("source", "wanctl simulate") + ": " + m.get("scenario") + "   controller " + m.getOrDefault("controller", "?")
                + "   seed " + m.getOrDefault("seed", "?")
                : "wanctl flight recording" + (m.containsKey("wan") ? ": " + m.get("wan") : "");
        c.text(heading, LEFT, 28, Panel.TEXT, 17, Canvas.Align.LEFT, true);
        String sub = String.format(Locale.ROOT, "%d cycles over %s%s", r.rows(), span(t1),
                m.containsKey("config") ? "   config " + m.get("config") : "");
        c.text(sub, LEFT, 48, new Rgba(0x66, 0x66, 0x66), 12, Canvas.Align.LEFT, false);
    }

    private static String span(double seconds) {
        return seconds >= 600 ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private List<Slot> slots() {
        List<Slot> out = new ArrayList<>();
        if (r.has(Column.RTT_MS) || r.has(Column.BASELINE_MS)) {
            double max = Ticks.niceCeil(1.1 * robustMax(Column.RTT_MS, Column.LOAD_EWMA_MS, Column.BASELINE_MS));
            out.add(new Slot(210, this::rttPanel, 0, max, "ms", "RTT, load EWMA and baseline"));
        }
        if (r.has(Column.DELTA_MS)) {
            double hard = r.metaNumber("hard_red_bloat_ms", Double.NaN);
            double top = Ticks.niceCeil(Math.max(1.1 * robustMax(Column.DELTA_MS), Double.isNaN(hard) ? 0 : hard * 1.15));
            double bottom = Math.min(0, -Ticks.niceCeil(-robustMin(Column.DELTA_MS)));
            out.add(new Slot(150, this::deltaPanel, bottom, top, "ms", "delta = load - baseline"));
        }
        if (r.has(Column.DL_ZONE) || r.has(Column.UL_ZONE)) {
            out.add(new Slot(62, this::zonePanel, 0, 2.6, null, null));
        }
        out.add(rateSlot("download", Column.DL_RATE_BPS, Column.DL_CAPACITY_BPS, "dl_ceiling_bps", DL));
        out.add(rateSlot("upload", Column.UL_RATE_BPS, Column.UL_CAPACITY_BPS, "ul_ceiling_bps", UL));
        if (r.has(Column.DL_ADDED_MS) || r.has(Column.UL_ADDED_MS)) {
            double max = Ticks.niceCeil(Math.max(40, 1.1 * robustMax(Column.DL_ADDED_MS, Column.UL_ADDED_MS)));
            out.add(new Slot(170, this::addedPanel, 0, max, "ms", "added latency (queueing delay a user's packet sees)"));
        }
        return out;
    }

    private Slot rateSlot(String name, Column rate, Column capacity, String ceilingKey, Rgba color) {
        double ceiling = r.metaNumber(ceilingKey, 0);
        double max = Math.max(ceiling, Math.max(robustMax(rate), robustMax(capacity))) / 1e6;
        String title = name + " shaper rate" + (r.has(capacity) ? " vs true capacity" : "");
        return new Slot(180, p -> ratePanel(p, rate, capacity, ceiling, color), 0, Ticks.niceCeil(1.2 * max), "Mbit/s", title);
    }

    private void rttPanel(Panel p) {
        p.envelope(agg(Column.RTT_MS, 1), RTT, 1);
        p.envelope(agg(Column.LOAD_EWMA_MS, 1), LOAD, 1.6);
        p.envelope(agg(Column.BASELINE_MS, 1), BASELINE, 2);
        p.legend("RTT", RTT, false);
        if (r.has(Column.LOAD_EWMA_MS)) {
            p.legend("load EWMA", LOAD, false);
        }
        if (r.has(Column.BASELINE_MS)) {
            p.legend("baseline", BASELINE, false);
        }
    }

    private void deltaPanel(Panel p) {
        p.hline(0, CEILING, false);
        p.envelope(agg(Column.DELTA_MS, 1), DELTA, 1.2);
        p.legend("delta", DELTA, false);
        String[][] thresholds = {{"target_bloat_ms", "target"}, {"warn_bloat_ms", "warn"}, {"hard_red_bloat_ms", "hard red"}};
        Rgba[] colors = {new Rgba(0xc9, 0xa2, 0x00), ZONES[2], ZONES[3]};
        for (int i = 0; i < thresholds.length; i++) {
            double v = r.metaNumber(thresholds[i][0], Double.NaN);
            if (!Double.isNaN(v)) {
                p.hline(v, colors[i], true);
                p.legend(thresholds[i][1] + " " + Ticks.label(v, 1), colors[i], true);
            }
        }
    }

    private void zonePanel(Panel p) {
        Column[] zones = {Column.DL_ZONE, Column.UL_ZONE};
        String[] names = {"DL zone", "UL zone"};
        for (int row = 0; row < 2; row++) {
            Decimator.Columns z = agg(zones[row], 1).held();
            double y0 = p.y(2 - row);
            double h = p.y(1 - row) - y0;
            for (int c = 0; c < z.size(); c++) {
                Rgba color = z.has(c) && z.max()[c] >= 0 ? ZONES[(int) Math.min(3, z.max()[c])] : NO_ZONE;
                p.rect(c, y0, h - (row == 0 ? 1 : 0), color);
            }
            p.label(names[row], y0 + h / 2 + 4);
        }
        p.zoneLegend(new String[] {"GREEN", "YELLOW", "SOFT_RED", "RED"}, ZONES);
    }

    private void ratePanel(Panel p, Column rate, Column capacity, double ceiling, Rgba color) {
        if (r.has(capacity)) {
            p.area(agg(capacity, 1e-6), 0, CAPACITY);
            p.legend("true capacity", CAPACITY, false);
        }
        if (ceiling > 0) {
            p.hline(ceiling / 1e6, CEILING, true);
            p.legend("ceiling", CEILING, true);
        }
        double[] v = r.column(rate);
        double[] shaped = new double[v.length];
        boolean any = false;
        for (int i = 0; i < v.length; i++) {
            // 0 is "no max-limit": nothing to draw, rather than a line at zero
            shaped[i] = v[i] > 0 ? v[i] * 1e-6 : Double.NaN;
            any |= v[i] > 0;
        }
        p.envelope(Decimator.aggregate(t, shaped, t0, t1, columns), color, 1.8);
        p.legend(any ? "shaper max-limit" : "no shaper", color, false);
    }

    private void addedPanel(Panel p) {
        p.hline(30, BLOAT, true);
        p.envelope(agg(Column.UL_ADDED_MS, 1), UL, 1.2);
        p.envelope(agg(Column.DL_ADDED_MS, 1), DL, 1.2);
        p.legend("download", DL, false);
        p.legend("upload", UL, false);
        p.legend("bufferbloat 30", BLOAT, true);
    }

    private Decimator.Columns agg(Column col, double scale) {
        double[] v = r.column(col);
        if (scale != 1) {
            double[] s = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                s[i] = v[i] * scale;
            }
            v = s;
        }
        return Decimator.aggregate(t, v, t0, t1, columns);
    }

    private boolean[] steering() {
        if (!r.has(Column.STEERING)) {
            return null;
        }
        Decimator.Columns s = agg(Column.STEERING, 1).held();
        boolean[] out = new boolean[s.size()];
        boolean any = false;
        for (int c = 0; c < out.length; c++) {
            out[c] = s.has(c) && s.max()[c] > 0;
            any |= out[c];
        }
        return any ? out : null;
    }

    private double[] timeGridX() {
        double unit = minutes ? 60 : 1;
        List<Double> ticks = Ticks.values(t0 / unit, t1 / unit, 10);
        double[] xs = new double[ticks.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = LEFT + (ticks.get(i) * unit - t0) / (t1 - t0) * columns;
        }
        return xs;
    }

    private void timeLabels(Canvas c, Panel last) {
        double unit = minutes ? 60 : 1;
        double step = Ticks.step((t1 - t0) / unit, 10);
        for (double v : Ticks.values(t0 / unit, t1 / unit, 10)) {
            double x = LEFT + (v * unit - t0) / (t1 - t0) * columns;
            c.line(x, last.bottom(), x, last.bottom() + 5, Panel.FRAME, 1, false);
            c.text(Ticks.label(v, step), x, last.bottom() + 19, Panel.TEXT, 11, Canvas.Align.CENTER, false);
        }
        c.text(minutes ? "time (minutes)" : "time (seconds)", LEFT + columns / 2.0, last.bottom() + 40,
                Panel.TEXT, 12, Canvas.Align.CENTER, false);
    }

    /** The 99.9th percentile of the known values of the columns (a spike does not squash the panel). */
    private double robustMax(Column... cols) {
        double[] all = known(cols);
        if (all.length == 0) {
            return 1;
        }
        Arrays.sort(all);
        double p = all[(int) Math.min(all.length - 1, Math.floor(0.999 * all.length))];
        return p > 0 ? p : Math.max(all[all.length - 1], 1);
    }

    private double robustMin(Column col) {
        double[] all = known(col);
        if (all.length == 0) {
            return 0;
        }
        Arrays.sort(all);
        return all[(int) Math.floor(0.001 * (all.length - 1))];
    }

    private double[] known(Column... cols) {
        int n = 0;
        for (Column c : cols) {
            n += r.column(c).length;
        }
        double[] all = new double[n];
        int k = 0;
        for (Column c : cols) {
            for (double v : r.column(c)) {
                if (!Double.isNaN(v)) {
                    all[k++] = v;
                }
            }
        }
        return Arrays.copyOf(all, k);
    }
}
