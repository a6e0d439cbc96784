package dev.wanctl.sim.plot;


/**
 * Drawing primitives in pixel coordinates (origin top left), so one chart layout renders to PNG
 * (Java2D) and to SVG (text) alike.
 */
interface Canvas {

    /** Horizontal text alignment relative to x. */
    enum Align { LEFT, CENTER, RIGHT }

    void fillRect(double x, double y, double w, double h, Rgba color);

    void line(double x1, double y1, double x2, double y2, Rgba color, double width, boolean dashed);

    /** A connected line through n points. */
    void polyline(double[] xs, double[] ys, int n, Rgba color, double width);

    /** A filled polygon through n points. */
    void fillPolygon(double[] xs, double[] ys, int n, Rgba color);

    /** Text whose baseline is at y. */
    void text(String s, double x, double y, Rgba color, double size, Align align, boolean bold);

    /** Text turned 90 degrees counter-clockwise, centred on (x, y) (y-axis titles). */
    void verticalText(String s, double x, double y, Rgba color, double size);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();
}
