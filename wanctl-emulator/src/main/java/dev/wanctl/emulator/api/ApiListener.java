package dev.wanctl.emulator.api;

import dev.wanctl.emulator.faults.FaultState;
import dev.wanctl.emulator.model.RequestCounters;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.net.LoopbackListener;
import java.io.IOException;
import javax.net.ssl.SSLContext;

/** One API listener on 127.0.0.1 (plain or TLS): a {@link LoopbackListener} serving each session with an {@link ApiConnectionHandler}. */
final class ApiListener {

    private final LoopbackListener listener;

    ApiListener(String name, SSLContext tls, RouterState state, FaultState faults, RequestCounters counters) {
        this.listener = new LoopbackListener(name, tls, c -> new ApiConnectionHandler(c, state, faults, counters).run());
    }

    int start(int port) throws IOException {
        return listener.start(port);
    }

    void stop() {
        listener.stop();
    }

    void closeSessions() {
        listener.closeConnections();
    }
}
