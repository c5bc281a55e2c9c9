#!/usr/bin/env bash
# Times reading an export: in-process (examples/import_bench.rs) and the whole
# `honeycomb validate` process, RUNS times each, printing medians.
# Usage: scripts/bench-import.sh [EXPORT] [RUNS]   (default: ../shared/data/x-archive, 11)
set -euo pipefail
cd "$(dirname "$0")/.."
export="${1:-../shared/data/x-archive}"
runs="${2:-11}"
cargo build --release --quiet -p honeycomb -p honeycomb-core --example import_bench
target="${CARGO_TARGET_DIR:-target}"
"$target/release/examples/import_bench" "$export" "$runs"
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$target/release/honeycomb" validate "$export" > /dev/null
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc -l)")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" '
  { t[NR] = $1 }
  END { printf "honeycomb validate (whole process) over %d runs: median %.4f s [%.4f–%.4f]\n", n, t[int((n + 1) / 2)], t[1], t[n] }'
