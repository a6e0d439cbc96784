package dev.wanctl.sim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** A {@link Canvas} drawing with Java2D into an image (headless). */
final class PngCanvas implements Canvas {

    private final BufferedImage image;
    private final Graphics2D g;

    PngCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    BufferedImage image() {
        g.dispose();
        return image;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Rgba color) {
        g.setColor(awt(color));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgba color, double width, boolean dashed) {
        g.setColor(awt(color));
        g.setStroke(stroke(width, dashed));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Rgba color, double width) {
        if (n < 2) {
            return;
        }
        g.setColor(awt(color));
        g.setStroke(stroke(width, false));
        g.draw(path(xs, ys, n));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n, Rgba color) {
        if (n < 3) {
            return;
        }
        Path2D.Double p = path(xs, ys, n);
        p.closePath();
        g.setColor(awt(color));
        g.fill(p);
    }

    @Override
    public void text(String s, double x, double y, Rgba color, double size, Align align, boolean bold) {
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
        g.setColor(awt(color));
        double w = g.getFontMetrics().stringWidth(s);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        g.drawString(s, (float) left, (float) y);
    }

    @Override
    public void verticalText(String s, double x, double y, Rgba color, double size) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        text(s, 0, 0, color, size, Align.CENTER, false);
        g.setTransform(saved);
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.setClip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }

    private static Color awt(Rgba c) {
        return new Color(c.red(), c.green(), c.blue(), c.alpha());
    }

    private static Path2D.Double path(double[] xs, double[] ys, int n) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        return p;
    }

    private static BasicStroke stroke(double width, boolean dashed) {
        return dashed
                ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
