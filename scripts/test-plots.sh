#!/usr/bin/env bash
# Checks plotting and metrics on the installed package's own runtime: an autorate and a steering
# daemon run against the RouterOS emulator; both /metrics pass `promtool check metrics` (when
# promtool is installed); autorate writes its flight recording on SIGUSR1, `wanctl plot` draws it
# as PNG and SVG, `wanctl demo --duration 10s` and `wanctl simulate --plot` write their pictures.
# Loopback only; every process is stopped by PID at the end.
set -euo pipefail
# shellcheck source=scripts/testlib.sh
source "$(dirname "$0")/testlib.sh"

case "${1:-}" in
  -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; echo "usage: scripts/test-plots.sh [WANCTL]"; exit 0 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
wanctl=${1:-/opt/wanctl/bin/wanctl}
[ -x "$wanctl" ] || { echo "test-plots.sh: $wanctl not found (install the .deb)" >&2; exit 2; }
wanctl="$(cd "$(dirname "$wanctl")" && pwd)/$(basename "$wanctl")"   # the demo runs in another directory

T=$(mktemp -d)
emu_pid="" daemon_pid="" steering_pid=""
cleanup() {
  # each kill on its own: under set -e a failed one would end cleanup before the others
  if [ -n "$steering_pid" ]; then kill "$steering_pid" 2>/dev/null || true; fi
  if [ -n "$daemon_pid" ]; then kill "$daemon_pid" 2>/dev/null || true; fi
  if [ -n "$emu_pid" ]; then kill "$emu_pid" 2>/dev/null || true; fi
  rm -rf "$T"
}
trap cleanup EXIT
[ -z "${KEEP:-}" ] || trap 'echo "kept $T"' EXIT
is_png() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; }
is_svg() { grep -q '<svg' "$1" && grep -q '</svg>' "$1"; }

# --- a daemon's flight recording -------------------------------------------------------------
"$wanctl" emulate-router --rest-port -1 --ssh-port -1 >"$T/emulator.out" 2>"$T/emulator.err" &
emu_pid=$!
for _ in $(seq 150); do grep -q "certificate SHA-256" "$T/emulator.out" 2>/dev/null && break; sleep 0.2; done
port=$(sed -n 's|.*REST *https://127.0.0.1:\([0-9]*\)/rest.*|\1|p' "$T/emulator.out")
fingerprint=$(sed -n 's/.*certificate SHA-256: \([0-9a-f]*\).*/\1/p' "$T/emulator.out")
password=$(sed -n 's/^ *user [^,]*, password \(.*\)$/\1/p' "$T/emulator.out" | head -n 1)
check "the emulator started" test -n "$port" -a -n "$fingerprint"
sed -e "s|^  host: .*|  host: 127.0.0.1|" \
    -e "s|^  port: 443 .*|  port: $port\n  scheme: https\n  cert_fingerprint: \"$fingerprint\"|" \
    -e "s|^  password: .*|  password: \"${password:-wanctl-demo}\"|" \
    -e "s|^  ping_hosts: .*|  ping_hosts: [127.0.0.1, 127.0.0.2, 127.0.0.3]|" \
    -e "s|^  spare_hosts: .*||" \
    -e "s|^state_file: .*|state_file: $T/spectrum_state.json|" \
    -e "s|^lock_file: .*|lock_file: $T/spectrum.lock|" \
    -e "s|^health_check:.*|health_check:\n  port: $(free_port)|" \
    "$root/configs/spectrum.yaml" >"$T/spectrum.yaml"
metrics_port=$(free_port)
sed -i "s|^metrics:.*|metrics:\n  port: $metrics_port|; /^metrics:/,/^$/s|^  enabled: false|  enabled: true|" "$T/spectrum.yaml"
printf 'flight_recorder:\n  write_interval: 0\n' >>"$T/spectrum.yaml"
steering_metrics=$(free_port)
sed -e "s|^  host: 192.168.88.1|  host: 127.0.0.1|" \
    -e "s|^  port: 443|  port: $port\n  scheme: https\n  cert_fingerprint: \"$fingerprint\"|" \
    -e "s|^  password: .*|  password: \"${password:-wanctl-demo}\"|" \
    -e "s|^  ping_hosts: .*|  ping_hosts: [127.0.0.1, 127.0.0.2, 127.0.0.3]|" \
    -e "s|^  primary_wan_config: .*||" \
    -e "s|/var/lib/wanctl/|$T/|" -e "s|^lock_file: .*|lock_file: $T/steering.lock|" \
    -e "s|^health_check:.*|health_check:\n  port: $(free_port)|" \
    -e "s|^metrics:.*|metrics:\n  port: $steering_metrics|" \
    "$root/configs/steering.yaml" >"$T/steering.yaml"
sed -i '/^metrics:/,/^$/s|^  enabled: false|  enabled: true|' "$T/steering.yaml"
"$wanctl" autorate --config "$T/spectrum.yaml" >"$T/daemon.log" 2>&1 &
daemon_pid=$!
for _ in $(seq 150); do grep -q "running: first cycle done" "$T/daemon.log" 2>/dev/null && break; sleep 0.2; done
"$wanctl" steering --config "$T/steering.yaml" >"$T/steering.log" 2>&1 &
steering_pid=$!
for _ in $(seq 150); do grep -q "running: first cycle done" "$T/steering.log" 2>/dev/null && break; sleep 0.2; done
sleep 3   # about 60 cycles to draw
curl -fsS -m 5 "http://127.0.0.1:$metrics_port/metrics" >"$T/autorate.metrics" || true
curl -fsS -m 5 "http://127.0.0.1:$steering_metrics/metrics" >"$T/steering.metrics" || true
check "autorate serves /metrics with build_info, the cycle histogram, reflectors and JVM metrics" sh -c \
  "grep -q '^wanctl_build_info' '$T/autorate.metrics' && grep -q '^wanctl_cycle_duration_seconds_bucket' '$T/autorate.metrics' \
   && grep -q '^wanctl_reflector_rtt_seconds' '$T/autorate.metrics' && grep -q '^process_resident_memory_bytes' '$T/autorate.metrics'"
check "steering serves /metrics with CAKE drops and reflectors" sh -c \
  "grep -q '^wanctl_cake_drops_total' '$T/steering.metrics' && grep -q '^wanctl_reflector_loss_ratio' '$T/steering.metrics'"
if command -v promtool >/dev/null; then
  check "promtool check metrics: autorate" sh -c "promtool check metrics <'$T/autorate.metrics'"
  check "promtool check metrics: steering" sh -c "promtool check metrics <'$T/steering.metrics'"
else
  echo "skipped: promtool check metrics (apt-get install prometheus)"
fi
kill "$steering_pid" 2>/dev/null || true; wait "$steering_pid" 2>/dev/null || true; steering_pid=""
kill -USR1 "$daemon_pid" 2>/dev/null || true
csv="$T/spectrum_flight.csv"
for _ in $(seq 50); do [ -s "$csv" ] && break; sleep 0.2; done
check "SIGUSR1 writes the flight recording to the state directory" test -s "$csv"
kill "$daemon_pid" 2>/dev/null || true; wait "$daemon_pid" 2>/dev/null || true; daemon_pid=""
kill "$emu_pid" 2>/dev/null || true; wait "$emu_pid" 2>/dev/null || true; emu_pid=""
[ "$failed" -eq 0 ] || sed 's/^/    | /' "$T/daemon.log" "$T/steering.log" "$T/emulator.err"

check "wanctl plot draws the daemon's recording as PNG" "$wanctl" plot "$csv" --out "$T/daemon.png"
check "  ... a PNG file" is_png "$T/daemon.png"
check "wanctl plot draws the daemon's recording as SVG" "$wanctl" plot "$csv" --out "$T/daemon.svg"
check "  ... an SVG file" is_svg "$T/daemon.svg"

# --- demo and simulate ---------------------------------------------------------------------------
check "wanctl demo --duration 10s writes its plot" sh -c "cd '$T' && '$wanctl' demo --duration 10s --plot demo.png >demo.out 2>&1"
check "  ... the run announced for 10 s" sh -c "grep -q 'for 10 s' '$T/demo.out'"
check "  ... a PNG file" is_png "$T/demo.png"
check "wanctl simulate --plot writes its plot" "$wanctl" simulate --scenario dsl-stable --controller wanctl --duration 60s --plot "$T/sim.svg"
check "  ... an SVG file" is_svg "$T/sim.svg"
check "no class or module is missing" sh -c "! grep -qE 'NoClassDefFoundError|ClassNotFoundException' '$T'/*.out '$T/daemon.log'"
finish plots
