#!/usr/bin/env bash
# Builds wanctl_<version>_<arch>.deb from wanctl-cli's assembled distribution: adds a Java 25
# runtime made with jlink and an AOT cache trained on that runtime, the systemd units, the
# example configs as conffiles and the docs. Run by Maven (wanctl-dist, package phase); by hand:
#   wanctl-dist/src/deb/build-deb.sh --version 0.1.0 --dist wanctl-cli/target/wanctl-0.1.0/wanctl-0.1.0 \
#     --source . --out wanctl-dist/target
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: build-deb.sh --version V --dist DIR --source DIR --out DIR [--timestamp ISO8601]
  --dist       wanctl-cli's assembled distribution (bin/, lib/, libexec/)
  --source     the repository root (systemd/, configs/, docs/, README.md)
  --out        where the .deb goes
The jdeps result and the jlink runtime are cached in ${XDG_CACHE_HOME:-~/.cache}/wanctl.
  --timestamp  mtime for every packaged file (reproducible builds; default: now)
Environment: WANCTL_JDK  a JDK 25 home to take jlink and jdeps from (default: JAVA_HOME, PATH,
             then /usr/lib/jvm/*, the same places the Maven toolchain looks).
             WANCTL_NO_AOT=1  skip the AOT cache.
USAGE
}

version="" dist="" source="" out="" timestamp=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --dist) dist=$2; shift 2 ;;
    --source) source=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --timestamp) timestamp=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-deb.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -z "$version" ] || [ -z "$dist" ] || [ -z "$source" ] || [ -z "$out" ]; then
  usage >&2; exit 2
fi
build_start=$(date +%s%N)
# Each message carries the seconds since the script started, to see where the build time goes.
say() { echo "[deb] $(( ($(date +%s%N) - build_start) / 1000000000 ))s $*"; }
die() { echo "build-deb.sh: $*" >&2; exit 1; }

[ -x "$dist/bin/wanctl" ] || die "no distribution at $dist (build wanctl-cli first: mvn -pl wanctl-dist -am package)"
command -v dpkg-deb >/dev/null || die "dpkg-deb not found (apt-get install dpkg), or skip with -Dwanctl.deb.skip=true"
dist=$(cd "$dist" && pwd); source=$(cd "$source" && pwd); mkdir -p "$out"; out=$(cd "$out" && pwd)

# --- a JDK 25 with jlink -------------------------------------------------------------------
jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1; }
find_jdk() {
  local path_java="" c m
  path_java=$(command -v java 2>/dev/null || true)
  [ -n "$path_java" ] && path_java=$(dirname "$(dirname "$(readlink -f "$path_java")")")
  for c in "${WANCTL_JDK:-}" "${JAVA_HOME:-}" "$path_java" /usr/lib/jvm/*; do
    if [ -z "$c" ] || [ ! -x "$c/bin/jlink" ]; then continue; fi
    m=$(jdk_major "$c")
    if [ -n "$m" ] && [ "$m" -ge 25 ]; then echo "$c"; return 0; fi
  done
  return 1
}
jdk=$(find_jdk) || die "no JDK 25 with jlink found in WANCTL_JDK, JAVA_HOME, PATH or /usr/lib/jvm"
say "JDK: $jdk"

# --- jlink module list -----------------------------------------------------------------------
# Always: what wanctl itself needs at run time (java.xml for the libraries that parse XML, jdk.httpserver for /health
# and /metrics, jdk.unsupported for libraries that use sun.misc.Unsafe, java.management and
# java.naming for logback and sshj, java.desktop for PNG plots). Added when jdeps finds them: small
# modules that libraries reference (1 MB together). Left out on purpose: java.rmi (JMX remoting in
# the emulator's sshd). EC crypto is in java.base since JDK 22, so jdk.crypto.ec is not needed.
# java.desktop, measured: +24 MB installed (17 MB of modules, 7 MB of native libraries), +9 MB in
# the .deb, no change in a daemon's RSS (its classes are mapped, never loaded by a daemon: SVG
# output and the plot layout use no java.awt class). Without it `wanctl plot`, `demo` and
# `simulate --plot` could write SVG only, which the operations guide cannot ask of every user.
base_modules="java.base,java.desktop,java.logging,java.management,java.naming,java.xml,jdk.httpserver,jdk.unsupported"
optional_modules=" java.sql java.security.jgss java.net.http jdk.management jdk.crypto.cryptoki "
excluded_modules=" java.rmi "
work="$out/deb-work"
rm -rf "$work"; mkdir -p "$work/classes"
# jdeps over the libraries takes half a minute (BouncyCastle alone is 7 MB of classes), and a
# library jar of a given version never changes: their result is cached by the jars' sha256 and
# the JDK, outside target/ so that it survives mvn clean. wanctl's own jars are analysed every time.
jdk_version=$("$jdk/bin/java" -version 2>&1 | head -n 1)
libraries=() own=()
for jar in "$dist"/lib/*.jar; do
  case $(basename "$jar") in wanctl-*) own+=("$jar") ;; *) libraries+=("$jar") ;; esac
done
key=$( (echo "$jdk_version"; sha256sum "${libraries[@]}" | cut -d' ' -f1) | sha256sum | cut -c1-24)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/wanctl/jdeps-$key"
if [ -s "$cache" ]; then
  library_modules=$(cat "$cache")
  say "jdeps: libraries from cache ($cache)"
else
  for jar in "${libraries[@]}"; do
    # okhttp is a named module whose module-info jdeps would resolve: read the classes only
    unzip -qq -o "$jar" -d "$work/classes" -x 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
  done
  library_modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 "$work/classes" 2>/dev/null | tail -n 1)
  [ -n "$library_modules" ] || die "jdeps printed no module list for the libraries"
  mkdir -p "$(dirname "$cache")" && echo "$library_modules" > "$cache"
  say "jdeps: libraries analysed"
fi
own_modules=$("$jdk/bin/jdeps" -s --ignore-missing-deps --multi-release 25 "${own[@]}" 2>/dev/null \
  | sed -n 's/.* -> \(java\.[A-Za-z.]*\|jdk\.[A-Za-z.]*\)$/\1/p' | sort -u | paste -sd, -)
wanted="$library_modules,$own_modules"
modules=$base_modules
for m in ${wanted//,/ }; do
  [ -n "$m" ] || continue
  case ",$modules," in *",$m,"*) continue ;; esac
  if [[ "$optional_modules" == *" $m "* ]]; then modules="$modules,$m"
  elif [[ "$excluded_modules" == *" $m "* ]]; then say "jdeps also lists $m: left out on purpose"
  else die "jdeps says the classes need $m, which is neither included nor excluded on purpose: decide in build-deb.sh"
  fi
done
say "modules: $modules"

# java.security names twelve providers, some from modules this runtime leaves out (XMLDSig,
# SunPCSC, JdkSASL, SunPKCS11). The JDK looks for a missing one with a ServiceLoader over the class
# path, which instantiates BouncyCastle's provider (sshj's dependency): 600 classes, about 15 MB
# of RSS and 0.6 s of start-up in every daemon. The runtime's list keeps the providers it has.
trim_security_providers() {
  local modules=$2 file="$1/conf/security/java.security" n=0 line name module
  local tmp="$file.tmp"
  [ -f "$file" ] || die "no $file in the jlink runtime"
  : > "$tmp"
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      security.provider.[0-9]*=*)
        name=${line#*=}; name=${name%% *}
        case "$name" in
          SUN|SunRsaSign|SunEC|SunJSSE|SunJCE) module=java.base ;;
          SunJGSS) module=java.security.jgss ;;
          SunSASL) module=java.security.sasl ;;
          XMLDSig) module=java.xml.crypto ;;
          SunPCSC) module=java.smartcardio ;;
          JdkLDAP) module=java.naming ;;
          JdkSASL) module=jdk.security.jgss ;;
          SunPKCS11) module=jdk.crypto.cryptoki ;;
          *) die "java.security lists provider $name, unknown to build-deb.sh: map it to its module" ;;
        esac
        if [[ ",$modules," == *",$module,"* ]]; then
          n=$((n + 1)); echo "security.provider.$n=$name" >> "$tmp"
        fi ;;
      *) printf '%s\n' "$line" >> "$tmp" ;;
    esac
  done < "$file"
  [ "$n" -ge 5 ] || die "only $n security providers left in $file"
  chmod --reference="$file" "$tmp" && mv "$tmp" "$file"
}

# The runtime depends only on the JDK, the module list and the post-processing below (its
# revision is part of the key): it is cached beside the jdeps result (built in a temporary
# directory and moved into place, so an interrupted jlink leaves no half).
runtime_revision=4
runtime_key=$(printf '%s|%s|%s|%s' "$jdk" "$jdk_version" "$modules" "$runtime_revision" | sha256sum | cut -c1-24)
runtime_cache="${XDG_CACHE_HOME:-$HOME/.cache}/wanctl/runtime-$runtime_key"
if [ -x "$runtime_cache/bin/java" ]; then
  say "jlink: reusing $runtime_cache ($(du -sh "$runtime_cache" | cut -f1))"
else
  mkdir -p "$(dirname "$runtime_cache")"
  rm -rf "$runtime_cache.tmp"
  # Uncompressed modules (no --compress): classes are mapped, not inflated into each JVM's
  # private memory; the .deb is zstd-compressed anyway. The class-data archive is dumped for
  # compact object headers, the units' setting (jlink's own archive is for the default headers
  # only), so a daemon started without the AOT cache still shares the JDK's classes.
  # Measured on the autorate daemon at 50 ms: RSS 104 MB compressed, 96 MB uncompressed.
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --output "$runtime_cache.tmp"
  trim_security_providers "$runtime_cache.tmp" "$modules"
  "$runtime_cache.tmp/bin/java" -XX:+UseCompactObjectHeaders -Xshare:dump >/dev/null \
    || die "could not dump the class-data archive of the jlink runtime"
  rm -rf "$runtime_cache"
  mv "$runtime_cache.tmp" "$runtime_cache"
  say "jlink: built $runtime_cache ($(du -sh "$runtime_cache" | cut -f1))"
fi

# --- the file tree ---------------------------------------------------------------------------
root="$work/root"
opt="$root/opt/wanctl"
doc="$root/usr/share/doc/wanctl"
mkdir -p "$opt" "$root/usr/bin" "$root/lib/systemd/system" "$root/etc/wanctl" "$doc/examples" "$root/DEBIAN"
cp -R "$dist/bin" "$dist/lib" "$dist/libexec" "$opt/"
rm -f "$opt/lib/wanctl.aot"
cp -R "$runtime_cache" "$opt/runtime"
# jlink keeps the JDK's symbol tables; a shipped binary carries none (Debian policy, lintian).
# The splash screen library (java -splash:) is never used.
rm -f "$opt/runtime/lib/libsplashscreen.so"
elf_files() { find "$1" -type f -exec sh -c 'for f; do [ "$(head -c 4 "$f" | od -An -tx1 | tr -d " ")" = 7f454c46 ] && echo "$f"; done' sh {} +; }
if command -v strip >/dev/null; then
  elf_files "$opt/runtime" | while IFS= read -r f; do strip --strip-unneeded "$f"; done
else
  say "strip not found (apt-get install binutils): the runtime's binaries keep their symbols"
fi
# the JDK's legal notices are read-only (0444); a package's files are 0644 or 0755
find "$opt" -type f ! -perm /0111 -exec chmod 0644 {} +
ln -s /opt/wanctl/bin/wanctl "$root/usr/bin/wanctl"
install -m 0644 "$source"/systemd/wanctl@.service "$source"/systemd/wanctl-steering.service "$root/lib/systemd/system/"
# Example configs are documentation, never conffiles: the postinst copies them to /etc/wanctl on
# the first install only, and never over a file that is there.
for f in "$source"/configs/*.yaml "$source"/configs/examples/*.yaml; do
  [ -f "$f" ] && install -m 0644 "$f" "$doc/examples/"
done
install -m 0644 "$source/README.md" "$source/docs/secrets.example" "$doc/"
for f in "$source"/docs/*.md; do [ -f "$f" ] && install -m 0644 "$f" "$doc/"; done
if [ -d "$source/docs/grafana" ]; then mkdir -p "$doc/grafana"; install -m 0644 "$source"/docs/grafana/*.json "$doc/grafana/"; fi
if [ -d "$source/docs/prometheus" ]; then mkdir -p "$doc/prometheus"; install -m 0644 "$source"/docs/prometheus/*.yml "$doc/prometheus/"; fi
deb_doc="$(dirname "$0")/doc"
# DEP-5 copyright: every bundled jar must be covered by a Files: pattern
install -m 0644 "$deb_doc/copyright" "$doc/copyright"
for jar in "$opt"/lib/*.jar; do
  name=$(basename "$jar")
  case $name in wanctl-*) continue ;; esac
  covered=""
  set -f   # the patterns are globs for [[ ]], not for the shell
  # shellcheck disable=SC2013  # words on purpose: one Files: line may name several patterns
  for pattern in $(sed -n 's|^Files: ||p' "$deb_doc/copyright"); do
    # shellcheck disable=SC2053  # the pattern is a glob on purpose
    [[ "opt/wanctl/lib/$name" == $pattern && "$pattern" != "*" ]] && { covered=1; break; }
  done
  set +f
  [ -n "$covered" ] || die "$name is bundled but not listed in wanctl-dist/src/deb/doc/copyright: add its licence"
done
# The changelog's newest entry must be this version (lintian: a native package's changelog.gz)
changelog_version=$(sed -n '1s/^wanctl (\([^)]*\)).*/\1/p' "$deb_doc/changelog")
[ "$changelog_version" = "${version//-/\~}" ] \
  || die "wanctl-dist/src/deb/doc/changelog starts with version '$changelog_version', the package is ${version//-/\~}: add an entry"
gzip -9n < "$deb_doc/changelog" > "$doc/changelog.gz"
# Man pages and completion, generated from the command model (wanctl generate-docs)
mkdir -p "$root/usr/share/man/man1" "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions"
WANCTL_NO_AOT=1 "$opt/bin/wanctl" generate-docs --man-dir "$work/man" --completion "$work/completion.bash" \
  || die "wanctl generate-docs failed"
# sourced, not run: no #! line (lintian bash-completion-with-hashbang)
sed '1{/^#!/d}' "$work/completion.bash" > "$root/usr/share/bash-completion/completions/wanctl"
for page in "$work"/man/*.1; do
  out_page="$root/usr/share/man/man1/${page##*/}.gz"
  gzip -9n < "$page" > "$out_page"
done
install -m 0644 "$deb_doc/_wanctl" "$root/usr/share/zsh/vendor-completions/_wanctl"
mkdir -p "$root/usr/share/lintian/overrides"
install -m 0644 "$deb_doc/lintian-overrides" "$root/usr/share/lintian/overrides/wanctl"
find "$root" -type d -exec chmod 0755 {} +
find "$root/usr/share" -type f -exec chmod 0644 {} +
chmod 0750 "$root/etc/wanctl"

# Every file gets the same mtime before training: the AOT cache records the jars' mtimes and
# dpkg restores them on install.
if [ -n "$timestamp" ]; then
  find "$root" -exec touch -h -d "$timestamp" {} +
fi

# --- AOT cache ---------------------------------------------------------------------------------
# Trained on the shipped runtime with the units' JAVA_OPTS (the cache is valid only for the same
# JVM, GC and object-header flags), on the tools' class path: the commands a person types use it.
# The daemons do not (bin/wanctl): a cache is loaded and linked whole at start-up, so it added
# 2.5 MB to a daemon's RSS, and one trained on a daemon's own run 3.5 MB (docs/OPERATIONS.md).
if [ -z "${WANCTL_NO_AOT:-}" ]; then
  java_opts=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' "$source/systemd/wanctl@.service" | head -n 1)
  [ -n "$java_opts" ] || die "no Environment=\"JAVA_OPTS=...\" line in systemd/wanctl@.service"
  # A daemon runs without class sharing (-Xshare:off, see the unit); the cache is for the other
  # commands, which share: train without it.
  java_opts=${java_opts// -Xshare:off/}
  training=(--version)
  configs=("$source"/configs/*.yaml)
  if [ -f "${configs[0]}" ] && WANCTL_NO_AOT=1 "$opt/bin/wanctl" help check-config >/dev/null 2>&1; then
    training=(check-config "${configs[@]}")
  elif WANCTL_NO_AOT=1 "$opt/bin/wanctl" help soak-report >/dev/null 2>&1 \
      && [ -f "$source/wanctl-cli/src/test/resources/soak/steady.txt" ]; then
    training=(soak-report "$source/wanctl-cli/src/test/resources/soak/steady.txt")
  fi
  say "AOT training: wanctl ${training[*]}"
  ( cd "$work" && WANCTL_NO_AOT=1 JAVA_OPTS="$java_opts -XX:AOTCacheOutput=$opt/lib/wanctl.aot -Xlog:aot=warning" \
      "$opt/bin/wanctl" "${training[@]}" >"$work/training.log" 2>&1 ) || {
    # check-config exits 78 on an invalid example: that still trains the cache, but say so.
    say "training command exited non-zero (see $work/training.log)"; }
  [ -f "$opt/lib/wanctl.aot" ] || die "AOT training wrote no cache; see $work/training.log"
  chmod 0644 "$opt/lib/wanctl.aot"
  [ -z "$timestamp" ] || touch -d "$timestamp" "$opt/lib/wanctl.aot"
  say "AOT cache: $(du -h "$opt/lib/wanctl.aot" | cut -f1)"
fi

# --- control files -----------------------------------------------------------------------------
arch=$(dpkg --print-architecture)
deb_version=${version//-/\~}
installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: wanctl
Version: $deb_version
Architecture: $arch
Maintainer: wanctl maintainers <maintainers@wanctl.dev>
Installed-Size: $installed_kb
Depends: libc6 (>= 2.17), passwd, libfontconfig1, fonts-dejavu-core
Section: net
Priority: optional
Description: adaptive CAKE bandwidth control and dual-WAN steering for MikroTik RouterOS
 Two systemd daemons that run beside a RouterOS router: wanctl@<wan> keeps each
 WAN's CAKE shaper just below the link's current capacity by watching RTT 20
 times a second, and wanctl-steering routes new latency-sensitive connections
 to the other WAN while the primary is congested. Ships its own Java 25
 runtime in /opt/wanctl/runtime.
CONTROL
for s in postinst prerm postrm; do install -m 0755 "$(dirname "$0")/DEBIAN/$s" "$root/DEBIAN/$s"; done
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort | xargs md5sum) > "$root/DEBIAN/md5sums"

# gzip: lintian (Debian 12) cannot read zstd members (malformed-deb-archive), xz takes 33 s on
# 2 cores; the jars and the runtime are mostly compressed already.
deb="$out/wanctl_${deb_version}_${arch}.deb"
rm -f "$out"/wanctl_*.deb
start=$(date +%s)
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$deb" >/dev/null
say "built $deb ($(du -h "$deb" | cut -f1), installed $(( installed_kb / 1024 )) MB) in $(( $(date +%s) - start )) s"
