package dev.wanctl.routeros.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import org.junit.jupiter.api.Test;

class CliCommandsTest {

    @Test
    void commandsAreTheConsoleFormsWithQuotedNames() {
        assertThat(CliCommands.setMaxLimit("WAN-Download", 500_000_000L))
                .isEqualTo("/queue tree set [find name=\"WAN-Download\"] max-limit=500000000");
        assertThat(CliCommands.countQueues("WAN-Download"))
                .isEqualTo(":put [/queue tree print count-only where name=\"WAN-Download\"]");
        assertThat(CliCommands.queueStats("WAN-Download"))
                .isEqualTo("/queue tree print stats detail where name=\"WAN-Download\"");
        assertThat(CliCommands.setRuleEnabled("ADAPTIVE-STEER", false))
                .isEqualTo("/ip firewall mangle disable [find comment=\"ADAPTIVE-STEER\"]");
        assertThat(CliCommands.ruleDetail("ADAPTIVE STEER"))
                .isEqualTo("/ip firewall mangle print detail where comment=\"ADAPTIVE STEER\"");
    }

    @Test
    void aNameCannotEndTheStringExpandAVariableOrStartACommand() {
        String hostile = "x\"] ; /system reboot ; :put [\"$user\\?\n";

        assertThat(CliCommands.quote(hostile))
                .isEqualTo("\"x\\\"] ; /system reboot ; :put [\\\"\\$user\\\\\\?\\0A\"");
    }

    @Test
    void consoleErrorsAreRecognisedAndNoSuchItemIsNotFound() {
        assertThatThrownBy(() -> CliErrors.check("r1", "cmd", "no such item\n"))
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.NOT_FOUND));
        assertThatThrownBy(() -> CliErrors.check("r1", "cmd", "syntax error (line 1 column 12)\n"))
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.ROUTER_ERROR))
                .hasMessageContaining("syntax error (line 1 column 12)");
        assertThatThrownBy(() -> CliErrors.check("r1", "cmd", "bad command name foo (line 1 column 2)"))
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.ROUTER_ERROR));
        assertThatThrownBy(() -> CliErrors.check("r1", "cmd", "value of max-limit out of range (0..4294967295)"))
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.ROUTER_ERROR));
        assertThatThrownBy(() -> CliErrors.check("r1", "cmd", "failure: already have such entry"))
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.ROUTER_ERROR));
    }

    @Test
    void aCommentMentioningAnErrorIsNotAnError() throws Exception {
        CliErrors.check("r1", "cmd", """
                Flags: X - disabled, I - invalid; D - dynamic
                 4 X  ;;; failure: no such item in old setup
                      chain=prerouting action=accept
                """);
    }
}
