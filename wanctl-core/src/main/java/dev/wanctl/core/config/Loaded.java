package dev.wanctl.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of loading one config: the config when valid, and every error and warning.
 *
 * @param config null when there are errors
 */
public record Loaded<T>(Path source, T config, List<ConfigProblem> errors, List<ConfigProblem> warnings) {

    public Loaded {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return errors.isEmpty() && config != null;
    }

    /** All errors as one message, one per line, each prefixed by the file name. */
    public String errorReport() {
        StringBuilder sb = new StringBuilder();
        for (ConfigProblem p : errors) {
            sb.append(source).append(": ").append(p).append('\n');
        }
        return sb.toString();
    }
}
