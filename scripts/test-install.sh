#!/usr/bin/env bash
# Checks that scripts/install.sh (tarball install) lays out the same files as the .deb, with the
# same directory modes, and that --uninstall removes the program but keeps configs and state.
# Installs below a temporary root directory; needs the assembled distribution and the .deb.
set -euo pipefail
# shellcheck source=scripts/testlib.sh
source "$(dirname "$0")/testlib.sh"

usage() { echo "usage: scripts/test-install.sh [--dist DIR] [--package FILE]"; }
repo=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$repo/pom.xml" | head -n 1)
dist="$repo/wanctl-cli/target/wanctl-$version/wanctl-$version"
package=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist=$2; shift 2 ;;
    --package) package=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "test-install.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
# shellcheck disable=SC2012  # newest by mtime; the names are ours
[ -n "$package" ] || package=$(ls -t "$repo"/wanctl-dist/target/wanctl_*.deb 2>/dev/null | head -n 1 || true)
if [ ! -x "$dist/scripts/install.sh" ] || [ ! -f "$package" ]; then
  echo "test-install.sh: build first: mvn -B -pl wanctl-dist -am package -DskipTests" >&2; exit 2
fi

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

WANCTL_ROOT="$T/root" "$dist/scripts/install.sh" >"$T/out" 2>&1 || { cat "$T/out"; exit 1; }
# The .deb's paths, less what only the .deb has: its runtime, AOT cache, copyright file, changelog,
# lintian overrides, and the man pages and completion it generates at build time (from a tarball:
# `wanctl generate-docs`). The tarball's configs placed in /etc/wanctl are the .deb's postinst's
# first-install copies, not files of the package.
dpkg-deb -c "$package" | awk '{print $6}' | sed -e 's|^\./|/|' -e 's|/$||' \
  | grep -vE '^/?$|^/opt/wanctl/runtime|wanctl\.aot$|/copyright$|/changelog\.gz$|^/usr/share/(man|bash-completion|zsh|lintian)(/|$)' \
  | grep -vxE '/usr/share' | sort > "$T/deb"
(cd "$T/root" && find . | sed 's|^\.||') \
  | grep -vE '^$|^/etc/(passwd|group|shadow|gshadow|subuid|subgid)|^/var|^/etc/wanctl/[^/]+\.yaml$' \
  | grep -vxE '/usr/share' | sort > "$T/tar"
check "install.sh installs exactly the .deb's files" diff "$T/deb" "$T/tar"
check "/etc/wanctl is 750" test "$(stat -c %a "$T/root/etc/wanctl")" = 750
check "/var/lib/wanctl is 750" test "$(stat -c %a "$T/root/var/lib/wanctl")" = 750
check "/var/lib/wanctl/.ssh is 700" test "$(stat -c %a "$T/root/var/lib/wanctl/.ssh")" = 700
for f in "$T"/root/etc/wanctl/*.yaml; do
  [ -f "$f" ] && check "$(basename "$f") is 640" test "$(stat -c %a "$f")" = 640
done
if [ "$(id -u)" -eq 0 ]; then
  check "the wanctl user's home is /var/lib/wanctl" grep -q '^wanctl:.*:/var/lib/wanctl:' "$T/root/etc/passwd"
fi
echo "# edited" > "$T/root/etc/wanctl/site.yaml"
WANCTL_ROOT="$T/root" "$dist/scripts/install.sh" >"$T/out" 2>&1
check "a second install keeps the previous version for rollback" test -x "$T/root/opt/wanctl.previous/bin/wanctl"
check "  and leaves an operator's config alone" grep -q edited "$T/root/etc/wanctl/site.yaml"
WANCTL_ROOT="$T/root" "$dist/scripts/install.sh" --uninstall >"$T/out" 2>&1
check "--uninstall removes the program" test ! -e "$T/root/opt/wanctl" -a ! -e "$T/root/usr/bin/wanctl"
check "  and keeps configs and state" test -f "$T/root/etc/wanctl/site.yaml" -a -d "$T/root/var/lib/wanctl"
finish install
