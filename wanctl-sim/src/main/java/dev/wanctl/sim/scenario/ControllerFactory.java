package dev.wanctl.sim.scenario;

/**
 * Makes a fresh controller for one run, wired to that run's harness (clock, reflectors, router).
 * One factory per controller choice, so every controller in a comparison starts from scratch on
 * the same seeded world.
 */
@FunctionalInterface
public interface ControllerFactory {

    /** A controller for the run whose world is {@code harness}. */
    Controller create(SimHarness harness);
}
