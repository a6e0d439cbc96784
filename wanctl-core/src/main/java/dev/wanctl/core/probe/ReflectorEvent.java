package dev.wanctl.core.probe;

/** A change that {@link ReflectorMonitor} decided; the probe logs and applies it. */
sealed interface ReflectorEvent {

    /** The reflector in {@code slot} became unhealthy (start of an episode). */
    record WentBad(int slot, String host, ReflectorState state, String why) implements ReflectorEvent {
    }

    /** The reflector in {@code slot} is healthy again after {@code episodeNanos}. */
    record Recovered(int slot, String host, ReflectorState was, long episodeNanos) implements ReflectorEvent {
    }

    /** Probe {@code newHost} in {@code slot} from now on instead of {@code oldHost}. */
    record Replaced(int slot, String oldHost, String newHost) implements ReflectorEvent {
    }
}
