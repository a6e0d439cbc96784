package dev.wanctl.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every error and warning of one config, so all are reported at once. */
final class Problems {

    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    void error(String path, int line, String message) {
        errors.add(new ConfigProblem(path, line, message));
    }

    void warn(String path, int line, String message) {
        warnings.add(new ConfigProblem(path, line, message));
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
