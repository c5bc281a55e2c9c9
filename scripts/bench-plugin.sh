#!/usr/bin/env bash
# Overhead of a plugin library loaded at run time (issue: "loading and running a trivial
# dynamic plugin adds less than the time to load the data once").
#
#   scripts/bench-plugin.sh SCALE|DATA_DIR [RUNS]
#
# Builds the release binary and examples/word-count-plugin, then runs RUNS times (default 5),
# alternating:
#   A: honeycomb report DATA --only presence --format json --timings
#   B: the same with --plugin libword_count.so --only presence,word-count
# and prints the medians of the whole process (wall clock) and of the stages --timings
# reports: load, serialising the dataset for plugin libraries, and the word-count plugin
# (which includes the library decoding its copy of the dataset).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
arg=${1:-medium}
runs=${2:-5}
cache=${HONEYCOMB_BENCH_CACHE:-$HOME/.cache/honeycomb-bench}
if [ -d "$arg" ]; then data=$(cd "$arg" && pwd); else data=$cache/$arg; fi
[ -f "$data/posts.csv" ] || { echo "no data set at $data: run scripts/bench.sh $arg first" >&2; exit 1; }
target=${CARGO_TARGET_DIR:-$root/target}
cargo build --release -p honeycomb --manifest-path "$root/Cargo.toml" >&2
cargo build --release --manifest-path "$root/examples/word-count-plugin/Cargo.toml" \
  --target-dir "$target/plugin-fixtures" >&2
bin=$target/release/honeycomb
lib=$target/plugin-fixtures/release/libword_count.so
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

for i in $(seq "$runs"); do
  for v in A B; do
    extra=(--only presence)
    [ "$v" = B ] && extra=(--only presence,word-count --plugin "$lib")
    s=$(date +%s.%N)
    "$bin" report "$data" --out "$out/r$v" --format json --timings "${extra[@]}" \
      > /dev/null 2> "$out/t$v"
    e=$(date +%s.%N)
    echo "$e - $s" | bc >> "$out/wall$v"
    grep -E '^timing load  ' "$out/t$v" | awk '{print $3}' >> "$out/load$v"
    grep -E '^timing serialise' "$out/t$v" | awk '{print $(NF-1)}' >> "$out/ser$v" || true
    grep -E '^timing plugin word-count' "$out/t$v" | awk '{print $(NF-1)}' >> "$out/wc$v" || true
    grep -E '^timing plugins ' "$out/t$v" | awk '{print $3}' >> "$out/plugins$v"
  done
done
printf '%-44s %10s %10s\n' "median over $runs runs (s)" "A" "B"
for k in wall load plugins ser wc; do
  a=$(median < "$out/${k}A"); b=$(median < "$out/${k}B" 2>/dev/null || echo -)
  printf '%-44s %10s %10s\n' "$k" "$a" "$b"
done
