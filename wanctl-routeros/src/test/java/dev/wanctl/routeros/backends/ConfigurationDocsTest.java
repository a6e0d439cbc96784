package dev.wanctl.routeros.backends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.ConfigDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/CONFIGURATION.md is exactly what the schema generates: a new key without docs fails here.
 * It runs here, not in core, because {@code router.transport}'s choices are the registered backends.
 */
class ConfigurationDocsTest {

    private static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");

    @Test
    void configurationReferenceMatchesTheSchema() throws IOException {
        String generated = ConfigDocs.markdown();
        if (Boolean.getBoolean("wanctl.updateDocs")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        String onDisk = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        assertThat(onDisk)
                .as("docs/CONFIGURATION.md is out of date; regenerate it with: " + ConfigDocs.REGENERATE)
                .isEqualTo(generated);
    }
}
