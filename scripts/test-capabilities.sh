#!/usr/bin/env bash
# Checks the units' privilege model on the installed package: as user wanctl, with no_new_privs
# and CAP_NET_RAW as the only (ambient and bounding) capability - what wanctl@.service grants -
# the RTT probe on the packaged runtime gets ICMP to 127.0.0.1; with no capability at all it
# must not get a raw socket. Needs root, the installed .deb and a JDK 25 (to compile the probe
# driver; the package's runtime has no compiler).
set -euo pipefail
# shellcheck source=scripts/testlib.sh
source "$(dirname "$0")/testlib.sh"

case "${1:-}" in
  -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; echo "usage: scripts/test-capabilities.sh"; exit 0 ;;
  "") ;;
  *) echo "test-capabilities.sh: unknown argument '$1'" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "test-capabilities.sh: must run as root" >&2; exit 2; }
if [ ! -x /opt/wanctl/runtime/bin/java ] || ! id wanctl >/dev/null 2>&1; then
  echo "test-capabilities.sh: install the .deb first" >&2; exit 2
fi
javac=""
for c in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$c" ] && [ -x "$c/bin/javac" ] && "$c/bin/javac" -version 2>&1 | grep -qE 'javac (2[5-9]|[3-9][0-9])'; then
    javac="$c/bin/javac"; break
  fi
done
[ -n "$javac" ] || { echo "test-capabilities.sh: no JDK 25 javac found" >&2; exit 2; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
chmod 0755 "$T"
cat > "$T/ProbeOnce.java" <<'JAVA'
import dev.wanctl.core.probe.ProbeOptions;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.probe.RttProbes;
import dev.wanctl.core.runtime.Clock;
import java.util.List;

/** Probes 127.0.0.1 for half a second and prints the method used and the RTT. */
public class ProbeOnce {
    public static void main(String[] args) throws Exception {
        try (RttProbe p = RttProbes.open(ProbeOptions.of(List.of("127.0.0.1"), 20_000_000L), Clock.system())) {
            Thread.sleep(500);
            double[] rtt = new double[1];
            long[] at = new long[1];
            p.readLatest(rtt, at);
            System.out.println("METHOD " + p.method() + " RTT " + rtt[0]);
        }
    }
}
JAVA
"$javac" -d "$T" -cp "/opt/wanctl/lib/*" "$T/ProbeOnce.java"
chmod -R a+rX "$T"

probe() { # setpriv capability options...
  setpriv --reuid wanctl --regid wanctl --clear-groups --no-new-privs "$@" \
    /opt/wanctl/runtime/bin/java -Xlog:disable --enable-native-access=ALL-UNNAMED -cp "/opt/wanctl/lib/*:$T" ProbeOnce 2>&1 \
    | sed -n 's/^METHOD //p'
}
with_cap=$(probe --inh-caps -all,+net_raw --ambient-caps +net_raw --bounding-set -all,+net_raw)
without=$(probe --inh-caps -all --bounding-set -all)
echo "CAP_NET_RAW only: $with_cap"
echo "no capability:    $without"
check "with CAP_NET_RAW only, the probe uses ICMP" grep -qE '^ICMP_(RAW|PING)_SOCKET RTT [0-9.]+$' <<<"$with_cap"
check "without capabilities, no raw socket" grep -qvE '^ICMP_RAW_SOCKET' <<<"${without:-none}"
finish capabilities
