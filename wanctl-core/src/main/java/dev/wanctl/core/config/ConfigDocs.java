package dev.wanctl.core.config;

import java.util.List;
import java.util.Map;

/**
 * Generates {@code docs/CONFIGURATION.md} from the schemas, so every key the loader knows is
 * documented with its unit, default and range, and a key cannot be added without its docs.
 */
public final class ConfigDocs {

    /** How to regenerate the file (its test runs where the registered router backends are seen). */
    public static final String REGENERATE = "mvn -B -pl wanctl-routeros -am test -Dtest=ConfigurationDocsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dwanctl.updateDocs=true";

    private ConfigDocs() {}

    /** docs/CONFIGURATION.md's text. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Configuration reference\n\n");
        sb.append("<!-- Generated from the config schema (dev.wanctl.core.config.ConfigDocs); do not edit by hand.\n");
        sb.append("     Regenerate: " + REGENERATE + " -->\n\n");
        sb.append("Two kinds of file: an **autorate** config per WAN (`/etc/wanctl/<wan>.yaml`, for\n");
        sb.append("`wanctl@<wan>`) and one **steering** config (`/etc/wanctl/steering.yaml`). `wanctl check-config`\n");
        sb.append("validates both and reports every problem at once with its key path and line.\n\n");
        sb.append("- Rates are Mbit/s in files and bit/s inside; times are in the unit given.\n");
        sb.append("- Origin: **reference** keys are those of the Python wanctl v1.1 and mean the same;\n");
        sb.append("  **reference-later** keys were added by later Python versions and mean the same (off when\n");
        sb.append("  absent); **wanctl** keys are this implementation's own.\n");
        sb.append("- Booleans also accept YAML 1.1's `yes`/`no`/`on`/`off`, as the Python version did.\n");
        sb.append("- Unknown keys are warnings (with a \"did you mean\"), never errors.\n");
        sb.append("- A `${NAME}` password is read from the environment variable `NAME`, else from the systemd\n");
        sb.append("  credential `NAME` (`$CREDENTIALS_DIRECTORY/NAME`).\n\n");
        schema(sb, "Autorate config", AutorateSchema.SCHEMA);
        schema(sb, "Steering config", SteeringSchema.SCHEMA);
        return sb.toString();
    }

    private static void schema(StringBuilder sb, String title, Schema s) {
        sb.append("## ").append(title).append("\n\n");
        String section = null;
        for (ConfigKey k : s.keys()) {
            if (k.type() == ValueType.SECTION) {
                continue;
            }
            String parent = k.parent();
            if (!parent.equals(section)) {
                section = parent;
                sb.append("\n### ").append(parent.isEmpty() ? "Top level" : "`" + parent + "`").append("\n\n");
                s.key(parent).filter(p -> !p.description().isEmpty())
                        .ifPresent(p -> sb.append(p.description()).append(".\n\n"));
                sb.append("| key | allowed | default | unit | meaning | origin |\n");
                sb.append("|---|---|---|---|---|---|\n");
            }
            sb.append("| `").append(k.name()).append("` | ").append(cell(k.allowed()))
                    .append(k.required() ? " (required)" : "").append(" | ").append(cell(defaultText(k)))
                    .append(" | ").append(k.unit()).append(" | ").append(cell(k.description()))
                    .append(k.deprecation() != null ? " **Deprecated:** use " + cell(k.deprecation()) + "." : "")
                    .append(" | ").append(k.origin()).append(" |\n");
        }
        Map<String, String> ignored = s.ignoredSections();
        if (!ignored.isEmpty()) {
            sb.append("\n### Recognised and ignored\n\n");
            sb.append("Keys of later Python versions that this implementation does not have; each gives a warning.\n\n");
            for (String k : ignored.keySet()) {
                sb.append("- `").append(k).append("`\n");
            }
        }
        sb.append('\n');
    }

    private static String defaultText(ConfigKey k) {
        Object d = k.defaultValue();
        if (d == null) {
            return "";
        }
        if (d instanceof List<?> l) {
            return l.isEmpty() ? "[]" : l.toString();
        }
        if (d instanceof Double v) {
            return ConfigKey.fmt(v);
        }
        if (d instanceof String str && str.isEmpty()) {
            return "\"\"";
        }
        return String.valueOf(d);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
