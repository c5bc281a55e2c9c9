//! Community detection: the Leiden algorithm for modularity, and measures of a partition
//! (modularity, conductance, normalised mutual information).
//!
//! Leiden: V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden: guaranteeing
//! well-connected communities", Scientific Reports 9:5233 (2019). Modularity: M. E. J. Newman
//! and M. Girvan, Phys. Rev. E 69:026113 (2004), with the resolution γ of J. Reichardt and
//! S. Bornholdt, Phys. Rev. E 74:016110 (2006):
//!
//! `Q = (1/2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j)`.
//!
//! Implementation notes for [`leiden`]:
//!
//! - Every per-node and per-community quantity lives in a flat array indexed by `u32` ids.
//!   The communities around a node are gathered in a scratch list with a position array
//!   (`NONE` = absent) reset through the list: no hash map, no allocation in the inner loops.
//! - After the first local moving pass the graph is copied once with its nodes renumbered by
//!   community (4 bytes per arc when every weight is 1, else 12), so that later passes touch
//!   nearby memory; aggregates are one more, smaller, copy each (the previous one is freed).
//! - Memory (1M nodes, 17.4M edges, unit weights — a 20M-arc follow network): the projection
//!   stores no weights (139 MB of neighbours instead of 416 MB); [`leiden_network`] frees it
//!   before making the relabelled copy (from the network), so one copy is alive at a time; the
//!   first aggregate, which has about as many edges as the input, stores its edge counts in 16
//!   bits (6 bytes per entry instead of 12) and is built wave by wave into vectors reserved up
//!   front, never twice; and on such big inputs the relabelled copy's neighbour lists are
//!   dropped while the aggregates are worked on (`Lean`). Peak above the network: ~0.25 GB,
//!   against ~0.86 GB before. The price of the lean handling is reading the network again
//!   (scattered rows, merged) to build the first aggregate and to refill the copy at each
//!   iteration: the whole detection takes ~1.5× as long on that network (Leiden proper is as
//!   fast as before); smaller networks are not handled lean.
//! - Local moving is sequential, as in the paper; the work that splits cleanly runs on rayon:
//!   finding the nodes that would not move anyway, refinement (communities are independent,
//!   each gets its own generator derived from the seed and its id), aggregation, relabelling
//!   and modularity. Pieces are cut by the data (never by the number of threads) and joined
//!   in order, so a seed gives the same partition, bit for bit, on any number of threads.

use super::{Network, Projection, Rng, UGraph, Undirected, for_each_projected};
use rayon::prelude::*;
use std::borrow::Cow;

/// Leiden settings.
#[derive(Debug, Clone, PartialEq)]
pub struct LeidenOptions {
    /// Resolution γ of modularity (1 = Newman–Girvan modularity; larger gives smaller
    /// communities).
    pub resolution: f64,
    /// Seed of the random node orders and of the randomised refinement.
    pub seed: u64,
    /// Maximum number of iterations of the whole algorithm (each starts from the previous
    /// partition); 0 = iterate until an iteration moves no node.
    pub max_iterations: u32,
    /// Randomness θ of the refinement: a node joins a sub-community with probability
    /// proportional to `exp(gain / θ)`, the gain measured in units of edge weight
    /// (`m · ΔQ`, as igraph's `beta`). 0 = always the best sub-community.
    pub randomness: f64,
    /// Number of runs, with seeds derived from `seed` (the first run uses `seed` itself); the
    /// partition with the highest modularity is kept. 1 = one run.
    pub restarts: u32,
}

impl Default for LeidenOptions {
    fn default() -> Self {
        LeidenOptions {
            resolution: 1.0,
            seed: 42,
            max_iterations: 0,
            randomness: 0.01,
            restarts: 1,
        }
    }
}

/// A partition of the nodes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Partition {
    /// Community of each node: `0..sizes.len()`.
    pub membership: Vec<u32>,
    /// Number of nodes of each community (descending).
    pub sizes: Vec<usize>,
    /// Modularity of the partition (at the resolution it was computed with).
    pub modularity: f64,
    /// Iterations of the whole algorithm that were run (of the kept run).
    pub iterations: u32,
}

/// Marks an empty slot of a position array.
const NONE: u32 = u32::MAX;

/// Detects communities with the Leiden algorithm (Traag, Waltman & van Eck 2019), maximising
/// modularity with resolution γ.
///
/// Each iteration runs the paper's three phases until the aggregate graph no longer shrinks:
/// fast local moving (a queue seeded with all nodes in a random order; a node that moves
/// enqueues its neighbours outside its new community), refinement (within each community,
/// nodes that are still singletons and well connected to the community join, at random with
/// probability `∝ exp(gain/θ)`, a well-connected sub-community that does not lower the
/// quality), and aggregation of the refined partition, the unrefined one being the initial
/// partition of the aggregate (when refinement merges nothing, the communities themselves are
/// aggregated, as igraph does). Iterations repeat from the resulting partition until one moves
/// no node at any level, or `max_iterations`; `restarts` keeps the best of several runs.
///
/// Communities are numbered by size descending, ties by smallest member; isolated nodes are
/// singleton communities. The result depends only on the graph and the options.
pub fn leiden(g: &UGraph, opts: &LeidenOptions) -> Partition {
    best_of_runs(opts, |seed| {
        let (raw, iterations) = run(g, opts, seed);
        let (membership, sizes) = normalise(&raw);
        let q = modularity(g, &membership, opts.resolution);
        (membership, sizes, q, iterations)
    })
}

/// [`leiden`] on the undirected projection of a network (what [`UGraph::from_network`] gives):
/// the same partition and modularity, bit for bit, with about half the peak memory. The
/// projection is built for the first local moving pass only and freed before the relabelled
/// copy that later passes use is made, from the network directly (instead of from the
/// projection, which would keep both alive); the modularity is computed from the network too.
/// So only one undirected copy (4 bytes per neighbour entry for an unweighted network, 12 for
/// a weighted one) is alive at any time; the price is merging the network's in- and
/// out-neighbour lists twice more (well under a second for 20M arcs). Each of `restarts` runs
/// builds its projection anew.
pub fn leiden_network(g: &Network, opts: &LeidenOptions) -> Partition {
    leiden_network_with(g, opts, LEAN_ENTRIES)
}

/// [`leiden_network`], handling the relabelled copy [`Lean`] from `lean_entries` entries.
fn leiden_network_with(g: &Network, opts: &LeidenOptions, lean_entries: usize) -> Partition {
    best_of_runs(opts, |seed| {
        let (raw, iterations) = run_network(g, opts, seed, lean_entries);
        let (membership, sizes) = normalise(&raw);
        let q = modularity_of(&Projection(g), &membership, opts.resolution);
        (membership, sizes, q, iterations)
    })
}

/// Runs `run(seed)` for each of `opts.restarts` seeds (the first is `opts.seed`) and keeps the
/// partition with the highest modularity (the first among equals).
fn best_of_runs(
    opts: &LeidenOptions,
    mut run: impl FnMut(u64) -> (Vec<u32>, Vec<usize>, f64, u32),
) -> Partition {
    let runs = opts.restarts.max(1);
    let mut seeder = Rng::new(opts.seed);
    let mut best: Option<Partition> = None;
    for r in 0..runs {
        let seed = if r == 0 { opts.seed } else { seeder.next_u64() };
        let (membership, sizes, q, iterations) = run(seed);
        if best.as_ref().is_none_or(|b| q > b.modularity) {
            best = Some(Partition {
                membership,
                sizes,
                modularity: q,
                iterations,
            });
        }
    }
    best.unwrap_or_default()
}

/// Modularity of a membership with resolution γ:
/// `Q = (1/2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j)` (0 for a graph without edges).
///
/// Panics when `membership` is shorter than the number of nodes.
pub fn modularity(g: &UGraph, membership: &[u32], resolution: f64) -> f64 {
    modularity_of(g, membership, resolution)
}

/// [`modularity`] of any [`Undirected`] graph.
pub(crate) fn modularity_of(g: &impl Undirected, membership: &[u32], resolution: f64) -> f64 {
    let n = g.node_count();
    assert!(membership.len() >= n, "membership shorter than the graph");
    let membership = &membership[..n];
    let k = membership
        .iter()
        .map(|&c| c as usize + 1)
        .max()
        .unwrap_or(0);
    // Q = Σ_c [in_c / 2m − γ (K_c / 2m)²], with in_c the weight inside c counted both ways and
    // K_c its total strength. Partial sums over fixed runs of nodes, added in order: the same
    // bits whatever the number of threads.
    let strength: Vec<f64> = (0..n as u32)
        .into_par_iter()
        .map(|v| {
            let mut s = 0.0;
            g.for_each_edge(v, |_, w| s += w);
            s
        })
        .collect();
    let internal: f64 = (0..n.div_ceil(SCREEN_CHUNK))
        .into_par_iter()
        .map(|j| {
            let mut sum = 0.0;
            for v in j * SCREEN_CHUNK..((j + 1) * SCREEN_CHUNK).min(n) {
                let c = membership[v];
                g.for_each_edge(v as u32, |u, w| {
                    if membership[u as usize] == c {
                        sum += w;
                    }
                });
            }
            sum
        })
        .collect::<Vec<f64>>()
        .iter()
        .sum();
    let mut total = vec![0f64; k];
    for (&c, &s) in membership.iter().zip(&strength) {
        total[c as usize] += s;
    }
    let two_m: f64 = strength.iter().sum();
    if two_m <= 0.0 {
        return 0.0;
    }
    let expected: f64 = total.iter().map(|&t| (t / two_m) * (t / two_m)).sum();
    internal / two_m - resolution * expected
}

/// Conductance of each community `S` in `0..communities`: `cut(S) / min(vol(S), vol(V∖S))`,
/// with vol the sum of weighted degrees (Kannan, Vempala & Vetta 2004, as used by Leskovec et
/// al. 2009); 0 when the denominator is 0. Nodes labelled `communities` or more are outside
/// every community.
pub fn conductance(g: &UGraph, membership: &[u32], communities: usize) -> Vec<f64> {
    conductance_of(g, membership, communities)
}

/// [`conductance`] in any [`Undirected`] graph.
pub(crate) fn conductance_of(
    g: &impl Undirected,
    membership: &[u32],
    communities: usize,
) -> Vec<f64> {
    community_measures(g, membership, communities, 1.0).0
}

/// Conductance (as [`conductance`]) and share of the modularity of each community `c` in
/// `0..communities`, from one pass over the edges: `e_c / 2m − γ (d_c / 2m)²`, with `e_c` the
/// weight inside `c` counted both ways, `d_c` its volume and `2m` the total weight counted both
/// ways (0 for a graph without edges); the shares of all communities add up to the
/// modularity. Nodes labelled `communities` or more are outside every community.
pub(crate) fn community_measures(
    g: &impl Undirected,
    membership: &[u32],
    communities: usize,
    resolution: f64,
) -> (Vec<f64>, Vec<f64>) {
    let mut cut = vec![0f64; communities];
    let mut vol = vec![0f64; communities];
    let mut internal = vec![0f64; communities];
    let mut total = 0.0;
    for v in 0..g.node_count().min(membership.len()) {
        let c = membership[v] as usize;
        g.for_each_edge(v as u32, |u, w| {
            total += w;
            if c < communities {
                vol[c] += w;
                if membership.get(u as usize).is_none_or(|&d| d as usize != c) {
                    cut[c] += w;
                } else {
                    internal[c] += w;
                }
            }
        });
    }
    let conductance = cut
        .iter()
        .zip(&vol)
        .map(|(&cut, &vol)| {
            let d = vol.min(total - vol);
            if d > 0.0 { cut / d } else { 0.0 }
        })
        .collect();
    let share = internal
        .iter()
        .zip(&vol)
        .map(|(&e, &d)| {
            if total > 0.0 {
                e / total - resolution * (d / total).powi(2)
            } else {
                0.0
            }
        })
        .collect();
    (conductance, share)
}

/// Normalised mutual information between two labelings of the same nodes, with
/// arithmetic-mean normalisation: `NMI = 2·I(A;B) / (H(A) + H(B))` (Danon, Díaz-Guilera,
/// Duch & Arenas 2005; igraph's `compare_communities(method="nmi")`); 1 when both are a single
/// cluster (or empty).
///
/// Panics when the labelings have different lengths.
pub fn nmi(a: &[u32], b: &[u32]) -> f64 {
    assert_eq!(a.len(), b.len(), "labelings of different lengths");
    let n = a.len();
    if n == 0 {
        return 1.0;
    }
    let (da, ka) = dense_labels(a);
    let (db, kb) = dense_labels(b);
    let mut na = vec![0u64; ka];
    let mut nb = vec![0u64; kb];
    for (&x, &y) in da.iter().zip(&db) {
        na[x as usize] += 1;
        nb[y as usize] += 1;
    }
    // Joint counts: sort the pairs (no hash map, deterministic order).
    let mut pairs: Vec<u64> = da
        .iter()
        .zip(&db)
        .map(|(&x, &y)| ((x as u64) << 32) | y as u64)
        .collect();
    pairs.sort_unstable();
    let nf = n as f64;
    let entropy = |counts: &[u64]| -> f64 {
        counts
            .iter()
            .filter(|&&c| c > 0)
            .map(|&c| {
                let p = c as f64 / nf;
                -p * p.ln()
            })
            .sum()
    };
    let (ha, hb) = (entropy(&na), entropy(&nb));
    if ha + hb <= 0.0 {
        return 1.0;
    }
    let mut mi = 0.0;
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j < pairs.len() && pairs[j] == pairs[i] {
            j += 1;
        }
        let nab = (j - i) as f64;
        let (x, y) = ((pairs[i] >> 32) as usize, (pairs[i] & 0xFFFF_FFFF) as usize);
        mi += nab / nf * (nab * nf / (na[x] as f64 * nb[y] as f64)).ln();
        i = j;
    }
    (2.0 * mi / (ha + hb)).clamp(0.0, 1.0)
}

/// Relabels arbitrary `u32` labels as `0..k` in order of first appearance.
fn dense_labels(a: &[u32]) -> (Vec<u32>, usize) {
    let mut sorted: Vec<u32> = a.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let d = a
        .iter()
        .map(|x| sorted.binary_search(x).map_or(0, |i| i as u32))
        .collect();
    (d, sorted.len())
}

/// Renumbers communities by size descending, ties by smallest member; returns the membership
/// and the sizes.
fn normalise(raw: &[u32]) -> (Vec<u32>, Vec<usize>) {
    let k = raw.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut size = vec![0usize; k];
    let mut first = vec![u32::MAX; k];
    for (v, &c) in raw.iter().enumerate() {
        size[c as usize] += 1;
        if first[c as usize] == u32::MAX {
            first[c as usize] = v as u32;
        }
    }
    let mut order: Vec<u32> = (0..k as u32).filter(|&c| size[c as usize] > 0).collect();
    order.sort_unstable_by_key(|&c| (std::cmp::Reverse(size[c as usize]), first[c as usize]));
    let mut new_id = vec![0u32; k];
    for (i, &c) in order.iter().enumerate() {
        new_id[c as usize] = i as u32;
    }
    let membership = raw.iter().map(|&c| new_id[c as usize]).collect();
    let sizes = order.iter().map(|&c| size[c as usize]).collect();
    (membership, sizes)
}

/// Runs `body` for each edge `(u, w)` of node `v` of a [`Level`] (a macro rather than a
/// closure-taking method so that the body is always inlined into the scan, once per weight
/// layout).
macro_rules! for_edges {
    ($g:expr, $v:expr, |$u:ident, $w:ident| $body:block) => {{
        let level: &Level<'_> = $g;
        let node: usize = $v;
        let (lo, hi) = (level.offsets[node], level.offsets[node + 1]);
        let targets = &level.targets[lo..hi];
        match &level.weights {
            Weights::Unit => {
                for &$u in targets {
                    let $w = 1.0f64;
                    $body
                }
            }
            Weights::F64(weights) => {
                for (&$u, &$w) in targets.iter().zip(&weights[lo..hi]) $body
            }
            Weights::Counts(small, big) => {
                for (j, (&$u, &x)) in targets.iter().zip(&small[lo..hi]).enumerate() {
                    let $w = if x == u16::MAX {
                        big_count(big, lo + j)
                    } else {
                        x as f64
                    };
                    $body
                }
            }
        }
    }};
}

/// The weight of entry `pos` of a [`Weights::Counts`] whose small count is the escape.
#[cold]
fn big_count(big: &[(usize, u32)], pos: usize) -> f64 {
    big.binary_search_by_key(&pos, |e| e.0)
        .map_or(f64::NAN, |i| big[i].1 as f64)
}

/// Edge weights of a [`Level`], aligned with its targets.
enum Weights<'a> {
    /// Every edge weighs 1 (a unit input graph and its relabelled copy).
    Unit,
    /// Any weights.
    F64(Cow<'a, [f64]>),
    /// Integer weights (edge counts: the aggregates of a unit graph), in 16 bits, with
    /// `u16::MAX` standing for a larger count found in `big` (entry, count), sorted by entry.
    /// The first aggregate has about half as many entries as the input graph: 6 bytes each
    /// instead of 12.
    Counts(Vec<u16>, Vec<(usize, u32)>),
}

/// One level of the algorithm: the input graph (relabelled), or an aggregate. Aggregates keep
/// no self-loops in their adjacency; a node's internal weight is part of its strength only.
struct Level<'a> {
    offsets: Cow<'a, [usize]>,
    targets: Cow<'a, [u32]>,
    /// Weights aligned with `targets`.
    weights: Weights<'a>,
    /// Weighted degree of each node in the input graph's terms (an aggregate node: the sum
    /// over the nodes it stands for, its internal edges counted twice).
    strength: Vec<f64>,
}

impl Level<'_> {
    fn len(&self) -> usize {
        self.strength.len()
    }

    fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    #[inline]
    fn neighbours(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }
}

/// Scratch for gathering the weights from one node to neighbouring communities: the first
/// `len` entries of `ids`/`acc` are the communities met and their weights.
struct Gather {
    /// Index into `ids`/`acc` of each community, `NONE` when not gathered.
    pos: Vec<u32>,
    ids: Vec<u32>,
    acc: Vec<f64>,
    len: usize,
}

impl Gather {
    fn new(n: usize) -> Gather {
        Gather {
            pos: vec![NONE; n],
            ids: Vec::new(),
            acc: Vec::new(),
            len: 0,
        }
    }

    /// Makes room for `d` more communities.
    #[inline]
    fn reserve(&mut self, d: usize) {
        let need = self.len + d;
        if self.ids.len() < need {
            self.ids.resize(need, 0);
            self.acc.resize(need, 0.0);
        }
    }

    #[inline(always)]
    fn add(&mut self, c: u32, w: f64) {
        let p = self.pos[c as usize];
        if p == NONE {
            self.pos[c as usize] = self.len as u32;
            self.ids[self.len] = c;
            self.acc[self.len] = w;
            self.len += 1;
        } else {
            self.acc[p as usize] += w;
        }
    }

    /// Weight gathered for `c` (0 when none).
    #[inline]
    fn get(&self, c: u32) -> f64 {
        let p = self.pos[c as usize];
        if p == NONE { 0.0 } else { self.acc[p as usize] }
    }

    /// The communities met, in order.
    #[inline]
    fn ids(&self) -> &[u32] {
        &self.ids[..self.len]
    }

    /// Their weights.
    #[inline]
    fn acc(&self) -> &[f64] {
        &self.acc[..self.len]
    }

    fn clear(&mut self) {
        for &c in &self.ids[..self.len] {
            self.pos[c as usize] = NONE;
        }
        self.len = 0;
    }
}

/// Constants of a run.
struct Settings {
    /// γ / 2m: the gain of putting a node of strength `k` beside weight `K` costs
    /// `scale · k · K`.
    scale: f64,
    /// Randomness θ of the refinement.
    theta: f64,
}

/// One whole run from singletons: returns the raw membership and the iterations run.
///
/// The first local moving pass runs on the input graph as given; the graph is then relabelled
/// so that each community's nodes are contiguous (a copy of the adjacency, without weights
/// when all are 1), which makes every later pass touch nearby memory.
fn run(g: &UGraph, opts: &LeidenOptions, seed: u64) -> (Vec<u32>, u32) {
    let level0 = level0(g);
    let start = match first_pass(&level0, opts, seed) {
        Ok(start) => start,
        Err(done) => return done,
    };
    let (base, order) = relabel(&level0, &start.comm, start.k);
    drop(level0);
    finish(base, order, start, opts, None)
}

/// [`run`] on the undirected projection of `net`, with the same result: the projection is
/// built for the first pass and freed before the relabelled copy is made from `net`.
fn run_network(
    net: &Network,
    opts: &LeidenOptions,
    seed: u64,
    lean_entries: usize,
) -> (Vec<u32>, u32) {
    let mut g = UGraph::from_network(net);
    let level0 = level0(&g);
    let start = match first_pass(&level0, opts, seed) {
        Ok(start) => start,
        Err(done) => return done,
    };
    let Level {
        strength, weights, ..
    } = level0;
    let weighted = !matches!(weights, Weights::Unit);
    // Keep the projection's offsets (its degrees), free the rest now.
    let offsets = std::mem::take(&mut g.adj.offsets);
    drop(g);
    let (base, order) = relabel_rows(
        &strength,
        &start.comm,
        start.k,
        weighted,
        |v| offsets[v + 1] - offsets[v],
        |v, t, wt| {
            let mut j = 0;
            for_each_projected(net, v as u32, |u, w| {
                t[j] = u;
                if let Some(wt) = wt.as_deref_mut() {
                    wt[j] = w;
                }
                j += 1;
            });
        },
    );
    drop((strength, offsets));
    let lean = (base.targets.len() >= lean_entries).then_some(net);
    finish(base, order, start, opts, lean)
}

/// Level 0 of a run: the input graph itself, borrowed.
fn level0(g: &UGraph) -> Level<'_> {
    let n = g.node_count();
    Level {
        offsets: Cow::Borrowed(&g.adj.offsets),
        targets: Cow::Borrowed(&g.adj.targets),
        weights: g
            .weights()
            .map_or(Weights::Unit, |w| Weights::F64(Cow::Borrowed(w))),
        strength: (0..n as u32)
            .into_par_iter()
            .map(|v| g.strength(v))
            .collect(),
    }
}

/// Where a run stands after its first local moving pass on level 0.
struct Start {
    ctx: Settings,
    rng: Rng,
    found: Found,
    /// Community of each node, dense ids `0..k`.
    comm: Vec<u32>,
    k: usize,
    /// Whether the pass moved a node.
    moved: bool,
}

/// The first local moving pass of a run on level 0; `Err` with the run's result when it ends
/// there (no edges, or no node joined another).
fn first_pass(
    level0: &Level<'_>,
    opts: &LeidenOptions,
    seed: u64,
) -> Result<Start, (Vec<u32>, u32)> {
    let n = level0.len();
    let two_m: f64 = level0.strength.iter().sum();
    if two_m <= 0.0 || n == 0 {
        return Err(((0..n as u32).collect(), 0));
    }
    let ctx = Settings {
        scale: opts.resolution / two_m,
        theta: opts.randomness,
    };
    let mut rng = Rng::new(seed);
    let mut found = Found::default();
    let mut comm: Vec<u32> = (0..n as u32).collect();
    let moved = move_nodes(level0, &mut comm, &ctx, &mut rng, &mut found);
    let k = renumber(&mut comm);
    if k == n {
        // Nothing to merge: every node stays alone.
        return Err(((0..n as u32).collect(), 1));
    }
    Ok(Start {
        ctx,
        rng,
        found,
        comm,
        k,
        moved,
    })
}

/// The rest of a run on the relabelled graph `base` (`order`: new id → old id); `lean`: the
/// network `base` was made from, to handle it [`Lean`].
fn finish(
    mut base: Level<'static>,
    order: Vec<u32>,
    start: Start,
    opts: &LeidenOptions,
    lean: Option<&Network>,
) -> (Vec<u32>, u32) {
    let Start {
        ctx,
        mut rng,
        mut found,
        comm,
        moved,
        ..
    } = start;
    let n = order.len();
    let mut membership: Vec<u32> = order.iter().map(|&v| comm[v as usize]).collect();
    drop(comm);
    let lean = lean.map(|net| Lean {
        net,
        order: &order,
        new_id: inverse(&order),
    });
    let mut iterations = 1;
    let mut changed = iterate(
        &mut base,
        lean.as_ref(),
        &mut membership,
        Some(moved),
        &ctx,
        &mut rng,
        &mut found,
    );
    while changed && (opts.max_iterations == 0 || iterations < opts.max_iterations) {
        iterations += 1;
        changed = iterate(
            &mut base,
            lean.as_ref(),
            &mut membership,
            None,
            &ctx,
            &mut rng,
            &mut found,
        );
    }
    drop((base, lean));
    let mut raw = vec![0u32; n];
    for (&old, &c) in order.iter().zip(&membership) {
        raw[old as usize] = c;
    }
    (raw, iterations)
}

/// Copies `g` with its nodes renumbered by community (`comm`, dense ids `0..k`), then by id;
/// returns the copy and `order` (new id → old id).
fn relabel(g: &Level<'_>, comm: &[u32], k: usize) -> (Level<'static>, Vec<u32>) {
    relabel_rows(
        &g.strength,
        comm,
        k,
        !matches!(g.weights, Weights::Unit),
        |v| g.degree(v),
        |v, t, wt| {
            let mut j = 0;
            for_edges!(g, v, |u, w| {
                t[j] = u;
                if let Some(wt) = wt.as_deref_mut() {
                    wt[j] = w;
                }
                j += 1;
            });
        },
    )
}

/// The relabelled copy of a graph given by its rows: `degree(v)` and `row(v, targets,
/// weights)`, which writes node `v`'s neighbours (old ids) and, when `weighted`, their
/// weights; `strength` per old id. Nodes are renumbered by community (`comm`, dense ids
/// `0..k`), then by id; returns the copy and `order` (new id → old id).
fn relabel_rows(
    strength: &[f64],
    comm: &[u32],
    k: usize,
    weighted: bool,
    degree: impl Fn(usize) -> usize,
    row: impl Fn(usize, &mut [u32], &mut Option<&mut [f64]>) + Sync,
) -> (Level<'static>, Vec<u32>) {
    let n = comm.len();
    let (_, order) = group(comm, k);
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0usize);
    let mut total = 0usize;
    for &v in &order {
        total += degree(v as usize);
        offsets.push(total);
    }
    let new_id = inverse(&order);
    let (targets, weights) = fill_rows(&offsets, &order, &new_id, weighted, row);
    let strength = order.iter().map(|&v| strength[v as usize]).collect();
    let level = Level {
        offsets: Cow::Owned(offsets),
        targets: Cow::Owned(targets),
        weights: weights.map_or(Weights::Unit, |w| Weights::F64(Cow::Owned(w))),
        strength,
    };
    (level, order)
}

/// `new_id` of a permutation `order` (new id → old id).
fn inverse(order: &[u32]) -> Vec<u32> {
    let mut new_id = vec![0u32; order.len()];
    for (i, &v) in order.iter().enumerate() {
        new_id[v as usize] = i as u32;
    }
    new_id
}

/// The targets (new ids) and, when `weighted`, weights of a relabelled graph with `offsets`:
/// row `i` is `row(order[i], …)` with its neighbours mapped through `new_id`. Filled in
/// parallel in pieces of about [`AGG_CHUNK`] arcs.
fn fill_rows(
    offsets: &[usize],
    order: &[u32],
    new_id: &[u32],
    weighted: bool,
    row: impl Fn(usize, &mut [u32], &mut Option<&mut [f64]>) + Sync,
) -> (Vec<u32>, Option<Vec<f64>>) {
    let n = order.len();
    let total = offsets[n];
    let mut targets = vec![0u32; total];
    let mut weights = weighted.then(|| vec![0f64; total]);
    let mut bounds = vec![0usize];
    for i in 0..n {
        if offsets[i + 1] - offsets[*bounds.last().unwrap_or(&0)] >= AGG_CHUNK {
            bounds.push(i + 1);
        }
    }
    if *bounds.last().unwrap_or(&0) != n {
        bounds.push(n);
    }
    let mut jobs = Vec::with_capacity(bounds.len());
    let (mut rest_t, mut rest_w) = (targets.as_mut_slice(), weights.as_deref_mut());
    for w in bounds.windows(2) {
        let len = offsets[w[1]] - offsets[w[0]];
        let (t, tail) = rest_t.split_at_mut(len);
        rest_t = tail;
        let wt = match rest_w.take() {
            Some(rw) => {
                let (h, tail) = rw.split_at_mut(len);
                rest_w = Some(tail);
                Some(h)
            }
            None => None,
        };
        jobs.push((w[0], w[1], t, wt));
    }
    jobs.into_par_iter().for_each(|(lo, hi, t, mut wt)| {
        let base = offsets[lo];
        for (i, &v) in order[lo..hi].iter().enumerate() {
            let (s, e) = (offsets[lo + i] - base, offsets[lo + i + 1] - base);
            let mut w = wt.as_deref_mut().map(|w| &mut w[s..e]);
            let t = &mut t[s..e];
            row(v as usize, t, &mut w);
            t.iter_mut().for_each(|u| *u = new_id[*u as usize]);
        }
    });
    (targets, weights)
}

/// A big input graph's relabelled copy (the base level) made lean: its neighbour lists are
/// dropped while a Leiden iteration works on the aggregates (they are as large as the first
/// aggregate and the copy together would be) and read from the network instead to build the
/// first aggregate; they are filled again from the network when the next iteration starts.
struct Lean<'a> {
    net: &'a Network,
    /// New id → node of `net`, and back.
    order: &'a [u32],
    new_id: Vec<u32>,
}

/// Input graphs with at least this many neighbour entries are handled [`Lean`] by
/// [`leiden_network`] (about 8M, a 4M-edge projection: 32 MB of neighbours); below, the time
/// to refill the copy each iteration is not worth the memory.
const LEAN_ENTRIES: usize = 1 << 23;

impl Lean<'_> {
    /// Fills `base`'s neighbour lists (and weights) again, if they were dropped.
    fn restore(&self, base: &mut Level<'_>) {
        if base.targets.len() == base.offsets[base.len()] {
            return;
        }
        let net = self.net;
        let (targets, weights) = fill_rows(
            &base.offsets,
            self.order,
            &self.new_id,
            !matches!(base.weights, Weights::Unit),
            |v, t, wt| {
                let mut j = 0;
                for_each_projected(net, v as u32, |u, w| {
                    t[j] = u;
                    if let Some(wt) = wt.as_deref_mut() {
                        wt[j] = w;
                    }
                    j += 1;
                });
            },
        );
        base.targets = Cow::Owned(targets);
        if let Some(w) = weights {
            base.weights = Weights::F64(Cow::Owned(w));
        }
    }

    /// Drops `base`'s neighbour lists (and weights: an empty `F64` marks a weighted base).
    fn strip(base: &mut Level<'_>) {
        base.targets = Cow::Owned(Vec::new());
        if let Weights::F64(w) = &mut base.weights {
            *w = Cow::Owned(Vec::new());
        }
    }
}

/// The rows of a stripped base level, read from the network (see [`Lean`]).
struct LeanRows<'a, 'b> {
    lean: &'a Lean<'b>,
    offsets: &'a [usize],
}

/// What [`aggregate`] reads of a level: degrees and weighted neighbour lists.
trait Rows: Sync {
    fn degree(&self, v: usize) -> usize;
    fn for_each(&self, v: usize, f: impl FnMut(u32, f64));
}

impl Rows for Level<'_> {
    #[inline]
    fn degree(&self, v: usize) -> usize {
        Level::degree(self, v)
    }

    #[inline]
    fn for_each(&self, v: usize, mut f: impl FnMut(u32, f64)) {
        for_edges!(self, v, |u, w| {
            f(u, w);
        });
    }
}

impl Rows for LeanRows<'_, '_> {
    #[inline]
    fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    #[inline]
    fn for_each(&self, v: usize, mut f: impl FnMut(u32, f64)) {
        let new_id = &self.lean.new_id;
        for_each_projected(self.lean.net, self.lean.order[v], |u, w| {
            f(new_id[u as usize], w)
        });
    }
}

/// One iteration of the Leiden algorithm on `base` from `membership` (dense ids `< n`);
/// updates it and returns whether any node moved. `first_moved`: the local moving phase on
/// `base` was already run (and whether it moved a node).
fn iterate(
    base: &mut Level<'_>,
    lean: Option<&Lean<'_>>,
    membership: &mut [u32],
    first_moved: Option<bool>,
    ctx: &Settings,
    rng: &mut Rng,
    found: &mut Found,
) -> bool {
    if let Some(lean) = lean {
        lean.restore(base);
    }
    let mut comm: Vec<u32> = membership.to_vec();
    // Base node → its node in the current aggregate (identity until the first aggregation).
    let mut node_to_agg: Option<Vec<u32>> = None;
    let mut owned: Option<Level<'static>> = None;
    let mut changed = first_moved.unwrap_or(false);
    let mut skip_move = first_moved.is_some();
    loop {
        let g: &Level<'_> = match &owned {
            Some(a) => a,
            None => &*base,
        };
        let nl = g.len();
        if !skip_move {
            changed |= move_nodes(g, &mut comm, ctx, rng, found);
        }
        skip_move = false;
        let k = renumber(&mut comm);
        if k == nl {
            break;
        }
        let (refined, nr) = refine(g, &comm, k, ctx, rng.next_u64());
        // When refinement merged nothing, aggregate the communities themselves (as igraph does):
        // the aggregate must shrink.
        let (part, nr) = if nr < nl {
            (refined, nr)
        } else {
            (comm.clone(), k)
        };
        let agg = match (&owned, lean) {
            (None, Some(lean)) => {
                // The base's neighbour lists are not needed again in this iteration: read
                // them from the network to build the first aggregate.
                Lean::strip(base);
                let weighted = !matches!(base.weights, Weights::Unit);
                let rows = LeanRows {
                    lean,
                    offsets: &base.offsets,
                };
                aggregate(&rows, &base.strength, weighted, &part, nr)
            }
            _ => aggregate(
                g,
                &g.strength,
                matches!(g.weights, Weights::F64(_)),
                &part,
                nr,
            ),
        };
        let mut next = vec![0u32; nr];
        for (v, &p) in part.iter().enumerate() {
            next[p as usize] = comm[v];
        }
        match &mut node_to_agg {
            Some(map) => {
                for x in map.iter_mut() {
                    *x = part[*x as usize];
                }
            }
            None => node_to_agg = Some(part),
        }
        comm = next;
        owned = Some(agg);
    }
    match node_to_agg {
        Some(map) => {
            for (m, &a) in membership.iter_mut().zip(&map) {
                *m = comm[a as usize];
            }
        }
        None => membership.copy_from_slice(&comm),
    }
    changed
}

/// Renumbers community ids as `0..k` in order of first appearance; returns `k`.
fn renumber(comm: &mut [u32]) -> usize {
    let mut id = vec![NONE; comm.len()];
    let mut k = 0u32;
    for c in comm.iter_mut() {
        let slot = &mut id[*c as usize];
        if *slot == NONE {
            *slot = k;
            k += 1;
        }
        *c = *slot;
    }
    k as usize
}

/// The fast local moving phase (the paper's `MoveNodesFast`): returns whether a node moved.
/// `comm` holds ids `< g.len()`.
///
/// The queue starts with all nodes in a random order. Visiting a node that stays changes
/// nothing, so when the partition is not all singletons the nodes that would stay in the
/// initial state are found first, in parallel, and the queue starts with the others only (in a
/// random order): the same algorithm with those nodes visited first.
fn move_nodes(
    g: &Level<'_>,
    comm: &mut [u32],
    ctx: &Settings,
    rng: &mut Rng,
    found: &mut Found,
) -> bool {
    let n = g.len();
    let mut slots = vec![
        Slot {
            total: 0.0,
            size: 0,
            pos: NONE,
        };
        n
    ];
    for (v, &c) in comm.iter().enumerate() {
        slots[c as usize].total += g.strength[v];
        slots[c as usize].size += 1;
    }
    // Empty communities, a node's escape when it is better off alone.
    let mut empty: Vec<u32> = (0..n as u32)
        .rev()
        .filter(|&c| slots[c as usize].size == 0)
        .collect();
    let mut queue: Vec<u32> = if empty.is_empty() {
        (0..n as u32).collect()
    } else {
        let (comm, shared) = (&*comm, &slots[..]);
        let pieces: Vec<Vec<u32>> = (0..n.div_ceil(SCREEN_CHUNK))
            .into_par_iter()
            .map_init(
                || {
                    let board = Screen {
                        slots: shared,
                        pos: vec![NONE; n],
                    };
                    (board, Found::default())
                },
                |(board, found), j| {
                    (j * SCREEN_CHUNK..((j + 1) * SCREEN_CHUNK).min(n))
                        .filter(|&v| best_move(g, v, comm, board, found, ctx).is_some())
                        .map(|v| v as u32)
                        .collect()
                },
            )
            .collect();
        let mut q = Vec::with_capacity(n);
        for p in pieces {
            q.extend_from_slice(&p);
        }
        q
    };
    rng.shuffle(&mut queue);
    let mut queued = vec![false; n];
    for &v in &queue {
        queued[v as usize] = true;
    }
    let (mut head, mut len) = (0usize, queue.len());
    queue.resize(n, 0);
    let mut moved = false;
    while len > 0 {
        let v = queue[head] as usize;
        head += 1;
        if head == n {
            head = 0;
        }
        len -= 1;
        queued[v] = false;
        let Some(mut best) = best_move(g, v, comm, &mut slots, found, ctx) else {
            continue;
        };
        let (cv, kv) = (comm[v] as usize, g.strength[v]);
        if best == NONE {
            best = empty.pop().unwrap_or(comm[v]);
        }
        moved = true;
        let old = &mut slots[cv];
        old.size -= 1;
        old.total = if old.size == 0 { 0.0 } else { old.total - kv };
        if old.size == 0 {
            empty.push(cv as u32);
        }
        let new = &mut slots[best as usize];
        new.size += 1;
        new.total = if new.size == 1 { kv } else { new.total + kv };
        comm[v] = best;
        for &u in g.neighbours(v) {
            let u = u as usize;
            if !queued[u] && comm[u] != best {
                queued[u] = true;
                let mut tail = head + len;
                if tail >= n {
                    tail -= n;
                }
                queue[tail] = u as u32;
                len += 1;
            }
        }
    }
    moved
}

/// Nodes per piece of the parallel screening in [`move_nodes`] (and of [`modularity`]).
const SCREEN_CHUNK: usize = 2048;

/// Per-community state of the local moving phase, kept together so that looking a community
/// up touches one cache line: its total strength, its number of nodes, and its place in the
/// list being gathered (`NONE` when absent).
#[derive(Debug, Clone, Copy)]
struct Slot {
    total: f64,
    size: u32,
    pos: u32,
}

/// Where [`best_move`] reads community totals and keeps gathering positions.
trait Board {
    fn slot(&self, c: u32) -> &Slot;
    fn pos(&self, c: u32) -> u32;
    fn set_pos(&mut self, c: u32, p: u32);
}

impl Board for Vec<Slot> {
    #[inline(always)]
    fn slot(&self, c: u32) -> &Slot {
        &self[c as usize]
    }

    #[inline(always)]
    fn pos(&self, c: u32) -> u32 {
        self[c as usize].pos
    }

    #[inline(always)]
    fn set_pos(&mut self, c: u32, p: u32) {
        self[c as usize].pos = p;
    }
}

/// Shared read-only slots with gathering positions of its own (one parallel screening job).
struct Screen<'a> {
    slots: &'a [Slot],
    pos: Vec<u32>,
}

impl Board for Screen<'_> {
    #[inline(always)]
    fn slot(&self, c: u32) -> &Slot {
        &self.slots[c as usize]
    }

    #[inline(always)]
    fn pos(&self, c: u32) -> u32 {
        self.pos[c as usize]
    }

    #[inline(always)]
    fn set_pos(&mut self, c: u32, p: u32) {
        self.pos[c as usize] = p;
    }
}

/// The communities met around one node and the weights to them (first `len` entries).
#[derive(Default)]
struct Found {
    ids: Vec<u32>,
    acc: Vec<f64>,
    len: usize,
}

/// Where node `v` should go given the community totals and sizes: `None` to stay, `NONE` for
/// an empty community (when it is better off alone), else the best community (strictly better
/// than staying; the first met among equals).
#[inline]
fn best_move<B: Board>(
    g: &Level<'_>,
    v: usize,
    comm: &[u32],
    board: &mut B,
    found: &mut Found,
    ctx: &Settings,
) -> Option<u32> {
    let cv = comm[v];
    let kv = g.strength[v];
    let d = g.degree(v);
    if found.ids.len() < d {
        found.ids.resize(d, 0);
        found.acc.resize(d, 0.0);
    }
    found.len = 0;
    for_edges!(g, v, |u, w| {
        let c = comm[u as usize];
        let p = board.pos(c);
        if p == NONE {
            board.set_pos(c, found.len as u32);
            found.ids[found.len] = c;
            found.acc[found.len] = w;
            found.len += 1;
        } else {
            found.acc[p as usize] += w;
        }
    });
    let x = ctx.scale * kv;
    let own = board.slot(cv);
    let alone = own.size == 1;
    // The community's total without v (exactly 0 when v is alone in it).
    let rest = if alone { 0.0 } else { own.total - kv };
    let p = board.pos(cv);
    let stay = if p == NONE {
        0.0
    } else {
        found.acc[p as usize]
    } - x * rest;
    let (mut best, mut best_gain) = (cv, stay);
    for (&c, &w) in found.ids[..found.len].iter().zip(&found.acc[..found.len]) {
        if c != cv {
            let gain = w - x * board.slot(c).total;
            if gain > best_gain {
                best = c;
                best_gain = gain;
            }
        }
    }
    for &c in &found.ids[..found.len] {
        board.set_pos(c, NONE);
    }
    if best_gain < 0.0 && !alone {
        Some(NONE)
    } else if best != cv {
        Some(best)
    } else {
        None
    }
}

/// Node ids grouped by part (`part` holds dense ids `0..k`): `(start, members)`, part `c`
/// being `members[start[c]..start[c + 1]]`, ascending.
fn group(part: &[u32], k: usize) -> (Vec<usize>, Vec<u32>) {
    let mut start = vec![0usize; k + 1];
    for &p in part {
        start[p as usize + 1] += 1;
    }
    for i in 0..k {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut members = vec![0u32; part.len()];
    for (v, &p) in part.iter().enumerate() {
        members[fill[p as usize]] = v as u32;
        fill[p as usize] += 1;
    }
    (start, members)
}

/// The refinement phase (the paper's `RefinePartition` / `MergeNodesSubset`): starting from
/// singletons, within each community `S` of `comm` (dense ids `0..k`), nodes visited in a
/// random order that are still singletons and well connected to `S`
/// (`w(v, S−v) ≥ γ/2m · k_v (K_S − k_v)`) join a sub-community `C ⊆ S` that is well connected
/// (`w(C, S−C) ≥ γ/2m · K_C (K_S − K_C)`) and does not lower the quality, chosen with
/// probability `∝ exp(gain/θ)` (staying alone has gain 0). Communities are independent, so
/// they are refined in parallel, each with its own generator derived from `seed` and its id.
/// Returns the refined membership (dense ids, grouped by community) and the number of
/// sub-communities.
fn refine(g: &Level<'_>, comm: &[u32], k: usize, ctx: &Settings, seed: u64) -> (Vec<u32>, usize) {
    let n = g.len();
    let (start, members) = group(comm, k);
    // Position of each node in its community's member list.
    let mut local = vec![0u32; n];
    for c in 0..k {
        for (i, &v) in members[start[c]..start[c + 1]].iter().enumerate() {
            local[v as usize] = i as u32;
        }
    }
    // For each member (aligned with `members`): the local index of its sub-community's first
    // node.
    let mut sub = vec![0u32; n];
    let mut jobs: Vec<(u32, &[u32], &mut [u32])> = Vec::with_capacity(k);
    let mut rest = sub.as_mut_slice();
    for c in 0..k {
        let (head, tail) = rest.split_at_mut(start[c + 1] - start[c]);
        jobs.push((c as u32, &members[start[c]..start[c + 1]], head));
        rest = tail;
    }
    let local = &local;
    jobs.into_par_iter()
        .with_max_len(64)
        .for_each_init(RefineScratch::default, |s, (c, members, out)| {
            refine_one(g, comm, local, c, members, ctx, seed, s, out)
        });
    // Dense ids: by community, then by first node.
    let mut id = vec![NONE; n];
    let mut next = 0u32;
    for c in 0..k {
        let (base, out) = (start[c], &sub[start[c]..start[c + 1]]);
        for (i, &r) in out.iter().enumerate() {
            if r as usize == i {
                id[base + i] = next;
                next += 1;
            }
        }
    }
    let mut refined = vec![0u32; n];
    for (i, &v) in members.iter().enumerate() {
        let c = comm[v as usize] as usize;
        refined[v as usize] = id[start[c] + sub[i] as usize];
    }
    (refined, next as usize)
}

/// Reused buffers of [`refine_one`].
#[derive(Default)]
struct RefineScratch {
    sub_total: Vec<f64>,
    external: Vec<f64>,
    merged: Vec<bool>,
    order: Vec<u32>,
    cands: Vec<(u32, f64)>,
    gather: Option<Gather>,
}

/// Refines one community `c` (its `members`, ascending); writes into `out[i]` the local
/// index of the sub-community (named after its first member) of `members[i]`.
#[allow(clippy::too_many_arguments)]
fn refine_one(
    g: &Level<'_>,
    comm: &[u32],
    local: &[u32],
    c: u32,
    members: &[u32],
    ctx: &Settings,
    seed: u64,
    s: &mut RefineScratch,
    out: &mut [u32],
) {
    let m = members.len();
    for (i, o) in out.iter_mut().enumerate() {
        *o = i as u32;
    }
    if m == 1 {
        return;
    }
    s.sub_total.clear();
    s.sub_total
        .extend(members.iter().map(|&v| g.strength[v as usize]));
    let ks: f64 = s.sub_total.iter().sum();
    // Weight from each node to the rest of its community.
    s.external.clear();
    s.external.extend(members.iter().map(|&v| {
        let mut e = 0.0;
        for_edges!(g, v as usize, |u, w| {
            if comm[u as usize] == c {
                e += w;
            }
        });
        e
    }));
    s.merged.clear();
    s.merged.resize(m, false);
    s.order.clear();
    s.order.extend(0..m as u32);
    let mut rng = Rng::new(seed ^ (c as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    rng.shuffle(&mut s.order);
    let gather = s.gather.get_or_insert_with(|| Gather::new(0));
    if gather.pos.len() < m {
        gather.pos.resize(m, NONE);
    }
    gather.reserve(m);
    for &i in &s.order {
        let i = i as usize;
        if s.merged[out[i] as usize] {
            continue;
        }
        let kv = s.sub_total[i];
        let x = ctx.scale * kv;
        if s.external[i] < x * (ks - kv) {
            continue;
        }
        for_edges!(g, members[i] as usize, |u, w| {
            if comm[u as usize] == c {
                gather.add(out[local[u as usize] as usize], w);
            }
        });
        s.cands.clear();
        let mut max_gain = 0.0f64;
        for (&d, &w) in gather.ids().iter().zip(gather.acc()) {
            let kd = s.sub_total[d as usize];
            if s.external[d as usize] >= ctx.scale * kd * (ks - kd) {
                let gain = w - x * kd;
                if gain >= 0.0 {
                    s.cands.push((d, gain));
                    max_gain = max_gain.max(gain);
                }
            }
        }
        if !s.cands.is_empty()
            && let Some(d) = choose(&mut s.cands, max_gain, ctx.theta, &mut rng)
        {
            let d = d as usize;
            out[i] = d as u32;
            s.sub_total[d] += kv;
            s.sub_total[i] = 0.0;
            s.external[d] += s.external[i] - 2.0 * gather.get(d as u32);
            s.merged[d] = true;
        }
        gather.clear();
    }
}

/// Picks a candidate with probability `∝ exp(gain/θ)`, staying alone (gain 0) being one more
/// candidate; `None` = stay. With `θ ≤ 0`, the best candidate (the first among equals), and
/// staying only when no candidate gains anything. The weights are taken relative to the best
/// gain, and weights below `e^-50` (far below the rounding of the total) count as 0.
fn choose(cands: &mut [(u32, f64)], max_gain: f64, theta: f64, rng: &mut Rng) -> Option<u32> {
    if theta <= 0.0 || !theta.is_finite() {
        return cands
            .iter()
            .filter(|c| c.1 == max_gain && max_gain > 0.0)
            .map(|c| c.0)
            .next();
    }
    let weight = |gain: f64| {
        let z = (gain - max_gain) / theta;
        if z < -50.0 { 0.0 } else { z.exp() }
    };
    let stay = weight(0.0);
    let mut total = stay;
    for c in cands.iter_mut() {
        c.1 = weight(c.1);
        total += c.1;
    }
    let mut r = rng.next_f64() * total;
    if r < stay {
        return None;
    }
    r -= stay;
    for &(c, p) in cands.iter() {
        if r < p {
            return Some(c);
        }
        r -= p;
    }
    // Rounding left `r` past the end: the last candidate with a positive weight.
    cands.iter().rev().find(|c| c.1 > 0.0).map(|c| c.0)
}

/// The aggregate graph of a partition `part` (dense ids `0..k`): one node per part, edge
/// weights summed, internal weight kept only in the strengths. Built in parallel over runs of
/// parts with about [`AGG_CHUNK`] arcs each (boundaries fixed by the data), joined in order.
///
/// The aggregates of a unit graph have integer weights (edge counts, exact in `f64`): while the
/// total stays below 2³² they are stored as [`Weights::Counts`], which gives the same sums
/// as `f64` weights with half the memory.
///
/// Memory: the parallel pieces are made a wave of [`AGG_WAVE`] at a time and appended to
/// vectors reserved up front for the most entries there can be (a part has at most one entry
/// per arc of its members, and per other part), so that the whole aggregate never exists twice
/// (as pieces and as their concatenation): only the entries written take memory (the
/// reservation's untouched tail is never resident; it is given back with the level).
fn aggregate(
    g: &impl Rows,
    node_strength: &[f64],
    weighted: bool,
    part: &[u32],
    k: usize,
) -> Level<'static> {
    let (start, members) = group(part, k);
    let strength: Vec<f64> = (0..k)
        .map(|c| {
            members[start[c]..start[c + 1]]
                .iter()
                .map(|&v| node_strength[v as usize])
                .sum()
        })
        .collect();
    let total: f64 = strength.iter().sum();
    let counts = !weighted && total < u32::MAX as f64;
    // Runs of parts [chunks[j], chunks[j + 1]).
    let mut chunks = vec![0usize];
    let mut arcs = 0usize;
    let mut most = 0usize;
    for c in 0..k {
        let mut own = 0usize;
        for &v in &members[start[c]..start[c + 1]] {
            own += g.degree(v as usize);
        }
        most += own.min(k - 1);
        arcs += own;
        if arcs >= AGG_CHUNK {
            chunks.push(c + 1);
            arcs = 0;
        }
    }
    if *chunks.last().unwrap_or(&0) != k {
        chunks.push(k);
    }
    let mut offsets = Vec::with_capacity(k + 1);
    offsets.push(0usize);
    let mut targets: Vec<u32> = Vec::with_capacity(most);
    let mut weights: Vec<f64> = Vec::with_capacity(if counts { 0 } else { most });
    let mut small: Vec<u16> = Vec::with_capacity(if counts { most } else { 0 });
    let mut big: Vec<(usize, u32)> = Vec::new();
    let windows: Vec<(usize, usize)> = chunks.windows(2).map(|w| (w[0], w[1])).collect();
    let (start, members) = (&start[..], &members[..]);
    // One gathering scratch per thread, for all waves.
    let mut gathers: Vec<Gather> = (0..rayon::current_num_threads().max(1))
        .map(|_| Gather::new(k))
        .collect();
    let piece = |gather: &mut Gather, (lo, hi): (usize, usize)| {
        let (mut deg, mut targets, mut weights) = (Vec::new(), Vec::new(), Vec::new());
        for c in lo..hi {
            let mine = &members[start[c]..start[c + 1]];
            gather.reserve(
                mine.iter()
                    .map(|&v| g.degree(v as usize))
                    .sum::<usize>()
                    .min(k),
            );
            for &v in mine {
                g.for_each(v as usize, |u, w| {
                    let d = part[u as usize];
                    if d as usize != c {
                        gather.add(d, w);
                    }
                });
            }
            deg.push(gather.len as u32);
            targets.extend_from_slice(gather.ids());
            weights.extend_from_slice(gather.acc());
            gather.clear();
        }
        (deg, targets, weights)
    };
    for wave in windows.chunks(AGG_WAVE) {
        let per = wave.len().div_ceil(gathers.len());
        let pieces: Vec<Vec<Piece>> = gathers
            .par_iter_mut()
            .zip(wave.par_chunks(per))
            .map(|(gather, runs)| runs.iter().map(|&run| piece(gather, run)).collect())
            .collect();
        for (deg, t, w) in pieces.into_iter().flatten() {
            for d in deg {
                let last = offsets.last().copied().unwrap_or(0);
                offsets.push(last + d as usize);
            }
            targets.extend_from_slice(&t);
            if counts {
                for w in w {
                    if w < u16::MAX as f64 {
                        small.push(w as u16);
                    } else {
                        big.push((small.len(), w as u32));
                        small.push(u16::MAX);
                    }
                }
            } else {
                weights.extend_from_slice(&w);
            }
        }
    }
    Level {
        offsets: Cow::Owned(offsets),
        targets: Cow::Owned(targets),
        weights: if counts {
            Weights::Counts(small, big)
        } else {
            Weights::F64(Cow::Owned(weights))
        },
        strength,
    }
}

/// One run of parts of an aggregate: the number of neighbours of each part, then their
/// targets and weights.
type Piece = (Vec<u32>, Vec<u32>, Vec<f64>);

/// Pieces of [`aggregate`] made at once (about 2M arcs read, a few MB of pieces).
const AGG_WAVE: usize = 32;

/// Arcs per parallel piece of [`aggregate`].
const AGG_CHUNK: usize = 1 << 16;

#[cfg(test)]
mod tests {
    use super::*;

    /// Two cliques of `k` nodes (0..k and k..2k) joined by the edge {0, k}.
    fn two_cliques(k: u32) -> UGraph {
        let mut e = Vec::new();
        for base in [0, k] {
            for i in 0..k {
                for j in i + 1..k {
                    e.push((base + i, base + j, 1.0));
                }
            }
        }
        e.push((0, k, 1.0));
        UGraph::from_edges(2 * k as usize, e)
    }

    /// Two triangles {0,1,2} and {3,4,5} joined by the edge {2, 3}.
    fn two_triangles() -> UGraph {
        UGraph::from_edges(
            6,
            [
                (0, 1, 1.0),
                (1, 2, 1.0),
                (0, 2, 1.0),
                (3, 4, 1.0),
                (4, 5, 1.0),
                (3, 5, 1.0),
                (2, 3, 1.0),
            ],
        )
    }

    #[test]
    fn two_cliques_are_two_communities() {
        let g = two_cliques(5);
        let p = leiden(&g, &LeidenOptions::default());
        assert_eq!(p.sizes, vec![5, 5]);
        assert_eq!(p.membership, vec![0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
        assert!((p.modularity - modularity(&g, &p.membership, 1.0)).abs() < 1e-15);
        assert!(p.iterations >= 1);
    }

    #[test]
    fn modularity_by_hand() {
        let g = two_triangles();
        // m = 7, 2m = 14. Each triangle: internal Σ_ij A_ij = 2·3 = 6, total degree
        // K = 2 + 2 + 3 = 7. Q = Σ_c [6/14 − γ (7/14)²] = 2·(3/7 − γ/4):
        // γ = 1 → 2·(12/28 − 7/28) = 5/14; γ = 2 → 2·(3/7 − 1/2) = −1/7.
        let m = [0, 0, 0, 1, 1, 1];
        assert!((modularity(&g, &m, 1.0) - 5.0 / 14.0).abs() < 1e-15);
        assert!((modularity(&g, &m, 2.0) + 1.0 / 7.0).abs() < 1e-15);
        // One community: Q = 14/14 − (14/14)² = 0. Singletons: Q = −Σ_i (k_i/14)²
        // = −(4·4 + 2·9)/196 = −34/196.
        assert!(modularity(&g, &[0; 6], 1.0).abs() < 1e-15);
        assert!((modularity(&g, &[0, 1, 2, 3, 4, 5], 1.0) + 34.0 / 196.0).abs() < 1e-15);
        assert_eq!(modularity(&UGraph::from_edges(3, []), &[0, 1, 2], 1.0), 0.0);
        // Leiden finds the two triangles.
        let p = leiden(&g, &LeidenOptions::default());
        assert_eq!(p.membership, m);
        assert!((p.modularity - 5.0 / 14.0).abs() < 1e-15);
    }

    #[test]
    fn conductance_by_hand() {
        let g = two_triangles();
        // Each triangle: cut = 1 (the edge {2,3}), vol = 7, vol of the rest = 7 → 1/7.
        let c = conductance(&g, &[0, 0, 0, 1, 1, 1], 2);
        assert!((c[0] - 1.0 / 7.0).abs() < 1e-15 && (c[1] - 1.0 / 7.0).abs() < 1e-15);
        // {0}: cut 2, vol 2, rest 12 → 1. {1,2,3,4,5}: cut 2, vol 12, rest 2 → 1.
        // {0..5} whole graph: cut 0, vol(rest) = 0 → 0.
        let c = conductance(&g, &[0, 1, 1, 1, 1, 1], 2);
        assert_eq!(c, vec![1.0, 1.0]);
        assert_eq!(conductance(&g, &[0; 6], 1), vec![0.0]);
        // {0,1}: cut 2 (0–2, 1–2), vol 4, rest 10 → 1/2; labels ≥ 1 are outside.
        let c = conductance(&g, &[0, 0, 7, 7, 7, 7], 1);
        assert_eq!(c, vec![0.5]);
    }

    #[test]
    fn nmi_cases() {
        let a = [0, 0, 1, 1, 2, 2, 2];
        assert!((nmi(&a, &a) - 1.0).abs() < 1e-12);
        // Renaming the labels changes nothing.
        assert!((nmi(&a, &[5, 5, 9, 9, 1, 1, 1]) - 1.0).abs() < 1e-12);
        assert_eq!(nmi(&[3, 3, 3], &[7, 7, 7]), 1.0);
        assert_eq!(nmi(&[0, 0, 0, 0], &[0, 0, 1, 1]), 0.0);
        // By hand: A = {0,1}{2,3}, B = {0,1,2}{3}, N = 4.
        // H(A) = ln 2; H(B) = −(3/4 ln 3/4 + 1/4 ln 1/4).
        // Joint: (A0,B0) = 2, (A1,B0) = 1, (A1,B1) = 1:
        // I = 2/4 ln(2·4/(2·3)) + 1/4 ln(1·4/(2·3)) + 1/4 ln(1·4/(2·1))
        //   = 1/2 ln(4/3) + 1/4 ln(2/3) + 1/4 ln 2 ≈ 0.2157616.
        // NMI = 2I / (H(A) + H(B)) ≈ 0.343711.
        let ha = 2f64.ln();
        let hb = -(0.75 * 0.75f64.ln() + 0.25 * 0.25f64.ln());
        let i = 0.5 * (4.0f64 / 3.0).ln() + 0.25 * (2.0f64 / 3.0).ln() + 0.25 * 2f64.ln();
        let v = nmi(&[0, 0, 1, 1], &[0, 0, 0, 1]);
        assert!((v - 2.0 * i / (ha + hb)).abs() < 1e-12);
        assert!((v - 0.343711).abs() < 1e-6);
        // Independent labelings: near 0.
        let mut rng = Rng::new(1);
        let x: Vec<u32> = (0..20_000).map(|_| rng.below(4) as u32).collect();
        let y: Vec<u32> = (0..20_000).map(|_| rng.below(4) as u32).collect();
        assert!(nmi(&x, &y) < 0.005, "{}", nmi(&x, &y));
    }

    #[test]
    fn deterministic_and_seed_driven() {
        // A ring of 30 cliques of 6 nodes: many equally good moves, so the order matters.
        let mut e = Vec::new();
        let k = 6u32;
        for c in 0..30u32 {
            for i in 0..k {
                for j in i + 1..k {
                    e.push((c * k + i, c * k + j, 1.0));
                }
            }
            e.push((c * k, ((c + 1) % 30) * k + 1, 1.0));
        }
        let g = UGraph::from_edges(180, e);
        let opts = LeidenOptions::default();
        let a = leiden(&g, &opts);
        let b = leiden(&g, &opts);
        assert_eq!(a, b);
        assert_eq!(a.sizes, vec![6; 30]);
        // A graph with isolated nodes: they stay alone.
        let g = UGraph::from_edges(5, [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)]);
        let p = leiden(&g, &opts);
        assert_eq!(p.membership, vec![0, 0, 0, 1, 2]);
        assert_eq!(p.sizes, vec![3, 1, 1]);
        // No edges at all.
        let p = leiden(&UGraph::from_edges(3, []), &opts);
        assert_eq!((p.membership, p.modularity), (vec![0, 1, 2], 0.0));
    }

    /// A planted partition: `groups` groups of `size` nodes; each node draws `k_in` partners
    /// in its group and `k_out` anywhere.
    fn planted(groups: u32, size: u32, k_in: u32, k_out: u32) -> (UGraph, Vec<u32>) {
        let n = groups * size;
        let mut rng = Rng::new(11);
        let mut e = Vec::new();
        for v in 0..n {
            let base = v / size * size;
            for _ in 0..k_in {
                e.push((v, base + rng.below(size as u64) as u32, 1.0));
            }
            for _ in 0..k_out {
                e.push((v, rng.below(n as u64) as u32, 1.0));
            }
        }
        let truth = (0..n).map(|v| v / size).collect();
        (UGraph::from_edges(n as usize, e), truth)
    }

    #[test]
    fn planted_partition_recovered_with_the_same_bits_on_any_thread_count() {
        // 6,000 nodes, ~150,000 edges: several parallel pieces in every phase.
        let (g, truth) = planted(30, 200, 20, 5);
        let opts = LeidenOptions::default();
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool")
                .install(|| leiden(&g, &opts))
        };
        let one = on(1);
        assert_eq!(one, on(3));
        let score = nmi(&one.membership, &truth);
        assert!(score > 0.95, "NMI {score}");
        assert_eq!(one.sizes.len(), 30);
        // At least as good as the planted partition itself.
        assert!(one.modularity >= modularity(&g, &truth, 1.0) - 1e-12);
        // Weighted input takes the weighted path: doubling every weight changes nothing.
        let mut heavy = g.clone();
        heavy.scale_weights(2.0);
        let h = leiden(&heavy, &opts);
        assert!((h.modularity - one.modularity).abs() < 1e-3);
        assert!(nmi(&h.membership, &truth) > 0.95);
    }

    #[test]
    fn leiden_on_a_network_matches_leiden_on_its_projection() {
        // Directed arcs, some both ways, some weighted: the projection merges them.
        let mut rng = Rng::new(5);
        let (groups, size) = (20u32, 150u32);
        let n = groups * size;
        let mut arcs = Vec::new();
        for v in 0..n {
            let base = v / size * size;
            for _ in 0..12 {
                arcs.push((
                    v,
                    base + rng.below(size as u64) as u32,
                    1.0 + rng.below(3) as f32,
                ));
            }
            for _ in 0..3 {
                arcs.push((v, rng.below(n as u64) as u32, 1.0));
            }
        }
        let bits = |p: &Partition| {
            (
                p.membership.clone(),
                p.sizes.clone(),
                p.modularity.to_bits(),
            )
        };
        for weighted in [false, true] {
            let net = Network::from_arcs(n as usize, arcs.clone(), weighted);
            for opts in [
                LeidenOptions::default(),
                LeidenOptions {
                    restarts: 2,
                    max_iterations: 2,
                    ..LeidenOptions::default()
                },
            ] {
                let want = leiden(&UGraph::from_network(&net), &opts);
                assert!(want.modularity > 0.5, "{}", want.modularity);
                // Lean (the relabelled copy dropped and refilled) or not: the same bits.
                for lean in [0, usize::MAX] {
                    let got = leiden_network_with(&net, &opts, lean);
                    assert_eq!(bits(&got), bits(&want), "weighted {weighted}, lean {lean}");
                }
                let (c, q) = community_measures(
                    &Projection(&net),
                    &want.membership,
                    want.sizes.len(),
                    opts.resolution,
                );
                let g = UGraph::from_network(&net);
                assert_eq!(c, conductance(&g, &want.membership, want.sizes.len()));
                let total: f64 = q.iter().sum();
                assert!((total - want.modularity).abs() < 1e-12, "{total}");
            }
        }
    }

    #[test]
    fn restarts_and_greedy_refinement() {
        let g = two_cliques(8);
        let opts = LeidenOptions {
            restarts: 3,
            randomness: 0.0,
            max_iterations: 2,
            ..LeidenOptions::default()
        };
        let p = leiden(&g, &opts);
        assert_eq!(p.sizes, vec![8, 8]);
        assert!(p.iterations <= 2);
    }
}
