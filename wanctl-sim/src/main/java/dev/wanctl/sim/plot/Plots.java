package dev.wanctl.sim.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws a flight recording to a PNG or SVG file, chosen by the file's extension. */
public final class Plots {

    private Plots() {
    }

    /** Writes {@code recording} to {@code out} ({@code .png} or {@code .svg}). */
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
                System.setProperty("java.awt.headless", "true");
                PngCanvas c = new PngCanvas(FlightPlot.WIDTH, plot.height());
                plot.draw(c);
                if (!ImageIO.write(c.image(), "png", out.toFile())) {
                    throw new IOException("no PNG writer available");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + out + ": " + e.getMessage(), e);
        }
    }
}
