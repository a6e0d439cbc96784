#!/usr/bin/env bash
# Measures what `wanctl autorate` costs on this host, as the package runs it: the daemon against
# the built-in RouterOS emulator (REST over HTTPS, certificate pinned) with real ICMP probes to
# 127.0.0.1, under the environment of the package's systemd unit (every Environment= line:
# JAVA_OPTS, MALLOC_ARENA_MAX, ...). Reports the steady-state % of one core, RSS (anonymous and
# file-backed), the cycle-work profile and overruns from /health.
#   scripts/measure-autorate.sh [--interval-ms 50] [--seconds 60] [--warmup 10]
#       [--deb FILE | --wanctl PATH | --source] [--unit FILE]
#       [--java-opts "..."] [--add-opts "..."] [--env NAME=VALUE]... [--label TEXT]
#       [--max-rss-mb N] [--max-cpu-pct N] [--tools-wanctl PATH]
# What is measured, first that applies: --wanctl PATH (a launcher), --source (./wanctl, this
# tree's distribution), --deb FILE, the installed package (/opt/wanctl), else the .deb in
# wanctl-dist/target. A .deb is extracted into a temporary directory (nothing is installed).
# The unit is the measured package's own (lib/systemd/system/wanctl@.service), else systemd/ of
# this tree. --java-opts replaces the unit's JAVA_OPTS, --add-opts appends to it, --env sets or
# (NAME=) clears a variable: to compare options without rebuilding the package.
# --max-rss-mb / --max-cpu-pct: exit 1 when the steady state is above them. --tools-wanctl
# runs the emulator and check-config from another launcher (default: the measured one).
# The last line is one "RESULT key=value ..." line for scripts. Loopback only. Needs root or
# CAP_NET_RAW for ICMP (else the probe falls back to ping sockets or TCP connect).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
interval=50 seconds=60 warmup=10
wanctl="" deb="" source_tree="" unit="" label="" tools=""
java_opts="" java_opts_set="" add_opts="" max_rss="" max_cpu=""
envs=()
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --interval-ms) interval=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --wanctl) wanctl=$2; shift 2 ;;
    --deb) deb=$2; shift 2 ;;
    --source) source_tree=1; shift ;;
    --unit) unit=$2; shift 2 ;;
    --java-opts) java_opts=$2; java_opts_set=1; shift 2 ;;
    --add-opts) add_opts=$2; shift 2 ;;
    --env) envs+=("$2"); shift 2 ;;
    --label) label=$2; shift 2 ;;
    --max-rss-mb) max_rss=$2; shift 2 ;;
    --max-cpu-pct) max_cpu=$2; shift 2 ;;
    --tools-wanctl) tools=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "measure-autorate.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
die() { echo "measure-autorate.sh: $*" >&2; exit 1; }
[ "$seconds" -gt "$((warmup + 4))" ] || die "--seconds must be at least --warmup + 5 ($((warmup + 5)))"

work=$(mktemp -d)
emu_pid="" daemon_pid=""
# shellcheck disable=SC2317  # run by the trap
cleanup() {
  # only the processes this script started, by PID
  [ -z "$daemon_pid" ] || kill "$daemon_pid" 2>/dev/null || true
  [ -z "$emu_pid" ] || kill "$emu_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- what to measure ---------------------------------------------------------------------------
prefix=""   # root of the package's file tree (/ when installed), empty for a source tree
if [ -n "$wanctl" ]; then
  what="launcher $wanctl"
  home=$(cd "$(dirname "$(readlink -f "$wanctl")")/.." && pwd)
  [ -f "$home/../../lib/systemd/system/wanctl@.service" ] && prefix=$(cd "$home/../.." && pwd)
elif [ -n "$source_tree" ]; then
  wanctl="$root/wanctl" what="this tree's distribution (./wanctl)"
else
  if [ -z "$deb" ] && [ -x /opt/wanctl/bin/wanctl ] && [ -f /lib/systemd/system/wanctl@.service ]; then
    wanctl=/opt/wanctl/bin/wanctl prefix=/ what="the installed package"
  else
    if [ -z "$deb" ]; then
      for f in "$root"/wanctl-dist/target/wanctl_*.deb; do [ -f "$f" ] && deb=$f; done
      [ -n "$deb" ] || die "no installed package and no wanctl-dist/target/wanctl_*.deb: build it (mvn -pl wanctl-dist -am package -DskipTests), or pass --deb, --wanctl or --source"
    fi
    [ -f "$deb" ] || die "no such file: $deb"
    dpkg-deb -x "$deb" "$work/pkg" || die "cannot extract $deb"
    prefix="$work/pkg" wanctl="$work/pkg/opt/wanctl/bin/wanctl" what="$(basename "$deb") (extracted, not installed)"
  fi
fi
if [ -z "$unit" ]; then
  if [ -n "$prefix" ] && [ -f "$prefix/lib/systemd/system/wanctl@.service" ]; then
    unit="$prefix/lib/systemd/system/wanctl@.service"
  else
    unit="$root/systemd/wanctl@.service"
  fi
fi
[ -f "$unit" ] || die "no unit file $unit"

# The unit's environment: every Environment= line, one NAME=VALUE each (quotes removed).
daemon_env=()
while IFS= read -r line; do
  line=${line#Environment=}
  line=${line#\"}; line=${line%\"}
  daemon_env+=("$line")
done < <(grep -E '^Environment=' "$unit")
set_env() {   # NAME=VALUE: replaces NAME in daemon_env (NAME= alone removes it)
  local name=${1%%=*} kept=() e
  for e in ${daemon_env[@]+"${daemon_env[@]}"}; do [ "${e%%=*}" = "$name" ] || kept+=("$e"); done
  [ -z "${1#*=}" ] || kept+=("$1")
  daemon_env=(${kept[@]+"${kept[@]}"})
}
unit_java_opts=""
for e in ${daemon_env[@]+"${daemon_env[@]}"}; do [ "${e%%=*}" != JAVA_OPTS ] || unit_java_opts=${e#*=}; done
[ -n "$java_opts_set" ] || java_opts=$unit_java_opts
java_opts="$java_opts${add_opts:+ $add_opts}"
set_env "JAVA_OPTS=$java_opts"
for e in ${envs[@]+"${envs[@]}"}; do set_env "$e"; done

tools=${tools:-$wanctl}
"$tools" --version >/dev/null || die "$tools --version failed"   # ./wanctl builds the distribution first if needed

# --- the emulator (REST over HTTPS only) -----------------------------------------------------
"$tools" emulate-router --rest-port -1 --ssh-port -1 --api-port -1 --api-tls-port -1 \
  >"$work/emulator.out" 2>"$work/emulator.err" &
emu_pid=$!
for _ in $(seq 1 300); do
  grep -q "certificate SHA-256" "$work/emulator.out" 2>/dev/null && break
  kill -0 "$emu_pid" 2>/dev/null || break
  sleep 0.1
done
port=$(sed -n 's|.*REST *https://127.0.0.1:\([0-9]*\)/rest.*|\1|p' "$work/emulator.out")
fingerprint=$(sed -n 's/.*certificate SHA-256: \([0-9a-f]*\).*/\1/p' "$work/emulator.out")
if [ -z "$port" ] || [ -z "$fingerprint" ]; then echo "the emulator did not start:" >&2; cat "$work/emulator."* >&2; exit 1; fi

# a free loopback port for /health (nothing answers on it)
health_port=""
for _ in $(seq 50); do
  p=$((20000 + RANDOM % 20000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then health_port=$p; break; fi
done
[ -n "$health_port" ] || die "no free loopback port for /health"

config_src="$root/configs/spectrum.yaml"
[ -z "$prefix" ] || [ ! -f "$prefix/usr/share/doc/wanctl/examples/spectrum.yaml" ] \
  || config_src="$prefix/usr/share/doc/wanctl/examples/spectrum.yaml"
sed -e "s|^  host: 192.168.88.1|  host: 127.0.0.1|" \
    -e "s|^  port: 443 .*|  port: $port\n  scheme: https\n  cert_fingerprint: \"$fingerprint\"|" \
    -e "s|^  password: .*|  password: wanctl-demo|" \
    -e "s|^  interval_ms: 50 .*|  interval_ms: $interval|" \
    -e "s|^  ping_hosts: .*|  ping_hosts: [127.0.0.1, 127.0.0.2, 127.0.0.3]|" \
    -e "s|^  spare_hosts: .*||" \
    -e "s|^state_file: .*|state_file: $work/state.json|" \
    -e "s|^lock_file: .*|lock_file: $work/spectrum.lock|" \
    -e "s|^health_check:.*|health_check:\n  port: $health_port|" \
    "$config_src" >"$work/spectrum.yaml"
"$tools" check-config "$work/spectrum.yaml" >/dev/null || die "the measurement's config is invalid: $work/spectrum.yaml"

echo "wanctl autorate at ${interval} ms for ${seconds} s (${warmup} s warm-up) against the emulator: $what"
echo "  environment (from $unit${add_opts:+, --add-opts}${envs:+, --env}): ${daemon_env[*]}"

# --- the daemon ----------------------------------------------------------------------------------
# Started in the background and stopped by its PID (the launcher execs the JVM, so $! is the
# JVM). The clock starts when /health answers, not when the launcher starts: a slow start-up
# (a busy host, ./wanctl checking whether to rebuild) cannot eat into the measured window.
(cd "$work" && exec env "${daemon_env[@]}" "$wanctl" autorate --config "$work/spectrum.yaml") \
  >"$work/daemon.log" 2>"$work/daemon.err" &
daemon_pid=$!
started=$(date +%s%N)
health() { curl -s --max-time 5 "http://127.0.0.1:$health_port/health"; }
alive() { kill -0 "$daemon_pid" 2>/dev/null; }
for _ in $(seq 1 600); do
  alive || break
  health >/dev/null 2>&1 && break
  sleep 0.1
done
if ! alive || ! health >"$work/health-0.json" 2>/dev/null; then
  echo "the daemon did not serve /health on 127.0.0.1:$health_port within 60 s; its output:" >&2
  tail -n 30 "$work/daemon.log" "$work/daemon.err" >&2
  exit 1
fi
up_ms=$(( ($(date +%s%N) - started) / 1000000 ))
ticks() { awk '{print $14 + $15}' "/proc/$daemon_pid/stat"; }
sleep "$warmup"
alive || die "the daemon exited during the warm-up: $(tail -n 5 "$work/daemon.log" "$work/daemon.err")"
health >"$work/health-warm.json" || true
# the emulator's request counts (GET /wanctl/requests), for the router load of the steady state
requests() { curl -sk --max-time 5 "https://127.0.0.1:$port/wanctl/requests" | sed -n 's/.*"rest":{"read":\([0-9]*\),"write":\([0-9]*\).*/\1 \2/p'; }
read -r r0 w0 < <(requests || true) || true
t0=$(ticks) n0=$(date +%s%N)
sleep $((seconds - warmup))
alive || die "the daemon exited during the measurement: $(tail -n 5 "$work/daemon.log" "$work/daemon.err")"
t1=$(ticks) n1=$(date +%s%N)
read -r r1 w1 < <(requests || true) || true
grep -E '^(VmRSS|RssAnon|RssFile|RssShmem|VmHWM|Threads)' "/proc/$daemon_pid/status" >"$work/status.txt"
health >"$work/health.json" || die "no /health document at the end of the measurement"
kill -TERM "$daemon_pid" 2>/dev/null || true
for _ in $(seq 1 100); do alive || break; sleep 0.1; done
alive && kill -KILL "$daemon_pid" 2>/dev/null
wait "$daemon_pid" 2>/dev/null || true
daemon_pid=""

hz=$(getconf CLK_TCK)
kb() { awk -v k="$1" '$1 == k":" {print $2}' "$work/status.txt"; }
rss=$(kb VmRSS) anon=$(kb RssAnon) file=$(kb RssFile) hwm=$(kb VmHWM) threads=$(kb Threads)
cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$hz" -v n0="$n0" -v n1="$n1" 'BEGIN { printf "%.2f", 100 * (b - a) / hz / ((n1 - n0) / 1e9) }')
span=$(( (n1 - n0) / 1000000000 ))
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "/health answered after $((up_ms / 1000)).$(( (up_ms % 1000) / 100 )) s"
echo "steady state ($span s after a $warmup s warm-up): $cpu % of one core"
echo "RSS $(mb "$rss") MB (anonymous $(mb "$anon") MB, files $(mb "$file") MB: libjvm, class archives, modules; peak $(mb "$hwm") MB), $threads threads"

overruns="?" cycles="?"
if command -v python3 >/dev/null; then
  python3 - "$work/health.json" "$work/health-warm.json" >"$work/profile.txt" <<'PY' || true
import json, sys
h = json.load(open(sys.argv[1]))
try:
    early = json.load(open(sys.argv[2])).get("loop", {}).get("overruns")
except Exception:
    early = "?"
loop = h.get("loop", {})
print(f"cycles {loop.get('cycles')}, overruns {loop.get('overruns')} ({early} of them in the warm-up), "
      f"probe {h.get('measurement', {}).get('probe_method')}, status {h.get('status')}")
for p in h.get("cycle_profile", {}).get("phases", []):
    print(f"  {p['phase']:8s} p50 {p['p50Ms']:.3f} ms  p99 {p['p99Ms']:.3f} ms  max {p['maxMs']:.3f} ms"
          f"  (last {p['count']} cycles)")
print(loop.get("cycles"), loop.get("overruns"))
PY
  sed '$d' "$work/profile.txt"
  read -r cycles overruns < <(tail -n 1 "$work/profile.txt") || true
else
  echo "(python3 not found: the cycle profile is in $work/health.json, printed here)"; cat "$work/health.json"; echo
fi
router_rps="?"
if [ -n "${r0:-}" ] && [ -n "${r1:-}" ]; then
  router_rps=$(awk -v a="$((r0 + w0))" -v b="$((r1 + w1))" -v n0="$n0" -v n1="$n1" 'BEGIN { printf "%.2f", (b - a) / ((n1 - n0) / 1e9) }')
  echo "router requests in the steady state: $((r1 - r0)) reads, $((w1 - w0)) writes ($router_rps a second)"
fi
echo "RESULT label=\"${label:-unit}\" interval_ms=$interval rss_mb=$(mb "$rss") anon_mb=$(mb "$anon") file_mb=$(mb "$file") peak_mb=$(mb "$hwm") cpu_pct=$cpu threads=$threads cycles=$cycles overruns=$overruns router_rps=$router_rps"

status=0
if [ -n "$max_rss" ] && awk -v r="$rss" -v m="$max_rss" 'BEGIN { exit !(r / 1024 > m) }'; then
  echo "RSS $(mb "$rss") MB is above --max-rss-mb $max_rss" >&2; status=1
fi
if [ -n "$max_cpu" ] && awk -v c="$cpu" -v m="$max_cpu" 'BEGIN { exit !(c > m) }'; then
  echo "CPU $cpu % is above --max-cpu-pct $max_cpu" >&2; status=1
fi
exit "$status"
