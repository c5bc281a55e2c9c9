#!/usr/bin/env bash
# Times a group of plugins against the pandas peer's matching steps, run in turns (ours, the
# peer's, ours, …) so that both see the same machine.
#
#   scripts/bench-plugins.sh PLUGINS PEER_STEPS [SCALE|DATA_DIR] [RUNS]
#
#   scripts/bench-plugins.sh conversations,sharing conversations,sharing_cascades medium 5
#   scripts/bench-plugins.sh identity,reputation load_all_csv medium 5
#
# Ours: the wall time of the plugin stage of `honeycomb report DATA --only PLUGINS --timings`
# (the plugins run side by side, as in a full report; shared indexes they build, such as the
# reply threads, are included; loading and writing are not). The peer's: the sum of the
# named steps of ../shared/bench/peers.py DATA pandas (each timed with perf_counter inside
# one Python process). Prints every run, the medians and the ratio of the medians.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HONEYCOMB_SHARED:-$root/../shared}
plugins=${1:?plugins, comma-separated}
steps=${2:?peer steps, comma-separated}
arg=${3:-medium}
runs=${4:-5}
cache=${HONEYCOMB_BENCH_CACHE:-$HOME/.cache/honeycomb-bench}
venv=$cache/venv
if [ -d "$arg" ]; then data=$(cd "$arg" && pwd); else data=$cache/$arg; fi
[ -f "$data/posts.csv" ] || { echo "no data set at $data: run scripts/bench.sh $arg once" >&2; exit 1; }
"$venv/bin/python" -c 'import pandas' 2>/dev/null || { echo "needs the peer's venv: run scripts/bench.sh once" >&2; exit 1; }

cargo build --release -p honeycomb --manifest-path "$root/Cargo.toml" >&2
bin=$root/target/release/honeycomb
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

ours=() peer=()
for i in $(seq "$runs"); do
  "$bin" report "$data" --out "$out/report" --only "$plugins" --format json --timings 2> "$out/t" > /dev/null
  o=$(awk '/^timing plugins /{ print $(NF-1) }' "$out/t")
  "$venv/bin/python" "$shared/bench/peers.py" "$data" pandas --json "$out/peer.json" > /dev/null 2>&1
  p=$("$venv/bin/python" - "$out/peer.json" "$steps" <<'EOF'
import json, sys
rows = {r["step"]: r["seconds"] for r in json.load(open(sys.argv[1]))["steps"]}
print(sum(rows[s] for s in sys.argv[2].split(",")))
EOF
)
  echo "run $i: honeycomb $plugins ${o} s, pandas $steps ${p} s"
  ours+=("$o") peer+=("$p")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
mo=$(median "${ours[@]}") mp=$(median "${peer[@]}")
echo "median: honeycomb ${mo} s, pandas ${mp} s, ratio $(awk -v a="$mo" -v b="$mp" 'BEGIN { printf "%.2f", a / b }')"
