#!/usr/bin/env bash
# Helpers shared by the scripts/test-*.sh checks: PASS/FAIL counting and a free loopback port.
# Sourced, not run.

passed=0 failed=0

# check WHAT COMMAND [ARGS...]: runs the command, prints PASS or FAIL with WHAT, counts it.
check() {
  local what=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "PASS: $what"; else failed=$((failed + 1)); echo "FAIL: $what"; fi
}

# finish NAME: prints "NAME test: N passed, M failed" and succeeds only when nothing failed.
finish() {
  echo "$1 test: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# free_port: a TCP port on 127.0.0.1 that nothing answers on.
free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}
