package dev.wanctl.sim.scenario;

/** A controller choice as users name it ({@code none}, {@code static}, {@code oracle}, later {@code wanctl}). */
public record NamedController(String name, String description, ControllerFactory factory) {
}
