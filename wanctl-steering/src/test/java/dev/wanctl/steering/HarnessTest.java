package dev.wanctl.steering;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An end-to-end steering test: a fresh {@link SteeringHarness} (emulator, files in a temporary directory) per test. */
abstract class HarnessTest {

    @TempDir
    Path dir;

    SteeringHarness h;

    /** The transport the daemon reaches the emulator by. */
    SteeringHarness.Via via() {
        return SteeringHarness.Via.REST;
    }

    @BeforeEach
    void startHarness() throws IOException {
        h = new SteeringHarness(dir, via());
    }

    @AfterEach
    void closeHarness() {
        h.close();
    }
}
