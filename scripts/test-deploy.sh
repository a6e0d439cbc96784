#!/usr/bin/env bash
# Tests scripts/deploy.sh end to end against a real OpenSSH server on 127.0.0.1: a throwaway
# sshd (own host key, own port), a throwaway user and key, a target root directory standing in
# for the host's /, and a stand-in systemctl that records calls, runs the deployed wanctl once
# and serves /health from the deployed Java runtime. Checks:
#   1. a missing steering config and a broken config are refused before anything is copied
#   2. --dry-run changes nothing
#   3. a deploy lands the package and configs with the right modes and verifies the units
#   4. a second deploy changes nothing and says so
#   5. a changed config restarts only its own unit
#   6. a unit that does not come up fails the deploy
# Needs root (it creates the user) and the .deb (mvn -B -pl wanctl-dist -am package).
# Everything listens on 127.0.0.1 only and is removed at the end.
set -euo pipefail

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  echo "usage: scripts/test-deploy.sh [--package FILE] [--keep]"
}
repo=$(cd "$(dirname "$0")/.." && pwd)
package="" keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --package) package=$2; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "test-deploy.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "test-deploy.sh: must run as root (it creates a throwaway user)" >&2; exit 2; }
if [ -z "$package" ]; then
  # shellcheck disable=SC2012  # newest by mtime; the names are ours
  package=$(ls -t "$repo"/wanctl-dist/target/wanctl_*.deb 2>/dev/null | head -n 1 || true)
fi
[ -f "$package" ] || { echo "test-deploy.sh: no .deb; build it: mvn -B -pl wanctl-dist -am package -DskipTests" >&2; exit 2; }

if [ ! -x /usr/sbin/sshd ]; then
  echo "test-deploy.sh: installing openssh-server"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server >/dev/null
fi

# shellcheck source=scripts/testlib.sh
source "$(dirname "$0")/testlib.sh"

T=$(mktemp -d /tmp/wanctl-deploy-test.XXXXXX)
chmod 0755 "$T"
user="wdt$$"
sshd_pid=""
cleanup() {
  set +e
  [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null
  for f in "$T"/state/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
  # userdel refuses while the user's last sshd session is still closing: retry for a while.
  for _ in $(seq 50); do
    id "$user" >/dev/null 2>&1 || break
    userdel "$user" 2>/dev/null && break
    sleep 0.1
  done
  id "$user" >/dev/null 2>&1 && echo "test-deploy.sh: could not remove user $user" >&2
  if $keep; then echo "kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT

# --- user, keys, sshd ----------------------------------------------------------------------
# '*': no password, but not locked (sshd refuses locked accounts even for keys)
useradd --home-dir "$T/home" --create-home --shell /bin/sh --password '*' "$user"
ssh-keygen -q -t ed25519 -N '' -C test-host -f "$T/host_key"
ssh-keygen -q -t ed25519 -N '' -C test-client -f "$T/client_key"
cp "$T/client_key.pub" "$T/authorized_keys"; chmod 0644 "$T/authorized_keys"

ssh_port=$(free_port); health_port=$(free_port); steering_port=$(free_port)
cat > "$T/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $ssh_port
HostKey $T/host_key
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys
AllowUsers $user
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
Subsystem sftp internal-sftp
EOF
mkdir -p /run/sshd
/usr/sbin/sshd -f "$T/sshd_config" -E "$T/sshd.log"
for _ in $(seq 50); do [ -s "$T/sshd.pid" ] && break; sleep 0.1; done
sshd_pid=$(cat "$T/sshd.pid")
echo "[127.0.0.1]:$ssh_port $(cut -d' ' -f1,2 "$T/host_key.pub")" > "$T/known_hosts"
export WANCTL_DEPLOY_SSH_OPTS="-o Port=$ssh_port -i $T/client_key -o IdentitiesOnly=yes -o UserKnownHostsFile=$T/known_hosts -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes"
host="$user@127.0.0.1"
# shellcheck disable=SC2086
ssh $WANCTL_DEPLOY_SSH_OPTS -o BatchMode=yes "$host" true || { cat "$T/sshd.log"; echo "test-deploy.sh: cannot log in to the test sshd" >&2; exit 1; }
echo "sshd on 127.0.0.1:$ssh_port (pid $sshd_pid), user $user"

# --- the target: a root directory with a dpkg database, and a stand-in systemctl ---------------
target="$T/target" state="$T/state"
mkdir -p "$target/var/lib/dpkg/info" "$target/var/lib/dpkg/updates" "$target/var/lib/dpkg/triggers" "$state" "$T/bin"
touch "$target/var/lib/dpkg/status"
echo "$health_port" > "$state/wanctl@spectrum.service.port"
echo "$steering_port" > "$state/wanctl-steering.service.port"
cat > "$T/bin/systemctl" <<EOF
#!/usr/bin/env bash
# Stand-in systemctl for test-deploy.sh: records every call; start/restart runs the deployed
# wanctl once (it must work) and serves /health on the unit's port from the deployed runtime.
set -euo pipefail
state=$state root=$target
EOF
cat >> "$T/bin/systemctl" <<'EOF'
echo "$*" >> "$state/calls"
quiet=false args=()
for a in "$@"; do case $a in --quiet|-q) quiet=true ;; *) args+=("$a") ;; esac; done
cmd=${args[0]} unit=${args[1]:-}
template=${unit/@*./@.}
case $cmd in
  daemon-reload) ;;
  enable) touch "$state/$unit.enabled" ;;
  is-enabled)
    if [ -f "$state/$unit.enabled" ]; then $quiet || echo enabled; exit 0; fi
    $quiet || echo disabled; exit 1 ;;
  restart|start)
    if [ -f "$state/$unit.broken" ] || [ ! -f "$root/lib/systemd/system/$template" ] \
        || ! "$root/opt/wanctl/bin/wanctl" --version >/dev/null 2>&1; then
      echo failed > "$state/$unit.state"; echo "Job for $unit failed." >&2; exit 1
    fi
    pid=$(cat "$state/$unit.pid" 2>/dev/null || true)
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
      mkdir -p "$state/www-$unit"
      echo "{\"status\":\"healthy\",\"unit\":\"$unit\"}" > "$state/www-$unit/health"
      port=$(cat "$state/$unit.port")
      setsid "$root/opt/wanctl/runtime/bin/java" -m jdk.httpserver -b 127.0.0.1 \
        -p "$port" -d "$state/www-$unit" </dev/null >"$state/$unit.log" 2>&1 &
      pid=$!
      echo "$pid" > "$state/$unit.pid"
      # like a unit's start, return once it serves: a server that could not start says why
      for _ in $(seq 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
        if ! kill -0 "$pid" 2>/dev/null; then
          echo "stand-in systemctl: the health server of $unit on port $port ended:" >&2
          cat "$state/$unit.log" >&2
          echo failed > "$state/$unit.state"; exit 1
        fi
        sleep 0.2
      done
    fi
    echo active > "$state/$unit.state" ;;
  is-active)
    s=$(cat "$state/$unit.state" 2>/dev/null || echo inactive)
    $quiet || echo "$s"
    [ "$s" = active ] ;;
  *) echo "stand-in systemctl: unsupported: $*" >&2; exit 1 ;;
esac
EOF
chmod 0755 "$T/bin/systemctl"
chown -R "$user" "$target" "$state"
export WANCTL_DEPLOY_ROOT="$target" WANCTL_DEPLOY_SYSTEMCTL="$T/bin/systemctl" WANCTL_DEPLOY_HEALTH_TIMEOUT=30

# --- configs, and the validator ----------------------------------------------------------------
# The real `wanctl check-config` when this build has it (with the repository's example configs);
# until then a stand-in that rejects what is marked broken, so that the deploy flow is tested.
mkdir -p "$T/configs" "$T/broken" "$T/no-steering"
with_health_port() { # file port: set health_check.port, adding the block when missing
  awk -v port="$2" '
    /^[^ \t#][^:]*:/ { in_hc = ($1 == "health_check:"); if (in_hc) { seen = 1; print; print "  port: " port; next } }
    in_hc && /^[ \t]+port:/ { next }
    { print }
    END { if (!seen) { print "health_check:"; print "  enabled: true"; print "  port: " port } }
  ' "$1"
}
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$repo/pom.xml" | head -n 1)
local_wanctl="$repo/wanctl-cli/target/wanctl-$version/wanctl-$version/bin/wanctl"  # built; ./wanctl may rebuild
[ -x "$local_wanctl" ] || local_wanctl="$repo/wanctl"
if "$local_wanctl" help check-config >/dev/null 2>&1 && [ -f "$repo/configs/spectrum.yaml" ] && [ -f "$repo/configs/steering.yaml" ]; then
  validator="$local_wanctl"
  with_health_port "$repo/configs/spectrum.yaml" "$health_port" > "$T/configs/spectrum.yaml"
  with_health_port "$repo/configs/steering.yaml" "$steering_port" > "$T/configs/steering.yaml"
  echo "validator: wanctl check-config, configs from configs/"
else
  validator="$T/bin/check-config-stand-in"
  cat > "$validator" <<'EOF'
#!/bin/sh
# Stand-in for `wanctl check-config` until it is on main: exit 78 for a file marked broken.
[ "$1" = check-config ] || exit 2
shift
for f in "$@"; do
  if grep -q 'BROKEN' "$f"; then echo "$f: invalid (marked BROKEN)"; exit 78; fi
done
exit 0
EOF
  chmod 0755 "$validator"
  printf 'wan_name: spectrum\nhealth_check:\n  enabled: true\n  port: %s\n' "$health_port" > "$T/configs/spectrum.yaml"
  printf 'wan_name: steering\nhealth_check:\n  enabled: true\n  port: %s\n' "$steering_port" > "$T/configs/steering.yaml"
  echo "validator: a stand-in (wanctl check-config is not in this build yet)"
fi
export WANCTL_DEPLOY_WANCTL="$validator"
cp "$T/configs/spectrum.yaml" "$T/no-steering/"
{ cat "$T/configs/spectrum.yaml"; printf '# BROKEN\ncontinuous_monitoring: [this is not closed\n'; } > "$T/broken/spectrum.yaml"
cp "$T/configs/steering.yaml" "$T/broken/"

deploy() { "$repo/scripts/deploy.sh" "$@" --package "$package" >"$T/out" 2>&1; }
out_has() { grep -q -- "$1" "$T/out"; }
untouched() { [ ! -e "$target/etc/wanctl" ] && [ ! -e "$target/opt" ] && [ -z "$(find /tmp -maxdepth 1 -user "$user" -name 'wanctl-deploy.*' 2>/dev/null)" ]; }
mode() { stat -c %a "$1"; }
calls() { grep -c -- "$1" "$state/calls" 2>/dev/null || true; }

# 1. refusals before anything is copied
set +e
deploy spectrum "$host" --with-steering --configs "$T/no-steering"; rc=$?
check "a missing steering.yaml is refused with 78 (got $rc)" test "$rc" -eq 78
check "  and the message says no example is used" out_has "no example is ever deployed"
check "  and nothing reached the target" untouched
deploy spectrum "$host" --with-steering --configs "$T/broken"; rc=$?
check "a broken config is refused with 78 (got $rc)" test "$rc" -eq 78
check "  and nothing reached the target" untouched

# 2. dry run
deploy spectrum "$host" --with-steering --configs "$T/configs" --dry-run; rc=$?
check "--dry-run exits 0 (got $rc)" test "$rc" -eq 0
check "  and prints the install step" out_has "\[dry-run\] install it"
check "  and changes nothing" untouched

# 3. first deploy
deploy spectrum "$host" --with-steering --configs "$T/configs"; rc=$?
set -e
sed 's/^/    | /' "$T/out"
check "the first deploy exits 0 (got $rc)" test "$rc" -eq 0
check "  the launcher is installed and runs" sh -c "'$target/opt/wanctl/bin/wanctl' --version >/dev/null"
check "  /usr/bin/wanctl points to it" test "$(readlink "$target/usr/bin/wanctl")" = /opt/wanctl/bin/wanctl
check "  the bundled runtime is there" test -x "$target/opt/wanctl/runtime/bin/java"
check "  both units are in lib/systemd/system" test -f "$target/lib/systemd/system/wanctl@.service" -a -f "$target/lib/systemd/system/wanctl-steering.service"
check "  /etc/wanctl/spectrum.yaml is the deployed file, mode 640" \
  sh -c "cmp -s '$T/configs/spectrum.yaml' '$target/etc/wanctl/spectrum.yaml' && [ \"\$(stat -c %a '$target/etc/wanctl/spectrum.yaml')\" = 640 ]"
check "  /etc/wanctl/steering.yaml is the deployed file, mode 640" \
  sh -c "cmp -s '$T/configs/steering.yaml' '$target/etc/wanctl/steering.yaml' && [ \"\$(stat -c %a '$target/etc/wanctl/steering.yaml')\" = 640 ]"
check "  /etc/wanctl is 750" test "$(mode "$target/etc/wanctl")" = 750
check "  /var/lib/wanctl is 750" test "$(mode "$target/var/lib/wanctl")" = 750
check "  /var/lib/wanctl/.ssh is 700" test "$(mode "$target/var/lib/wanctl/.ssh")" = 700
check "  daemon-reload ran once" test "$(calls daemon-reload)" -eq 1
check "  both units were enabled and restarted" test "$(calls 'restart wanctl@spectrum.service')" -eq 1 -a "$(calls 'restart wanctl-steering.service')" -eq 1
check "  the verification asked is-active for both" test "$(calls 'is-active wanctl@spectrum.service')" -ge 1 -a "$(calls 'is-active wanctl-steering.service')" -ge 1
check "  the health endpoints answered" sh -c "grep -q 'health: http://127.0.0.1:$health_port/health answered' '$T/out' && grep -q 'health: http://127.0.0.1:$steering_port/health answered' '$T/out'"
check "  the staging directory was removed" test -z "$(find /tmp -maxdepth 1 -user "$user" -name 'wanctl-deploy.*')"

# 4. idempotence
before=$(find "$target" -type f -newer "$T/out" | wc -l)
cp "$state/calls" "$T/calls.before"
set +e; deploy spectrum "$host" --with-steering --configs "$T/configs"; rc=$?; set -e
check "a second deploy exits 0 (got $rc)" test "$rc" -eq 0
check "  and says nothing changed" out_has "nothing changed on"
check "  and restarted nothing" sh -c "! diff '$T/calls.before' '$state/calls' | grep -qE '^> (restart|daemon-reload|enable) '"
check "  and wrote no file on the target" test "$(find "$target" -type f -newer "$T/calls.before" | wc -l)" -eq "$before"
check "  and still verified" out_has "verified: wanctl@spectrum.service wanctl-steering.service active and healthy"

# 5. a config change restarts its own unit only
echo "# tuned" >> "$T/configs/spectrum.yaml"
cp "$state/calls" "$T/calls.before"
set +e; deploy spectrum "$host" --with-steering --configs "$T/configs"; rc=$?; set -e
check "a changed config deploys (exit $rc)" test "$rc" -eq 0
check "  restarting wanctl@spectrum only" sh -c "diff '$T/calls.before' '$state/calls' | grep -q 'restart wanctl@spectrum' && ! diff '$T/calls.before' '$state/calls' | grep -q 'restart wanctl-steering'"
check "  without reinstalling the package" sh -c "! grep -q 'install wanctl_' '$T/out'"

# 6. a unit that fails to start fails the deploy
touch "$state/wanctl@spectrum.service.broken"
echo "# again" >> "$T/configs/spectrum.yaml"
set +e; deploy spectrum "$host" --configs "$T/configs"; rc=$?; set -e
check "a unit that does not start fails the deploy (exit $rc)" test "$rc" -eq 1
check "  and the output names the unit" sh -c "grep -q 'FAILED: .*wanctl@spectrum' '$T/out'"

echo
finish deploy
