#!/usr/bin/env bash
# The namespace testbed: the real wanctl daemon against real Linux TCP, scored beside the simulator.
#
#   scripts/testbed.sh [--time-limit SECONDS] [wanctl testbed run options]
#   e.g. scripts/testbed.sh --scenario scripts/testbed/cable-drop.yaml --controller all
#
# Builds five network namespaces of its own (names wtb-*), joined by veths (names wtb*) that carry
# the only addresses it adds (198.18.0.0/16, the benchmarking range; nothing is routed anywhere
# else), runs `wanctl testbed run` inside the client namespace, and removes everything again on
# every exit path. Every process it starts is bounded by `timeout` and stopped by PID.
#
#   server wtb-srv --- relay wtb-rly --- ISP wtb-isp --- router wtb-rtr --- client wtb-cli
#   iperf3 -s, the       base RTT (our    tbf "modem",    htb + bfifo       iperf3 -c, fping,
#   reflectors           own relay, or    250 ms buffer   standing in for   the daemon and the
#                        netem)           both ways       CAKE, both ways   emulator
#
# Needs root, iproute2 (ip, tc), ethtool, iperf3, fping, coreutils timeout, and a kernel with the
# tbf, htb and bfifo qdiscs (netem is used for the base RTT when present). Says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

time_limit=2400
if [ "${1:-}" = "--time-limit" ]; then
  time_limit=$2
  shift 2
fi
WANCTL=${WANCTL:-./wanctl}
ONE_WAY_MS=${TESTBED_ONE_WAY_MS:-10}
RT="chrt -f 20"   # the relay and the user's ping run SCHED_FIFO (both sleep almost always)
export TESTBED_RT=$RT

NS_SRV=wtb-srv NS_RLY=wtb-rly NS_ISP=wtb-isp NS_RTR=wtb-rtr NS_CLI=wtb-cli
ALL_NS=("$NS_SRV" "$NS_RLY" "$NS_ISP" "$NS_RTR" "$NS_CLI")
PROBE_NS=wtb-probe

die() { echo "testbed: $*" >&2; exit 2; }
in_ns() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# --- what is missing -------------------------------------------------------------------------
missing=()
[ "$(id -u)" -eq 0 ] || missing+=("root (network namespaces, qdiscs and raw sockets need it): run as root")
for cmd in ip tc ethtool iperf3 fping timeout; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd (Debian: apt-get install iproute2 ethtool iperf3 fping coreutils)")
done
if [ ${#missing[@]} -gt 0 ]; then
  printf 'testbed: cannot start, missing:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 2
fi

# Which qdiscs this kernel has: tbf, htb and bfifo are needed; netem is optional.
have_qdisc() {
  ip -n "$PROBE_NS" link add wtbq0 type veth peer name wtbq1 2>/dev/null || true
  if ip netns exec "$PROBE_NS" tc qdisc add dev wtbq0 root "$@" >/dev/null 2>&1; then
    ip netns exec "$PROBE_NS" tc qdisc del dev wtbq0 root >/dev/null 2>&1 || true
    return 0
  fi
  return 1
}
ip netns del "$PROBE_NS" 2>/dev/null || true
ip netns add "$PROBE_NS" || die "cannot create a network namespace (ip netns add $PROBE_NS failed)"
qmissing=()
have_qdisc tbf rate 10mbit burst 10kb limit 100kb || qmissing+=("tbf (the ISP's bottleneck): CONFIG_NET_SCH_TBF")
have_qdisc htb default 10 || qmissing+=("htb (the router's shaper): CONFIG_NET_SCH_HTB")
have_qdisc bfifo limit 10000 || qmissing+=("bfifo (the shaper's queue): CONFIG_NET_SCH_FIFO")
netem=no
have_qdisc netem delay 1ms && netem=yes
kernel_notes=()
for q in "cake bandwidth 10mbit" "fq_codel"; do
  have_qdisc $q || kernel_notes+=("${q%% *}")
done
ip netns del "$PROBE_NS"
if [ ${#qmissing[@]} -gt 0 ]; then
  printf 'testbed: this kernel (%s) lacks qdiscs the testbed needs:\n' "$(uname -r)" >&2
  printf '  - %s\n' "${qmissing[@]}" >&2
  exit 2
fi
echo "testbed: kernel $(uname -r): tbf, htb, bfifo present; netem: $netem; missing (worked around): ${kernel_notes[*]:-none}"
[ "$netem" = yes ] || echo "testbed: no netem: the base RTT comes from wanctl's own relay (${ONE_WAY_MS} ms each way)"
echo "testbed: the router's CAKE is stood in for by htb with a 5 ms bfifo leaf"
# iperf3 names the scenario's congestion control (-C, senders.cc, default cubic); the host's default does not decide
echo "testbed: TCP congestion controls: $(cat /proc/sys/net/ipv4/tcp_available_congestion_control) (host default:" \
  "$(cat /proc/sys/net/ipv4/tcp_congestion_control); iperf3 runs the scenario's, senders.cc, default cubic)"

# --- cleanup on every exit path --------------------------------------------------------------
pids=()
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for ns in "${ALL_NS[@]}"; do
    if ip netns list | grep -qw "^$ns"; then
      for pid in $(ip netns pids "$ns" 2>/dev/null); do
        kill -9 "$pid" 2>/dev/null || true
      done
      ip netns del "$ns" 2>/dev/null || true
    fi
  done
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- topology --------------------------------------------------------------------------------
for ns in "${ALL_NS[@]}"; do
  ip netns del "$ns" 2>/dev/null || true
  ip netns add "$ns"
  in_ns "$ns" ip link set lo up
  in_ns "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
done
veth() { # veth NS_A IF_A NS_B IF_B
  ip link add "$2" netns "$1" type veth peer name "$4" netns "$3"
  for end in "$1:$2" "$3:$4"; do
    local ns=${end%%:*} dev=${end#*:}
    # whole, checksummed frames: the relay copies frames, and tbf/htb then see wire-sized packets
    in_ns "$ns" ethtool -K "$dev" tso off gso off gro off tx off >/dev/null 2>&1 || true
    in_ns "$ns" ip link set "$dev" up
  done
}
if [ "$netem" = yes ]; then
  veth "$NS_SRV" wtbsv "$NS_ISP" wtbis
else
  veth "$NS_SRV" wtbsv "$NS_RLY" wtbys
  veth "$NS_RLY" wtbyi "$NS_ISP" wtbis
fi
veth "$NS_ISP" wtbir "$NS_RTR" wtbri
veth "$NS_RTR" wtbrc "$NS_CLI" wtbcr

in_ns "$NS_SRV" ip addr add 198.18.1.1/24 dev wtbsv
in_ns "$NS_SRV" ip addr add 198.18.1.2/24 dev wtbsv
in_ns "$NS_SRV" ip addr add 198.18.1.3/24 dev wtbsv
in_ns "$NS_SRV" ip route add 198.18.0.0/16 via 198.18.1.254
in_ns "$NS_ISP" ip addr add 198.18.1.254/24 dev wtbis
in_ns "$NS_ISP" ip addr add 198.18.2.1/24 dev wtbir
in_ns "$NS_ISP" ip route add 198.18.3.0/24 via 198.18.2.2
in_ns "$NS_RTR" ip addr add 198.18.2.2/24 dev wtbri
in_ns "$NS_RTR" ip addr add 198.18.3.1/24 dev wtbrc
in_ns "$NS_RTR" ip route add 198.18.1.0/24 via 198.18.2.1
in_ns "$NS_CLI" ip addr add 198.18.3.2/24 dev wtbcr
in_ns "$NS_CLI" ip route add 198.18.0.0/16 via 198.18.3.1
in_ns "$NS_ISP" sysctl -qw net.ipv4.ip_forward=1
in_ns "$NS_RTR" sysctl -qw net.ipv4.ip_forward=1

# Qdiscs at line rate until the run sets them: the run changes rates, never the structure.
for dev in wtbir wtbis; do
  in_ns "$NS_ISP" tc qdisc add dev "$dev" root handle 1: tbf rate 1gbit burst 64kb limit 4mb
done
for dev in wtbrc wtbri; do
  in_ns "$NS_RTR" tc qdisc add dev "$dev" root handle 1: htb default 10
  in_ns "$NS_RTR" tc class add dev "$dev" parent 1: classid 1:10 htb rate 1gbit ceil 1gbit quantum 1514
  in_ns "$NS_RTR" tc qdisc add dev "$dev" parent 1:10 handle 10: bfifo limit 1mb
done

# --- base RTT --------------------------------------------------------------------------------
if [ "$netem" = yes ]; then
  in_ns "$NS_SRV" tc qdisc add dev wtbsv root netem delay "${ONE_WAY_MS}ms" limit 100000
  in_ns "$NS_CLI" tc qdisc add dev wtbcr root netem delay "${ONE_WAY_MS}ms" limit 100000
else
  relay_log=$(mktemp)
  # Real-time priority: on a busy machine the relay's wake-ups are the base RTT's jitter. The whole
  # JVM: with only the relaying threads at SCHED_FIFO, one CI run had a frame 945 ms late (likely
  # a safepoint: they stop, and the JVM threads that end it compete with iperf3 at normal priority).
  # Not through in_ns: $! is then the relay itself (ip execs timeout), which the end stops for its totals.
  ip netns exec "$NS_RLY" timeout -s KILL "$time_limit" $RT "$WANCTL" testbed relay wtbys wtbyi \
    --delay-ms "$ONE_WAY_MS" --for "$time_limit" >"$relay_log" 2>&1 &
  relay_pid=$!
  pids+=("$relay_pid")
fi
ok=no
for _ in $(seq 1 60); do
  if in_ns "$NS_CLI" fping -q -c 1 -t 500 198.18.1.1 >/dev/null 2>&1; then ok=yes; break; fi
  sleep 0.5
done
if [ "$ok" != yes ]; then
  [ -n "${relay_log:-}" ] && cat "$relay_log" >&2
  die "the client cannot reach the server through the testbed (relay or routes)"
fi
in_ns "$NS_CLI" fping -q -C 5 -p 100 198.18.1.1 2>&1 | sed 's/^/testbed: base RTT (ms): /'

# --- the run ---------------------------------------------------------------------------------
set +e
in_ns "$NS_CLI" timeout -s KILL "$time_limit" "$WANCTL" testbed run "$@"
rc=$?
set -e
if [ -n "${relay_log:-}" ]; then
  { kill "$relay_pid" && wait "$relay_pid"; } 2>/dev/null || true   # TERM: it prints its totals and ends
  sed 's/^/testbed: /' "$relay_log" && rm -f "$relay_log"
fi
exit "$rc"
