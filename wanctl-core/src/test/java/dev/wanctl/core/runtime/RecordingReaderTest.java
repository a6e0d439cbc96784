package dev.wanctl.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RecordingReaderTest {

    private static RecordingReader open(String text) throws IOException {
        return RecordingReader.open(new BufferedReader(new StringReader(text)));
    }

    @Test
    void metadataAndColumnsAreFoundByNameAndRowsComeInOrder() throws IOException {
        RecordingReader in = open("# source=wanctl steering\n# interval_ms=50\nt_s,rtt_ms,drops\n0.0,21.5,0\n\n0.05,22.0,3\n");
        assertThat(in.metadata()).containsEntry("source", "wanctl steering").containsEntry("interval_ms", "50");
        assertThat(in.column("rtt_ms")).isEqualTo(1);
        assertThat(in.column("wan_zone")).isEqualTo(-1);
        assertThat(in.next()).containsExactly("0.0", "21.5", "0");
        assertThat(in.next()).containsExactly("0.05", "22.0", "3");
        assertThat(in.lineNo()).isEqualTo(6);
        assertThat(in.next()).isNull();
    }

    @Test
    void aRowOfAnotherWidthThanTheHeaderIsRefusedWithItsLineNumber() throws IOException {
        RecordingReader in = open("# a=b\nt_s,rtt_ms\n0.0,21.5\n0.05\n");
        in.next();
        assertThatThrownBy(in::next).isInstanceOf(RecordingReader.FormatException.class)
                .hasMessage("1 fields, the header has 2")
                .satisfies(e -> assertThat(((RecordingReader.FormatException) e).line()).isEqualTo(4));
    }

    @Test
    void aFileWithOnlyMetadataHasNoHeader() throws IOException {
        RecordingReader in = open("# a=b\n\n");
        assertThat(in.headerLine()).isNull();
        assertThat(in.next()).isNull();
    }

    @Test
    void emptyTrailingFieldsCountAsFields() throws IOException {
        RecordingReader in = open("t_s,drops,wan_zone\n0.0,,\n");
        assertThat(in.next()).containsExactly("0.0", "", "");
    }
}
