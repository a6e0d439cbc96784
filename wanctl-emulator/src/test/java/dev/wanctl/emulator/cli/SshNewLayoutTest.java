package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.RouterEmulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newer v7 console layout: capitalised legends and tables for plain prints (routeros-api.md §5.3). */
class SshNewLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void newerLayoutCapitalisesLegendsAndTabulatesPlainPrints() throws Exception {
        try (RouterEmulator router = RouterEmulator.builder().cliLayout(CliLayout.NEW).restPort(-1).restTlsPort(-1).start();
                SshExec ssh = new SshExec(router, tmp)) {
            String plain = ssh.exec("/queue tree print");
            String stats = ssh.exec("/queue tree print stats where name=\"WAN-Download-ATT\"");
            String mangle = ssh.exec("/ip firewall mangle print");

            assertThat(plain.split("\r\n")).containsSubsequence(
                    "Flags: X - DISABLED, I - INVALID",
                    "Columns: NAME, PARENT, PACKET-MARK, LIMIT-AT, QUEUE, MAX-LIMIT");
            assertThat(plain).containsPattern(" 2   WAN-Download-ATT +global +att-down +0 +cake-down-att +95M\r\n");
            assertThat(stats).startsWith("Flags: X - DISABLED, I - INVALID\r\n 2   name=\"WAN-Download-ATT\"");
            assertThat(mangle).startsWith("Flags: X - DISABLED, I - INVALID; D - DYNAMIC\r\n").contains(" 1 X  ;;; ADAPTIVE");
        }
    }
}
