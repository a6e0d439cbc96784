package dev.wanctl.steering;

/**
 * The newest {@code capacity} numbers of one signal (RTT, delta, drops, backlog) for the state
 * file, in a primitive ring: appending every cycle allocates nothing, and the bound holds however
 * the daemon started (the reference let its lists grow without bound after a start without a
 * state file).
 */
final class History {

    private final double[] values;
    private int next;
    private int size;

    History(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1, got " + capacity);
        }
        values = new double[capacity];
    }

    void add(double v) {
        values[next] = v;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    int size() {
        return size;
    }

    int capacity() {
        return values.length;
    }

    /** The {@code i}-th value, oldest first. */
    double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return values[(next - size + i + values.length) % values.length];
    }

    /** The newest value, NaN when empty. */
    double last() {
        return size == 0 ? Double.NaN : get(size - 1);
    }

    void clear() {
        next = 0;
        size = 0;
    }
}
