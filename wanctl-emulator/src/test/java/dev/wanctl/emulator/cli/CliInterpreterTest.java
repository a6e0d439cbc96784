package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.model.FixtureLoader;
import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.runtime.Clock;
import org.junit.jupiter.api.Test;

/** Console semantics without a socket: item references, conditions, modifiers, scripts. */
class CliInterpreterTest {

    private final RouterState state = RouterState.of(FixtureLoader.defaultFixture(), Clock.system());
    private final CliInterpreter cli = new CliInterpreter(state, CliLayout.OLD);

    private String run(String script) {
        return cli.run(script, 80, Transport.SSH).output().replace("\r\n", "\n");
    }

    @Test
    void itemsCanBeNamedByConsoleNumberIdOrName() {
        assertThat(run("/queue tree set 0 max-limit=1M; :put [/queue tree get *1000000 max-limit]")).isEqualTo("1000000\n");
        assertThat(run("/queue tree set WAN-Upload-ATT max-limit=2M; :put [/queue tree get 3 max-limit]"))
                .isEqualTo("2000000\n");
    }

    @Test
    void conditionsCombineWithAndOrNotAndParentheses() {
        assertThat(run(":put [/queue tree print count-only where disabled=no and name~\"Spectrum\"]")).isEqualTo("2\n");
        assertThat(run(":put [/queue tree print count-only where (name=\"WAN-Upload-ATT\" or name=WAN-Download-ATT) && !disabled]"))
                .isEqualTo("2\n");
        assertThat(run(":put [/queue tree print count-only where max-limit>100M]")).isEqualTo("1\n");
        assertThat(run(":put [/ip firewall mangle find disabled]")).isEqualTo("*2\n");
    }

    @Test
    void proplistLimitsPrintedFields() {
        assertThat(run("/queue tree print proplist=name,max-limit where name=WAN-Upload-ATT"))
                .isEqualTo("Flags: X - disabled, I - invalid\n 3   name=\"WAN-Upload-ATT\" max-limit=18M\n");
    }

    @Test
    void commentShowsOnItsOwnLineAndValuesWithSpacesAreQuoted() {
        String out = run("/queue tree set [find name=\"WAN-Upload-ATT\"] comment=\"my queue\" packet-mark=\"a b\"; "
                + "/queue tree print terse where name=WAN-Upload-ATT; /queue tree print where name=WAN-Upload-ATT");

        assertThat(out).startsWith(" 3   comment=\"my queue\" name=WAN-Upload-ATT parent=global packet-mark=\"a b\"");
        assertThat(out).contains("Flags: X - disabled, I - invalid\n 3   ;;; my queue\n     name=\"WAN-Upload-ATT\"");
    }

    @Test
    void multiLineScriptsReportTheLineOfAnError() {
        assertThat(run("/queue tree print count-only\n:put hello\n/queue tree sett"))
                .isEqualTo("bad command name sett (line 3 column 13)\n");
        assertThat(run("/queue tree print count-only\n:put hello")).isEqualTo("4\nhello\n");
    }

    @Test
    void runtimeErrorStopsTheRestButKeepsWhatRan() {
        String out = run("/queue tree set 0 max-limit=5M; /queue tree set 0 max-limit=lots; /queue tree set 1 max-limit=5M");

        assertThat(out).isEqualTo("invalid value for argument max-limit\n");
        assertThat(state.maxLimitBps("WAN-Download-Spectrum")).isEqualTo(5_000_000L);
        assertThat(state.maxLimitBps("WAN-Upload-Spectrum")).isEqualTo(38_000_000L);
    }

    @Test
    void otherErrorTexts() {
        assertThat(run("/interface print")).isEqualTo("bad command name interface (line 1 column 2)\n");
        assertThat(run(":foo")).isEqualTo("bad command name foo (line 1 column 1)\n");
        assertThat(run("/queue tree print where name=\"a\" ]")).isEqualTo("syntax error (line 1 column 34)\n");
        assertThat(run("/queue tree remove")).isEqualTo("missing value(s) of argument(s) numbers\n");
        assertThat(run("/queue tree get [find] name")).isEqualTo("invalid internal item number\n");
        assertThat(run("/queue type enable 0")).isEqualTo("bad command name enable (line 1 column 13)\n");
    }

    @Test
    void onlyAPathChangesNothingAndPrintsNothing() {
        assertThat(run("/queue tree")).isEmpty();
    }

    @Test
    void writesAreClassifiedForRequestCounting() {
        assertThat(CliInterpreter.kindOf("/queue tree print stats")).isEqualTo(RequestKind.READ);
        assertThat(CliInterpreter.kindOf(":put [/queue tree get [find name=x] max-limit]")).isEqualTo(RequestKind.READ);
        assertThat(CliInterpreter.kindOf("/ip firewall mangle disable [find comment=x]")).isEqualTo(RequestKind.WRITE);
        assertThat(CliInterpreter.kindOf("/queue tree sett")).isEqualTo(RequestKind.READ);
    }
}
