#!/bin/sh
# Regenerates docs/PERFORMANCE.md: runs every bundled scenario against every controller of
# `wanctl simulate` (same seed for all) and writes the model description and the scorecards,
# then appends docs/performance-testbed.md (the real-TCP calibration, measured, not generated).
# Run it after changing the simulator, a scenario or a controller, and commit the result.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/docs/PERFORMANCE.md"
"$ROOT/wanctl" simulate --all-scenarios --markdown --timing > "$OUT.tmp"
# The testbed's section: measured on real TCP (scripts/testbed.sh), kept in its own file.
cat "$ROOT/docs/performance-testbed.md" >> "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "wrote $OUT" >&2
