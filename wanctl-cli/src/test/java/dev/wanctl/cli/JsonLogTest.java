package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.emulator.RouterEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --log-format json}: every line the daemon writes to stdout is one JSON object (jq reads it). */
class JsonLogTest {

    @Test
    void oneCycleWithJsonLogsWritesOnlyJsonObjectsToStdout(@TempDir Path dir) throws Exception {
        try (RouterEmulator router = RouterEmulator.builder().sshPort(-1).restTlsPort(-1).start()) {
            String yaml = Files.readString(Path.of("..", "configs", "spectrum.yaml"))
                    .replaceAll("/var/lib/wanctl/", dir + "/").replaceAll("/run/wanctl/", dir + "/")
                    .replaceFirst("(?ms)^router:.*?(?=^\\S)", """
                            router:
                              transport: rest
                              host: 127.0.0.1
                              port: %d
                              scheme: http
                              user: %s
                              password: %s

                            """.formatted(router.restPort(), router.user(), router.password()));
            Path config = Files.writeString(dir.resolve("spectrum.yaml"), yaml);

            PrintStream realOut = System.out;
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            int exit;
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            try {
                exit = Main.run("autorate", "--config", config.toString(), "--once", "--log-format", "json");
            } finally {
                System.setOut(realOut);
                dev.wanctl.cli.logging.Logging.configure(dev.wanctl.cli.logging.LogFormat.PLAIN, null, false);
            }

            List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(exit).as(String.join("\n", lines)).isZero();
            assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
            JsonMapper json = JsonMapper.builder().build();
            List<JsonNode> objects = lines.stream().map(json::readTree).toList();
            assertThat(objects).allSatisfy(o -> assertThat(o.path("wan").asString()).isIn("spectrum", "wanctl"));
            // the cycle line itself is among them, as a message
            assertThat(objects).anySatisfy(o -> assertThat(o.path("message").asString()).contains("DL", "UL"));
        }
    }
}
