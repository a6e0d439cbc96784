#!/usr/bin/env bash
# Runs the JMH benchmarks of module wanctl-bench: scripts/bench.sh [JMH options], for example
#   scripts/bench.sh ControlCycle -prof gc     one control cycle, with allocation per operation
#   scripts/bench.sh -l                        list the benchmarks
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

find_java() {
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then echo "$candidate"; return 0; fi
  done
  echo "bench.sh: needs a Java 25 runtime (JAVA_HOME, PATH or /usr/lib/jvm)" >&2
  return 1
}

java=$(find_java)
(cd "$root" && mvn -B -q -DskipTests -pl wanctl-bench -am package) >/dev/null
cp="$root/wanctl-bench/target/classes:$(cat "$root/wanctl-bench/target/bench.classpath")"
exec "$java" --enable-native-access=ALL-UNNAMED -cp "$cp" org.openjdk.jmh.Main "$@"
