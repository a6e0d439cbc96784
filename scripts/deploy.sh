#!/usr/bin/env bash
# Deploys wanctl to a host over ssh: validates the configs locally first (nothing is copied when
# one is invalid or missing), installs the .deb when it changed, places the configs with the
# right owner and mode, restarts what changed, then checks that the units are active and that
# their health endpoints answer. A second run with nothing changed changes nothing and says so.
# Remote command strings are built here on purpose, from values checked by safe() below:
# shellcheck disable=SC2029,SC2016
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/deploy.sh <wan> <host> [--with-steering] [--dry-run] [options]

  <wan>            deploys configs/<wan>.yaml as /etc/wanctl/<wan>.yaml and runs wanctl@<wan>
  <host>           [user@]host; the user must be root or may use `sudo -n`
  --with-steering  also configs/steering.yaml and wanctl-steering (never an example config)
  --dry-run        validate, then print every step without contacting the host
  --package FILE   the .deb (default: the newest wanctl-dist/target/wanctl_*.deb)
  --configs DIR    where <wan>.yaml and steering.yaml are (default: configs/)
  --restart        restart the units even when nothing changed
  -h, --help       this text

Environment:
  WANCTL_DEPLOY_SSH_OPTS   extra ssh/scp options, e.g. "-o Port=2222 -i ~/.ssh/wanctl"
  WANCTL_DEPLOY_WANCTL     the local wanctl used for check-config (default: ./wanctl)
  WANCTL_DEPLOY_ROOT       prefix for every path on the target (tests); the package is then
                           unpacked with dpkg --instdir and no sudo is used
  WANCTL_DEPLOY_SYSTEMCTL  the service manager command on the target (default: systemctl)
  WANCTL_DEPLOY_HEALTH_TIMEOUT  seconds to wait for a healthy answer (default: 60)

Exit status: 0 deployed and verified; 1 a step or the verification failed (the output says
which); 2 usage; 78 a config is missing or invalid (nothing was copied).
EOF
}

repo=$(cd "$(dirname "$0")/.." && pwd)
wan="" host="" with_steering=false dry_run=false package="" configs_dir="$repo/configs" force_restart=false
while [ $# -gt 0 ]; do
  case "$1" in
    --with-steering) with_steering=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    --package) package=${2:?--package needs a file}; shift 2 ;;
    --configs) configs_dir=${2:?--configs needs a directory}; shift 2 ;;
    --restart) force_restart=true; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "deploy.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
    *)
      if [ -z "$wan" ]; then wan=$1
      elif [ -z "$host" ]; then host=$1
      else echo "deploy.sh: unexpected argument '$1' (try --help)" >&2; exit 2; fi
      shift ;;
  esac
done
if [ -z "$wan" ] || [ -z "$host" ]; then usage >&2; exit 2; fi

target_root=${WANCTL_DEPLOY_ROOT:-}
target_root=${target_root%/}
systemctl_cmd=${WANCTL_DEPLOY_SYSTEMCTL:-systemctl}
health_timeout=${WANCTL_DEPLOY_HEALTH_TIMEOUT:-60}
wanctl_cmd=${WANCTL_DEPLOY_WANCTL:-$repo/wanctl}

# Values interpolated into the remote shell scripts below: a narrow alphabet keeps them inert.
safe() { [[ "$2" =~ ^[A-Za-z0-9_./@:-]*$ ]] || { echo "deploy.sh: $1 '$2' may contain only letters, digits and _ . / @ : -" >&2; exit 2; }; }
safe "WAN name" "$wan"
safe "WANCTL_DEPLOY_ROOT" "$target_root"
[[ "$systemctl_cmd" =~ ^[A-Za-z0-9_./\ -]+$ ]] || { echo "deploy.sh: WANCTL_DEPLOY_SYSTEMCTL has unexpected characters" >&2; exit 2; }
[[ "$health_timeout" =~ ^[0-9]+$ ]] || { echo "deploy.sh: WANCTL_DEPLOY_HEALTH_TIMEOUT must be a number of seconds" >&2; exit 2; }

step_no=0
step() { step_no=$((step_no + 1)); echo "==> [$step_no] $*"; }
info() { echo "    $*"; }
fail() { echo "deploy.sh: FAILED: $*" >&2; exit 1; }
refuse() { echo "deploy.sh: REFUSED: $*" >&2; echo "deploy.sh: nothing was copied to $host." >&2; exit 78; }

# --- 1. what to deploy, validated before anything leaves this machine --------------------------
# name in /etc/wanctl | local file | unit | default health port
items=("$wan.yaml|$configs_dir/$wan.yaml|wanctl@$wan.service|9101")
$with_steering && items+=("steering.yaml|$configs_dir/steering.yaml|wanctl-steering.service|9102")

step "validate configs with wanctl check-config (before anything is copied)"
files=()
for item in "${items[@]}"; do
  IFS='|' read -r _ file _ _ <<<"$item"
  # The reference implementation fell back to an example config when the real one was missing
  # and shipped it to production; a missing config is a refusal here.
  [ -f "$file" ] || refuse "$file does not exist (no example is ever deployed in its place)"
  files+=("$file")
done
set +e
check_output=$("$wanctl_cmd" check-config "${files[@]}" 2>&1)
check_rc=$?
set -e
[ -n "$check_output" ] && printf '%s\n' "$check_output" | sed 's/^/    /'
case $check_rc in
  0) info "valid: ${files[*]}" ;;
  78) refuse "invalid config (see above)" ;;
  *) refuse "could not validate: '$wanctl_cmd check-config' exited $check_rc" ;;
esac

if [ -z "$package" ]; then
  # shellcheck disable=SC2012  # newest by mtime; the names are ours
  package=$(ls -t "$repo"/wanctl-dist/target/wanctl_*.deb 2>/dev/null | head -n 1 || true)
  [ -n "$package" ] || fail "no package: build it with 'mvn -B -pl wanctl-dist -am package -DskipTests' or pass --package"
fi
[ -f "$package" ] || fail "package $package not found"
package_sha=$(sha256sum "$package" | cut -d' ' -f1)
info "package: $(basename "$package") (sha256 ${package_sha:0:12})"

units=()
for item in "${items[@]}"; do IFS='|' read -r _ _ unit _ <<<"$item"; units+=("$unit"); done

# Health endpoint of a config as wanctl check-config reads it (the port the config sets, or the
# default derived from wan_name): "port", "off", or the given fallback when it cannot say.
health_of() { # file fallback_port -> "port" or "off"
  local summary
  summary=$("$wanctl_cmd" check-config "$1" 2>/dev/null | grep -m1 'Endpoints:' || true)
  case "$summary" in
    *"health off"*) echo off ;;
    *"health http://"*) echo "$summary" | sed -n 's|.*health http://[^ ]*:\([0-9][0-9]*\)/health.*|\1|p' ;;
    *) echo "$2" ;;
  esac
}

if $dry_run; then
  step "[dry-run] connect to $host and compare the installed package and configs"
  step "[dry-run] copy $(basename "$package") if its sha256 differs from the deployed one"
  step "[dry-run] install it: dpkg -i --force-confold (keeps edited conffiles)"
  for item in "${items[@]}"; do
    IFS='|' read -r name file _ _ <<<"$item"
    step "[dry-run] place $file as ${target_root}/etc/wanctl/$name (root:wanctl 0640) if it differs"
  done
  step "[dry-run] $systemctl_cmd daemon-reload; enable and restart what changed: ${units[*]}"
  for item in "${items[@]}"; do
    IFS='|' read -r _ file unit port <<<"$item"
    step "[dry-run] verify: $systemctl_cmd is-active $unit; GET http://127.0.0.1:$(health_of "$file" "$port")/health on the target"
  done
  echo "dry run: nothing was copied or changed."
  exit 0
fi

# --- 2. connection ---------------------------------------------------------------------------
ctl_dir=$(mktemp -d)
# shellcheck disable=SC2206  # options are word-split on purpose
ssh_opts=(-o BatchMode=yes -o ConnectTimeout=10 -o ControlMaster=auto -o "ControlPath=$ctl_dir/%C"
  -o ControlPersist=120 ${WANCTL_DEPLOY_SSH_OPTS:-})
remote_stage=""
cleanup() {
  if [ -n "$remote_stage" ]; then ssh "${ssh_opts[@]}" "$host" "rm -rf '$remote_stage'" >/dev/null 2>&1 || true; fi
  ssh "${ssh_opts[@]}" -O exit "$host" >/dev/null 2>&1 || true
  rm -rf "$ctl_dir"
}
trap cleanup EXIT
remote() { ssh "${ssh_opts[@]}" "$host" "$@"; }

step "inspect $host${target_root:+ (root $target_root)}"
inspect=$(remote sh -s <<EOF
R='$target_root'
if [ "\$(id -u)" = 0 ] || [ -n "\$R" ]; then S=""; else S="sudo -n"; fi
echo "sudo=\$S"
echo "uid=\$(id -u)"
if [ -x "\$R/opt/wanctl/bin/wanctl" ]; then
  echo "package=\$(\$S cat "\$R/var/lib/wanctl/deployed-package.sha256" 2>/dev/null || echo unknown)"
else
  echo "package=none"
fi
EOF
) || fail "cannot run commands on $host over ssh (check the host, the user and WANCTL_DEPLOY_SSH_OPTS)"
sudo_cmd=$(sed -n 's/^sudo=//p' <<<"$inspect")
remote_uid=$(sed -n 's/^uid=//p' <<<"$inspect")
deployed_sha=$(sed -n 's/^package=//p' <<<"$inspect")
if [ -n "$sudo_cmd" ]; then
  remote "sudo -n true" >/dev/null 2>&1 || fail "$host: user is not root and 'sudo -n' is not allowed"
fi
info "user id $remote_uid${sudo_cmd:+, using sudo}; deployed package: ${deployed_sha:0:12}"

# Owners (root:wanctl) are set on a real target; below a test prefix only modes are.
owners=false
[ -z "$target_root" ] && owners=true

# Per config: installed sha256, mode and owner, to decide what changes.
declare -A cfg_changed=()
for item in "${items[@]}"; do
  IFS='|' read -r name file _ _ <<<"$item"
  want_sha=$(sha256sum "$file" | cut -d' ' -f1)
  have=$(remote "$sudo_cmd sh -c 'f=\"$target_root/etc/wanctl/$name\"; if [ -f \"\$f\" ]; then echo \$(sha256sum \"\$f\" | cut -d\" \" -f1) \$(stat -c %a:%U:%G \"\$f\"); else echo none; fi'") \
    || fail "cannot read $target_root/etc/wanctl/$name on $host"
  want_meta="640:root:wanctl"
  have_sha=${have%% *}; have_meta=${have#* }
  if ! $owners; then want_meta=640; have_meta=${have_meta%%:*}; fi
  if [ "$have_sha" = "$want_sha" ] && [ "$have_meta" = "$want_meta" ]; then
    info "$name: unchanged"
    cfg_changed[$name]=false
  else
    info "$name: $([ "$have" = none ] && echo "not there yet" || echo "differs") -> will place it"
    cfg_changed[$name]=true
  fi
done
pkg_changed=false
if [ "$deployed_sha" != "$package_sha" ]; then
  pkg_changed=true
  info "package: will install $(basename "$package")"
else
  info "package: unchanged"
fi

# --- 3. copy ---------------------------------------------------------------------------------
changes=()
any_cfg=false
for item in "${items[@]}"; do IFS='|' read -r name _ _ _ <<<"$item"; ${cfg_changed[$name]} && any_cfg=true; done
if $pkg_changed || $any_cfg; then
  step "copy to $host"
  remote_stage=$(remote 'mktemp -d "${TMPDIR:-/tmp}/wanctl-deploy.XXXXXX"') || fail "cannot create a staging directory on $host"
  to_copy=()
  $pkg_changed && to_copy+=("$package")
  for item in "${items[@]}"; do IFS='|' read -r name file _ _ <<<"$item"; ${cfg_changed[$name]} && to_copy+=("$file"); done
  scp -q "${ssh_opts[@]}" "${to_copy[@]}" "$host:$remote_stage/" || fail "scp to $host:$remote_stage failed"
  info "copied: $(for f in "${to_copy[@]}"; do printf '%s ' "$(basename "$f")"; done)"
fi

# --- 4. install --------------------------------------------------------------------------------
if $pkg_changed; then
  step "install $(basename "$package")"
  deb="$remote_stage/$(basename "$package")"
  if [ -z "$target_root" ]; then
    install_cmd="DEBIAN_FRONTEND=noninteractive $sudo_cmd dpkg -i --force-confdef --force-confold '$deb'"
  else
    # Below a prefix: dpkg's own database there, maintainer scripts run with DPKG_ROOT set.
    install_cmd="PATH=/usr/sbin:/sbin:\$PATH dpkg --force-not-root --force-script-chrootless --force-depends \
      --force-confdef --force-confold --instdir='$target_root' --admindir='$target_root/var/lib/dpkg' --log=/dev/null -i '$deb'"
  fi
  set +e
  remote "$install_cmd" 2>&1 | sed 's/^/    /'
  install_rc=${PIPESTATUS[0]}
  set -e
  [ "$install_rc" -eq 0 ] || fail "dpkg -i failed on $host (output above)"
  remote "$sudo_cmd sh -c 'echo $package_sha > \"$target_root/var/lib/wanctl/deployed-package.sha256\"'" \
    || fail "cannot record the deployed package on $host"
  changes+=("package $(basename "$package")")
fi

# --- 5. configs --------------------------------------------------------------------------------
for item in "${items[@]}"; do
  IFS='|' read -r name _ _ _ <<<"$item"
  ${cfg_changed[$name]} || continue
  step "place /etc/wanctl/$name"
  owner=""
  $owners && owner="-o root -g wanctl"
  remote "$sudo_cmd install -d -m 0750 '$target_root/etc/wanctl' && $sudo_cmd install $owner -m 0640 '$remote_stage/$name' '$target_root/etc/wanctl/$name'" \
    || fail "cannot install $target_root/etc/wanctl/$name on $host"
  info "$target_root/etc/wanctl/$name (${owner:+root:wanctl }0640)"
  changes+=("$name")
done

# --- 6. systemd --------------------------------------------------------------------------------
sc="$sudo_cmd $systemctl_cmd"
restarted=()
if $pkg_changed; then
  step "$systemctl_cmd daemon-reload"
  remote "$sc daemon-reload" || fail "$systemctl_cmd daemon-reload failed on $host"
fi
for item in "${items[@]}"; do
  IFS='|' read -r name _ unit _ <<<"$item"
  if ! remote "$sc is-enabled --quiet '$unit'" >/dev/null 2>&1; then
    step "enable $unit (starts at boot)"
    remote "$sc enable --quiet '$unit'" || fail "$systemctl_cmd enable $unit failed on $host"
    changes+=("enabled $unit")
  fi
  why=""
  if $force_restart; then why="--restart"
  elif $pkg_changed; then why="new package"
  elif ${cfg_changed[$name]}; then why="new config"
  elif ! remote "$sc is-active --quiet '$unit'" >/dev/null 2>&1; then why="it was not running"
  fi
  if [ -n "$why" ]; then
    step "restart $unit ($why)"
    remote "$sc restart '$unit'" || fail "$systemctl_cmd restart $unit failed on $host; see: journalctl -u $unit -n 50"
    restarted+=("$unit")
  fi
done

# --- 7. verify ---------------------------------------------------------------------------------
problems=()
for item in "${items[@]}"; do
  IFS='|' read -r _ file unit default_port <<<"$item"
  step "verify $unit"
  state=$(remote "$sc is-active '$unit'" 2>/dev/null || true)
  if [ "$state" = active ]; then
    info "is-active: active"
  else
    info "is-active: ${state:-unknown}"
    problems+=("$unit is ${state:-not active} (journalctl -u $unit -n 50)")
    continue
  fi
  port=$(health_of "$file" "$default_port")
  if [ "$port" = off ]; then
    info "health: disabled in $(basename "$file"), not checked"
    continue
  fi
  url="http://127.0.0.1:$port/health"
  if health=$(remote sh -s <<EOF
i=0
while [ \$i -lt $health_timeout ]; do
  if command -v curl >/dev/null 2>&1; then out=\$(curl -fsS --max-time 3 '$url' 2>/dev/null) && { echo "\$out"; exit 0; }
  elif command -v wget >/dev/null 2>&1; then out=\$(wget -q -T 3 -O - '$url' 2>/dev/null) && { echo "\$out"; exit 0; }
  else echo "neither curl nor wget on the target"; exit 2; fi
  i=\$((i + 1)); sleep 1
done
exit 1
EOF
  ); then
    info "health: $url answered: $(head -c 200 <<<"$health")"
  else
    problems+=("$unit: $url did not answer healthy within ${health_timeout}s ${health:+($health)}")
  fi
done

echo
if [ ${#changes[@]} -eq 0 ] && [ ${#restarted[@]} -eq 0 ]; then
  echo "nothing changed on $host: package and configs were already deployed."
else
  echo "changed on $host: ${changes[*]:-nothing}${restarted[*]:+; restarted: ${restarted[*]}}"
fi
if [ ${#problems[@]} -gt 0 ]; then
  for p in "${problems[@]}"; do echo "deploy.sh: FAILED: $p" >&2; done
  exit 1
fi
echo "verified: ${units[*]} active and healthy."
