package dev.wanctl.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class StateStoreTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private final VirtualClock clock = new VirtualClock();

    private static ObjectNode state(long rate, String congestion) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("download").put("current_rate", rate).put("green_streak", 3);
        n.putObject("ewma").put("baseline_rtt", 24.5).put("load_rtt", 26.0);
        n.putObject("congestion").put("dl_state", congestion);
        return n;
    }

    @Test
    void savedStateLoadsBackWithATimestampAndOwnerOnlyMode() throws Exception {
        Path file = dir.resolve("spectrum_state.json");
        StateStore store = new StateStore(file, clock);
        assertThat(store.offer(state(940_000_000, "GREEN"))).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ObjectNode loaded = new StateStore(file, clock).load().orElseThrow();
        assertThat(loaded.get("download").get("current_rate").asLong()).isEqualTo(940_000_000L);
        assertThat(loaded.get("timestamp").asString()).startsWith("20");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }
    }

    @Test
    void changesAreWrittenAtMostEveryMinInterval() {
        StateStore store = new StateStore(dir.resolve("s.json"), clock);
        assertThat(store.offer(state(1, "GREEN"))).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.offer(state(2, "GREEN"))).isFalse();
        assertThat(store.hasPendingChange()).isTrue();
        clock.advance(Duration.ofSeconds(4));
        assertThat(store.offer(state(2, "GREEN"))).isTrue();
        assertThat(store.writes()).isEqualTo(2);
    }

    @Test
    void unchangedContentIsNeverRewrittenEvenAfterTheInterval() {
        StateStore store = new StateStore(dir.resolve("s.json"), clock);
        store.offer(state(1, "GREEN"));
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(store.offer(state(1, "GREEN"))).isFalse();
        }
        assertThat(store.writes()).isEqualTo(1);
    }

    @Test
    void anUnchangedStateIsRewrittenEveryRefreshIntervalSoReadersSeeTheDaemonAlive() throws Exception {
        Path file = dir.resolve("s.json");
        StateStore store = new StateStore(file, clock, StateStore.Settings.defaults()
                .ignoringForChange("congestion").refreshingEvery(Duration.ofSeconds(5)));
        store.offer(state(1, "GREEN"));
        clock.advance(Duration.ofSeconds(4));
        assertThat(store.offer(state(1, "RED"))).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.offer(state(1, "RED"))).isTrue();
        assertThat(store.offer(state(1, "RED"))).isFalse();
        assertThat(store.writes()).isEqualTo(2);
        // the refresh carries the volatile keys as they are now
        assertThat(JSON.readTree(Files.readAllBytes(file)).get("congestion").get("dl_state").asString())
                .isEqualTo("RED");
    }

    @Test
    void changesToIgnoredKeysAloneDoNotCauseAWrite() {
        StateStore store = new StateStore(dir.resolve("s.json"), clock,
                StateStore.Settings.defaults().ignoringForChange("congestion"));
        store.offer(state(1, "GREEN"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(store.offer(state(1, "RED"))).isFalse();
        assertThat(store.offer(state(5, "RED"))).isTrue();
    }

    @Test
    void flushAtShutdownAlwaysWritesTheLatestState() throws Exception {
        Path file = dir.resolve("s.json");
        StateStore store = new StateStore(file, clock);
        store.offer(state(1, "GREEN"));
        store.offer(state(7, "GREEN")); // too early to be written
        assertThat(store.flush()).isTrue();
        assertThat(new StateStore(file, clock).load().orElseThrow().at("/download/current_rate").asLong())
                .isEqualTo(7);
        assertThat(store.flush()).isTrue();
    }

    @Test
    void aSavedStateIsWrittenAtOnceInsideTheMinIntervalAndInTheBackgroundWhenConfigured() {
        Path file = dir.resolve("s.json");
        StateStore store = backgroundStore(file);
        store.offer(state(1, "GREEN"));
        runBackgroundWrites();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.offer(state(2, "GREEN"))).isFalse(); // too early for an offer
        assertThat(store.save(state(3, "RED"))).isTrue();
        assertThat(savedRate(file)).as("not on the caller's thread").isEqualTo(1);
        runBackgroundWrites();
        assertThat(savedRate(file)).isEqualTo(3);
        assertThat(store.hasPendingChange()).isFalse();
    }

    @Test
    void aCorruptFileIsMovedAsideAndTheDaemonStartsFromDefaults() throws Exception {
        Path file = dir.resolve("att_state.json");
        Files.writeString(file, "{\"download\": {\"current_rate\": 9");
        assertThat(new StateStore(file, clock).load()).isEmpty();
        assertThat(file).doesNotExist();
        Path aside = dir.resolve("att_state.json.corrupt-" + "20260101T000000");
        // The suffix is the local time of the clock's wall reading.
        try (Stream<Path> files = Files.list(dir)) {
            Path moved = files.filter(p -> p.getFileName().toString().startsWith("att_state.json.corrupt-"))
                    .findFirst().orElseThrow(() -> new AssertionError("no corrupt-* file, expected like " + aside));
            assertThat(Files.readString(moved)).isEqualTo("{\"download\": {\"current_rate\": 9");
        }
    }

    @Test
    void jsonThatIsNotAnObjectCountsAsCorrupt() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "[1, 2]");
        assertThat(new StateStore(file, clock).load()).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void aMissingFileIsEmptyStateAndAMissingDirectoryIsCreated() {
        Path file = dir.resolve("var/lib/wanctl/s.json");
        StateStore store = new StateStore(file, clock);
        assertThat(store.load()).isEmpty();
        assertThat(store.offer(state(1, "GREEN"))).isTrue();
        assertThat(file).exists();
    }

    @Test
    void anUnwritableLocationFailsQuietlyAndRecoversLater() throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where the directory should be");
        StateStore store = new StateStore(blocker.resolve("s.json"), clock);
        assertThat(store.offer(state(1, "GREEN"))).isFalse();
        assertThat(store.flush()).isFalse();
        Files.delete(blocker);
        assertThat(store.flush()).isTrue();
    }

    @Test
    void groupReadableModeIs0640() throws Exception {
        Path file = dir.resolve("s.json");
        new StateStore(file, clock, StateStore.Settings.defaults().groupReadable(true)).offer(state(1, "GREEN"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void tempFilesLeftByACrashAreRemovedAtLoad() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(dir.resolve(".s.json.12345.tmp"), "{");
        new StateStore(file, clock).load();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /** Background writes of a store, run when the test says so. */
    private final List<Runnable> backgroundWrites = new ArrayList<>();

    private StateStore backgroundStore(Path file) {
        return new StateStore(file, clock, StateStore.Settings.defaults().writingInBackground(true),
                backgroundWrites::add);
    }

    private void runBackgroundWrites() {
        List<Runnable> due = List.copyOf(backgroundWrites);
        backgroundWrites.clear();
        due.forEach(Runnable::run);
    }

    private long savedRate(Path file) {
        return new StateStore(file, clock).load().orElseThrow().at("/download/current_rate").asLong();
    }

    @Test
    void inTheBackgroundTheFileIsWrittenOffTheCallersThreadAndOnlyTheNewestPendingStateCounts() {
        Path file = dir.resolve("s.json");
        StateStore store = backgroundStore(file);
        assertThat(store.offer(state(1, "GREEN"))).isTrue();
        assertThat(file).doesNotExist(); // the caller did no file I/O
        clock.advance(Duration.ofSeconds(5));
        assertThat(store.offer(state(2, "GREEN"))).isTrue();
        assertThat(backgroundWrites).hasSize(1); // one writer, still pending
        runBackgroundWrites();
        assertThat(savedRate(file)).isEqualTo(2);
        assertThat(store.writes()).isEqualTo(1);
    }

    @Test
    void aFailedBackgroundWriteIsRetriedByALaterOfferOfTheSameState() throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where the directory should be");
        Path file = blocker.resolve("s.json");
        StateStore store = backgroundStore(file);
        store.offer(state(1, "GREEN"));
        runBackgroundWrites();
        assertThat(store.writes()).isZero();
        assertThat(store.hasPendingChange()).isTrue();

        Files.delete(blocker);
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.offer(state(1, "GREEN"))).as("not before min interval").isFalse();
        clock.advance(Duration.ofSeconds(4));
        assertThat(store.offer(state(1, "GREEN"))).isTrue();
        runBackgroundWrites();
        assertThat(savedRate(file)).isEqualTo(1);
        assertThat(store.hasPendingChange()).isFalse();
    }

    @Test
    void flushWritesOnTheCallersThreadAndAnOlderBackgroundWriteDoesNotOverwriteIt() {
        Path file = dir.resolve("s.json");
        StateStore store = backgroundStore(file);
        store.offer(state(1, "GREEN"));
        clock.advance(Duration.ofSeconds(1));
        store.offer(state(7, "GREEN")); // too early for a write
        assertThat(store.flush()).isTrue();
        assertThat(savedRate(file)).isEqualTo(7);
        runBackgroundWrites(); // the older state, queued before the flush
        assertThat(savedRate(file)).isEqualTo(7);
    }

    @Test
    void withARealBackgroundThreadFlushLeavesTheNewestStateOnDisk() throws Exception {
        Path file = dir.resolve("s.json");
        StateStore store = new StateStore(file, clock, StateStore.Settings.defaults().writingInBackground(true));
        assertThat(store.offer(state(3, "GREEN"))).isTrue();
        store.flush(); // waits for the write in flight, then writes again
        assertThat(savedRate(file)).isEqualTo(3);
        assertThat(store.writes()).isBetween(1L, 2L);
    }
}
