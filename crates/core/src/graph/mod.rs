//! Graph algorithms over compact adjacency (CSR over interned `u32` account indexes).
//!
//! Written for this project rather than taken from a graph crate: petgraph has PageRank but no
//! betweenness or closeness, rustworkx-core has no PageRank and no community detection, and a
//! CSR over `u32` ids is both the smallest layout (4 bytes per arc) and the fastest to scan.
//! Every algorithm cites its paper in its doc comment and is tested against NetworkX reference
//! values (`shared/data/karate/reference.json`).
//!
//! Determinism: randomised algorithms take a seed and use [`Rng`]; parallel work is split into
//! chunks whose boundaries do not depend on the number of threads, and partial sums are added
//! in chunk order, so the same data and seed give the same numbers, bit for bit.

pub mod centrality;
pub mod community;
mod rng;

pub use centrality::*;
pub use community::*;
pub use rng::Rng;

use crate::index::Csr;

/// A directed graph with optional arc weights, stored both ways.
///
/// `out.neighbours(a)` are the heads of `a`'s arcs, `inc.neighbours(a)` the tails of the arcs
/// into `a`; both sorted ascending, no duplicates, no self-loops. When `weighted`,
/// `out_weight[k]` is the weight of the arc `out.targets[k]` and `in_weight[k]` of
/// `inc.targets[k]`; otherwise both are empty and every arc weighs 1.
#[derive(Debug, Clone, Default)]
pub struct Network {
    /// Arcs by tail.
    pub out: std::sync::Arc<Csr>,
    /// Arcs by head.
    pub inc: std::sync::Arc<Csr>,
    /// Weights aligned with `out.targets` (empty when unweighted).
    pub out_weight: Vec<f32>,
    /// Weights aligned with `inc.targets` (empty when unweighted).
    pub in_weight: Vec<f32>,
}

impl Network {
    /// Builds a network over `n` nodes from weighted arcs `(tail, head, weight)`: self-loops
    /// are dropped and parallel arcs merged by adding their weights. With `weighted == false`
    /// the weights are ignored (every arc weighs 1).
    pub fn from_arcs(n: usize, mut arcs: Vec<(u32, u32, f32)>, weighted: bool) -> Network {
        arcs.retain(|a| a.0 != a.1);
        arcs.sort_unstable_by_key(|a| (a.0, a.1));
        let mut merged: Vec<(u32, u32, f32)> = Vec::with_capacity(arcs.len());
        for (a, b, w) in arcs {
            match merged.last_mut() {
                Some(last) if last.0 == a && last.1 == b => last.2 += w,
                _ => merged.push((a, b, w)),
            }
        }
        let out = Csr::from_pairs(n, merged.iter().map(|&(a, b, _)| (a, b)));
        let inc = Csr::from_pairs(n, merged.iter().map(|&(a, b, _)| (b, a)));
        let (mut out_weight, mut in_weight) = (Vec::new(), Vec::new());
        if weighted {
            // `merged` is sorted by (tail, head), exactly the order of `out.targets`.
            out_weight = merged.iter().map(|a| a.2).collect();
            // For the incoming side, sort by (head, tail).
            let mut by_head: Vec<(u32, u32, f32)> = merged;
            by_head.sort_unstable_by_key(|a| (a.1, a.0));
            in_weight = by_head.iter().map(|a| a.2).collect();
        }
        Network {
            out: std::sync::Arc::new(out),
            inc: std::sync::Arc::new(inc),
            out_weight,
            in_weight,
        }
    }

    /// A network that shares an unweighted graph's adjacency (no copy).
    pub fn unweighted(out: std::sync::Arc<Csr>, inc: std::sync::Arc<Csr>) -> Network {
        Network {
            out,
            inc,
            out_weight: Vec::new(),
            in_weight: Vec::new(),
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.out.len()
    }

    /// Number of arcs.
    pub fn arc_count(&self) -> usize {
        self.out.targets.len()
    }

    /// Whether arcs carry weights.
    pub fn is_weighted(&self) -> bool {
        !self.out_weight.is_empty()
    }

    /// Weights of `a`'s outgoing arcs, aligned with `out.neighbours(a)` (`None` when unweighted).
    pub fn out_weights(&self, a: u32) -> Option<&[f32]> {
        if self.out_weight.is_empty() {
            return None;
        }
        let i = a as usize;
        Some(&self.out_weight[self.out.offsets[i]..self.out.offsets[i + 1]])
    }

    /// Weights of the arcs into `a`, aligned with `inc.neighbours(a)` (`None` when unweighted).
    pub fn in_weights(&self, a: u32) -> Option<&[f32]> {
        if self.in_weight.is_empty() {
            return None;
        }
        let i = a as usize;
        Some(&self.in_weight[self.inc.offsets[i]..self.inc.offsets[i + 1]])
    }

    /// Whether the arc `a → b` exists (binary search).
    pub fn has_arc(&self, a: u32, b: u32) -> bool {
        self.out.neighbours(a).binary_search(&b).is_ok()
    }
}

/// Calls `f(v, w)` for each edge `{u, v}` of the undirected projection of `g` (see
/// [`UGraph::from_network`]), `v` ascending: the merge of `u`'s out- and in-neighbours, with
/// weight 1 when `g` is unweighted, else `w(u→v) + w(v→u)` (a missing arc weighing 0).
#[inline]
pub(crate) fn for_each_projected(g: &Network, u: u32, mut f: impl FnMut(u32, f64)) {
    let (o, i) = (g.out.neighbours(u), g.inc.neighbours(u));
    let (ow, iw) = (g.out_weights(u), g.in_weights(u));
    let (mut a, mut b) = (0, 0);
    while a < o.len() || b < i.len() {
        if b >= i.len() || (a < o.len() && o[a] < i[b]) {
            f(o[a], ow.map_or(1.0, |w| w[a] as f64));
            a += 1;
        } else if a >= o.len() || i[b] < o[a] {
            f(i[b], iw.map_or(1.0, |w| w[b] as f64));
            b += 1;
        } else {
            let w = match (ow, iw) {
                (Some(ow), Some(iw)) => ow[a] as f64 + iw[b] as f64,
                _ => 1.0,
            };
            f(o[a], w);
            a += 1;
            b += 1;
        }
    }
}

/// An undirected graph visited node by node: a [`UGraph`], or the projection of a
/// [`Network`] read on the fly ([`Projection`]), so that measures of a partition need not
/// build the projection.
pub(crate) trait Undirected: Sync {
    /// Number of nodes.
    fn node_count(&self) -> usize;
    /// Calls `f(v, w)` for each edge `{u, v}`, in the order of [`UGraph::edges`].
    fn for_each_edge(&self, u: u32, f: impl FnMut(u32, f64));
}

impl Undirected for UGraph {
    fn node_count(&self) -> usize {
        self.adj.len()
    }

    #[inline]
    fn for_each_edge(&self, u: u32, mut f: impl FnMut(u32, f64)) {
        let (nb, wt) = self.edges(u);
        for (&v, &w) in nb.iter().zip(wt) {
            f(v, w);
        }
    }
}

/// The undirected projection of a network, read on the fly: the same edges, weights and order
/// as [`UGraph::from_network`] gives, without its copy.
pub(crate) struct Projection<'a>(pub &'a Network);

impl Undirected for Projection<'_> {
    fn node_count(&self) -> usize {
        self.0.node_count()
    }

    #[inline]
    fn for_each_edge(&self, u: u32, f: impl FnMut(u32, f64)) {
        for_each_projected(self.0, u, f);
    }
}

/// An undirected simple graph with edge weights, as community detection needs it: each edge
/// `{u, v}` is stored in both neighbour lists, with the same weight; no self-loops.
///
/// Unit graphs (every weight 1, the common case: the follow network) store no weights at all,
/// 4 bytes per neighbour entry instead of 12; [`UGraph::edges`] then hands out ones.
#[derive(Debug, Clone, Default)]
pub struct UGraph {
    /// Neighbour lists (sorted ascending).
    pub adj: Csr,
    /// `weight[k]` is the weight of the edge to `adj.targets[k]`; empty when every edge
    /// weighs 1.
    weight: Vec<f64>,
}

/// One node's edge weights, from [`UGraph::edges`]: a slice, or ones for a unit graph.
/// Iterates as `&f64`, so `nb.iter().zip(wt)` works either way.
#[derive(Debug, Clone, Copy)]
pub enum EdgeWeights<'a> {
    /// Every edge weighs 1 (this many edges).
    Unit(usize),
    /// The weights, aligned with the neighbours.
    Weighted(&'a [f64]),
}

/// Weight of every edge of a unit graph.
static ONE: f64 = 1.0;

impl<'a> EdgeWeights<'a> {
    /// Number of edges.
    pub fn len(&self) -> usize {
        match self {
            EdgeWeights::Unit(n) => *n,
            EdgeWeights::Weighted(w) => w.len(),
        }
    }

    /// Whether the node has no edge.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The weights in order.
    pub fn iter(&self) -> EdgeWeightsIter<'a> {
        match *self {
            EdgeWeights::Unit(n) => EdgeWeightsIter::Unit(n),
            EdgeWeights::Weighted(w) => EdgeWeightsIter::Weighted(w.iter()),
        }
    }

    /// The weights as a vector.
    pub fn to_vec(&self) -> Vec<f64> {
        self.iter().copied().collect()
    }
}

impl<'a> IntoIterator for EdgeWeights<'a> {
    type Item = &'a f64;
    type IntoIter = EdgeWeightsIter<'a>;

    fn into_iter(self) -> EdgeWeightsIter<'a> {
        self.iter()
    }
}

/// Iterator over [`EdgeWeights`].
#[derive(Debug, Clone)]
pub enum EdgeWeightsIter<'a> {
    /// Ones left to hand out.
    Unit(usize),
    /// The weights left.
    Weighted(std::slice::Iter<'a, f64>),
}

impl<'a> Iterator for EdgeWeightsIter<'a> {
    type Item = &'a f64;

    #[inline]
    fn next(&mut self) -> Option<&'a f64> {
        match self {
            EdgeWeightsIter::Unit(0) => None,
            EdgeWeightsIter::Unit(n) => {
                *n -= 1;
                Some(&ONE)
            }
            EdgeWeightsIter::Weighted(it) => it.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match self {
            EdgeWeightsIter::Unit(n) => *n,
            EdgeWeightsIter::Weighted(it) => it.len(),
        };
        (n, Some(n))
    }
}

impl ExactSizeIterator for EdgeWeightsIter<'_> {}

impl UGraph {
    /// The undirected projection of a network: an edge `{u, v}` when either arc exists.
    /// Unweighted networks give weight 1 per edge (the simple graph NetworkX, igraph and
    /// the peer pipeline use) and a unit graph; weighted ones give `w(u→v) + w(v→u)`.
    pub fn from_network(g: &Network) -> UGraph {
        let n = g.node_count();
        let mut offsets = vec![0usize; n + 1];
        // Degree in the projection: union of in- and out-neighbours.
        for (u, slot) in offsets.iter_mut().skip(1).enumerate() {
            *slot = union_len(g.out.neighbours(u as u32), g.inc.neighbours(u as u32));
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut targets = vec![0u32; offsets[n]];
        let mut weight = vec![0f64; if g.is_weighted() { offsets[n] } else { 0 }];
        for (u, &start) in offsets.iter().enumerate().take(n) {
            let mut k = start;
            if weight.is_empty() {
                for_each_projected(g, u as u32, |v, _| {
                    targets[k] = v;
                    k += 1;
                });
            } else {
                for_each_projected(g, u as u32, |v, w| {
                    targets[k] = v;
                    weight[k] = w;
                    k += 1;
                });
            }
        }
        UGraph::new(Csr { offsets, targets }, weight)
    }

    /// Builds an undirected graph over `n` nodes from edges `(u, v, w)`, each listed once in
    /// either orientation; parallel edges are merged by adding weights, self-loops dropped.
    pub fn from_edges(n: usize, edges: impl IntoIterator<Item = (u32, u32, f64)>) -> UGraph {
        let mut arcs: Vec<(u32, u32, f64)> = Vec::new();
        for (u, v, w) in edges {
            if u != v {
                arcs.push((u, v, w));
                arcs.push((v, u, w));
            }
        }
        arcs.sort_unstable_by_key(|a| (a.0, a.1));
        let mut merged: Vec<(u32, u32, f64)> = Vec::with_capacity(arcs.len());
        for (a, b, w) in arcs {
            match merged.last_mut() {
                Some(last) if last.0 == a && last.1 == b => last.2 += w,
                _ => merged.push((a, b, w)),
            }
        }
        let adj = Csr::from_pairs(n, merged.iter().map(|&(a, b, _)| (a, b)));
        let weight = merged.iter().map(|a| a.2).collect();
        UGraph::new(adj, weight)
    }

    /// A graph from its adjacency and weights (aligned with `adj.targets`, or empty for a unit
    /// graph); weights that are all 1 are dropped.
    fn new(adj: Csr, mut weight: Vec<f64>) -> UGraph {
        if weight.iter().all(|&w| w == 1.0) {
            weight = Vec::new();
        }
        UGraph { adj, weight }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.adj.len()
    }

    /// Number of edges (each counted once).
    pub fn edge_count(&self) -> usize {
        self.adj.targets.len() / 2
    }

    /// Whether every edge weighs 1 (no weights are stored).
    pub fn is_unit(&self) -> bool {
        self.weight.is_empty()
    }

    /// The weights aligned with `adj.targets`; `None` for a unit graph.
    pub fn weights(&self) -> Option<&[f64]> {
        (!self.weight.is_empty()).then_some(&self.weight[..])
    }

    /// Multiplies every edge weight by `factor` (a unit graph gets stored weights).
    pub fn scale_weights(&mut self, factor: f64) {
        if self.weight.is_empty() {
            self.weight = vec![1.0; self.adj.targets.len()];
        }
        self.weight.iter_mut().for_each(|w| *w *= factor);
        let adj = std::mem::take(&mut self.adj);
        *self = UGraph::new(adj, std::mem::take(&mut self.weight));
    }

    /// Neighbours of `u` with the weights of the edges to them.
    pub fn edges(&self, u: u32) -> (&[u32], EdgeWeights<'_>) {
        let (s, e) = (
            self.adj.offsets[u as usize],
            self.adj.offsets[u as usize + 1],
        );
        let w = if self.weight.is_empty() {
            EdgeWeights::Unit(e - s)
        } else {
            EdgeWeights::Weighted(&self.weight[s..e])
        };
        (&self.adj.targets[s..e], w)
    }

    /// Weighted degree (strength) of `u`.
    pub fn strength(&self, u: u32) -> f64 {
        match self.edges(u).1 {
            EdgeWeights::Unit(d) => d as f64,
            EdgeWeights::Weighted(w) => w.iter().sum(),
        }
    }

    /// Total edge weight `m` (each edge once).
    pub fn total_weight(&self) -> f64 {
        if self.weight.is_empty() {
            return self.adj.targets.len() as f64 / 2.0;
        }
        self.weight.iter().sum::<f64>() / 2.0
    }
}

/// Size of the union of two sorted, duplicate-free lists.
pub fn union_len(a: &[u32], b: &[u32]) -> usize {
    a.len() + b.len() - centrality::sorted_intersection_len(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_merges_parallel_arcs_and_drops_loops() {
        let g = Network::from_arcs(
            3,
            vec![(0, 1, 1.0), (0, 1, 2.0), (1, 1, 5.0), (2, 0, 1.0)],
            true,
        );
        assert_eq!(g.arc_count(), 2);
        assert_eq!(g.out_weights(0), Some(&[3.0f32][..]));
        assert_eq!(g.inc.neighbours(0), &[2]);
        assert_eq!(g.in_weights(1), Some(&[3.0f32][..]));
        assert!(g.has_arc(2, 0) && !g.has_arc(0, 2));
    }

    #[test]
    fn projection_is_symmetric_and_sums_weights() {
        let g = Network::from_arcs(3, vec![(0, 1, 2.0), (1, 0, 3.0), (1, 2, 1.0)], true);
        let u = UGraph::from_network(&g);
        let edges = |u: &UGraph, v: u32| {
            let (nb, wt) = u.edges(v);
            (nb.to_vec(), wt.to_vec())
        };
        assert_eq!(edges(&u, 0), (vec![1], vec![5.0]));
        assert_eq!(edges(&u, 1), (vec![0, 2], vec![5.0, 1.0]));
        assert_eq!(u.edge_count(), 2);
        assert_eq!(u.total_weight(), 6.0);
        assert_eq!(u.strength(1), 6.0);
        assert!(!u.is_unit());
        // The projection read on the fly gives the same edges.
        let mut seen = Vec::new();
        Projection(&g).for_each_edge(1, |v, w| seen.push((v, w)));
        assert_eq!(seen, vec![(0, 5.0), (2, 1.0)]);
        let plain = Network::from_arcs(3, vec![(0, 1, 2.0), (1, 0, 3.0), (1, 2, 1.0)], false);
        let u = UGraph::from_network(&plain);
        assert!(u.is_unit() && u.weights().is_none());
        assert_eq!(edges(&u, 1), (vec![0, 2], vec![1.0, 1.0]));
        assert_eq!((u.strength(1), u.total_weight()), (2.0, 2.0));
        let e = UGraph::from_edges(3, [(0, 1, 1.0), (1, 0, 1.0), (2, 2, 1.0)]);
        assert_eq!(edges(&e, 0), (vec![1], vec![2.0]));
        assert_eq!(e.edge_count(), 1);
        // Weights that are all 1 are not stored; scaling stores them.
        let mut ones = UGraph::from_edges(3, [(0, 1, 1.0), (1, 2, 1.0)]);
        assert!(ones.is_unit());
        ones.scale_weights(2.0);
        assert_eq!(ones.weights(), Some(&[2.0, 2.0, 2.0, 2.0][..]));
        ones.scale_weights(0.5);
        assert!(ones.is_unit());
    }
}
