package dev.wanctl.autorate;

import dev.wanctl.core.control.FallbackPolicy;

/**
 * Whether the internet answers by other paths when the reflectors are silent. Production asks
 * the probe's connectivity checker; the simulator answers from its link model.
 */
public interface ConnectivitySource {

    /** Asks for a check; never blocks. */
    void request();

    /** The latest verdict; never blocks. */
    FallbackPolicy.Connectivity current();

    /** A source that always says the internet is reachable (fallback checks disabled keep rates frozen anyway). */
    static ConnectivitySource alwaysPresent() {
        return new ConnectivitySource() {
            @Override
            public void request() {}

            @Override
            public FallbackPolicy.Connectivity current() {
                return FallbackPolicy.Connectivity.PRESENT;
            }
        };
    }
}
