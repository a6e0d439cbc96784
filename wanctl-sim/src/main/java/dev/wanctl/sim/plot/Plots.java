package dev.wanctl.sim.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Draws a flight recording to a PNG or SVG file, chosen by the file's extension. */
public final class Plots {

    private Plots() {
    }

    /**
     * Writes {@code recording} to {@code out} ({@code .png} or {@code .svg}).
     *
     * @throws UnsupportedOperationException for a PNG on a Java runtime without {@code java.desktop}
     *     (the packaged runtime leaves it out); SVG always works
     */
    public static void write(Recording recording, Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new IllegalArgumentException("plot file must end in .png or .svg, got " + out);
        }
        FlightPlot plot = new FlightPlot(recording);
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            if (svg) {
                SvgCanvas c = new SvgCanvas(FlightPlot.WIDTH, plot.height());
                plot.draw(c);
                Files.writeString(out, c.svg(), StandardCharsets.UTF_8);
            } else {
                PngFile.write(plot, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + out + ": " + e.getMessage(), e);
        } catch (NoClassDefFoundError | UnsatisfiedLinkError e) {
            throw new UnsupportedOperationException("PNG plots need the Java module java.desktop, which this runtime"
                    + " does not have (the packaged runtime leaves it out to stay small): write an .svg instead", e);
        }
    }

    /** Whether PNG plots can be drawn on this Java runtime. */
    public static boolean pngAvailable() {
        return ModuleLayer.boot().findModule("java.desktop").isPresent();
    }
}
