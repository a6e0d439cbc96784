package dev.wanctl.sim.plot;

import java.util.Locale;

/** A {@link Canvas} that writes SVG 1.1 text by hand (no library), with coordinates to 0.1 px. */
final class SvgCanvas implements Canvas {

    private final StringBuilder sb = new StringBuilder();
    private final int width;
    private final int height;
    private int clips;
    private boolean clipped;

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    String svg() {
        if (clipped) {
            sb.append("</g>\n");
            clipped = false;
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
                + sb + "</svg>\n";
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Rgba color) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" ").append(fill(color)).append("/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgba color, double width, boolean dashed) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" ").append(stroke(color, width))
                .append(dashed ? " stroke-dasharray=\"6 4\"" : "").append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Rgba color, double width) {
        if (n < 2) {
            return;
        }
        sb.append("<polyline fill=\"none\" ").append(stroke(color, width))
                .append(" stroke-linejoin=\"round\" points=\"");
        points(xs, ys, n);
        sb.append("\"/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n, Rgba color) {
        if (n < 3) {
            return;
        }
        sb.append("<polygon ").append(fill(color)).append(" points=\"");
        points(xs, ys, n);
        sb.append("\"/>\n");
    }

    @Override
    public void text(String s, double x, double y, Rgba color, double size, Align align, boolean bold) {
        String anchor = switch (align) {
            case LEFT -> "start";
            case CENTER -> "middle";
            case RIGHT -> "end";
        };
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" text-anchor=\"").append(anchor).append("\" ").append(fill(color))
                .append(bold ? " font-weight=\"bold\"" : "").append('>').append(escape(s)).append("</text>\n");
    }

    @Override
    public void verticalText(String s, double x, double y, Rgba color, double size) {
        sb.append("<text transform=\"translate(").append(n(x)).append(' ').append(n(y)).append(") rotate(-90)\" font-size=\"")
                .append(n(size)).append("\" text-anchor=\"middle\" ").append(fill(color)).append('>')
                .append(escape(s)).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        String id = "c" + (++clips);
        sb.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\"/></clipPath>\n")
                .append("<g clip-path=\"url(#").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            sb.append("</g>\n");
            clipped = false;
        }
    }

    private void points(double[] xs, double[] ys, int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(n(xs[i])).append(',').append(n(ys[i]));
        }
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String hex(Rgba c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.red(), c.green(), c.blue());
    }

    private static String fill(Rgba c) {
        return "fill=\"" + hex(c) + "\"" + (c.alpha() < 255
                ? String.format(Locale.ROOT, " fill-opacity=\"%.3f\"", c.alpha() / 255.0) : "");
    }

    private static String stroke(Rgba c, double width) {
        return "stroke=\"" + hex(c) + "\" stroke-width=\"" + n(width) + "\"" + (c.alpha() < 255
                ? String.format(Locale.ROOT, " stroke-opacity=\"%.3f\"", c.alpha() / 255.0) : "");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
