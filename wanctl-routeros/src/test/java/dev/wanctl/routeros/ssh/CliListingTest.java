package dev.wanctl.routeros.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliListingTest {

    private final CliReplies replies = new CliReplies("192.0.2.1");

    @Test
    void readsTheManualsQueueTreeStatsExample() throws Exception {
        String out = """
                Flags: X - disabled, I - invalid
                 0   name="Limiting-Youtube" parent=global packet-mark=pmark-Youtube rate=0 packet-rate=0 \
                queued-bytes=0 queued-packets=0 bytes=67887 packets=355 dropped=0
                """;

        List<CliItem> items = CliListing.parse(out);

        assertThat(items).hasSize(1);
        assertThat(replies.queueStats(items.getFirst()))
                .isEqualTo(new QueueStats("Limiting-Youtube", 67887, 355, 0, 0, 0, 0));
    }

    @Test
    void neverReadsPacketsOrBytesFromTheQueuedFieldsThatComeFirst() throws Exception {
        String out = """
                Flags: X - disabled, I - invalid
                 0    name="WAN-Download" parent=ether1 packet-mark="" rate=48000000 packet-rate=4100 \
                queued-bytes=3028 queued-packets=2 bytes=272603902153 packets=184614358 dropped=12
                """;

        QueueStats s = replies.queueStats(replies.queue("WAN-Download", CliListing.parse(out)));

        assertThat(s).isEqualTo(new QueueStats("WAN-Download", 272_603_902_153L, 184_614_358L, 12, 3028, 2,
                48_000_000L));
    }

    @Test
    void readsTheNewerCapitalisedLayoutWithHumanisedBandwidth() throws Exception {
        String out = """
                Flags: X - DISABLED, I - INVALID
                 0    name="WAN-Download" parent=ether1 packet-mark="" limit-at=0 queue=cake-down priority=8 \
                max-limit=1.5G burst-limit=0 burst-threshold=0 burst-time=0s bucket-size=0.1
                """;

        QueueInfo q = replies.queueInfo(replies.queue("WAN-Download", CliListing.parse(out)));

        assertThat(q).isEqualTo(new QueueInfo("", "WAN-Download", "ether1", "cake-down", 1_500_000_000L, false));
    }

    @Test
    void readsADisabledQueueWithWrappedContinuationLines() throws Exception {
        String out = """
                Flags: X - disabled, I - invalid
                 0 X  name="WAN-Upload" parent=ether1 packet-mark="" limit-at=0 queue=cake-up priority=8
                      max-limit=35M burst-limit=0 burst-threshold=0 burst-time=0s bucket-size=0.1
                """;

        QueueInfo q = replies.queueInfo(replies.queue("WAN-Upload", CliListing.parse(out)));

        assertThat(q.maxLimitBps()).isEqualTo(35_000_000L);
        assertThat(q.disabled()).isTrue();
    }

    @Test
    void readsTheManualsSimpleQueueExampleWithFlagCommentAndWrapping() throws Exception {
        String out = """
                Flags: X - disabled, I - invalid, D - dynamic
                 1  D ;;; Mobile-phone, kid-control
                      name="queue1" target=192.168.88.254/32 parent=none packet-marks="" priority=8/8 \
                queue=default-small/default-small limit-at=3M/3M max-limit=3M/3M burst-limit=0/0
                      burst-threshold=0/0 burst-time=0s/0s bucket-size=0.1/0.1
                """;

        CliItem item = CliListing.parse(out).getFirst();

        assertThat(item.number()).isEqualTo(1);
        assertThat(item.flags()).isEqualTo("D");
        assertThat(item.comment()).isEqualTo("Mobile-phone, kid-control");
        assertThat(item.fields()).containsEntry("name", "queue1").containsEntry("packet-marks", "")
                .containsEntry("max-limit", "3M/3M").containsEntry("bucket-size", "0.1/0.1");
    }

    @Test
    void readsAV7MangleRuleWhoseFlagsSitBetweenIndexAndComment() throws Exception {
        String out = """
                Flags: X - disabled, I - invalid; D - dynamic
                 4 X  ;;; ADAPTIVE-STEER
                      chain=prerouting action=mark-routing new-routing-mark=via-wan2 passthrough=yes \
                dst-address-list=latency-sensitive
                """;

        CliItem rule = CliListing.parse(out).getFirst();

        assertThat(rule.disabled()).isTrue();
        assertThat(rule.comment()).isEqualTo("ADAPTIVE-STEER");
        assertThat(rule.fields()).containsEntry("new-routing-mark", "via-wan2").containsEntry("passthrough", "yes");
    }

    @Test
    void theXOfTheLegendDoesNotDisableAnEnabledRule() throws Exception {
        String out = """
                Flags: X - DISABLED, I - INVALID; D - DYNAMIC
                 0    ;;; ADAPTIVE-STEER
                      chain=prerouting action=mark-routing new-routing-mark=via-wan2 passthrough=yes
                """;

        assertThat(CliListing.parse(out).getFirst().disabled()).isFalse();
    }

    @Test
    void readsTheTerseLayout() throws Exception {
        String out = " 0 I name=queue_3_out parent=upload_root packet-mark=upload_3 limit-at=0 queue=*2A priority=8 "
                + "max-limit=0 burst-limit=0 burst-threshold=0 burst-time=0s bucket-size=0.1\n";

        CliItem item = CliListing.parse(out).getFirst();

        assertThat(item.flags()).isEqualTo("I");
        assertThat(replies.queueInfo(item).queueType()).isEqualTo("*2A");
    }

    @Test
    void unquotesEscapedValues() throws Exception {
        String out = " 0    name=\"a \\\"b\\\" \\$c\" comment=\"x\\09y\"\n";

        assertThat(CliListing.parse(out).getFirst().fields())
                .containsEntry("name", "a \"b\" $c")
                .containsEntry("comment", "x\ty");
    }

    @Test
    void readsSeveralItemsAndAnEmptyListing() throws Exception {
        String out = """
                Flags: X - disabled, I - invalid
                 0    name="WAN-Download" parent=ether1 max-limit=500M queue=cake-down
                 1    name="WAN-Upload" parent=ether1 max-limit=35M queue=cake-up
                """;

        assertThat(CliListing.parse(out)).extracting(i -> i.fields().get("name"))
                .containsExactly("WAN-Download", "WAN-Upload");
        assertThat(CliListing.parse("Flags: X - disabled, I - invalid\n")).isEmpty();
        assertThat(CliListing.parse("")).isEmpty();
    }

    @Test
    void aTableLayoutIsAProtocolErrorNotAGuess() {
        String out = """
                Flags: X - DISABLED, I - INVALID
                Columns: NAME, PARENT, MAX-LIMIT
                #   NAME          PARENT  MAX-LIMIT
                0   WAN-Download  ether1  500M
                """;

        assertThatThrownBy(() -> CliListing.parse(out))
                .isInstanceOf(RouterException.class)
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.PROTOCOL));
    }

    @Test
    void aMissingFieldIsAProtocolErrorNamingIt() throws Exception {
        CliItem item = CliListing.parse(" 0    name=\"WAN-Download\" bytes=1\n").getFirst();

        assertThatThrownBy(() -> replies.queueStats(item)).hasMessageContaining("packets=");
    }

    @Test
    void aQueueMissingFromTheListingIsNotFoundAndNamed() {
        assertThatThrownBy(() -> replies.queue("WAN-Download", List.of()))
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("\"WAN-Download\"");
    }
}
