#!/usr/bin/env bash
# Checks that the installed package's own Java runtime (jlink, a chosen module list) runs the
# parts that lean on optional JDK modules: the RouterOS emulator serving REST over HTTP and
# HTTPS (TLS, self-signed certificate) and an SSH console (key exchange, host key), with its
# request counts (GET /wanctl/requests, a summary on SIGTERM); and that a daemon's class path
# holds only what a daemon loads. Everything listens on 127.0.0.1 and is stopped at the end.
set -euo pipefail
# shellcheck source=scripts/testlib.sh
source "$(dirname "$0")/testlib.sh"

case "${1:-}" in
  -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; echo "usage: scripts/test-runtime.sh [WANCTL]"; exit 0 ;;
esac
wanctl=${1:-/opt/wanctl/bin/wanctl}
[ -x "$wanctl" ] || { echo "test-runtime.sh: $wanctl not found (install the .deb)" >&2; exit 2; }
if ! "$wanctl" help emulate-router >/dev/null 2>&1; then
  echo "test-runtime.sh: skipped, this build has no 'wanctl emulate-router'"
  exit 0
fi

http=$(free_port); https=$(free_port); ssh_port=$(free_port)
T=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$T"' EXIT
"$wanctl" emulate-router --rest-port="$http" --rest-tls-port="$https" --ssh-port="$ssh_port" >"$T/log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q 'SSH ' "$T/log" && break; sleep 0.2; done

user=$(sed -n 's/^ *user \([^,]*\), password \(.*\)$/\1:\2/p' "$T/log" | head -n 1)
check "the emulator started on the packaged runtime" grep -q 'RouterOS emulator' "$T/log"
check "REST over HTTP answers" sh -c "curl -fsS -m 5 -u '$user' http://127.0.0.1:$http/rest/system/resource | grep -q version"
check "REST over HTTPS answers (TLS)" sh -c "curl -fsSk -m 5 -u '$user' https://127.0.0.1:$https/rest/queue/tree | grep -q max-limit"
check "the SSH console completes a key exchange" sh -c "ssh-keyscan -T 5 -p $ssh_port 127.0.0.1 2>/dev/null | grep -q ssh-"
counts=$(curl -fsS -m 5 "http://127.0.0.1:$http/wanctl/requests" || true)
check "GET /wanctl/requests counts the two REST reads, none over SSH ($counts)" \
  sh -c "echo '$counts' | grep -q '\"rest\":{\"read\":2,\"write\":0' && echo '$counts' | grep -q '\"ssh\":{\"read\":0,\"write\":0'"
kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
pid=""
check "on SIGTERM the emulator prints the requests it received" grep -qE '^  REST +2 read, 0 write' "$T/log"
check "no class or module is missing" sh -c "! grep -qE 'NoClassDefFoundError|ClassNotFoundException|ServiceConfigurationError' '$T/log'"
[ "$failed" -eq 0 ] || sed 's/^/    | /' "$T/log"

# What the launcher runs, printed instead of run (WANCTL_JAVA=echo): a daemon's class path leaves
# out the simulator, the emulator and the SSH server library, a tool's has them.
daemon_cp=$(WANCTL_JAVA="/bin/echo" "$wanctl" autorate --help | sed -n 's/.* -cp \([^ ]*\) .*/\1/p')
tool_cp=$(WANCTL_JAVA="/bin/echo" "$wanctl" plot --help | sed -n 's/.* -cp \([^ ]*\) .*/\1/p')
check "a daemon's class path has the daemon's jars" sh -c "echo '$daemon_cp' | grep -q wanctl-autorate- && echo '$daemon_cp' | grep -q wanctl-routeros-"
check "a daemon's class path has no simulator, emulator or SSH server" \
  sh -c "! echo '$daemon_cp' | grep -qE 'wanctl-sim-|wanctl-emulator-|sshd-'"
check "a tool's class path has them" sh -c "echo '$tool_cp' | grep -q wanctl-sim- && echo '$tool_cp' | grep -q sshd-core-"

# The runtime's provider list must name only providers it has: for a missing one the JDK
# searches the class path and instantiates BouncyCastle's provider in every daemon (+25 MB RSS).
runtime="$(dirname "$(readlink -f "$wanctl")")/../runtime"
if [ -x "$runtime/bin/java" ]; then
  listed=$(grep -c '^security\.provider\.[0-9]*=' "$runtime/conf/security/java.security")
  loaded=$("$runtime/bin/java" -XshowSettings:security:providers -version 2>&1 | grep -c 'Provider name:')
  check "every security provider java.security lists is in the runtime ($loaded of $listed)" test "$listed" -eq "$loaded"
  check "the runtime has a class-data archive for compact object headers" test -f "$runtime/lib/server/classes_coh.jsa"
fi
finish runtime
