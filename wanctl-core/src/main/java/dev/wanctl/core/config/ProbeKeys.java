package dev.wanctl.core.config;

import static dev.wanctl.core.config.ConfigKey.key;

/** The RTT probe keys; autorate has them under continuous_monitoring, steering under measurement. */
final class ProbeKeys {

    final ConfigKey hosts;
    final ConfigKey medianOfThree;
    final ConfigKey spareHosts;
    final ConfigKey maxSampleAgeMs;
    final ConfigKey method;
    final ConfigKey tcpTargets;

    ProbeKeys(Schema s, String section, boolean hostsRequired) {
        ConfigKey.Builder h = key(section + ".ping_hosts", ValueType.HOST_LIST)
                .doc("Reflectors pinged every cycle");
        hosts = s.add(hostsRequired ? h.required() : h.ours());
        medianOfThree = s.add(key(section + ".use_median_of_three", ValueType.BOOL)
                .defaultValue(!hostsRequired)
                .doc("Use the median of the fresh reflectors (with 3 or more); else the first fresh one"));
        spareHosts = s.add(key(section + ".spare_hosts", ValueType.HOST_LIST).ours()
                .doc("Reflectors that replace one that stops answering or reads far off the others"));
        maxSampleAgeMs = s.add(key(section + ".max_sample_age_ms", ValueType.INT).range(1, 60000).ours().unit("ms")
                .doc("A reflector's newest sample counts only while younger than this; default 2 intervals"));
        s.add(key(section + ".probe", ValueType.SECTION).ours().doc("How RTT is measured"));
        method = s.add(key(section + ".probe.method", ValueType.CHOICE).choices("auto", "icmp", "tcp")
                .defaultValue("auto").ours()
                .doc("auto: ICMP (ping socket, else raw socket), else TCP connect; icmp or tcp to insist"));
        tcpTargets = s.add(key(section + ".probe.tcp_targets", ValueType.HOST_PORT_LIST).ours()
                .doc("Targets of the TCP-connect RTT fallback; default each reflector on port 443"));
    }
}
