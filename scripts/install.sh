#!/usr/bin/env bash
# Installs wanctl from an unpacked wanctl-<version>.tar.gz the way the .deb does: /opt/wanctl,
# /usr/bin/wanctl, the units in /lib/systemd/system, docs and example configs in
# /usr/share/doc/wanctl, the wanctl user and directories (the same wanctl-host-setup the .deb's
# postinst runs). A config already in /etc/wanctl is never overwritten. Nothing is enabled or
# started. The previous /opt/wanctl is kept as /opt/wanctl.previous for a rollback.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/install.sh [--uninstall] [--dry-run]
  Run from the unpacked tarball (wanctl-<version>/scripts/install.sh), as root.
  --uninstall  remove the program, units and docs; keep /etc/wanctl and /var/lib/wanctl
  --dry-run    print what would be done
Environment: WANCTL_ROOT=DIR installs below DIR instead of / (for tests; owners are then set
only when run as root).
The tarball has no Java runtime: the launcher needs a Java 25 in $JAVA_HOME, on PATH or under
/usr/lib/jvm (or a runtime/ directory beside bin/). The .deb ships its own.
EOF
}
mode=install dry_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) mode=uninstall; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

src=$(cd "$(dirname "$0")/.." && pwd)
root=${WANCTL_ROOT:-}
root=${root%/}
if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: must run as root (or set WANCTL_ROOT for a test install)" >&2
  exit 1
fi
run() { echo "+ $*"; $dry_run || "$@"; }
systemd_running() { [ -z "$root" ] && [ -d /run/systemd/system ]; }

opt="$root/opt/wanctl" doc="$root/usr/share/doc/wanctl" units="$root/lib/systemd/system"

if [ "$mode" = uninstall ]; then
  if systemd_running; then run systemctl stop 'wanctl@*.service' wanctl-steering.service || true; fi
  run rm -rf "$opt" "$opt.previous" "$doc"
  run rm -f "$root/usr/bin/wanctl" "$units/wanctl@.service" "$units/wanctl-steering.service"
  if systemd_running; then run systemctl daemon-reload; fi
  echo "wanctl removed; /etc/wanctl and /var/lib/wanctl were kept."
  exit 0
fi

for need in bin/wanctl libexec/wanctl-host-setup systemd/wanctl@.service systemd/wanctl-steering.service; do
  [ -e "$src/$need" ] || { echo "install.sh: $src/$need is missing: run this from an unpacked wanctl tarball" >&2; exit 1; }
done
[ -n "$(ls "$src"/lib/*.jar 2>/dev/null)" ] || { echo "install.sh: no jars in $src/lib" >&2; exit 1; }

echo "installing wanctl from $src into ${root:-/}"
staged="$opt.new"
run rm -rf "$staged"
run mkdir -p "$staged"
run cp -R "$src/bin" "$src/lib" "$src/libexec" "$staged/"
if [ -d "$src/runtime" ]; then run cp -R "$src/runtime" "$staged/"; fi
if [ -d "$opt" ]; then
  run rm -rf "$opt.previous"
  run mv "$opt" "$opt.previous"
fi
run mv "$staged" "$opt"
run mkdir -p "$root/usr/bin" "$units" "$doc/examples"
run ln -sfn /opt/wanctl/bin/wanctl "$root/usr/bin/wanctl"
run install -m 0644 "$src/systemd/wanctl@.service" "$src/systemd/wanctl-steering.service" "$units/"
for f in "$src"/README.md "$src"/docs/*.md "$src"/docs/secrets.example; do [ -f "$f" ] && run install -m 0644 "$f" "$doc/"; done
if [ -d "$src/docs/grafana" ]; then run mkdir -p "$doc/grafana"; run cp "$src"/docs/grafana/*.json "$doc/grafana/"; fi
if [ -d "$src/docs/prometheus" ]; then run mkdir -p "$doc/prometheus"; run cp "$src"/docs/prometheus/*.yml "$doc/prometheus/"; fi
for f in "$src"/configs/examples/*.yaml; do [ -f "$f" ] && run install -m 0644 "$f" "$doc/examples/"; done
run mkdir -p "$root/etc/wanctl"
for f in "$src"/configs/*.yaml; do
  [ -f "$f" ] || continue
  run install -m 0644 "$f" "$doc/examples/"
  name=$(basename "$f")
  if [ -e "$root/etc/wanctl/$name" ]; then
    echo "  kept /etc/wanctl/$name (the new example is $doc/examples/$name)"
  else
    run install -m 0640 "$f" "$root/etc/wanctl/$name"
  fi
done
run env WANCTL_ROOT="$root" "$opt/libexec/wanctl-host-setup"
if systemd_running; then run systemctl daemon-reload; fi

if ! $dry_run && [ ! -d "$opt/runtime" ] && ! "$opt/bin/wanctl" --version >/dev/null 2>&1; then
  echo "install.sh: installed, but 'wanctl --version' fails: install a Java 25 runtime (see --help)." >&2
  exit 1
fi
echo "installed. Next: edit /etc/wanctl/<wan>.yaml and /etc/wanctl/secrets, then"
echo "  wanctl check-config /etc/wanctl/<wan>.yaml && systemctl enable --now wanctl@<wan>"
