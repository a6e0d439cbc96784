package dev.wanctl.core.probe;

/** How RTT is measured; public because daemons log it and show it on /health. */
public enum ProbeMethod {
    /** ICMP echo over an unprivileged ping socket (allowed by {@code net.ipv4.ping_group_range}). */
    ICMP_PING_SOCKET("ICMP echo over a ping socket"),
    /** ICMP echo over a raw socket (needs CAP_NET_RAW). */
    ICMP_RAW_SOCKET("ICMP echo over a raw socket"),
    /** Time from SYN to SYN-ACK (or RST) of a TCP connect: the fallback when ICMP is not allowed. */
    TCP_CONNECT("TCP connect time");

    private final String text;

    ProbeMethod(String text) {
        this.text = text;
    }

    /** For logs: "ICMP echo over a raw socket". */
    public String text() {
        return text;
    }

    boolean isIcmp() {
        return this != TCP_CONNECT;
    }
}
