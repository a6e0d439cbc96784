package dev.wanctl.sim.testbed;

import dev.wanctl.sim.link.Direction;

/**
 * The names and addresses {@code scripts/testbed.sh} gives the testbed (keep the two in step).
 * The run itself lives in the client namespace; the server answers every probe and iperf3 flow.
 */
final class Topology {

    static final String SERVER_NS = "wtb-srv";
    static final String ISP_NS = "wtb-isp";
    static final String ROUTER_NS = "wtb-rtr";
    /** The server's address: iperf3 and the user's ping (the daemon's reflectors are .1 to .3). */
    static final String SERVER = "198.18.1.1";
    /** The client's interface toward the router: what it receives is the download delivered. */
    static final String CLIENT_DEV = "wtbcr";
    /** The server's interface: what it receives is the upload delivered. */
    static final String SERVER_DEV = "wtbsv";

    private Topology() {}

    /** The ISP's bottleneck (tbf) for a direction, in {@link #ISP_NS}. */
    static String bottleneckDev(Direction d) {
        return d == Direction.DOWNLOAD ? "wtbir" : "wtbis";
    }

    /** The router's shaper (htb, class 1:10, bfifo leaf 10:) for a direction, in {@link #ROUTER_NS}. */
    static String shaperDev(Direction d) {
        return d == Direction.DOWNLOAD ? "wtbrc" : "wtbri";
    }
}
