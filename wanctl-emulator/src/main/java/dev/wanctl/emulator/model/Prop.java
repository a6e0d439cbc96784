package dev.wanctl.emulator.model;

/**
 * One property of a menu's items.
 *
 * @param defaultValue canonical value an item has until written; null: absent until written
 * @param writable false for read-only properties ({@code invalid}, {@code dynamic})
 * @param emptyMeansAbsent writing an empty value removes the property ({@code comment}, matchers)
 * @param ref which other table a value must name, checked on write
 * @param forKind for queue types: the {@code kind} the property belongs to; null: every item
 */
public record Prop(String name, PropType type, String defaultValue, boolean writable, boolean emptyMeansAbsent, Ref ref,
        String forKind) {

    /** Tables a property's value must point into. */
    enum Ref {
        NONE,
        /** {@code global}, an interface, or another queue of the same menu. */
        QUEUE_PARENT,
        QUEUE_TYPE,
        ROUTING_TABLE,
        /** an interface, optionally negated with {@code !}. */
        INTERFACE
    }

    static Prop rw(String name, PropType type, String defaultValue) {
        return new Prop(name, type, defaultValue, true, false, Ref.NONE, null);
    }

    /** A property absent until written, and absent again when written empty. */
    static Prop optional(String name, PropType type) {
        return new Prop(name, type, null, true, true, Ref.NONE, null);
    }

    static Prop readOnly(String name, PropType type, String defaultValue) {
        return new Prop(name, type, defaultValue, false, false, Ref.NONE, null);
    }

    Prop ref(Ref r) {
        return new Prop(name, type, defaultValue, writable, emptyMeansAbsent, r, forKind);
    }

    Prop forKind(String kind) {
        return new Prop(name, type, defaultValue, writable, emptyMeansAbsent, ref, kind);
    }
}
