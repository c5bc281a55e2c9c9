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

use crate::context::Csr;

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

/// An undirected simple graph with edge weights, as community detection needs it: each edge
/// `{u, v}` is stored in both neighbour lists, with the same weight; no self-loops.
#[derive(Debug, Clone, Default)]
pub struct UGraph {
    /// Neighbour lists (sorted ascending).
    pub adj: Csr,
    /// `weight[k]` is the weight of the edge to `adj.targets[k]`.
    pub weight: Vec<f64>,
}

impl UGraph {
    /// The undirected projection of a network: an edge `{u, v}` when either arc exists.
    /// Unweighted networks give weight 1 per edge (the simple graph NetworkX, igraph and
    /// the peer pipeline use); weighted ones give `w(u→v) + w(v→u)`.
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
        let mut weight = vec![0f64; offsets[n]];
        for (u, &start) in offsets.iter().enumerate().take(n) {
            let (o, i) = (g.out.neighbours(u as u32), g.inc.neighbours(u as u32));
            let ow = g.out_weights(u as u32);
            let iw = g.in_weights(u as u32);
            let (mut a, mut b, mut k) = (0, 0, start);
            while a < o.len() || b < i.len() {
                let (v, w) = if b >= i.len() || (a < o.len() && o[a] < i[b]) {
                    let w = ow.map_or(1.0, |w| w[a] as f64);
                    a += 1;
                    (o[a - 1], w)
                } else if a >= o.len() || i[b] < o[a] {
                    let w = iw.map_or(1.0, |w| w[b] as f64);
                    b += 1;
                    (i[b - 1], w)
                } else {
                    let w = match (ow, iw) {
                        (Some(ow), Some(iw)) => ow[a] as f64 + iw[b] as f64,
                        _ => 1.0,
                    };
                    a += 1;
                    b += 1;
                    (o[a - 1], w)
                };
                targets[k] = v;
                weight[k] = w;
                k += 1;
            }
        }
        UGraph {
            adj: Csr { offsets, targets },
            weight,
        }
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

    /// Neighbours of `u` with the weights of the edges to them.
    pub fn edges(&self, u: u32) -> (&[u32], &[f64]) {
        let (s, e) = (
            self.adj.offsets[u as usize],
            self.adj.offsets[u as usize + 1],
        );
        (&self.adj.targets[s..e], &self.weight[s..e])
    }

    /// Weighted degree (strength) of `u`.
    pub fn strength(&self, u: u32) -> f64 {
        self.edges(u).1.iter().sum()
    }

    /// Total edge weight `m` (each edge once).
    pub fn total_weight(&self) -> f64 {
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
        assert_eq!(u.edges(0), (&[1u32][..], &[5.0][..]));
        assert_eq!(u.edges(1), (&[0u32, 2][..], &[5.0, 1.0][..]));
        assert_eq!(u.edge_count(), 2);
        assert_eq!(u.total_weight(), 6.0);
        let plain = Network::from_arcs(3, vec![(0, 1, 2.0), (1, 0, 3.0), (1, 2, 1.0)], false);
        let u = UGraph::from_network(&plain);
        assert_eq!(u.edges(1), (&[0u32, 2][..], &[1.0, 1.0][..]));
        let e = UGraph::from_edges(3, [(0, 1, 1.0), (1, 0, 1.0), (2, 2, 1.0)]);
        assert_eq!(e.edges(0), (&[1u32][..], &[2.0][..]));
        assert_eq!(e.edge_count(), 1);
    }
}
