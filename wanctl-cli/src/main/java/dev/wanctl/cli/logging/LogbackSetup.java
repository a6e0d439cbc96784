package dev.wanctl.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;

/**
 * Logback's configuration, built in code from the {@code wanctl.log.*} system properties (see
 * {@link Logging}): found by logback through the service loader, so no XML configuration is read.
 * Joran and the XML parser cost a daemon some 500 classes and their metadata for what is one
 * console appender with one of two encoders.
 *
 * <p>Plain lines: {@code <yyyy-MM-dd HH:mm:ss,SSS> [<wan>] [<LEVEL>] <message>}; JSON: one
 * logstash object per line with {@code wan} added and {@code @version}/{@code level_value} left
 * out (docs/LOGGING.md is the contract). Libraries stay at INFO even with debug on: sshj and okhttp
 * are chatty at DEBUG.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogbackSetup extends ContextAwareBase implements Configurator {


    @Override
    public ExecutionStatus configure(LoggerContext context) {
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** (Re)builds the one appender and the levels from the current system properties. */
    static void apply(LoggerContext context) {
        context.reset();
        String wan = System.getProperty(Logging.WAN_PROPERTY, "wanctl");
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setTarget(System.getProperty(Logging.TARGET_PROPERTY, "System.err"));
        console.setEncoder(Logging.format() == LogFormat.JSON ? json(context, wan) : plain(context, wan));
        console.start();

        context.getLogger("dev.wanctl").setLevel(Level.toLevel(System.getProperty(Logging.LEVEL_PROPERTY), Level.INFO));
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
    }

    private static Encoder<ILoggingEvent> plain(LoggerContext context, String wan) {
        // the WAN name is literal text in the pattern: escape what the pattern language would read
        String literal = wan.replace("\\", "\\\\").replace("%", "\\%");
        return wrap(context, layout(context,
                "%syslogPrefix%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} [" + literal + "] [%level] %msg%n"));
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context, String wan) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setCustomFields("{\"wan\":\"" + jsonEscape(wan) + "\"}");
        encoder.getFieldNames().setVersion("[ignore]");
        encoder.getFieldNames().setLevelValue("[ignore]");
        encoder.setPrefix(wrap(context, layout(context, "%syslogPrefix")));
        encoder.start();
        return encoder;
    }

    private static PatternLayout layout(LoggerContext context, String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("syslogPrefix", SyslogPrefixConverter::new);
        layout.setPattern(pattern);
        layout.start();
        return layout;
    }

    private static Encoder<ILoggingEvent> wrap(LoggerContext context, PatternLayout layout) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
