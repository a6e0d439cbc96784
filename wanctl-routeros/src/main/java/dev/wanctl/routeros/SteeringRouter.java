package dev.wanctl.routeros;

/**
 * Steering's role: the primary's CAKE queue statistics, and the mangle rule that steers
 * latency-sensitive traffic, found by its exact {@code comment}.
 */
public interface SteeringRouter extends RouterBackend {

    /** Reads a queue-tree item's counters (cumulative) and backlog (instantaneous). */
    QueueStats readQueueStats(String name) throws RouterException;

    /** Whether the mangle rule whose comment equals {@code comment} is enabled. */
    boolean ruleEnabled(String comment) throws RouterException;

    /** Enables or disables the mangle rule whose comment equals {@code comment}. */
    void setRuleEnabled(String comment, boolean enabled) throws RouterException;
}
