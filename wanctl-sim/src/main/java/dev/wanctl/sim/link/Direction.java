package dev.wanctl.sim.link;

/** The two directions of a WAN link; each has its own capacity, shaper, FIFO and traffic. */
public enum Direction {
    DOWNLOAD("dl"),
    UPLOAD("ul");

    private final String shortName;

    Direction(String shortName) {
        this.shortName = shortName;
    }

    /** {@code dl} or {@code ul}, as used in file formats and JSON keys. */
    public String shortName() {
        return shortName;
    }
}
