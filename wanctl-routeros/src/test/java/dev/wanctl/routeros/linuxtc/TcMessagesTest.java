package dev.wanctl.routeros.linuxtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rtnetlink messages byte for byte against the layouts of linux/netlink.h (nlmsghdr),
 * linux/rtnetlink.h (tcmsg, TCA_KIND 1, TCA_OPTIONS 2, TCA_STATS2 7), linux/pkt_sched.h
 * (TCA_CAKE_BASE_RATE64 2, in bytes per second; tc_tbf_qopt, TCA_TBF_PARMS 1, TCA_TBF_BURST 6) and
 * linux/gen_stats.h (TCA_STATS_BASIC 1, TCA_STATS_QUEUE 3). The expected bytes are written out by
 * hand, little-endian as on the machines wanctl runs on.
 */
class TcMessagesTest {

    @BeforeAll
    static void littleEndianHost() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN,
                "the expected bytes are written for a little-endian host");
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void aCakeBandwidthChangeIsSixtyFourBytesCarryingOnlyTheBaseRateInBytesPerSecond() {
        byte[] msg = TcMessages.changeCakeRate(1, 7, 0x80010000, 100_000_000L / 8);

        assertThat(hex(msg)).isEqualTo(""
                // nlmsghdr: length 64, RTM_NEWQDISC 36, NLM_F_REQUEST|NLM_F_ACK, seq 1, port 0
                + "40000000" + "2400" + "0500" + "01000000" + "00000000"
                // tcmsg: AF_UNSPEC, padding, ifindex 7, handle 8001:, parent TC_H_ROOT, info 0
                + "00" + "00" + "0000" + "07000000" + "00000180" + "ffffffff" + "00000000"
                // TCA_KIND "cake\0", padded to 12
                + "0900" + "0100" + "63616b6500" + "000000"
                // TCA_OPTIONS (16) { TCA_CAKE_BASE_RATE64 (12): 12 500 000 bytes/s }
                + "1000" + "0200" + "0c00" + "0200" + "20bcbe0000000000");
        assertThat(msg).hasSize(64);
    }

    @Test
    void theRootQdiscIsFoundByDumpingTheDevicesQdiscsAsTcDoes() {
        byte[] msg = TcMessages.dumpQdiscs(42, 3);

        assertThat(hex(msg)).isEqualTo("24000000" + "2600" + "0103" + "2a000000" + "00000000"
                + "00000000" + "03000000" + "00000000" + "00000000" + "00000000");
    }

    @Test
    void aTbfRateChangeKeepsItsParametersAndBurst() {
        // rate 20 Mbit/s = 2 500 000 bytes/s, linklayer ethernet; limit 12 500; buffer 204 800 ticks
        // (13.1 ms: 32 768 bytes at that rate); mtu 0
        ByteBuffer q = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        q.put((byte) 0).put((byte) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putInt(2_500_000);
        q.put(new byte[12]);
        q.putInt(12_500).putInt(204_800).putInt(0);
        TbfParms parms = new TbfParms(q.array());
        assertThat(parms.burstBytes()).isEqualTo(32_768L);

        byte[] msg = TcMessages.changeTbfRate(9, 4, 0x80020000, parms, 1_000_000L);

        assertThat(hex(msg)).isEqualTo(""
                + "60000000" + "2400" + "0500" + "09000000" + "00000000"
                + "00000000" + "04000000" + "00000280" + "ffffffff" + "00000000"
                + "0800" + "0100" + "74626600" // TCA_KIND "tbf\0"
                + "3400" + "0200" // TCA_OPTIONS (52)
                + "2800" + "0100" // TCA_TBF_PARMS (40)
                + "00" + "01" + "0000" + "0000" + "0000" + "40420f00" // rate: ethernet, 1 000 000 bytes/s
                + "000000000000000000000000" // no peak rate
                + "d4300000" + "00d00700" + "00000000" // limit 12 500, buffer 512 000 ticks (32 768 B), mtu 0
                + "0800" + "0600" + "00800000"); // TCA_TBF_BURST 32 768
    }

    @Test
    void aCakeQdiscReplyGivesItsRateAndCounters() {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putShort((short) 36).putShort((short) 0).putInt(5).putInt(0);
        b.put((byte) 0).put((byte) 0).putShort((short) 0).putInt(7).putInt(0x80010000).putInt(-1).putInt(2);
        b.putShort((short) 9).putShort((short) 1).put("cake".getBytes()).put((byte) 0).put(new byte[3]);
        b.putShort((short) 16).putShort((short) (2 | 0x8000)); // TCA_OPTIONS, NLA_F_NESTED set
        b.putShort((short) 12).putShort((short) 2).putLong(12_500_000L);
        b.putShort((short) (4 + 20 + 24)).putShort((short) 7); // TCA_STATS2
        b.putShort((short) 20).putShort((short) 1).putLong(5_000_000_000L).putInt(123).putInt(0); // BASIC, padded
        b.putShort((short) 24).putShort((short) 3).putInt(4).putInt(6000).putInt(17).putInt(0).putInt(9); // QUEUE
        b.putInt(0, b.position());
        byte[] msg = new byte[b.position()];
        b.get(0, msg);

        RootQdisc q = RootQdisc.parse(msg);

        assertThat(q.kind()).isEqualTo("cake");
        assertThat(q.ifindex()).isEqualTo(7);
        assertThat(q.handleText()).isEqualTo("8001:");
        assertThat(q.rateBytesPerSecond() * 8).isEqualTo(100_000_000L);
        assertThat(q.bytes()).isEqualTo(5_000_000_000L);
        assertThat(q.packets()).isEqualTo(123);
        assertThat(q.backlogPackets()).isEqualTo(4);
        assertThat(q.backlogBytes()).isEqualTo(6000);
        assertThat(q.drops()).isEqualTo(17);
    }
}
