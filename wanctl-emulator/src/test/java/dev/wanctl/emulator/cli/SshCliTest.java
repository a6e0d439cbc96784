package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.emulator.model.WriteRecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH console over a real sshj connection: the commands of routeros-api.md §5.2 and those the
 * SSH transport sends, both path syntaxes, output layouts and error texts. One connection is kept
 * open for all tests, as the SSH transport does.
 */
class SshCliTest {

    private static final String RULE = "ADAPTIVE: Steer latency-sensitive to ATT";

    @TempDir
    static Path tmp;

    private static RouterEmulator router;
    private static SshExec ssh;

    @BeforeAll
    static void start() throws Exception {
        router = RouterEmulator.builder().restPort(-1).restTlsPort(-1).start();
        ssh = new SshExec(router, tmp);
    }

    @AfterAll
    static void stop() throws Exception {
        ssh.close();
        router.close();
    }

    @BeforeEach
    void resetState() throws Exception {
        ssh.exec("/queue tree set [find name=\"WAN-Download-Spectrum\"] max-limit=940M; "
                + "/ip firewall mangle disable [find comment=\"" + RULE + "\"]");
        router.state().clearWrites();
    }

    @Test
    void setWithFindChangesMaxLimitInBothPathSyntaxes() throws Exception {
        String spaced = ssh.exec("/queue tree set [find name=\"WAN-Download-Spectrum\"] max-limit=500M");
        long afterSpaced = router.state().maxLimitBps("WAN-Download-Spectrum");
        String slashed = ssh.exec("/queue/tree/set [find name=\"WAN-Download-Spectrum\"] max-limit=480000000");

        assertThat(spaced).isEmpty();
        assertThat(slashed).isEmpty();
        assertThat(afterSpaced).isEqualTo(500_000_000L);
        assertThat(router.state().maxLimitBps("WAN-Download-Spectrum")).isEqualTo(480_000_000L);
        assertThat(router.state().maxLimitWrites("WAN-Download-Spectrum"))
                .extracting(WriteRecord::via).containsOnly(Transport.SSH);
    }

    @Test
    void getOfOneValueIsAPlainInteger() throws Exception {
        assertThat(ssh.exec(":put [/queue tree get [find name=\"WAN-Upload-ATT\"] max-limit]")).isEqualTo("18000000\r\n");
    }

    @Test
    void countOnlyTellsWhetherAQueueExists() throws Exception {
        assertThat(ssh.exec(":put [/queue tree print count-only where name=\"WAN-Upload-ATT\"]")).isEqualTo("1\r\n");
        assertThat(ssh.exec(":put [/queue tree print count-only where name=\"nope\"]")).isEqualTo("0\r\n");
    }

    @Test
    void ruleStateIsTrueOrFalseAndEnableDisableFlipIt() throws Exception {
        String before = ssh.exec(":put [/ip firewall mangle get [find comment=\"" + RULE + "\"] disabled]");
        ssh.exec("/ip firewall mangle enable [find comment=\"" + RULE + "\"]");
        String after = ssh.exec(":put [/ip firewall mangle get [find comment=\"" + RULE + "\"] disabled]");

        assertThat(before).isEqualTo("true\r\n");
        assertThat(after).isEqualTo("false\r\n");
        assertThat(router.state().ruleToggles(RULE)).hasSize(1);
    }

    @Test
    void neverWrittenDisabledReadsAsFalse() throws Exception {
        assertThat(ssh.exec(":put [/ip firewall mangle get [find comment=\"LAN: mark new connections\"] disabled]"))
                .isEqualTo("false\r\n");
    }

    @Test
    void statsPutQueuedCountersBeforeBytesAndPackets() throws Exception {
        router.state().addTraffic("WAN-Download-ATT", 67_887, 355, 2);
        router.state().setBacklog("WAN-Download-ATT", 1514, 1);

        String out = ssh.exec("/queue tree print stats where name=\"WAN-Download-ATT\"");

        assertThat(out).startsWith("Flags: X - disabled, I - invalid\r\n 2   name=\"WAN-Download-ATT\" parent=global");
        String flat = out.replaceAll("\\s+", " ");
        assertThat(flat).containsSubsequence("rate=0", "packet-rate=0", "queued-bytes=1514", "queued-packets=1",
                "bytes=67887", "packets=355", "dropped=2");
        assertThat(flat.indexOf(" queued-packets=")).isLessThan(flat.indexOf(" packets="));
    }

    @Test
    void detailShowsHumanisedBandwidthsAndQuotedNames() throws Exception {
        String out = ssh.exec("/queue tree print detail where name=\"WAN-Download-Spectrum\"");

        assertThat(out.replaceAll("\\s+", " ")).contains("name=\"WAN-Download-Spectrum\"", "max-limit=940M",
                "queue=cake-down-spectrum", "packet-mark=spectrum-down", "bucket-size=0.1");
    }

    @Test
    void longItemsWrapOntoIndentedContinuationLines() throws Exception {
        String out = ssh.exec("/queue tree print where name=\"WAN-Download-Spectrum\"");

        String[] lines = out.split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        assertThat(lines[1]).startsWith(" 0   name=");
        assertThat(lines[2]).startsWith("     ").doesNotStartWith("      ");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void aWiderConsoleCanBeAskedForInTheLoginName() throws Exception {
        try (SshExec wide = new SshExec(router, tmp, router.user() + "+ct300w", router.password())) {
            String out = wide.exec("/queue tree print stats where name=\"WAN-Download-Spectrum\"");

            assertThat(out.split("\r\n")).hasSize(2);
        }
    }

    @Test
    void mangleRuleHasFlagColumnsBeforeTheComment() throws Exception {
        String out = ssh.exec("/ip firewall mangle print where comment=\"" + RULE + "\"");

        String[] lines = out.split("\r\n");
        assertThat(lines[0]).isEqualTo("Flags: X - disabled, I - invalid; D - dynamic");
        assertThat(lines[1]).isEqualTo(" 1 X  ;;; " + RULE);
        assertThat(lines[2]).startsWith("      chain=prerouting action=mark-routing new-routing-mark=to_att");
        assertThat(out.replaceAll("\\s+", " ")).contains("new-routing-mark=to_att passthrough=yes dst-address-list=");
    }

    @Test
    void regexWhereMatchesPartOfTheComment() throws Exception {
        String out = ssh.exec("/ip firewall mangle print where comment~\"^ADAPT\"");

        assertThat(out).contains(";;; " + RULE).doesNotContain("LAN: mark");
    }

    @Test
    void terseIsOneLinePerItemWithoutLegend() throws Exception {
        String out = ssh.exec("/queue tree print terse");

        assertThat(out.split("\r\n")).hasSize(4).allSatisfy(l -> assertThat(l).matches(" \\d   name=.*"));
        assertThat(out).contains("name=WAN-Upload-ATT parent=global");
    }

    @Test
    void batchesRunInOrderSeparatedBySemicolons() throws Exception {
        String out = ssh.exec("/queue tree set [find name=\"WAN-Upload-ATT\"] max-limit=15M; "
                + ":put [/queue tree get [find name=\"WAN-Upload-ATT\"] max-limit]; /queue/tree/set [find name="
                + "\"WAN-Upload-ATT\"] max-limit=18M; :put [/queue/tree/get [find name=\"WAN-Upload-ATT\"] max-limit]");

        assertThat(out).isEqualTo("15000000\r\n18000000\r\n");
    }

    @Test
    void resetCountersZeroesOneQueue() throws Exception {
        router.state().addTraffic("WAN-Upload-Spectrum", 5000, 5, 0);

        ssh.exec("/queue tree reset-counters [find name=\"WAN-Upload-Spectrum\"]");

        assertThat(router.state().queue("WAN-Upload-Spectrum").orElseThrow().bytes()).isZero();
    }

    @Test
    void systemResourceAndIdentityPrintRightAlignedKeys() throws Exception {
        String res = ssh.exec("/system resource print");
        String id = ssh.exec("/system/identity/print");

        assertThat(res).contains("  version: 7.16.2 (stable)\r\n", "  board-name: RB5009UG+S+\r\n", "  cpu-load: 2%\r\n");
        assertThat(res.split("\r\n")).allSatisfy(l -> assertThat(l.indexOf(": ")).isEqualTo(res.indexOf(": ")));
        assertThat(id).isEqualTo("  name: MikroTik\r\n");
    }

    @Test
    void errorTextsAreThoseOfRouterOs() throws Exception {
        assertThat(ssh.exec("/queue tree sett")).isEqualTo("bad command name sett (line 1 column 13)\r\n");
        assertThat(ssh.exec("/queue/trees/print")).isEqualTo("bad command name trees (line 1 column 8)\r\n");
        assertThat(ssh.exec("/queue tree print where name=\"x")).isEqualTo("syntax error (line 1 column 30)\r\n");
        assertThat(ssh.exec("/queue tree set *99 max-limit=1M")).isEqualTo("no such item\r\n");
        assertThat(ssh.exec(":put [/queue tree get [find name=\"nope\"] max-limit]")).isEqualTo("no such item\r\n");
        assertThat(ssh.exec("/queue type set [find name=\"cake-up-att\"] cake-flowmode=fair"))
                .isEqualTo("input does not match any value of cake-flowmode\r\n");
        assertThat(ssh.exec("/queue tree set [find name=\"WAN-Upload-ATT\"] colour=blue"))
                .isEqualTo("expected end of command (line 1 column 46)\r\n");
    }

    @Test
    void aBadCommandAnywhereStopsTheWholeBatchBeforeItRuns() throws Exception {
        String out = ssh.exec("/queue tree set [find name=\"WAN-Download-Spectrum\"] max-limit=1M; /queue tree sett");

        assertThat(out).startsWith("bad command name sett");
        assertThat(router.state().maxLimitBps("WAN-Download-Spectrum")).isEqualTo(940_000_000L);
    }

    @Test
    void setOnAnEmptyFindIsASilentNoOp() throws Exception {
        assertThat(ssh.exec("/queue tree set [find name=\"nope\"] max-limit=1M")).isEmpty();
        assertThat(router.state().writes()).isEmpty();
    }

    @Test
    void printAsValueSerializesToJsonWithNumbersAndBooleans() throws Exception {
        String out = ssh.exec(":put [:serialize to=json [/queue tree print as-value where name=\"WAN-Upload-ATT\"]]");
        String strings = ssh.exec(":put [:serialize to=json options=json.no-string-conversion "
                + "[/queue tree print as-value where name=\"WAN-Upload-ATT\"]]");

        assertThat(out).startsWith("[{\".id\":\"*1000003\",\"name\":\"WAN-Upload-ATT\"")
                .contains("\"max-limit\":18000000", "\"disabled\":false").endsWith("}]\r\n");
        assertThat(strings).contains("\"max-limit\":\"18000000\"");
    }

    @Test
    void findAloneGivesTheItemIds() throws Exception {
        assertThat(ssh.exec(":put [/queue tree find name=\"WAN-Download-ATT\"]")).isEqualTo("*1000002\r\n");
        assertThat(ssh.exec(":put [/ip/firewall/mangle/find where comment~\"ADAPTIVE|LAN\"]")).isEqualTo("*1;*2\r\n");
    }

    @Test
    void queueTypeAndSimpleQueueBandwidthsCanBeSet() throws Exception {
        ssh.exec("/queue type set [find name=\"cake-down-att\"] cake-bandwidth=90M");
        ssh.exec("/queue simple add name=wan target=ether2-att max-limit=20M/100M");
        ssh.exec("/queue simple set [find name=\"wan\"] max-limit=25M/110M");

        assertThat(ssh.exec(":put [/queue type get [find name=\"cake-down-att\"] cake-bandwidth]")).isEqualTo("90000000\r\n");
        assertThat(ssh.exec("/queue simple print detail where name=\"wan\"")).contains("max-limit=25M/110M");
        ssh.exec("/queue simple remove [find name=\"wan\"]");
    }
}
