#!/usr/bin/env bash
# Benchmark harness: times honeycomb on a synthetic data set of ../shared/bench and puts the
# pandas peer beside it, measured in the same session.
#
#   scripts/bench.sh SCALE|DATA_DIR [RUNS] [--no-peer]
#
# SCALE is tiny, small, medium or large: the data set is generated once with the shared
# generator (../shared/bench/gen.py) into $HONEYCOMB_BENCH_CACHE (default
# ~/.cache/honeycomb-bench/SCALE, the same place ../shared/bench/run.sh uses). A folder made by
# that generator can be given instead. Prints, over RUNS runs (default 5), the median, minimum
# and maximum of: `honeycomb validate` (load + validation, whole process), `honeycomb report`
# (whole process) and each of its stages (from --timings), with peak memory; then the pandas
# peer's own step timings (../shared/bench/peers.py DATA pandas) and the ratios.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HONEYCOMB_SHARED:-$root/../shared}
arg=${1:-small}
runs=${2:-5}
peer=1
for a in "$@"; do [ "$a" = "--no-peer" ] && peer=0; done
cache=${HONEYCOMB_BENCH_CACHE:-$HOME/.cache/honeycomb-bench}
venv=$cache/venv

need_python() {
  if ! "$venv/bin/python" -c 'import pandas, numpy' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q pandas numpy
  fi
}

if [ -d "$arg" ]; then
  data=$(cd "$arg" && pwd)
else
  data=$cache/$arg
  if [ ! -f "$data/posts.csv" ]; then
    need_python
    "$venv/bin/python" "$shared/bench/gen.py" --scale "$arg" --out "$data"
  fi
fi

cargo build --release -p honeycomb --manifest-path "$root/Cargo.toml" >&2
bin=$root/target/release/honeycomb
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 1; }

: > "$out/samples"
for i in $(seq "$runs"); do
  /usr/bin/time -f "validate %e %M" -o "$out/t" "$bin" validate "$data" > /dev/null
  cat "$out/t" >> "$out/samples"
  /usr/bin/time -f "report %e %M" -o "$out/t" "$bin" report "$data" --out "$out/report" --timings 2> "$out/stages" > /dev/null
  cat "$out/t" >> "$out/samples"
  awk '/^timing /{ name=$2; for (i=3;i<NF-1;i++) name=name"_"$i; print "stage:" name, $(NF-1), 0 }' "$out/stages" >> "$out/samples"
done

if [ "$peer" = 1 ]; then
  need_python
  "$venv/bin/python" "$shared/bench/peers.py" "$data" pandas --json "$out/peer.json" > /dev/null 2>&1 || true
fi

python3 - "$out/samples" "$out/peer.json" "$data" "$runs" <<'PY'
import json, os, statistics, sys
samples, peer_path, data, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = {}
for line in open(samples):
    name, secs, kb = line.split()
    rows.setdefault(name, []).append((float(secs), int(kb)))
print(f"honeycomb on {data} ({runs} runs): median [min–max]")
med = {}
for name, v in rows.items():
    s = [x[0] for x in v]
    m = statistics.median(s)
    med[name] = m
    mem = max(x[1] for x in v)
    memtxt = f"   peak {statistics.median([x[1] for x in v]) / 1024:7.0f} MB (max {mem / 1024:.0f})" if mem else ""
    label = name.replace("stage:", "  report stage: ").replace("_", " ")
    print(f"{label:<34} {m:8.3f} s  [{min(s):.3f}–{max(s):.3f}]{memtxt}")
if os.path.exists(peer_path):
    peer = json.load(open(peer_path))
    steps = {r["step"]: r for r in peer["steps"]}
    print("pandas peer, same session (one run, seconds, peak RSS of the process so far):")
    for r in peer["steps"]:
        if r.get("seconds") is not None:
            print(f"  {r['step']:<32} {r['seconds']:8.3f} s   peak {r['rss_mb']:7.0f} MB")
    load = steps.get("load_all_csv", {}).get("seconds")
    if load and "validate" in med:
        print(f"ratio honeycomb validate / pandas load_all_csv: {med['validate'] / load:.2f}")
PY
