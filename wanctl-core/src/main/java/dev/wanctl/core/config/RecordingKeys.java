package dev.wanctl.core.config;

import static dev.wanctl.core.config.ConfigKey.key;

import java.nio.file.Path;

/** The flight recording keys both daemons share. */
final class RecordingKeys {

    final ConfigKey enabled;
    final ConfigKey file;
    final ConfigKey window;
    final ConfigKey writeInterval;

    RecordingKeys(Schema s) {
        s.add(key("flight_recorder", ValueType.SECTION).ours()
                .doc("The newest cycles kept in memory for `wanctl plot`, written on SIGUSR1 and now and then"));
        enabled = s.add(key("flight_recorder.enabled", ValueType.BOOL).defaultValue(true).ours()
                .doc("Keep a flight recording"));
        file = s.add(key("flight_recorder.file", ValueType.PATH).ours()
                .doc("Where it is written; default <wan_name>_flight.csv beside the state file"));
        window = s.add(key("flight_recorder.window", ValueType.NUMBER).range(1, 3600).defaultValue(600.0).unit("s")
                .ours().doc("How much history it holds (at most 72 000 cycles; 600 s at 50 ms is 12 000 cycles,"
                        + " about 0.8 MB of memory and 1 MB of CSV)"));
        writeInterval = s.add(key("flight_recorder.write_interval", ValueType.NUMBER).range(0, 86400)
                .defaultValue(300.0).unit("s").ours()
                .doc("How often it is written; 0: only on SIGUSR1 (`systemctl kill -s USR1 wanctl@<wan>`) and at"
                        + " shutdown"));
    }

    /** The recording section; its file defaults to {@code <name>_flight.csv} in {@code stateFile}'s directory. */
    RecordingConfig read(ConfigReader r, String name, Path stateFile) {
        Path dir = stateFile == null ? null : stateFile.toAbsolutePath().getParent();
        Path def = (dir == null ? Path.of("/var/lib/wanctl") : dir).resolve(name + "_flight.csv");
        String f = r.string(file);
        return new RecordingConfig(r.bool(enabled), f == null ? def : Path.of(f),
                AutorateConfigBuilder.seconds(r.number(window)),
                AutorateConfigBuilder.seconds(r.number(writeInterval)));
    }
}
