package dev.wanctl.sim.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.runtime.FlightRecorder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlightPlotTest {

    /** Ten minutes of a made-up daemon: a congestion episode with zones, steering and writes. */
    static Recording daemonLike() {
        FlightRecorder rec = new FlightRecorder(20_000);
        FlightRecorder.Cycle c = new FlightRecorder.Cycle();
        double load = 25;
        long dl = 940_000_000L;
        for (int i = 0; i < 12_000; i++) {
            double t = i * 0.05;
            boolean congested = t > 120 && t < 300;
            double rtt = 25 + (congested ? 60 * Math.sin((t - 120) / 180 * Math.PI) : 0) + (i % 7) * 0.3;
            load += 0.1 * (rtt - load);
            double delta = load - 25;
            byte zone = delta > 80 ? FlightRecorder.ZONE_RED : delta > 45 ? FlightRecorder.ZONE_SOFT_RED
                    : delta > 15 ? FlightRecorder.ZONE_YELLOW : FlightRecorder.ZONE_GREEN;
            long before = dl;
            if (zone == FlightRecorder.ZONE_RED) {
                dl = Math.max(200_000_000L, (long) (dl * 0.9));
            } else if (zone == FlightRecorder.ZONE_GREEN) {
                dl = Math.min(940_000_000L, dl + 10_000_000L);
            }
            c.clear();
            c.timeNanos = 1_000_000_000_000L + i * 50_000_000L;
            c.rttMs = i % 500 == 0 ? Double.NaN : rtt;
            c.loadEwmaMs = load;
            c.baselineMs = 25;
            c.deltaMs = delta;
            c.dlZone = zone;
            c.ulZone = zone == FlightRecorder.ZONE_SOFT_RED ? FlightRecorder.ZONE_RED : zone;
            c.dlRateBps = dl;
            c.ulRateBps = 38_000_000L;
            c.wrote = dl != before;
            c.steering = t > 150 && t < 320;
            rec.record(c);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("wan", "spectrum");
        meta.put("target_bloat_ms", "15");
        meta.put("warn_bloat_ms", "45");
        meta.put("hard_red_bloat_ms", "80");
        meta.put("dl_ceiling_bps", "940000000");
        return Recording.of(rec, meta);
    }

    @Test
    void pngHasEveryPanelOfADaemonRecording(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("daemon.png");
        Plots.write(daemonLike(), png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(FlightPlot.WIDTH);
        // RTT, delta, zones, DL rate, UL rate (no simulation truth: no added-latency panel)
        assertThat(img.getHeight()).isEqualTo(62 + 52 + 210 + 150 + 62 + 180 + 180 + 4 * 14);
        assertThat(colours(img)).as("zone colours drawn").contains(FlightPlot.ZONES[0].rgb(),
                FlightPlot.ZONES[1].rgb(), FlightPlot.ZONES[3].rgb());
    }

    @Test
    void svgIsWellFormedXmlWithTheSameContent(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("daemon.svg");
        Plots.write(daemonLike(), svg);
        String text = Files.readString(svg);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(text)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(text).contains("delta = load - baseline", "hard red 80", "SOFT_RED", "steered", "time (seconds)");
        assertThat(text.length()).as("decimated: a few hundred KB at most").isLessThan(600_000);
    }

    @Test
    void svgIsWrittenOnARuntimeWithoutJavaDesktop(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("no-desktop.svg");
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(javaBin, "--limit-modules", "java.base,java.xml,java.logging",
                "-cp", System.getProperty("java.class.path"), SvgWithoutDesktop.class.getName(), svg.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).contains("java.desktop absent");
        assertThat(Files.readString(svg)).contains("<svg", "delta = load - baseline");
    }

    /** Writes an SVG plot in a JVM whose module graph lacks java.desktop (see the test above). */
    static final class SvgWithoutDesktop {
        public static void main(String[] args) {
            if (ModuleLayer.boot().findModule("java.desktop").isPresent()) {
                throw new IllegalStateException("java.desktop is present: the test proves nothing");
            }
            System.out.println("java.desktop absent");
            Plots.write(daemonLike(), Path.of(args[0]));
        }
    }

    @Test
    void pngOnARuntimeWithoutJavaDesktopSaysToWriteSvg(@TempDir Path dir) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(javaBin, "--limit-modules", "java.base,java.xml,java.logging",
                "-cp", System.getProperty("java.class.path"), SvgWithoutDesktop.class.getName(),
                dir.resolve("x.png").toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isNotZero();
        assertThat(output).contains("PNG plots need the Java module java.desktop", "write an .svg instead");
    }

    @Test
    void otherExtensionsAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> Plots.write(daemonLike(), dir.resolve("x.jpg"))).hasMessageContaining(".png or .svg");
    }

    @Test
    void csvWithoutHeaderIsNotAFlightRecording() {
        assertThatThrownBy(() -> Recording.parse("x.csv", new StringReader("# a=b\n1,2,3\n")))
                .hasMessageContaining("not a flight recording");
    }

    @Test
    void csvRoundTripKeepsValuesAndUnknowns() {
        Recording r = daemonLike();
        assertThat(r.rows()).isEqualTo(12_000);
        assertThat(r.column(Recording.Column.RTT_MS)[0]).isNaN();
        assertThat(r.column(Recording.Column.RTT_MS)[1]).isEqualTo(25.3, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(r.has(Recording.Column.DL_CAPACITY_BPS)).isFalse();
        assertThat(r.metaNumber("warn_bloat_ms", 0)).isEqualTo(45);
    }

    private static java.util.Set<Integer> colours(BufferedImage img) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                out.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return out;
    }
}
