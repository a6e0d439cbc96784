package dev.wanctl.sim.plot;

/**
 * A colour with alpha, 0-255 per channel. The plot's own type instead of {@code java.awt.Color}, so
 * that laying out a chart and writing SVG load nothing of {@code java.desktop}; only
 * {@link PngCanvas} converts to Java2D.
 */
record Rgba(int red, int green, int blue, int alpha) {

    static final Rgba WHITE = new Rgba(255, 255, 255);

    Rgba {
        if ((red | green | blue | alpha) < 0 || red > 255 || green > 255 || blue > 255 || alpha > 255) {
            throw new IllegalArgumentException("colour channels are 0-255, got " + red + "," + green + "," + blue + "," + alpha);
        }
    }

    /** An opaque colour. */
    Rgba(int red, int green, int blue) {
        this(red, green, blue, 255);
    }

    /** The colour as 0xRRGGBB, as an image's pixel holds it. */
    int rgb() {
        return red << 16 | green << 8 | blue;
    }
}
