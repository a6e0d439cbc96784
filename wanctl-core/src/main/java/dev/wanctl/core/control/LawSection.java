package dev.wanctl.core.control;

/**
 * A law's config section as its {@link LawType.Reader} sees it: the values of its keys, and where to
 * say what is wrong (with the config file's name and line, as every other key's problem is said).
 */
public interface LawSection {

    /** The key's value, already checked against its range; its default when absent or invalid (then reported). */
    double number(LawKey key);

    /** Reports {@code message} as an error on {@code key} (the config is then rejected). */
    void error(LawKey key, String message);

    /** Adds a line to what {@code check-config} prints about the config. */
    void note(String line);

    /** The control interval, in seconds. */
    double intervalSec();

    /** {@code v} as the config's messages write a number (no trailing {@code .0}). */
    default String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
