package dev.wanctl.routeros.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiCodecTest {

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void eachOfTheFiveLengthFormsIsEncodedAsDocumented() {
        assertThat(hex(ApiEncoder.lengthPrefix(0))).isEqualTo("00");
        assertThat(hex(ApiEncoder.lengthPrefix(0x7F))).isEqualTo("7f");
        assertThat(hex(ApiEncoder.lengthPrefix(0x80))).isEqualTo("8080");
        assertThat(hex(ApiEncoder.lengthPrefix(0x3FFF))).isEqualTo("bfff");
        assertThat(hex(ApiEncoder.lengthPrefix(0x4000))).isEqualTo("c04000");
        assertThat(hex(ApiEncoder.lengthPrefix(0x1FFFFF))).isEqualTo("dfffff");
        assertThat(hex(ApiEncoder.lengthPrefix(0x200000))).isEqualTo("e0200000");
        assertThat(hex(ApiEncoder.lengthPrefix(0xFFFFFFF))).isEqualTo("efffffff");
        assertThat(hex(ApiEncoder.lengthPrefix(0x10000000))).isEqualTo("f010000000");
    }

    @Test
    void aLoginSentenceIsTheDocumentedBytes() {
        byte[] b = ApiEncoder.sentence(List.of("/login", "=name=admin", "=password="));

        assertThat(hex(b)).isEqualTo("06" + hex("/login".getBytes(StandardCharsets.US_ASCII))
                + "0b" + hex("=name=admin".getBytes(StandardCharsets.US_ASCII))
                + "0a" + hex("=password=".getBytes(StandardCharsets.US_ASCII)) + "00");
    }

    @Test
    void aReusedBufferEncodesEachSentenceAsOnItsOwnUtf8Included() throws Exception {
        ApiEncoder.Buffer buf = new ApiEncoder.Buffer();
        List<String> first = List.of("/queue/tree/print", "?name=Wän-Download", ".tag=1");
        List<String> second = List.of("!re", "=comment=" + "é".repeat(200), ".tag=2");
        for (int round = 0; round < 2; round++) {
            buf.clear();
            for (List<String> sentence : List.of(first, second)) {
                sentence.forEach(buf::word);
                buf.end();
            }
            byte[] both = buf.toByteArray();

            assertThat(hex(both)).isEqualTo(hex(ApiEncoder.sentence(first)) + hex(ApiEncoder.sentence(second)));
            ApiDecoder d = new ApiDecoder(ApiLimits.DEFAULT);
            d.feed(both, 0, both.length);
            assertThat(d.next().words()).isEqualTo(first);
            assertThat(d.next().words()).isEqualTo(second);
        }
        assertThatThrownBy(() -> buf.word("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wordsOfEveryLengthFormDecodeBackEvenFedOneByteAtATime() throws Exception {
        ApiLimits roomy = new ApiLimits(4 * 1024 * 1024, 8 * 1024 * 1024, 16);
        for (int len : new int[] {1, 0x7F, 0x80, 0x3FFF, 0x4000, 0x1FFFFF, 0x200000}) {
            String word = "a".repeat(len);
            byte[] bytes = ApiEncoder.sentence(List.of("!re", word));
            ApiDecoder d = new ApiDecoder(roomy);
            ApiSentence got = null;
            int step = len > 0x4000 ? 4096 : 1;
            for (int i = 0; i < bytes.length && got == null; i += step) {
                d.feed(bytes, i, Math.min(step, bytes.length - i));
                got = d.next();
            }
            assertThat(got).as("length %d", len).isNotNull();
            assertThat(got.words().get(1)).hasSize(len);
            assertThat(d.midSentence()).isFalse();
        }
    }

    @Test
    void twoSentencesInOneReadComeOutInOrder() throws Exception {
        byte[] a = ApiEncoder.sentence(List.of("!re", "=name=q", ".tag=1"));
        byte[] b = ApiEncoder.sentence(List.of("!done", ".tag=1"));
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        ApiDecoder d = new ApiDecoder(ApiLimits.DEFAULT);
        d.feed(both, 0, both.length);

        assertThat(d.next().attributes()).containsEntry("name", "q");
        ApiSentence done = d.next();
        assertThat(done.head()).isEqualTo("!done");
        assertThat(done.tag()).isEqualTo("1");
        assertThat(d.next()).isNull();
    }

    @Test
    void aHugeAnnouncedLengthIsRefusedBeforeAnyOfItArrives() {
        ApiDecoder d = new ApiDecoder(ApiLimits.DEFAULT);
        byte[] prefix = {(byte) 0xF0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        d.feed(prefix, 0, prefix.length);

        assertThatThrownBy(d::next).isInstanceOf(ApiWireException.class).hasMessageContaining("2147483647 bytes");
    }

    @Test
    void aReservedControlByteIsRefused() {
        ApiDecoder d = new ApiDecoder(ApiLimits.DEFAULT);
        d.feed(new byte[] {(byte) 0xF8}, 0, 1);

        assertThatThrownBy(d::next).isInstanceOf(ApiWireException.class).hasMessageContaining("0xF8");
    }

    @Test
    void tooManyWordsOrBytesInOneSentenceAreRefused() {
        ApiDecoder d = new ApiDecoder(new ApiLimits(16, 32, 3));
        byte[] b = ApiEncoder.sentence(List.of("!re", "=a=1", "=b=2", "=c=3"));
        d.feed(b, 0, b.length);
        assertThatThrownBy(d::next).isInstanceOf(ApiWireException.class).hasMessageContaining("3 words");

        ApiDecoder e = new ApiDecoder(new ApiLimits(16, 32, 30));
        byte[] c = ApiEncoder.sentence(List.of("!re", "=a=0123456789", "=b=0123456789", "=c=0123456789"));
        e.feed(c, 0, c.length);
        assertThatThrownBy(e::next).isInstanceOf(ApiWireException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void attributeValuesMayHoldEqualsSignsOrBeEmpty() {
        ApiSentence s = ApiSentence.of("!re", "=comment=a=b", "=name=", ".tag=9", "?name=x");

        assertThat(s.attributes()).containsEntry("comment", "a=b").containsEntry("name", "").hasSize(2);
        assertThat(s.tag()).isEqualTo("9");
        assertThat(s.queries()).containsExactly("name=x");
    }

    @Test
    void aPasswordNeverShowsInASentencesText() {
        assertThat(ApiSentence.of("/login", "=name=u", "=password=s3cret").toString())
                .doesNotContain("s3cret").contains("=password=***");
    }
}
