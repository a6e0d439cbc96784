package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package's man pages and completion come from the command model, one page per command. */
class GenerateDocsCommandTest {

    @Test
    void everyVisibleCommandGetsAManPageAndTheCompletionKnowsEveryCommand(@TempDir Path dir) throws Exception {
        Path man = dir.resolve("man");
        Path completion = dir.resolve("wanctl.bash");
        CliRunner.Result r = CliRunner.run("generate-docs", "--man-dir", man.toString(), "--completion",
                completion.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(man.resolve("wanctl.1")).content().contains(".SH NAME\nwanctl \\- ", ".SH COMMANDS",
                "\\fBwanctl\\-plot\\fR(1)");
        assertThat(man.resolve("wanctl-router-check.1")).exists();
        String plot = Files.readString(man.resolve("wanctl-plot.1"));
        assertThat(plot).contains(".TH \"WANCTL-PLOT\" 1", "\\fB\\-\\-out\\fR \\fIF\\fR", ".SH EXIT STATUS");
        try (var pages = Files.list(man)) {
            assertThat(pages.map(p -> p.getFileName().toString()))
                    .contains("wanctl-autorate.1", "wanctl-steering.1", "wanctl-check-config.1", "wanctl-status.1")
                    .doesNotContain("wanctl-generate-docs.1", "wanctl-help.1");
        }
        assertThat(completion).content().contains("autorate", "check-config", "emulate-router", "--out");
    }
}
