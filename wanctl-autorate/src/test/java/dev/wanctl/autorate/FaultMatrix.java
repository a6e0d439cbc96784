package dev.wanctl.autorate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fault matrix's results as a table (row, what was asserted, the measured figure), printed
 * when the suite ends and written to {@code target/fault-matrix.md} for the closing notes.
 */
final class FaultMatrix {

    record Result(String row, String asserted, String measured) {}

    private static final List<Result> RESULTS = new ArrayList<>();

    private FaultMatrix() {}

    static synchronized void record(String row, String asserted, String measured) {
        RESULTS.add(new Result(row, asserted, measured));
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Prints the table and writes it under target/ (the module's build directory). */
    static synchronized void publish(String title) {
        StringBuilder sb = new StringBuilder("## ").append(title).append("\n\n| row | asserted | measured |\n|---|---|---|\n");
        for (Result r : RESULTS) {
            sb.append("| ").append(r.row()).append(" | ").append(r.asserted()).append(" | ").append(r.measured())
                    .append(" |\n");
        }
        System.out.println(sb);
        try {
            Path out = Path.of("target", "fault-matrix.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, sb.toString(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            System.out.println("could not write target/fault-matrix.md: " + e);
        }
        RESULTS.clear();
    }
}
