//! The social network shared by the relationships, groups and reputation plugins: which arcs
//! it has (`[plugins.relationships] edges`), the centralities of every account, the opinion-
//! leader score, and the communities (`[plugins.groups]`). Built once, on first use, by
//! whichever plugin asks first (see [`Context::network`](crate::Context::network)).

use crate::graph::{
    self, LeidenOptions, Network, Partition, PathCentrality, PathMode, Projection, UGraph,
    percentile_ranks,
};
use crate::model::{Dataset, FollowKind};
use crate::settings::Settings;

/// Kinds of relation that can make an arc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EdgeKind {
    /// `a` follows `b` (a `friend` row gives both arcs).
    Follow,
    /// `a` mentioned `@b` in a post.
    Mention,
    /// `a` replied to a post of `b`.
    Reply,
    /// `a` reposted or quoted a post of `b`.
    Reshare,
}

impl EdgeKind {
    /// The name used in `honeycomb.toml`.
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::Follow => "follow",
            EdgeKind::Mention => "mention",
            EdgeKind::Reply => "reply",
            EdgeKind::Reshare => "reshare",
        }
    }

    fn parse(s: &str) -> Option<EdgeKind> {
        Some(match s {
            "follow" => EdgeKind::Follow,
            "mention" => EdgeKind::Mention,
            "reply" => EdgeKind::Reply,
            "reshare" => EdgeKind::Reshare,
            _ => return None,
        })
    }
}

/// Keys of `[plugins.relationships]` read here (the plugin reads its own keys besides).
pub const NETWORK_KEYS: [&str; 7] = [
    "edges",
    "damping",
    "exact_limit",
    "pivots",
    "seed",
    "pagerank_tolerance",
    "pagerank_max_iterations",
];

/// Keys of `[plugins.groups]` read here.
pub const COMMUNITY_KEYS: [&str; 4] = ["resolution", "seed", "restarts", "max_iterations"];

/// How the network and its centralities are computed (`[plugins.relationships]`).
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkSettings {
    /// Relations that make arcs; empty means "auto": follows when the data has any, else
    /// mentions, replies and reshares.
    pub edges: Vec<EdgeKind>,
    /// PageRank damping factor (default 0.85, Page et al. 1999).
    pub damping: f64,
    /// PageRank stops when the L1 change of an iteration is below this (default 1e-10).
    pub tolerance: f64,
    /// PageRank iteration cap (default 500).
    pub max_iterations: u32,
    /// Betweenness and closeness are exact while accounts × arcs is at most this
    /// (default 2·10⁹ — about a second or two of work on two cores); above it they are
    /// estimated from `pivots` sampled sources.
    pub exact_limit: f64,
    /// Sampled sources above the exact limit (default 256).
    pub pivots: u32,
    /// Seed of the pivot sample (default 42).
    pub seed: u64,
}

impl Default for NetworkSettings {
    fn default() -> Self {
        NetworkSettings {
            edges: Vec::new(),
            damping: 0.85,
            tolerance: 1e-10,
            max_iterations: 500,
            exact_limit: 2e9,
            pivots: 256,
            seed: 42,
        }
    }
}

impl NetworkSettings {
    /// Reads the network keys of `[plugins.relationships]` (other keys are left to the plugin).
    pub fn read(s: &Settings<'_>) -> Result<NetworkSettings, String> {
        let d = NetworkSettings::default();
        let names = s.list(
            "edges",
            &["auto"],
            &["auto", "follow", "mention", "reply", "reshare"],
        )?;
        let edges = if names.contains(&"auto") {
            Vec::new()
        } else {
            let mut e: Vec<EdgeKind> = names.iter().filter_map(|n| EdgeKind::parse(n)).collect();
            e.sort_unstable();
            e
        };
        Ok(NetworkSettings {
            edges,
            damping: s.float("damping", d.damping, 0.0, 0.999_999)?,
            tolerance: s.float("pagerank_tolerance", d.tolerance, 1e-15, 1e-3)?,
            max_iterations: s.int(
                "pagerank_max_iterations",
                d.max_iterations as i64,
                1,
                100_000,
            )? as u32,
            exact_limit: s.float("exact_limit", d.exact_limit, 0.0, 1e15)?,
            pivots: s.int("pivots", d.pivots as i64, 1, 1_000_000)? as u32,
            seed: s.int("seed", d.seed as i64, 0, i64::MAX)? as u64,
        })
    }
}

/// How communities are detected (`[plugins.groups]`).
#[derive(Debug, Clone, PartialEq)]
pub struct CommunitySettings {
    /// Leiden settings (resolution, seed, restarts, iterations).
    pub leiden: LeidenOptions,
}

impl CommunitySettings {
    /// Reads the community keys of `[plugins.groups]`.
    pub fn read(s: &Settings<'_>) -> Result<CommunitySettings, String> {
        let d = LeidenOptions::default();
        Ok(CommunitySettings {
            leiden: LeidenOptions {
                resolution: s.float("resolution", d.resolution, 1e-6, 1e6)?,
                seed: s.int("seed", d.seed as i64, 0, i64::MAX)? as u64,
                restarts: s.int("restarts", d.restarts as i64, 1, 1000)? as u32,
                max_iterations: s.int("max_iterations", d.max_iterations as i64, 0, 10_000)? as u32,
                ..d
            },
        })
    }
}

/// The network the relationships plugin analyses.
#[derive(Debug, Clone)]
pub struct SocialNetwork {
    /// The settings it was built with.
    pub settings: NetworkSettings,
    /// The relations it is made of (after "auto" was resolved).
    pub kinds: Vec<EdgeKind>,
    /// The directed graph over all accounts (dataset account indexes).
    pub graph: Network,
}

/// Every account's position in the network.
#[derive(Debug, Clone)]
pub struct Centrality {
    /// Distinct accounts with an arc into the account (followers, for the follow network).
    pub in_degree: Vec<u32>,
    /// Distinct accounts the account has an arc to.
    pub out_degree: Vec<u32>,
    /// Distinct accounts related either way: the brief's "number of relations".
    pub relations: Vec<u32>,
    /// PageRank (weighted by counts when the network is), summing to 1.
    pub pagerank: graph::PageRank,
    /// Betweenness, harmonic closeness (incoming), closeness; exact or sampled.
    pub paths: PathCentrality,
    /// Opinion-leader score in [0, 1]: the mean of the percentile ranks of harmonic
    /// closeness, number of relations and PageRank; 0 for an account without relations.
    pub opinion_leader: Vec<f64>,
    /// Accounts with at least one relation, by opinion-leader score descending (ties by
    /// PageRank, then index).
    pub leaders: Vec<u32>,
    /// How long each step took (for `--timings`).
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// The communities found in the undirected network. The undirected projection itself is not
/// kept (on a 20M-arc network it would hold 140–420 MB for the rest of the run): what the
/// plugins need of it is computed here.
#[derive(Debug, Clone)]
pub struct Communities {
    /// The settings used.
    pub settings: CommunitySettings,
    /// The partition (community per account, numbered by size descending).
    pub partition: Partition,
    /// Conductance per community.
    pub conductance: Vec<f64>,
    /// Each community's share of the modularity, `e_c / 2m − γ (d_c / 2m)²` (`e_c`: weight
    /// inside the community counted both ways, `d_c`: its volume, `2m`: the total weight
    /// counted both ways; 0 without edges); the shares add up to `partition.modularity`.
    pub modularity: Vec<f64>,
}

/// Builds the network from the dataset: all follows whatever their date, and interactions
/// from `posts` (the posts of the report period). Interaction arcs weigh the number of
/// interactions; follows weigh their `weight` column (1 when absent).
pub fn build_network(
    data: &Dataset,
    settings: NetworkSettings,
    posts: &[u32],
    handles: &rustc_hash::FxHashMap<String, u32>,
    follow_graph: Option<&crate::index::FollowGraph>,
) -> SocialNetwork {
    let n = data.accounts.len();
    let kinds = if settings.edges.is_empty() {
        if data.follows.is_empty() {
            vec![EdgeKind::Mention, EdgeKind::Reply, EdgeKind::Reshare]
        } else {
            vec![EdgeKind::Follow]
        }
    } else {
        settings.edges.clone()
    };
    let follow_weighted = data.follows.iter().any(|f| f.weight != 1.0);
    // The common case (follows only, unweighted) shares the follow graph, without a copy.
    if kinds == [EdgeKind::Follow]
        && !follow_weighted
        && let Some(fg) = follow_graph
    {
        return SocialNetwork {
            settings,
            kinds,
            graph: Network::unweighted(fg.out.clone(), fg.inc.clone()),
        };
    }
    let mut arcs: Vec<(u32, u32, f32)> = Vec::new();
    if kinds.contains(&EdgeKind::Follow) {
        for f in &data.follows {
            let w = if f.weight.is_finite() && f.weight > 0.0 {
                f.weight
            } else {
                1.0
            };
            arcs.push((f.source, f.target, w));
            if f.kind == FollowKind::Friend {
                arcs.push((f.target, f.source, w));
            }
        }
    }
    for &p in posts {
        let post = &data.posts[p as usize];
        let a = post.author;
        if kinds.contains(&EdgeKind::Mention) {
            for m in post.mentions() {
                if let Some(&b) = handles.get(&**m) {
                    arcs.push((a, b, 1.0));
                }
            }
        }
        if kinds.contains(&EdgeKind::Reply)
            && let Some(parent) = post.reply_to
        {
            arcs.push((a, data.posts[parent as usize].author, 1.0));
        }
        if kinds.contains(&EdgeKind::Reshare) {
            for orig in [post.repost_of, post.quote_of].into_iter().flatten() {
                arcs.push((a, data.posts[orig as usize].author, 1.0));
            }
        }
    }
    let weighted = kinds != [EdgeKind::Follow] || follow_weighted;
    SocialNetwork {
        settings,
        kinds,
        graph: Network::from_arcs(n, arcs, weighted),
    }
}

/// Computes every account's centralities and the opinion-leader score.
/// PageRank of the network with its settings (damping, tolerance, iterations).
pub fn pagerank(net: &SocialNetwork) -> graph::PageRank {
    let s = &net.settings;
    graph::pagerank(&net.graph, s.damping, s.tolerance, s.max_iterations)
}

/// Centralities and opinion-leader scores, given the network's [`pagerank`].
pub fn centrality(net: &SocialNetwork, pagerank: graph::PageRank) -> Centrality {
    let g = &net.graph;
    let n = g.node_count();
    let s = &net.settings;
    let in_degree: Vec<u32> = (0..n as u32).map(|a| g.inc.degree(a) as u32).collect();
    let out_degree: Vec<u32> = (0..n as u32).map(|a| g.out.degree(a) as u32).collect();
    let relations: Vec<u32> = (0..n as u32)
        .map(|a| graph::union_len(g.out.neighbours(a), g.inc.neighbours(a)) as u32)
        .collect();
    let mut timings = Vec::new();
    let work = n as f64 * g.arc_count() as f64;
    let mode = if work <= s.exact_limit || s.pivots as usize >= n {
        PathMode::Exact
    } else {
        PathMode::Sampled {
            pivots: s.pivots,
            seed: s.seed,
        }
    };
    let t = std::time::Instant::now();
    let paths = graph::path_centrality(&g.out, mode);
    timings.push(("index betweenness+closeness", t.elapsed()));
    let rh = percentile_ranks(&paths.harmonic);
    let rr = percentile_ranks(&relations.iter().map(|&r| r as f64).collect::<Vec<_>>());
    let rp = percentile_ranks(&pagerank.scores);
    let opinion_leader: Vec<f64> = (0..n)
        .map(|i| {
            if relations[i] == 0 {
                0.0
            } else {
                (rh[i] + rr[i] + rp[i]) / 3.0
            }
        })
        .collect();
    let mut leaders: Vec<u32> = (0..n as u32)
        .filter(|&a| relations[a as usize] > 0)
        .collect();
    leaders.sort_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        opinion_leader[b]
            .total_cmp(&opinion_leader[a])
            .then(pagerank.scores[b].total_cmp(&pagerank.scores[a]))
            .then(a.cmp(&b))
    });
    Centrality {
        in_degree,
        out_degree,
        relations,
        pagerank,
        paths,
        opinion_leader,
        leaders,
        timings,
    }
}

/// Networks with at least this many arcs have their communities detected with
/// [`graph::leiden_network`] (one undirected copy alive at a time, ~30% slower on 20M arcs);
/// smaller ones are projected once, and the projection is kept until the communities are
/// measured (fastest; at 4M arcs the projection is under 100 MB).
const LEAN_NETWORK_ARCS: usize = 4_000_000;

/// Detects communities with Leiden in the undirected projection of the network, then measures
/// them (conductance, share of modularity). Both ways below give the same bits.
pub fn communities(net: &SocialNetwork, settings: CommunitySettings) -> Communities {
    let (partition, (conductance, modularity)) = if net.graph.arc_count() < LEAN_NETWORK_ARCS {
        let g = UGraph::from_network(&net.graph);
        let partition = graph::leiden(&g, &settings.leiden);
        let measures = graph::community_measures(
            &g,
            &partition.membership,
            partition.sizes.len(),
            settings.leiden.resolution,
        );
        (partition, measures)
    } else {
        // The projection is read from the network on the fly, not built again.
        let partition = graph::leiden_network(&net.graph, &settings.leiden);
        let measures = graph::community_measures(
            &Projection(&net.graph),
            &partition.membership,
            partition.sizes.len(),
            settings.leiden.resolution,
        );
        (partition, measures)
    };
    Communities {
        settings,
        partition,
        conductance,
        modularity,
    }
}
