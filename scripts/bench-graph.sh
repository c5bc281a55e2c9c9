#!/usr/bin/env bash
# Graph benchmark: the relationships and groups stage of honeycomb beside the graph peers of
# ../shared/bench (python-igraph, leidenalg, NetworKit), measured in the same session.
#
#   scripts/bench-graph.sh SCALE|DATA_DIR [RUNS] [--no-peer]
#
# Runs `honeycomb report DATA --only relationships,groups --timings` RUNS times (default 3) and
# prints the median [min–max] of each step it reports (network build, PageRank, betweenness +
# closeness, Leiden, each plugin, the whole process and its peak memory), then the peers' own
# step timings from ../shared/bench/peers.py (igraph with leidenalg, NetworKit) and the ratios
# of honeycomb's step to the fastest peer's step.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HONEYCOMB_SHARED:-$root/../shared}
arg=${1:-medium}
runs=${2:-3}
peer=1
for a in "$@"; do [ "$a" = "--no-peer" ] && peer=0; done
cache=${HONEYCOMB_BENCH_CACHE:-$HOME/.cache/honeycomb-bench}
venv=$cache/venv

if [ -d "$arg" ]; then
  data=$(cd "$arg" && pwd)
else
  data=$cache/$arg
  if [ ! -f "$data/posts.csv" ]; then
    bash "$root/scripts/bench.sh" "$arg" 0 --no-peer >/dev/null
  fi
fi

cargo build --release -p honeycomb --manifest-path "$root/Cargo.toml" >&2
bin=$root/target/release/honeycomb
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 1; }

: > "$out/samples"
for i in $(seq "$runs"); do
  /usr/bin/time -f "process %e %M" -o "$out/t" "$bin" report "$data" --out "$out/report" \
    --only relationships,groups --format json --timings 2> "$out/stages" > /dev/null
  cat "$out/t" >> "$out/samples"
  awk '/^timing /{ name=$2; for (i=3;i<NF-1;i++) name=name"_"$i; print name, $(NF-1), 0 }' "$out/stages" >> "$out/samples"
done

if [ "$peer" = 1 ]; then
  if ! "$venv/bin/python" -c 'import igraph, leidenalg, networkit' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q pandas numpy python-igraph leidenalg networkit
  fi
  for lib in igraph networkit; do
    "$venv/bin/python" "$shared/bench/peers.py" "$data" "$lib" --json "$out/$lib.json" > /dev/null 2>&1 || true
  done
fi

python3 - "$out" "$data" "$runs" <<'PY'
import json, os, statistics, sys
out, data, runs = sys.argv[1], sys.argv[2], sys.argv[3]
rows = {}
for line in open(os.path.join(out, "samples")):
    name, secs, kb = line.split()
    rows.setdefault(name, []).append((float(secs), int(kb)))
print(f"honeycomb --only relationships,groups on {data} ({runs} runs): median [min–max]")
med = {}
for name, v in rows.items():
    s = [x[0] for x in v]
    med[name] = statistics.median(s)
    mem = max(x[1] for x in v)
    memtxt = f"   peak {mem / 1024:.0f} MB" if mem else ""
    print(f"  {name.replace('_', ' '):<40} {med[name]:8.3f} s  [{min(s):.3f}–{max(s):.3f}]{memtxt}")
peers = {}
for lib in ("igraph", "networkit"):
    p = os.path.join(out, f"{lib}.json")
    if os.path.exists(p):
        for r in json.load(open(p))["steps"]:
            if r.get("seconds") is not None:
                peers.setdefault(r["step"], []).append((r["seconds"], lib))
if not peers:
    sys.exit(0)
print("\npeers (one run each), fastest per step, and honeycomb's ratio to it (< 1 = faster):")
pairs = [
    ("pagerank", ["index_pagerank"]),
    ("betweenness_k256", ["index_betweenness+closeness"]),
    ("leiden_igraph", ["index_communities_(leiden)"]),
    ("leidenalg", ["index_communities_(leiden)"]),
    ("leiden_networkit", ["index_communities_(leiden)"]),
]
for step, v in sorted(peers.items()):
    best = min(v)
    txt = ", ".join(f"{lib} {s:.3f}" for s, lib in sorted(v))
    ours = next((med[k] for st, ks in pairs if st == step for k in ks if k in med), None)
    ratio = f"   honeycomb {ours:.3f} s, ratio {ours / best[0]:.2f}" if ours is not None else ""
    print(f"  {step:<24} {txt}{ratio}")
graph_steps = ["build_digraph", "pagerank", "betweenness_k256", "harmonic_sample256", "reciprocity", "to_undirected", "leiden_networkit"]
fast = sum(min(peers[s])[0] for s in graph_steps if s in peers)
ours = med.get("plugins")
if ours is not None:
    print(f"\n  peers' fastest sum for {', '.join(s for s in graph_steps if s in peers)}: {fast:.3f} s")
    print(f"  honeycomb relationships + groups stage (both plugins, in parallel): {ours:.3f} s, ratio {ours / fast:.2f}")
PY
