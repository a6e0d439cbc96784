package dev.wanctl.sim.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * One panel of a chart: a plot area with a y-scale, light grid, tick labels, a title and a
 * legend; series are drawn into it from per-column aggregates ({@link Decimator.Columns}).
 */
final class Panel {

    static final Rgba TEXT = new Rgba(0x33, 0x33, 0x33);
    static final Rgba GRID = new Rgba(0xe6, 0xe6, 0xe6);
    static final Rgba FRAME = new Rgba(0xb0, 0xb0, 0xb0);

    private final Canvas canvas;
    private final double left;
    private final double top;
    private final double width;
    private final double height;
    private final double yMin;
    private final double yMax;
    private final List<Object[]> legend = new ArrayList<>();

    Panel(Canvas canvas, double left, double top, double width, double height, double yMin, double yMax) {
        this.canvas = canvas;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.yMin = yMin;
        this.yMax = yMax > yMin ? yMax : yMin + 1;
    }

    double top() {
        return top;
    }

    double bottom() {
        return top + height;
    }

    /** Pixel row of value {@code v}. */
    double y(double v) {
        return top + height - (v - yMin) / (yMax - yMin) * height;
    }

    /** Pixel x of column {@code c} (its centre). */
    double x(int c) {
        return left + c + 0.5;
    }

    /** Background, horizontal grid with labels (when there is a y-axis title), and the title. */
    void frame(String yTitle, double[] timeGridX) {
        canvas.fillRect(left, top, width, height, Rgba.WHITE);
        double step = Ticks.step(yMax - yMin, 4);
        for (double v : yTitle == null ? java.util.List.<Double>of() : Ticks.values(yMin, yMax, 4)) {
            double yy = y(v);
            canvas.line(left, yy, left + width, yy, GRID, 1, false);
            canvas.text(Ticks.label(v, step), left - 6, yy + 4, TEXT, 11, Canvas.Align.RIGHT, false);
        }
        for (double gx : timeGridX) {
            canvas.line(gx, top, gx, top + height, GRID, 1, false);
        }
        if (yTitle != null) {
            canvas.verticalText(yTitle, left - 48, top + height / 2, TEXT, 12);
        }
    }

    /** Border, title and legend, drawn last so that series stay underneath. */
    void finish(String title) {
        canvas.line(left, top, left + width, top, FRAME, 1, false);
        canvas.line(left, top + height, left + width, top + height, FRAME, 1, false);
        canvas.line(left, top, left, top + height, FRAME, 1, false);
        canvas.line(left + width, top, left + width, top + height, FRAME, 1, false);
        if (title != null) {
            canvas.fillRect(left + 1, top + 1, title.length() * 7.2 + 12, 18, new Rgba(255, 255, 255, 210));
            canvas.text(title, left + 7, top + 14, TEXT, 12, Canvas.Align.LEFT, true);
        }
        double x = left + width - 8;
        for (int i = legend.size() - 1; i >= 0; i--) {
            String label = (String) legend.get(i)[0];
            Rgba color = (Rgba) legend.get(i)[1];
            boolean dashed = (Boolean) legend.get(i)[2];
            double w = label.length() * 6.6 + 30;
            canvas.fillRect(x - w, top + 2, w, 16, new Rgba(255, 255, 255, 210));
            canvas.line(x - w + 4, top + 10, x - w + 22, top + 10, color, 2.5, dashed);
            canvas.text(label, x - w + 26, top + 14, TEXT, 11, Canvas.Align.LEFT, false);
            x -= w + 4;
        }
    }

    void legend(String label, Rgba color, boolean dashed) {
        legend.add(new Object[] {label, color, dashed});
    }

    void clip() {
        canvas.clip(left, top, width, height);
    }

    void unclip() {
        canvas.unclip();
    }

    /** A horizontal reference line across the panel. */
    void hline(double v, Rgba color, boolean dashed) {
        if (v >= yMin && v <= yMax) {
            canvas.line(left, y(v), left + width, y(v), color, 1.3, dashed);
        }
    }

    /** The series' min/max envelope, joined column to column, broken at gaps. */
    void envelope(Decimator.Columns c, Rgba color, double lineWidth) {
        int n = c.size();
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (c.gap()[i]) {
                canvas.polyline(xs, ys, k, color, lineWidth);
                k = 0;
                continue;
            }
            if (!c.has(i)) {
                continue;
            }
            double first = c.minFirst()[i] ? c.min()[i] : c.max()[i];
            double second = c.minFirst()[i] ? c.max()[i] : c.min()[i];
            xs[k] = x(i);
            ys[k++] = y(first);
            if (second != first) {
                xs[k] = x(i);
                ys[k++] = y(second);
            }
        }
        canvas.polyline(xs, ys, k, color, lineWidth);
    }

    /** A filled area from {@code base} up to each column's mean, broken at gaps. */
    void area(Decimator.Columns c, double base, Rgba color) {
        int n = c.size();
        double[] xs = new double[n + 2];
        double[] ys = new double[n + 2];
        int k = 0;
        for (int i = 0; i <= n; i++) {
            boolean end = i == n || c.gap()[i];
            if (end) {
                if (k > 0) {
                    xs[k] = xs[k - 1];
                    ys[k] = y(base);
                    xs[k + 1] = xs[0];
                    ys[k + 1] = y(base);
                    canvas.fillPolygon(xs, ys, k + 2, color);
                }
                k = 0;
                continue;
            }
            if (c.has(i)) {
                xs[k] = x(i);
                ys[k++] = y(c.mean()[i]);
            }
        }
    }

    /** Fills whole-height columns where {@code shade[c]} is set (steering periods). */
    void shadeColumns(boolean[] shade, Rgba color) {
        int start = -1;
        for (int i = 0; i <= shade.length; i++) {
            boolean on = i < shade.length && shade[i];
            if (on && start < 0) {
                start = i;
            } else if (!on && start >= 0) {
                canvas.fillRect(left + start, top, i - start, height, color);
                start = -1;
            }
        }
    }

    /** A rectangle one column wide (zone bands). */
    void rect(int column, double y, double h, Rgba color) {
        canvas.fillRect(left + column, y, 1.0, h, color);
    }

    /** A row label inside the panel's left edge. */
    void label(String text, double baselineY) {
        canvas.fillRect(left + 2, baselineY - 12, text.length() * 7.0 + 8, 16, new Rgba(255, 255, 255, 200));
        canvas.text(text, left + 6, baselineY, TEXT, 11, Canvas.Align.LEFT, true);
    }

    /** Colour boxes with names, right-aligned along the panel's top edge. */
    void zoneLegend(String[] names, Rgba[] colors) {
        double x = left + width - 4;
        for (int i = names.length - 1; i >= 0; i--) {
            double w = names[i].length() * 6.8 + 22;
            x -= w;
            canvas.fillRect(x, top + 4, 10, 10, colors[i]);
            canvas.text(names[i], x + 14, top + 13, TEXT, 10, Canvas.Align.LEFT, false);
        }
        canvas.text("zones", left + 6, top + 13, TEXT, 11, Canvas.Align.LEFT, true);
    }
}
