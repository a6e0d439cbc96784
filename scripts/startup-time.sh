#!/usr/bin/env bash
# Measures how long a wanctl command takes from exec to its first output line (or to the first
# line matching --until, e.g. a daemon's first cycle), with and without the AOT cache. Prints
# the median of N runs for each. Daemons are stopped (SIGTERM) once the line has appeared.
#   scripts/startup-time.sh --runs 10 -- /opt/wanctl/bin/wanctl --version
#   scripts/startup-time.sh --until 'RTT=' -- /opt/wanctl/bin/wanctl autorate --config c.yaml --debug
set -euo pipefail

usage() {
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  echo "usage: startup-time.sh [--runs N] [--until REGEX] [--timeout SECONDS] -- COMMAND [ARGS...]"
}
runs=10 until_re="" timeout_s=30
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --until) until_re=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    *) echo "startup-time.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { usage >&2; exit 2; }

# One run: milliseconds until the wanted line, or "timeout".
run_once() {
  local start end line found=""
  start=$(date +%s%N)
  coproc RUN { exec "$@" 2>&1; }
  local pid=$RUN_PID fd=${RUN[0]}
  while IFS= read -r -t "$timeout_s" line <&"$fd"; do
    if [ -z "$until_re" ] || [[ "$line" =~ $until_re ]]; then found=1; break; fi
  done
  end=$(date +%s%N)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -n "$found" ]; then echo $(( (end - start) / 1000000 )); else echo timeout; fi
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else print a[int((NR+1)/2)]}'; }

measure() {
  local label=$1; shift
  local i t results=()
  for ((i = 0; i < runs; i++)); do
    t=$(run_once "$@")
    [ "$t" = timeout ] && { echo "$label: no matching line within ${timeout_s}s" >&2; return 1; }
    results+=("$t")
  done
  echo "$label: median $(printf '%s\n' "${results[@]}" | median) ms over $runs runs (min $(printf '%s\n' "${results[@]}" | sort -n | head -n1), max $(printf '%s\n' "${results[@]}" | sort -n | tail -n1))"
}

measure "without AOT cache" env WANCTL_NO_AOT=1 "$@"
measure "with AOT cache   " env -u WANCTL_NO_AOT "$@"
