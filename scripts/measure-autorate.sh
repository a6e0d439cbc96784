#!/usr/bin/env bash
# Measures what `wanctl autorate` costs on this host: it runs the daemon against the built-in
# RouterOS emulator (REST over HTTPS, certificate pinned) with real ICMP probes to 127.0.0.1, under
# the systemd unit's JVM options, and reports CPU % of one core, peak RSS, the cycle-work
# profile (p50/p99 from /health) and overruns.
#   scripts/measure-autorate.sh [--interval-ms 50] [--seconds 60] [--wanctl /usr/bin/wanctl]
# --wanctl measures an installed package (its runtime and AOT cache) instead of ./wanctl.
# Loopback only. Needs root or CAP_NET_RAW for ICMP (else the probe falls back to TCP connect).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
interval=50
seconds=60
wanctl="$root/wanctl"
while [ $# -gt 0 ]; do
  case "$1" in
    --interval-ms) interval=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --wanctl) wanctl=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "measure-autorate.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

unit_opts=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' "$root/systemd/wanctl@.service")
work=$(mktemp -d)
emu_pid=""
cleanup() {
  [ -n "$emu_pid" ] && kill "$emu_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$wanctl" --version >/dev/null   # builds the distribution first if needed
"$wanctl" emulate-router --rest-port -1 --ssh-port -1 >"$work/emulator.out" 2>"$work/emulator.err" &
emu_pid=$!
for _ in $(seq 1 300); do
  grep -q "certificate SHA-256" "$work/emulator.out" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's|.*REST *https://127.0.0.1:\([0-9]*\)/rest.*|\1|p' "$work/emulator.out")
fingerprint=$(sed -n 's/.*certificate SHA-256: \([0-9a-f]*\).*/\1/p' "$work/emulator.out")
[ -n "$port" ] && [ -n "$fingerprint" ] || { echo "the emulator did not start:" >&2; cat "$work/emulator."* >&2; exit 1; }
health_port=$((20000 + RANDOM % 20000))

sed -e "s|^  host: 192.168.88.1|  host: 127.0.0.1|" \
    -e "s|^  port: 443 .*|  port: $port\n  scheme: https\n  cert_fingerprint: \"$fingerprint\"|" \
    -e "s|^  password: .*|  password: wanctl-demo|" \
    -e "s|^  interval_ms: 50 .*|  interval_ms: $interval|" \
    -e "s|^  ping_hosts: .*|  ping_hosts: [127.0.0.1, 127.0.0.2, 127.0.0.3]|" \
    -e "s|^  spare_hosts: .*||" \
    -e "s|^state_file: .*|state_file: $work/state.json|" \
    -e "s|^lock_file: .*|lock_file: $work/spectrum.lock|" \
    -e "s|^health_check:.*|health_check:\n  port: $health_port|" \
    "$root/configs/spectrum.yaml" >"$work/spectrum.yaml"
"$wanctl" check-config "$work/spectrum.yaml" >/dev/null

echo "wanctl autorate at ${interval} ms for ${seconds} s against the emulator (JAVA_OPTS from the unit: $unit_opts)"
# Steady state: CPU ticks of the daemon's JVM between 10 s (start-up and JIT warm-up done) and
# the end, and its resident memory split into anonymous (heap, metaspace, code) and file-backed
# (shared class data, mapped jars: shared with other JVMs of the same runtime).
(
  pid=""
  for _ in $(seq 1 100); do
    pid=$(pgrep -f "java .*autorate --config $work/spectrum.yaml" | head -1 || true)
    [ -n "$pid" ] && break
    sleep 0.1
  done
  sleep 10
  curl -s "http://127.0.0.1:$health_port/health" >"$work/health-10s.json" || true
  ticks() { awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0; }
  t0=$(ticks)
  sleep $((seconds - 12))
  t1=$(ticks)
  grep -E '^(VmRSS|RssAnon|RssFile|RssShmem)' "/proc/$pid/status" >"$work/rss.txt" 2>/dev/null || true
  echo "$t0 $t1 $((seconds - 12)) $(getconf CLK_TCK)" >"$work/ticks.txt"
  curl -s "http://127.0.0.1:$health_port/health" >"$work/health.json" || true
) &
sampler_pid=$!
JAVA_OPTS="$unit_opts" /usr/bin/time -v timeout -s TERM "$seconds" "$wanctl" autorate --config "$work/spectrum.yaml" \
  >"$work/daemon.log" 2>"$work/time.txt" || true
wait "$sampler_pid"   # not a bare wait: the emulator runs in the background until cleanup

user=$(sed -n 's/.*User time (seconds): //p' "$work/time.txt")
sys=$(sed -n 's/.*System time (seconds): //p' "$work/time.txt")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
awk -v u="$user" -v s="$sys" -v t="$seconds" -v r="$rss" 'BEGIN {
  printf "CPU: %.2f s user + %.2f s system over %d s = %.2f %% of one core (start-up included)\n", u, s, t, 100 * (u + s) / t
  printf "peak RSS: %.1f MB\n", r / 1024 }'
if [ -s "$work/ticks.txt" ]; then
  read -r t0 t1 span hz <"$work/ticks.txt"
  awk -v a="$t0" -v b="$t1" -v t="$span" -v hz="$hz" 'BEGIN {
    printf "steady state (after the first 10 s, %d s): %.2f %% of one core\n", t, 100 * (b - a) / hz / t }'
  awk '{ printf "  %s %.1f MB", $1, $2 / 1024 } END { print "" }' "$work/rss.txt"
fi
python3 - "$work/health.json" "$work/health-10s.json" <<'PY'
import json, sys
try:
    h = json.load(open(sys.argv[1]))
except Exception as e:
    print("no /health document:", e); sys.exit(0)
try:
    early = json.load(open(sys.argv[2])).get("loop", {}).get("overruns")
except Exception:
    early = "?"
loop = h.get("loop", {})
print(f"cycles {loop.get('cycles')}, overruns {loop.get('overruns')} ({early} of them in the first 10 s), "
      f"probe {h.get('measurement', {}).get('probe_method')}")
for p in h.get("cycle_profile", {}).get("phases", []):
    print(f"  {p['phase']:8s} p50 {p['p50Ms']:.3f} ms  p99 {p['p99Ms']:.3f} ms  max {p['maxMs']:.3f} ms  (last {p['count']} cycles)")
PY
grep -c "router write" "$work/daemon.log" >/dev/null 2>&1 || true
