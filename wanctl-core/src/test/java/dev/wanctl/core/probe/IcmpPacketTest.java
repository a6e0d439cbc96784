package dev.wanctl.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class IcmpPacketTest {

    @Test
    void anIpv4RequestCarriesAValidChecksumAndItsMatchingFields() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(IcmpPacket.LENGTH);
            IcmpPacket.writeRequest(buf, false, 0x1234, 65_535, 0xCAFEBABE, 3, 7, 123L);
            assertThat(IcmpPacket.checksum(buf, IcmpPacket.LENGTH)).as("a correct checksum sums to 0").isZero();
            assertThat(IcmpPacket.seq(buf, 0)).isEqualTo(65_535);
            assertThat(IcmpPacket.slot(buf, 0)).isEqualTo(3);
            assertThat(IcmpPacket.generation(buf, 0)).isEqualTo(7);
            // our own request is not a reply (raw sockets on lo see both)
            assertThat(IcmpPacket.isOurReply(buf, IcmpPacket.LENGTH, 0, false, 0x1234, 0xCAFEBABE)).isFalse();
            buf.set(ValueLayout.JAVA_BYTE, 0, (byte) IcmpPacket.ECHO_REPLY_V4);
            assertThat(IcmpPacket.isOurReply(buf, IcmpPacket.LENGTH, 0, false, 0x1234, 0xCAFEBABE)).isTrue();
            assertThat(IcmpPacket.isOurReply(buf, IcmpPacket.LENGTH, 0, false, 0x4321, 0xCAFEBABE)).as("other id").isFalse();
            assertThat(IcmpPacket.isOurReply(buf, IcmpPacket.LENGTH, 0, false, -1, 0xCAFEBABE)).as("ping socket: id not ours").isTrue();
            assertThat(IcmpPacket.isOurReply(buf, IcmpPacket.LENGTH, 0, false, 0x1234, 1)).as("other token").isFalse();
            assertThat(IcmpPacket.isOurReply(buf, 15, 0, false, 0x1234, 0xCAFEBABE)).as("truncated").isFalse();
        }
    }

    @Test
    void rawIpv4RepliesAreReadAfterTheirIpHeader() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64);
            buf.set(ValueLayout.JAVA_BYTE, 0, (byte) 0x46); // IPv4 with a 24-byte header (one option word)
            assertThat(IcmpPacket.icmpOffset(buf, 48, true)).isEqualTo(24);
            assertThat(IcmpPacket.icmpOffset(buf, 48, false)).isZero();
            assertThat(IcmpPacket.icmpOffset(buf, 10, true)).isNegative();
        }
    }
}
