//! Centralities of a directed network: PageRank, shortest-path centralities (betweenness,
//! harmonic, closeness; exact or estimated from sampled pivots), weakly connected components,
//! reciprocity, and two small helpers for charts (percentile ranks, degree histogram).
//!
//! All shortest paths here are unweighted (hops along arcs). Every function is deterministic:
//! parallel loops work on chunks whose boundaries do not depend on the number of threads, and
//! floating-point partial sums are added in chunk order.

use super::{Network, Rng};
use crate::index::Csr;
use rayon::prelude::*;

/// Nodes per work unit in node-wise parallel loops (fixed, so sums do not depend on threads).
const NODE_CHUNK: usize = 2048;

/// Most source chunks of the shortest-path centralities (one per batch of sources). Fixed,
/// so that results do not depend on the number of threads.
const SOURCE_CHUNKS: usize = 16;

// ---------------------------------------------------------------------------------------------
// PageRank
// ---------------------------------------------------------------------------------------------

/// PageRank result.
#[derive(Debug, Clone, PartialEq)]
pub struct PageRank {
    /// Score of each node; the scores sum to 1 (empty for an empty graph).
    pub scores: Vec<f64>,
    /// Power iterations done.
    pub iterations: u32,
    /// Whether the L1 change of the last iteration was below the tolerance.
    pub converged: bool,
}

/// PageRank (Page, Brin, Motwani & Winograd, "The PageRank citation ranking: bringing order to
/// the web", Stanford InfoLab technical report 1999-66, 1999), computed as NetworkX `pagerank`
/// does: the stationary distribution of a random surfer who, with probability `damping`,
/// follows an out-arc of the current node (chosen in proportion to `g.out_weight` when the
/// network is weighted, i.e. each node's out-weights normalised to sum 1; uniformly otherwise)
/// and otherwise jumps to a node chosen uniformly at random. The rank of dangling nodes (no
/// out-arcs, or a total out-weight that is not positive) is spread uniformly over all nodes:
///
/// `x'(v) = damping · (Σ_{u→v} x(u) · w(u→v) / W(u) + Σ_{u dangling} x(u) / n) + (1 − damping) / n`.
///
/// Power iteration from the uniform vector until the L1 change between two iterations is
/// below `tol` (absolute — the scores sum to 1; NetworkX stops at `n · tol`) or `max_iter`
/// iterations; `converged` says which. Pull-based over `g.inc`, parallel over node ranges and
/// deterministic (each node's sum runs sequentially over its in-neighbours in order; the
/// global sums over fixed chunks in chunk order). An empty graph gives empty scores.
pub fn pagerank(g: &Network, damping: f64, tol: f64, max_iter: u32) -> PageRank {
    let n = g.node_count();
    if n == 0 {
        return PageRank {
            scores: Vec::new(),
            iterations: 0,
            converged: true,
        };
    }
    let nf = n as f64;
    // 1 / total out-weight, 0 for dangling nodes.
    let inv_out: Vec<f64> = (0..n)
        .into_par_iter()
        .with_min_len(NODE_CHUNK)
        .map(|u| {
            let total = match g.out_weights(u as u32) {
                Some(w) => w.iter().map(|&x| x as f64).sum::<f64>(),
                None => g.out.degree(u as u32) as f64,
            };
            if total > 0.0 { 1.0 / total } else { 0.0 }
        })
        .collect();
    let mut x = vec![1.0 / nf; n];
    // y(u) = x(u) / W(u): what u gives to each out-arc (before its weight).
    let mut y: Vec<f64> = inv_out.iter().map(|&i| i / nf).collect();
    let mut dangling: f64 = inv_out.iter().filter(|&&i| i == 0.0).count() as f64 / nf;
    let mut x_new = vec![0.0; n];
    let mut y_new = vec![0.0; n];
    let inc: &Csr = &g.inc;
    let in_w = &g.in_weight;
    let weighted = g.is_weighted();
    let mut iterations = 0;
    let mut converged = false;
    while iterations < max_iter {
        iterations += 1;
        let base = damping * dangling / nf + (1.0 - damping) / nf;
        let y_old = &y;
        let x_old = &x;
        let inv = &inv_out;
        // Per chunk: (L1 change, rank now on dangling nodes).
        let partial: Vec<(f64, f64)> = x_new
            .par_chunks_mut(NODE_CHUNK)
            .zip(y_new.par_chunks_mut(NODE_CHUNK))
            .enumerate()
            .map(|(c, (xs, ys))| {
                let start = c * NODE_CHUNK;
                let (mut err, mut dang) = (0.0, 0.0);
                for (i, (xv, yv)) in xs.iter_mut().zip(ys.iter_mut()).enumerate() {
                    let v = start + i;
                    let (lo, hi) = (inc.offsets[v], inc.offsets[v + 1]);
                    let tails = &inc.targets[lo..hi];
                    let mut s = 0.0;
                    if weighted {
                        for (&u, &w) in tails.iter().zip(&in_w[lo..hi]) {
                            s += y_old[u as usize] * w as f64;
                        }
                    } else {
                        for &u in tails {
                            s += y_old[u as usize];
                        }
                    }
                    let r = damping * s + base;
                    err += (r - x_old[v]).abs();
                    *xv = r;
                    let iv = inv[v];
                    *yv = r * iv;
                    if iv == 0.0 {
                        dang += r;
                    }
                }
                (err, dang)
            })
            .collect();
        let (mut err, mut dang) = (0.0, 0.0);
        for (e, d) in partial {
            err += e;
            dang += d;
        }
        dangling = dang;
        std::mem::swap(&mut x, &mut x_new);
        std::mem::swap(&mut y, &mut y_new);
        if err < tol {
            converged = true;
            break;
        }
    }
    PageRank {
        scores: x,
        iterations,
        converged,
    }
}

// ---------------------------------------------------------------------------------------------
// Shortest-path centralities
// ---------------------------------------------------------------------------------------------

/// Which sources the shortest-path centralities use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathMode {
    /// Every node is a source: exact values, `O(n·m)` time.
    Exact,
    /// `pivots` sources drawn uniformly without replacement with [`Rng::new`]`(seed)`
    /// (Brandes & Pich 2007); `pivots ≥ n` means exact, `0` is taken as 1.
    Sampled {
        /// Number of sources.
        pivots: u32,
        /// Seed of the draw.
        seed: u64,
    },
}

/// Shortest-path centralities over unweighted (hop) distances along arcs.
#[derive(Debug, Clone, PartialEq)]
pub struct PathCentrality {
    /// Betweenness (Brandes 2001, "A faster algorithm for betweenness centrality", J. Math.
    /// Sociol. 25(2)): `B(v) = Σ_{s≠v≠t} σ_st(v) / σ_st` over ordered pairs `(s, t)`, where
    /// `σ_st` counts the shortest `s → t` paths and `σ_st(v)` those through `v`; unnormalised
    /// (NetworkX `betweenness_centrality(G, normalized=False)` on a DiGraph; on a graph where
    /// every edge is two arcs, twice the undirected value). Sampled: the Brandes–Pich estimate
    /// `(n/k) Σ_{s∈S} δ_s(v)` over the `k` pivots `S`, where `δ_s(v) = Σ_t σ_st(v)/σ_st` is
    /// the dependency of `s` on `v` (Brandes & Pich 2007, "Centrality estimation in large
    /// networks", Int. J. Bifurcation and Chaos 17(7)); unbiased.
    pub betweenness: Vec<f64>,
    /// Standard error of each node's sampled betweenness estimate:
    /// `n · sd / √k · √((n − k)/(n − 1))`, where `sd` is the sample standard deviation
    /// (denominator `k − 1`) of `δ_s(v)` over the `k` pivots and the last factor is the
    /// finite-population correction of sampling without replacement. All zeros when exact
    /// (and when `k = 1`, where no spread can be measured).
    pub betweenness_se: Vec<f64>,
    /// Harmonic centrality with incoming distances (Marchiori & Latora 2000, "Harmony in the
    /// small-world", Physica A 285; Boldi & Vigna 2014, "Axioms for centrality", Internet
    /// Mathematics 10): `h(u) = Σ_{v≠u} 1/d(v→u)`, with `1/∞ = 0`; unnormalised (NetworkX
    /// `harmonic_centrality` on a DiGraph; igraph `mode="in"`). Sampled:
    /// `(n/k) Σ_{s∈S, s≠u} 1/d(s→u)` from the same pivot BFS runs (Eppstein & Wang 2004, "Fast
    /// approximation of centrality", J. Graph Algorithms Appl. 8(1)); unbiased.
    pub harmonic: Vec<f64>,
    /// Standard error of the sampled harmonic estimate, built as `betweenness_se`; zeros when
    /// exact.
    pub harmonic_se: Vec<f64>,
    /// Closeness with the Wasserman–Faust correction for unreachable nodes (Wasserman & Faust
    /// 1994, "Social network analysis", Cambridge University Press), as NetworkX
    /// `closeness_centrality` (`wf_improved=True`) computes it on a DiGraph, with incoming
    /// distances: `C(u) = ((r − 1) / Σ_{v reaches u} d(v→u)) · ((r − 1) / (n − 1))`, where `r`
    /// counts the nodes that reach `u`, `u` included; 0 when `r ≤ 1`. Exact mode only
    /// (`None` when sampled).
    pub closeness: Option<Vec<f64>>,
    /// `None` when exact, else the number of pivots used.
    pub pivots: Option<u32>,
}

/// Per-node sums of one chunk of sources. Sampled: `a = Σ δ²`, `b = Σ (1/d)²`; exact:
/// `a = Σ d` (an integer, exact in `f64` below 2⁵³), `b` = number of sources reaching the node.
/// One 32-byte cell per node: one cache line touched per visited node.
#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    bc: f64,
    h: f64,
    a: f64,
    b: f64,
}

/// The sources of one multi-source BFS (see [`brandes_batch`]), one bit each; a
/// [`Lanes::Row`] holds one `f64` per source. Implemented for `u8`, `u16` and `u32`: batches of
/// 8, 16 or 32 sources.
trait Lanes:
    Copy
    + Eq
    + Send
    + Sync
    + 'static
    + std::ops::BitAnd<Output = Self>
    + std::ops::BitOrAssign
    + std::ops::Not<Output = Self>
{
    /// Sources per batch.
    const WIDTH: usize;
    /// No source.
    const EMPTY: Self;
    /// One value per source.
    type Row: Copy + Send + Sync + std::ops::Index<usize, Output = f64> + std::ops::IndexMut<usize>;
    /// A row of zeros.
    const ZERO_ROW: Self::Row;
    /// Source `b` alone.
    fn bit(b: usize) -> Self;
    /// The lowest source of a non-empty set.
    fn lowest(self) -> usize;
    /// The set without its lowest source.
    fn rest(self) -> Self;
}

macro_rules! lanes {
    ($($mask:ty => $width:literal),*) => {$(
        impl Lanes for $mask {
            const WIDTH: usize = $width;
            const EMPTY: Self = 0;
            type Row = [f64; $width];
            const ZERO_ROW: Self::Row = [0.0; $width];
            #[inline(always)]
            fn bit(b: usize) -> Self {
                1 << b
            }
            #[inline(always)]
            fn lowest(self) -> usize {
                self.trailing_zeros() as usize
            }
            #[inline(always)]
            fn rest(self) -> Self {
                self & self.wrapping_sub(1)
            }
        }
    )*};
}

lanes!(u8 => 8, u16 => 16, u32 => 32);

/// Bytes of state one thread may use for its batches (working arrays, the chunk's sums and the
/// recorded shortest-path DAG): the batch is the widest of 32, 16 or 8 sources whose working
/// state fits, so the width depends on the graph only, never on the number of threads; what
/// is left of it holds the DAG as a list of arcs (the fastest form to read back), else the DAG
/// is a bitmap over the arcs scanned (a few MB even for 20M arcs).
const THREAD_STATE_BYTES: usize = 128 << 20;

/// Bytes of per-thread state allowed across all threads; fewer threads work at once when
/// the graph is so large that a thread's state times the threads would exceed it.
const STATE_BUDGET_BYTES: usize = 256 << 20;

/// How a batch records its shortest-path DAG for the backward pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dag {
    /// Each DAG arc with the sources it serves (`succ`, `succ_mask`, `succ_end`).
    List,
    /// One bit per arc scanned (`dag`); the sources an arc serves are read from `next`.
    Bits,
    /// Nothing (the list outgrew its room mid-batch): the backward pass scans every arc again.
    Rescan,
}

/// Reusable state of the multi-source BFS of one thread; only visited entries are reset.
struct Work<M: Lanes> {
    /// Sources (bits) that reached each node at an earlier level.
    visit: Vec<M>,
    /// Sources (bits) that reach each node at the level being built; in the backward pass,
    /// the sources at the level above.
    next: Vec<M>,
    /// `σ_b(v)` for each source `b` of the batch, then `(1 + δ_b(v)) / σ_b(v)`.
    val: Vec<M::Row>,
    /// Frontier entries of all levels in order: a node, and the sources at that distance.
    front: Vec<u32>,
    front_mask: Vec<M>,
    /// Start of each level in `front`, then `front.len()`.
    starts: Vec<usize>,
    /// [`Dag::List`]: the DAG arcs of each frontier entry (head, and the sources it is a DAG
    /// arc for), `succ_end[i]` the end of entry `i`'s.
    succ: Vec<u32>,
    succ_mask: Vec<M>,
    succ_end: Vec<u32>,
    /// Most DAG arcs to list; a batch that would list more rescans instead, and the later
    /// batches of this thread use [`Dag::Bits`].
    succ_cap: usize,
    /// Whether the list still fits (no batch of this thread overflowed it).
    list_fits: bool,
    /// [`Dag::Bits`]: frontier entry `i` (node `v`) owns `out.degree(v)` consecutive bits,
    /// after those of the entries before it; bit `j` says whether `v`'s `j`-th arc leads one
    /// level further for one of the entry's sources.
    dag: Vec<u64>,
}

impl<M: Lanes> Work<M> {
    fn new(n: usize, succ_cap: usize) -> Work<M> {
        Work {
            visit: vec![M::EMPTY; n],
            next: vec![M::EMPTY; n],
            val: vec![M::ZERO_ROW; n],
            front: Vec::new(),
            front_mask: Vec::new(),
            starts: Vec::new(),
            succ: Vec::new(),
            succ_mask: Vec::new(),
            succ_end: Vec::new(),
            // `succ_end` holds u32 positions.
            succ_cap: succ_cap.min(u32::MAX as usize / 2),
            list_fits: succ_cap > 0,
            dag: Vec::new(),
        }
    }

    /// Approximate bytes of a thread's working state (with its chunk's sums) for a graph of
    /// `n` nodes and `m` arcs, taking the frontier as three entries per node (a node is an
    /// entry once per distinct distance from the batch's sources) and so the DAG bitmap as
    /// three bits per arc.
    fn bytes(n: usize, m: usize) -> usize {
        let per_node = 2 * size_of::<M>()
            + size_of::<M::Row>()
            + size_of::<Cell>()
            + 3 * (size_of::<u32>() + size_of::<M>());
        per_node * n + 3 * m / 8
    }

    /// Bytes of one listed DAG arc (with its share of `succ_end`).
    const ARC_BYTES: usize = size_of::<u32>() + size_of::<M>() + 1;
}

/// Brandes' algorithm (Brandes 2001) for up to `M::WIDTH` sources at once. One
/// level-synchronous BFS in which each frontier entry carries the set of sources at that
/// distance (multi-source BFS: Then et al., "The more the merrier: efficient multi-source
/// graph traversal", PVLDB 8(4), 2014), so that a node's arcs are scanned once per distinct
/// distance rather than once per source; it records the arcs of the shortest-path DAG (see
/// [`Dag`]). Then the dependencies in reverse BFS order, each node pulling from its DAG
/// successors (`δ_b(v) = σ_b(v) Σ_{w succ. of v} (1 + δ_b(w)) / σ_b(w)`), added with the
/// harmonic and closeness terms into `acc`. Every per-source `σ` and `δ` is that of a
/// single-source run (path counts are integers, exact in `f64` below 2⁵³); only the order in
/// which a node's terms are added into `acc` differs (by distance, then by source), which the
/// batch fixes, so it is still deterministic. The three forms of the DAG visit the same arcs
/// in the same order: bit-identical results.
fn brandes_batch<M: Lanes>(
    out: &Csr,
    batch: &[u32],
    w: &mut Work<M>,
    acc: &mut [Cell],
    sampled: bool,
) {
    let Work {
        visit,
        next,
        val,
        front,
        front_mask,
        starts,
        succ,
        succ_mask,
        succ_end,
        succ_cap,
        list_fits,
        dag,
    } = w;
    // Plain slices: their lengths stay in registers while the vectors grow.
    let (visit, next, val) = (&mut visit[..], &mut next[..], &mut val[..]);
    let (offsets, targets) = (&out.offsets[..], &out.targets[..]);
    front.clear();
    front_mask.clear();
    starts.clear();
    succ.clear();
    succ_mask.clear();
    succ_end.clear();
    dag.clear();
    let mut mode = if *list_fits { Dag::List } else { Dag::Bits };
    for (b, &s) in batch.iter().enumerate() {
        let bit = M::bit(b);
        visit[s as usize] |= bit;
        val[s as usize][b] = 1.0;
        front.push(s);
        front_mask.push(bit);
    }
    starts.push(0);
    let mut lo = 0;
    // First DAG bit of the next frontier entry.
    let mut pos = 0usize;
    loop {
        let hi = front.len();
        if lo == hi {
            break;
        }
        for i in lo..hi {
            let v = front[i] as usize;
            let fv = front_mask[i];
            let sv = val[v];
            let arcs = &targets[offsets[v]..offsets[v + 1]];
            if mode == Dag::Bits {
                let words = (pos + arcs.len()).div_ceil(64);
                if dag.len() < words {
                    dag.resize(words, 0);
                }
            }
            // The scan of v's arcs, with what to record of a DAG arc (one loop per form).
            macro_rules! scan {
                (|$j:ident, $t:ident, $m:ident| $record:block) => {
                    for ($j, &$t) in arcs.iter().enumerate() {
                        // Sources for which t is one level further than v, and not reached
                        // before.
                        let $m = fv & !visit[$t as usize];
                        if $m != M::EMPTY {
                            let nt = &mut next[$t as usize];
                            if *nt == M::EMPTY {
                                front.push($t);
                            }
                            *nt |= $m;
                            let row = &mut val[$t as usize];
                            let mut bits = $m;
                            while bits != M::EMPTY {
                                let b = bits.lowest();
                                row[b] += sv[b];
                                bits = bits.rest();
                            }
                            $record
                        }
                    }
                };
            }
            match mode {
                Dag::List => scan!(|_j, t, m| {
                    succ.push(t);
                    succ_mask.push(m);
                }),
                Dag::Bits => scan!(|j, _t, _m| {
                    let p = pos + j;
                    dag[p >> 6] |= 1 << (p & 63);
                }),
                Dag::Rescan => scan!(|_j, _t, _m| {}),
            }
            pos += arcs.len();
            if mode == Dag::List {
                succ_end.push(succ.len() as u32);
                if succ.len() > *succ_cap {
                    mode = Dag::Rescan;
                    *list_fits = false;
                    succ.clear();
                    succ_mask.clear();
                    succ_end.clear();
                }
            }
        }
        for &t in &front[hi..] {
            let m = next[t as usize];
            front_mask.push(m);
            visit[t as usize] |= m;
            next[t as usize] = M::EMPTY;
        }
        starts.push(hi);
        lo = hi;
    }
    // starts = [0, end of level 0, …, front.len()]: level l is starts[l]..starts[l + 1].
    let levels = starts.len() - 1;
    // `pos` is now the end of the last entry's DAG bits; the backward pass walks it back.
    for level in (1..levels).rev() {
        let d = level as f64;
        let inv_d = 1.0 / d;
        if mode != Dag::List {
            // `next` marks the sources at distance level + 1 of each node. Marks left from
            // higher levels are harmless: a node at distance level + 2 from source b is not
            // a successor of one at distance level from b.
            let up = starts[level + 1]..starts.get(level + 2).copied().unwrap_or(front.len());
            for (&t, &m) in front[up.clone()].iter().zip(&front_mask[up]) {
                next[t as usize] = m;
            }
        }
        for i in (starts[level]..starts[level + 1]).rev() {
            let v = front[i] as usize;
            let fv = front_mask[i];
            let arcs = &targets[offsets[v]..offsets[v + 1]];
            pos -= arcs.len();
            let mut sum = M::ZERO_ROW;
            let mut add = |t: u32, m: M| {
                let row = &val[t as usize];
                let mut bits = m;
                while bits != M::EMPTY {
                    let b = bits.lowest();
                    sum[b] += row[b];
                    bits = bits.rest();
                }
            };
            match mode {
                Dag::List => {
                    let listed = succ_end[i - 1] as usize..succ_end[i] as usize;
                    for (&t, &m) in succ[listed.clone()].iter().zip(&succ_mask[listed]) {
                        add(t, m);
                    }
                }
                Dag::Bits => {
                    // The set bits of [pos, end), word by word.
                    let end = pos + arcs.len();
                    let mut p = pos & !63;
                    while p < end {
                        let mut word = dag[p >> 6];
                        if p < pos {
                            word &= !0u64 << (pos - p);
                        }
                        if end - p < 64 {
                            word &= (1u64 << (end - p)) - 1;
                        }
                        while word != 0 {
                            let t = arcs[p + word.trailing_zeros() as usize - pos];
                            word &= word - 1;
                            add(t, fv & next[t as usize]);
                        }
                        p += 64;
                    }
                }
                Dag::Rescan => {
                    for &t in arcs {
                        let m = fv & next[t as usize];
                        if m != M::EMPTY {
                            add(t, m);
                        }
                    }
                }
            }
            let row = &mut val[v];
            let c = &mut acc[v];
            let mut bits = fv;
            while bits != M::EMPTY {
                let b = bits.lowest();
                bits = bits.rest();
                let sv = row[b];
                let delta = sv * sum[b];
                row[b] = (1.0 + delta) / sv;
                c.bc += delta;
                c.h += inv_d;
                if sampled {
                    c.a += delta * delta;
                    c.b += inv_d * inv_d;
                } else {
                    c.a += d;
                    c.b += 1.0;
                }
            }
        }
    }
    for &v in front.iter() {
        visit[v as usize] = M::EMPTY;
        next[v as usize] = M::EMPTY;
        val[v as usize] = M::ZERO_ROW;
    }
}

/// Sources per multi-source BFS for a graph of `n` nodes: the widest batch whose per-thread
/// state fits [`THREAD_STATE_BYTES`].
fn batch_width(n: usize, m: usize) -> usize {
    if Work::<u32>::bytes(n, m) <= THREAD_STATE_BYTES {
        32
    } else if Work::<u16>::bytes(n, m) <= THREAD_STATE_BYTES {
        16
    } else {
        8
    }
}

/// Betweenness, harmonic and closeness centralities (see [`PathCentrality`] for the
/// definitions and papers) from one BFS per source along `out` (forward), accumulating Brandes
/// dependencies (Brandes 2001), incoming harmonic sums and closeness distance sums.
///
/// Sampled pivots: `Rng::new(seed).sample(n, pivots)` (uniform without replacement, Brandes &
/// Pich 2007; Eppstein & Wang 2004); `pivots ≥ n` means exact.
///
/// Sources are dealt round-robin into fixed chunks (one per batch of `w` sources, at most 16),
/// and each chunk is run in batches of `w` sources sharing one multi-source BFS. Chunks are
/// processed in rounds as wide as the thread pool (so at most that many per-chunk accumulators
/// are alive), and each chunk's sums are added into the totals in chunk order: the output is
/// bit-identical whatever the number of threads.
///
/// Memory and the batch width: `w` is chosen from the graph alone (never from the number of
/// threads, so results stay bit-identical across thread counts) as the widest of 32, 16 and 8
/// whose per-thread working state — about `(8w + 44 + 5w/8) · n` bytes (`w` path counts then
/// dependencies per node, the chunk's 32-byte sums, visit masks, the frontier) plus 3 bits per
/// arc — fits 128 MiB: 32 sources up to ~400k nodes (at 20 arcs per node), 16 up to ~700k, 8
/// above (~120 bytes per node and thread). What is left of the 128 MiB holds the
/// shortest-path DAG as a list of arcs (the fastest form); when it does not fit, the DAG is a
/// bitmap over the arcs scanned (3 bits per arc, read back with the `next` masks). Fewer
/// threads work at once when their states would exceed 256 MiB together (past ~1.1M nodes
/// with 8-wide batches).
///
/// The trade-off, measured on the 1M-node, 20M-arc follow graph with 256 pivots and 2 threads:
/// the former fixed 32-wide batches with a 512 MiB DAG budget peaked ~1.18 GB above the graph;
/// 8-wide batches with a bitmap DAG peak ~0.30 GB, at about twice the CPU time (each arc is
/// scanned once per batch and distinct distance, and four times as many batches). Graphs up
/// to ~400k nodes (the 100k-node medium set) keep 32-wide batches and a listed DAG: the same
/// speed and the same bits as before. A narrower batch adds a node's terms in another order
/// (by batch, then by distance, then by source), so its results differ from a wider batch's by
/// rounding only (relative 1e-12 in the tests).
pub fn path_centrality(out: &Csr, mode: PathMode) -> PathCentrality {
    match batch_width(out.len(), out.targets.len()) {
        32 => path_centrality_with::<u32>(out, mode),
        16 => path_centrality_with::<u16>(out, mode),
        _ => path_centrality_with::<u8>(out, mode),
    }
}

/// [`path_centrality`] in batches of `M::WIDTH` sources.
fn path_centrality_with<M: Lanes>(out: &Csr, mode: PathMode) -> PathCentrality {
    let n = out.len();
    let (sources, sampled): (Vec<u32>, bool) = match mode {
        PathMode::Sampled { pivots, seed } if (pivots as usize) < n => {
            (Rng::new(seed).sample(n as u32, pivots.max(1)), true)
        }
        _ => ((0..n as u32).collect(), false),
    };
    let k = sources.len();
    let chunks = k.div_ceil(M::WIDTH).clamp(1, SOURCE_CHUNKS);
    let by_memory = (STATE_BUDGET_BYTES / Work::<M>::bytes(n, out.targets.len()).max(1)).max(1);
    let width = rayon::current_num_threads().min(by_memory).clamp(1, chunks);
    // What the working state leaves of a thread's budget holds the DAG list.
    let succ_cap = THREAD_STATE_BYTES.saturating_sub(Work::<M>::bytes(n, out.targets.len()))
        / Work::<M>::ARC_BYTES;
    let mut works: Vec<Work<M>> = (0..width).map(|_| Work::new(n, succ_cap)).collect();
    let mut accs: Vec<Vec<Cell>> = (0..width).map(|_| vec![Cell::default(); n]).collect();
    let mut total = vec![Cell::default(); n];
    let sources = &sources;
    let mut first = 0;
    while first < chunks && k > 0 {
        let last = (first + width).min(chunks);
        works
            .par_iter_mut()
            .zip(accs.par_iter_mut())
            .zip((first..last).into_par_iter())
            .for_each(|((w, acc), c)| {
                acc.fill(Cell::default());
                let mine: Vec<u32> = sources.iter().skip(c).step_by(chunks).copied().collect();
                for batch in mine.chunks(M::WIDTH) {
                    brandes_batch(out, batch, w, acc, sampled);
                }
            });
        let used = &accs[..last - first];
        total
            .par_chunks_mut(NODE_CHUNK)
            .enumerate()
            .for_each(|(ci, tot)| {
                let range = ci * NODE_CHUNK..ci * NODE_CHUNK + tot.len();
                for acc in used {
                    for (t, c) in tot.iter_mut().zip(&acc[range.clone()]) {
                        t.bc += c.bc;
                        t.h += c.h;
                        t.a += c.a;
                        t.b += c.b;
                    }
                }
            });
        first = last;
    }
    drop(works);
    drop(accs);
    if !sampled {
        let denom = n.saturating_sub(1) as f64;
        let closeness = total
            .par_iter()
            .with_min_len(NODE_CHUNK)
            .map(|c| {
                let r1 = c.b; // nodes reaching this one, itself excluded: r − 1
                if r1 > 0.0 && c.a > 0.0 {
                    (r1 / c.a) * (r1 / denom)
                } else {
                    0.0
                }
            })
            .collect();
        return PathCentrality {
            betweenness: total.iter().map(|c| c.bc).collect(),
            betweenness_se: vec![0.0; n],
            harmonic: total.iter().map(|c| c.h).collect(),
            harmonic_se: vec![0.0; n],
            closeness: Some(closeness),
            pivots: None,
        };
    }
    let (nf, kf) = (n as f64, k as f64);
    let scale = nf / kf;
    let fpc = if n > 1 {
        ((nf - kf) / (nf - 1.0)).max(0.0).sqrt()
    } else {
        0.0
    };
    let se = |sum: f64, sum_sq: f64| -> f64 {
        if k < 2 {
            return 0.0;
        }
        let var = ((sum_sq - sum * (sum / kf)) / (kf - 1.0)).max(0.0);
        nf * (var / kf).sqrt() * fpc
    };
    PathCentrality {
        betweenness: total.iter().map(|c| c.bc * scale).collect(),
        betweenness_se: total.iter().map(|c| se(c.bc, c.a)).collect(),
        harmonic: total.iter().map(|c| c.h * scale).collect(),
        harmonic_se: total.iter().map(|c| se(c.h, c.b)).collect(),
        closeness: None,
        pivots: Some(k as u32),
    }
}

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------

/// Root of `x` in a union-find forest, with path halving.
fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let gp = parent[parent[x as usize] as usize];
        parent[x as usize] = gp;
        x = gp;
    }
    x
}

/// Weakly connected components (the connected components of the graph with arc directions
/// ignored), by union–find (Tarjan 1975, "Efficiency of a good but not linear set union
/// algorithm", J. ACM 22(2)). Returns the component id of each node, components numbered by
/// size descending (ties: the component with the smallest member first), and the sizes in
/// that order.
pub fn weakly_connected_components(g: &Network) -> (Vec<u32>, Vec<usize>) {
    let n = g.node_count();
    // The root of every set is its smallest member: always link the larger root under the
    // smaller one.
    let mut parent: Vec<u32> = (0..n as u32).collect();
    for a in 0..n as u32 {
        for &b in g.out.neighbours(a) {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
                parent[hi as usize] = lo;
            }
        }
    }
    let mut size = vec![0usize; n];
    for v in 0..n as u32 {
        let r = find(&mut parent, v);
        size[r as usize] += 1;
    }
    let mut roots: Vec<u32> = (0..n as u32).filter(|&v| parent[v as usize] == v).collect();
    roots.sort_by(|&a, &b| size[b as usize].cmp(&size[a as usize]).then(a.cmp(&b)));
    let mut id = vec![0u32; n];
    for (i, &r) in roots.iter().enumerate() {
        id[r as usize] = i as u32;
    }
    let comp: Vec<u32> = (0..n).map(|v| id[parent[v] as usize]).collect();
    let sizes = roots.iter().map(|&r| size[r as usize]).collect();
    (comp, sizes)
}

/// Overall reciprocity: the share of arcs `a → b` whose reverse arc `b → a` exists (NetworkX
/// `overall_reciprocity`; Newman, Forrest & Balthrop 2002, "Email networks and the spread of
/// computer viruses", Phys. Rev. E 66); 0 when there are no arcs.
pub fn reciprocity(g: &Network) -> f64 {
    let m = g.arc_count();
    if m == 0 {
        return 0.0;
    }
    let mutual: u64 = (0..g.node_count() as u32)
        .into_par_iter()
        .with_min_len(NODE_CHUNK)
        .map(|a| sorted_intersection_len(g.out.neighbours(a), g.inc.neighbours(a)) as u64)
        .sum();
    mutual as f64 / m as f64
}

/// Size of the intersection of two sorted, duplicate-free lists.
pub(crate) fn sorted_intersection_len(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
                n += 1;
            }
        }
    }
    n
}

/// Percentile rank of each value, in `(0, 1]`: its rank among all values (1 = smallest), ties
/// given the average of their ranks, divided by the number of values — pandas
/// `rank(pct=True)` with the default `method="average"`. NaN-free input assumed.
pub fn percentile_ranks(values: &[f64]) -> Vec<f64> {
    let n = values.len();
    let mut idx: Vec<u32> = (0..n as u32).collect();
    idx.par_sort_unstable_by(|&a, &b| values[a as usize].total_cmp(&values[b as usize]));
    let mut ranks = vec![0.0; n];
    let nf = n as f64;
    let mut i = 0;
    while i < n {
        let x = values[idx[i] as usize];
        let mut j = i;
        while j + 1 < n && values[idx[j + 1] as usize] == x {
            j += 1;
        }
        // 1-based ranks i+1 ..= j+1, average (i + j)/2 + 1.
        let r = ((i + j) as f64 / 2.0 + 1.0) / nf;
        for &t in &idx[i..=j] {
            ranks[t as usize] = r;
        }
        i = j + 1;
    }
    ranks
}

/// Counts of nodes per degree in `adj`: `result[d]` is the number of nodes with
/// `adj.degree(_) == d`, for `d` from 0 to the largest degree (empty for no nodes); the data
/// of a degree-distribution chart (NetworkX `degree_histogram`).
pub fn degree_histogram(adj: &Csr) -> Vec<u64> {
    let n = adj.len();
    let Some(max) = (0..n as u32).map(|v| adj.degree(v)).max() else {
        return Vec::new();
    };
    let mut hist = vec![0u64; max + 1];
    for v in 0..n as u32 {
        hist[adj.degree(v)] += 1;
    }
    hist
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(n: usize, arcs: &[(u32, u32)]) -> Network {
        Network::from_arcs(n, arcs.iter().map(|&(a, b)| (a, b, 1.0)).collect(), false)
    }

    fn both_ways(n: usize, edges: &[(u32, u32)]) -> Network {
        let arcs: Vec<(u32, u32)> = edges.iter().flat_map(|&(a, b)| [(a, b), (b, a)]).collect();
        net(n, &arcs)
    }

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (i, (x, y)) in a.iter().zip(b).enumerate() {
            assert!((x - y).abs() < 1e-12, "index {i}: {x} vs {y}\n{a:?}\n{b:?}");
        }
    }

    #[test]
    fn directed_path() {
        let g = net(3, &[(0, 1), (1, 2)]);
        let p = path_centrality(&g.out, PathMode::Exact);
        close(&p.betweenness, &[0.0, 1.0, 0.0]);
        close(&p.harmonic, &[0.0, 1.0, 1.5]);
        close(
            p.closeness.as_deref().expect("exact"),
            &[0.0, 0.5, 2.0 / 3.0],
        );
        close(&p.betweenness_se, &[0.0; 3]);
        assert_eq!(p.pivots, None);
        // As many pivots as nodes is exact.
        let s = path_centrality(&g.out, PathMode::Sampled { pivots: 3, seed: 1 });
        assert_eq!(s, p);
    }

    #[test]
    fn star_and_diamond() {
        let g = both_ways(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        let p = path_centrality(&g.out, PathMode::Exact);
        close(&p.betweenness, &[12.0, 0.0, 0.0, 0.0, 0.0]);
        close(&p.harmonic, &[4.0, 2.5, 2.5, 2.5, 2.5]);
        let c = p.closeness.expect("exact");
        close(&c, &[1.0, 4.0 / 7.0, 4.0 / 7.0, 4.0 / 7.0, 4.0 / 7.0]);
        // Two shortest paths 0 → 3, one through each middle node.
        let d = net(4, &[(0, 1), (0, 2), (1, 3), (2, 3)]);
        let p = path_centrality(&d.out, PathMode::Exact);
        close(&p.betweenness, &[0.0, 0.5, 0.5, 0.0]);
        close(&p.harmonic, &[0.0, 1.0, 1.0, 2.5]);
    }

    #[test]
    fn sampled_estimates_scale_and_spread() {
        // Star: a leaf pivot depends on the centre for its 3 other leaves (δ = 3); the centre
        // as a pivot gives 0.
        let g = both_ways(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        let s = path_centrality(&g.out, PathMode::Sampled { pivots: 2, seed: 9 });
        assert_eq!(s.pivots, Some(2));
        assert!(s.closeness.is_none());
        let pivots = Rng::new(9).sample(5, 2);
        let deltas: Vec<f64> = pivots
            .iter()
            .map(|&p| if p == 0 { 0.0 } else { 3.0 })
            .collect();
        let mean = (deltas[0] + deltas[1]) / 2.0;
        close(&s.betweenness[..1], &[5.0 * mean]);
        let var = ((deltas[0] - mean).powi(2) + (deltas[1] - mean).powi(2)) / 1.0;
        let se = 5.0 * (var / 2.0).sqrt() * (3.0f64 / 4.0).sqrt();
        close(&s.betweenness_se[..1], &[se]);
        // Zero pivots is taken as one; that one gives no spread.
        let one = path_centrality(&g.out, PathMode::Sampled { pivots: 0, seed: 9 });
        assert_eq!(one.pivots, Some(1));
        assert!(one.betweenness_se.iter().all(|&x| x == 0.0));
        // Empty graph.
        let e = path_centrality(&Csr::default(), PathMode::Exact);
        assert!(e.betweenness.is_empty() && e.closeness.expect("exact").is_empty());
    }

    #[test]
    fn pagerank_with_a_dangling_node() {
        // 0 → 1, 1 dangling: x0 = α·x1/2 + (1−α)/2, x0 + x1 = 1 ⇒ x0 = 0.5 / 1.425.
        let g = net(2, &[(0, 1)]);
        let pr = pagerank(&g, 0.85, 1e-14, 1000);
        assert!(pr.converged && pr.iterations > 1);
        close(&pr.scores, &[0.5 / 1.425, 1.0 - 0.5 / 1.425]);
        // Weighted: 0 → 1 (3), 0 → 2 (1), 1 → 0, 2 → 0.
        // x0 = α(1 − x0) + (1−α)/3 ⇒ x0 = 0.9/1.85; x1 = α·¾·x0 + 0.05; x2 = α·¼·x0 + 0.05.
        let w = Network::from_arcs(
            3,
            vec![(0, 1, 3.0), (0, 2, 1.0), (1, 0, 2.0), (2, 0, 5.0)],
            true,
        );
        let pr = pagerank(&w, 0.85, 1e-14, 1000);
        let x0 = 0.9 / 1.85;
        close(
            &pr.scores,
            &[x0, 0.85 * 0.75 * x0 + 0.05, 0.85 * 0.25 * x0 + 0.05],
        );
        // Iteration cap.
        let capped = pagerank(&w, 0.85, 0.0, 3);
        assert!(!capped.converged && capped.iterations == 3);
        let e = pagerank(&Network::default(), 0.85, 1e-10, 100);
        assert!(e.scores.is_empty());
    }

    /// A random directed graph: `m` arcs between `n` nodes, weighted 1..=4.
    fn random_network(n: u32, m: usize, seed: u64, weighted: bool) -> Network {
        let mut rng = Rng::new(seed);
        let arcs = (0..m)
            .map(|_| {
                let a = rng.below(n as u64) as u32;
                let b = rng.below(n as u64) as u32;
                (a, b, 1.0 + rng.below(4) as f32)
            })
            .collect();
        Network::from_arcs(n as usize, arcs, weighted)
    }

    #[test]
    fn same_bits_whatever_the_number_of_threads() {
        let g = random_network(1500, 9000, 5, true);
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool");
            pool.install(|| {
                (
                    pagerank(&g, 0.85, 1e-12, 500),
                    path_centrality(&g.out, PathMode::Exact),
                    path_centrality(
                        &g.out,
                        PathMode::Sampled {
                            pivots: 200,
                            seed: 3,
                        },
                    ),
                )
            })
        };
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<u64>>();
        let (a, b) = (run(1), run(3));
        assert_eq!(bits(&a.0.scores), bits(&b.0.scores));
        for (x, y) in [(&a.1, &b.1), (&a.2, &b.2)] {
            assert_eq!(bits(&x.betweenness), bits(&y.betweenness));
            assert_eq!(bits(&x.betweenness_se), bits(&y.betweenness_se));
            assert_eq!(bits(&x.harmonic), bits(&y.harmonic));
            assert_eq!(bits(&x.harmonic_se), bits(&y.harmonic_se));
            assert_eq!(
                x.closeness.as_deref().map(bits),
                y.closeness.as_deref().map(bits)
            );
        }
    }

    #[test]
    fn every_dag_form_gives_the_same_bits_and_narrower_batches_the_same_sums() {
        let g = random_network(400, 3000, 8, false);
        let sources: Vec<u32> = (0..40).map(|i| i * 7).collect();
        fn sums<M: Lanes>(g: &Network, sources: &[u32], width: usize, cap: usize) -> Vec<f64> {
            let mut w = Work::<M>::new(400, cap);
            let mut acc = vec![Cell::default(); 400];
            for batch in sources.chunks(width) {
                brandes_batch(&g.out, batch, &mut w, &mut acc, true);
            }
            acc.iter().flat_map(|c| [c.bc, c.h, c.a, c.b]).collect()
        }
        let bits = |v: Vec<f64>| v.into_iter().map(f64::to_bits).collect::<Vec<u64>>();
        // The DAG as a list (cap ∞), as a bitmap (cap 0), or a list that overflows in the
        // first batch (which then rescans) and bitmaps after: the same bits.
        for width in [1, 5, 32] {
            let listed = bits(sums::<u32>(&g, &sources, width, usize::MAX));
            assert_eq!(listed, bits(sums::<u32>(&g, &sources, width, 0)));
            assert_eq!(listed, bits(sums::<u32>(&g, &sources, width, 300)));
        }
        for cap in [0, 300, usize::MAX] {
            assert_eq!(
                bits(sums::<u8>(&g, &sources, 8, cap)),
                bits(sums::<u8>(&g, &sources, 8, 0))
            );
            assert_eq!(
                bits(sums::<u16>(&g, &sources, 16, cap)),
                bits(sums::<u16>(&g, &sources, 16, 0))
            );
        }
        // One source at a time, or narrower batches, give the same sums up to rounding (a
        // node's terms are added in another order).
        let batched = sums::<u32>(&g, &sources, 32, 0);
        for other in [
            sums::<u32>(&g, &sources, 1, 0),
            sums::<u8>(&g, &sources, 8, 0),
            sums::<u16>(&g, &sources, 16, usize::MAX),
            sums::<u8>(&g, &sources, 5, 0),
        ] {
            for (&x, &y) in batched.iter().zip(&other) {
                assert!((x - y).abs() <= 1e-12 * y.abs(), "{x} vs {y}");
            }
        }
    }

    #[test]
    fn every_batch_width_agrees_and_is_thread_count_independent() {
        let g = random_network(1200, 8000, 21, false);
        let modes = [
            PathMode::Exact,
            PathMode::Sampled {
                pivots: 150,
                seed: 4,
            },
        ];
        let on = |threads: usize, f: &(dyn Fn() -> Vec<PathCentrality> + Sync)| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool")
                .install(f)
        };
        let all = |p: &PathCentrality| -> Vec<f64> {
            let mut v = p.betweenness.clone();
            v.extend(&p.betweenness_se);
            v.extend(&p.harmonic);
            v.extend(&p.harmonic_se);
            v.extend(p.closeness.iter().flatten());
            v
        };
        let wide = on(2, &|| {
            modes
                .map(|m| path_centrality_with::<u32>(&g.out, m))
                .to_vec()
        });
        for narrow in [
            &(|| {
                modes
                    .map(|m| path_centrality_with::<u16>(&g.out, m))
                    .to_vec()
            }) as &(dyn Fn() -> Vec<PathCentrality> + Sync),
            &|| {
                modes
                    .map(|m| path_centrality_with::<u8>(&g.out, m))
                    .to_vec()
            },
        ] {
            let (one, three) = (on(1, narrow), on(3, narrow));
            assert_eq!(one, three);
            for (a, b) in wide.iter().zip(&one) {
                for (&x, &y) in all(a).iter().zip(&all(b)) {
                    assert!((x - y).abs() <= 1e-12 * x.abs().max(1.0), "{x} vs {y}");
                }
            }
        }
        // The default width for a small graph is the widest.
        assert_eq!(batch_width(1200, 8000), 32);
        assert_eq!(batch_width(1_000_000, 20_000_000), 8);
        assert_eq!(path_centrality(&g.out, modes[0]), wide[0]);
    }

    #[test]
    fn sampling_is_unbiased_on_average() {
        // Averaged over many seeds, the sampled estimates approach the exact values.
        let g = random_network(300, 1200, 11, false);
        let exact = path_centrality(&g.out, PathMode::Exact);
        let runs = 200;
        let mut mean_b = vec![0.0; 300];
        let mut mean_h = vec![0.0; 300];
        for seed in 0..runs {
            let s = path_centrality(&g.out, PathMode::Sampled { pivots: 30, seed });
            for v in 0..300 {
                mean_b[v] += s.betweenness[v] / runs as f64;
                mean_h[v] += s.harmonic[v] / runs as f64;
            }
        }
        let total = |v: &[f64]| v.iter().sum::<f64>();
        let rel_b = (total(&mean_b) - total(&exact.betweenness)).abs() / total(&exact.betweenness);
        let rel_h = (total(&mean_h) - total(&exact.harmonic)).abs() / total(&exact.harmonic);
        assert!(rel_b < 0.02 && rel_h < 0.02, "{rel_b} {rel_h}");
    }

    #[test]
    fn percentiles_average_ties() {
        close(
            &percentile_ranks(&[3.0, 1.0, 3.0, 2.0]),
            &[3.5 / 4.0, 0.25, 3.5 / 4.0, 0.5],
        );
        close(&percentile_ranks(&[7.0; 3]), &[2.0 / 3.0; 3]);
        assert!(percentile_ranks(&[]).is_empty());
    }

    #[test]
    fn components_reciprocity_histogram() {
        // {0}, {1,2}, {3,4,5}, {6,7}: sizes 3, 2, 2, 1; {1,2} before {6,7}.
        let g = net(8, &[(2, 1), (5, 3), (4, 5), (7, 6)]);
        let (comp, sizes) = weakly_connected_components(&g);
        assert_eq!(comp, vec![3, 1, 1, 0, 0, 0, 2, 2]);
        assert_eq!(sizes, vec![3, 2, 2, 1]);
        let r = net(3, &[(0, 1), (1, 0), (1, 2)]);
        assert!((reciprocity(&r) - 2.0 / 3.0).abs() < 1e-15);
        assert_eq!(reciprocity(&net(2, &[])), 0.0);
        assert_eq!(degree_histogram(&r.out), vec![1, 1, 1]);
        assert_eq!(degree_histogram(&net(3, &[(0, 1), (1, 2)]).out), vec![1, 2]);
        assert!(degree_histogram(&Csr::default()).is_empty());
    }
}
