package dev.wanctl.routeros;

/**
 * The one place that knows which RouterOS fields make up a queue's records, so REST (JSON strings)
 * and the console ({@code key=value}, humanised) cannot drift apart; each transport only says how
 * to find a field's text.
 */
public final class RouterItems {

    /** A RouterOS item's fields by name, as text; a missing field is a protocol error naming it. */
    @FunctionalInterface
    public interface Fields {
        String required(String field) throws RouterException;
    }

    private RouterItems() {}

    /** A queue-tree item's configuration ({@code id} and {@code disabled} come from the transport). */
    public static QueueInfo queueInfo(String id, boolean disabled, Fields f) throws RouterException {
        return new QueueInfo(id, f.required("name"), f.required("parent"), f.required("queue"),
                RouterValues.bandwidthBps("max-limit", f.required("max-limit")), disabled);
    }

    /** A queue-tree item's counters, backlog and rate. */
    public static QueueStats queueStats(Fields f) throws RouterException {
        return new QueueStats(
                f.required("name"),
                RouterValues.counter("bytes", f.required("bytes")),
                RouterValues.counter("packets", f.required("packets")),
                RouterValues.counter("dropped", f.required("dropped")),
                RouterValues.counter("queued-bytes", f.required("queued-bytes")),
                RouterValues.counter("queued-packets", f.required("queued-packets")),
                RouterValues.bandwidthBps("rate", f.required("rate")));
    }
}
