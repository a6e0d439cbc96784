package dev.wanctl.sim.plot;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * PNG output, kept apart from {@link Plots} so that a runtime without {@code java.desktop}
 * (Java2D, ImageIO) can still load {@link Plots} and write SVG.
 */
final class PngFile {

    private PngFile() {}

    static void write(FlightPlot plot, Path out) throws IOException {
        System.setProperty("java.awt.headless", "true");
        PngCanvas c = new PngCanvas(FlightPlot.WIDTH, plot.height());
        plot.draw(c);
        if (!ImageIO.write(c.image(), "png", out.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
