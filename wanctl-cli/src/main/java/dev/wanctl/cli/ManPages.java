package dev.wanctl.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages in roff, one per command ({@code wanctl.1}, {@code wanctl-plot.1},
 * {@code wanctl-router-check.1}), from the same model as {@code --help}: name and purpose,
 * synopsis, description, options and parameters, exit status and the related pages.
 */
final class ManPages {

    private ManPages() {}

    /** File name to page text, for the command line and every visible subcommand. */
    static Map<String, String> pages(CommandLine root, String version) {
        Map<String, String> out = new LinkedHashMap<>();
        collect(root, version, out);
        return out;
    }

    private static void collect(CommandLine cl, String version, Map<String, String> out) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.usageMessage().hidden() || spec.name().equals("help")) {
            return;
        }
        out.put(pageName(spec) + ".1", page(spec, version));
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl && !sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub, version, out);
            }
        }
    }

    /** {@code wanctl-router-check} for {@code wanctl router check}. */
    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static String page(CommandSpec spec, String version) {
        StringBuilder sb = new StringBuilder();
        String name = pageName(spec);
        String[] description = spec.usageMessage().description();
        String purpose = description.length == 0 ? "" : plain(spec, description[0]);
        sb.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" 1 \"\" \"wanctl ").append(esc(version))
                .append("\" \"wanctl manual\"\n");
        sb.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(lowerFirst(stripDot(purpose)))).append('\n');
        sb.append(".SH SYNOPSIS\n.nf\n")
                .append(esc(new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                        .synopsis(0).strip()))
                .append("\n.fi\n");
        if (description.length > 0) {
            sb.append(".SH DESCRIPTION\n");
            for (String d : description) {
                String text = plain(spec, d);
                sb.append(text.isBlank() ? ".PP" : esc(text)).append('\n');
            }
        }
        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!params.isEmpty()) {
            sb.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : params) {
                sb.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n")
                        .append(esc(plain(spec, String.join(" ", p.description())))).append('\n');
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            sb.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                sb.append(".TP\n\\fB").append(esc(String.join(", ", o.names()))).append("\\fR");
                if (o.arity().max() > 0) {
                    sb.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
                }
                sb.append('\n').append(esc(optionText(spec, o))).append('\n');
            }
        }
        List<String> subs = new ArrayList<>();
        spec.subcommands().forEach((n, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && !n.equals("help") && sub.getParent() == spec.commandLine()) {
                String[] d = sub.getCommandSpec().usageMessage().description();
                subs.add(".TP\n\\fB" + esc(n) + "\\fR\n" + esc(d.length == 0 ? "" : plain(sub.getCommandSpec(), d[0])));
            }
        });
        if (!subs.isEmpty()) {
            sb.append(".SH COMMANDS\n");
            subs.forEach(s -> sb.append(s).append('\n'));
        }
        sb.append(".SH EXIT STATUS\n0 success; 1 failure; 2 usage error; 75 another instance holds the lock; 77 the"
                + " router rejected the credentials; 78 the configuration is invalid.\n");
        sb.append(".SH SEE ALSO\n");
        if (spec.parent() == null) {
            List<String> refs = new ArrayList<>();
            spec.subcommands().forEach((n, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden() && !n.equals("help") && sub.getParent() == spec.commandLine()) {
                    refs.add("\\fB" + esc(pageName(sub.getCommandSpec())) + "\\fR(1)");
                }
            });
            sb.append(String.join(", ", refs)).append('\n');
        } else {
            sb.append("\\fB").append(esc(pageName(spec.parent()))).append("\\fR(1)\n");
        }
        sb.append(".PP\n/usr/share/doc/wanctl/OPERATIONS.md, /usr/share/doc/wanctl/CONFIGURATION.md\n");
        return sb.toString();
    }

    private static String optionText(CommandSpec spec, OptionSpec o) {
        String text = plain(spec, String.join(" ", o.description()));
        if (o.defaultValue() != null) {
            text = text.replace("${DEFAULT-VALUE}", o.defaultValue());
        }
        if (o.completionCandidates() != null) {
            List<String> c = new ArrayList<>();
            o.completionCandidates().forEach(c::add);
            text = text.replace("${COMPLETION-CANDIDATES}", String.join(", ", c));
        }
        return text;
    }

    /** Description text with picocli's markup variables resolved or removed. */
    private static String plain(CommandSpec spec, String s) {
        return s.replace("${COMMAND-NAME}", spec.name()).replace("${COMMAND-FULL-NAME}", spec.qualifiedName())
                .replace("%n", " ");
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1))) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Escapes roff: backslashes, hyphens, and a line that would start with a control character. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String l = line.replace("\\", "\\e").replace("-", "\\-");
            if (l.startsWith(".") || l.startsWith("'")) {
                l = "\\&" + l;
            }
            out.append(l);
        }
        return out.toString();
    }
}
