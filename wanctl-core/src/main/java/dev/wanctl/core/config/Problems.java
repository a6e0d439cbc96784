package dev.wanctl.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every error and warning of one config, so all are reported at once; a key read twice
 * reports its problem once.
 */
final class Problems {

    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    void error(String path, int line, String message) {
        addOnce(errors, new ConfigProblem(path, line, message));
    }

    void warn(String path, int line, String message) {
        addOnce(warnings, new ConfigProblem(path, line, message));
    }

    private static void addOnce(List<ConfigProblem> list, ConfigProblem p) {
        if (!list.contains(p)) {
            list.add(p);
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ConfigProblem> errors() {
        return List.copyOf(errors);
    }

    List<ConfigProblem> warnings() {
        return List.copyOf(warnings);
    }
}
