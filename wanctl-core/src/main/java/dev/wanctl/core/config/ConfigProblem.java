package dev.wanctl.core.config;

/**
 * One thing wrong with a config, located by its dotted key path and line so a person can find
 * and fix it: {@code continuous_monitoring.download.floor_red_mbps (line 31): must be <= ...}.
 *
 * @param path dotted key path; empty for the file as a whole
 * @param line 1-based line, 0 when unknown (a missing key)
 */
public record ConfigProblem(String path, int line, String message) {

    /** {@code path (line N): message}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!path.isEmpty()) {
            sb.append(path);
        }
        if (line > 0) {
            sb.append(sb.isEmpty() ? "line " + line : " (line " + line + ")");
        }
        if (!sb.isEmpty()) {
            sb.append(": ");
        }
        return sb.append(message).toString();
    }
}
