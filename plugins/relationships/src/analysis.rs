//! What the relationships plugin computes from the shared network, before any text.

use crate::settings::Settings;
use honeycomb_core::graph::{degree_histogram, reciprocity, weakly_connected_components};
use honeycomb_core::network::{Centrality, SocialNetwork};
use honeycomb_core::time::civil_from_days;
use honeycomb_core::{AccountIx, Context, PluginError};
use std::collections::BTreeMap;

/// One listed opinion leader.
#[derive(Debug, Clone, PartialEq)]
pub struct Leader {
    /// Account index.
    pub account: AccountIx,
    /// Opinion-leader score, 0–1.
    pub score: f64,
    /// Distinct accounts related either way.
    pub relations: u32,
    /// Arcs into the account (followers, in the follow network).
    pub in_degree: u32,
    /// Its rank among connected accounts (1 = the highest; ties share the better rank), per
    /// measure: harmonic closeness, relations, PageRank, betweenness.
    pub ranks: [u64; 4],
    /// It follows one of the brand's accounts.
    pub follows_brand: bool,
    /// One of the brand's accounts follows it.
    pub followed_by_brand: bool,
    /// In the period it mentioned the brand, or replied to, reposted or quoted a brand post.
    pub talks_to_brand: bool,
    /// Its community, when communities could be detected.
    pub community: Option<u32>,
}

impl Leader {
    /// Connected to the brand in any way.
    pub fn connected(&self) -> bool {
        self.follows_brand || self.followed_by_brand || self.talks_to_brand
    }
}

/// The brand's own follow network.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BrandNetwork {
    /// Distinct accounts that follow at least one brand account (brand accounts excluded).
    pub followers: u64,
    /// Distinct accounts at least one brand account follows (brand accounts excluded).
    pub following: u64,
    /// Followers the brand follows back.
    pub mutual: u64,
    /// New followers per calendar month (UTC) from follows with a `created_at`: (year, month,
    /// count), consecutive months from the first to the last.
    pub growth: Vec<(i64, u32, u64)>,
    /// Follows of a brand account without a `created_at`.
    pub undated: u64,
}

/// Everything the report needs.
#[derive(Debug)]
pub struct Analysis<'c> {
    /// The shared network.
    pub net: &'c SocialNetwork,
    /// The shared centralities.
    pub c: &'c Centrality,
    /// Community per account, when detection succeeded.
    pub community: Option<&'c [u32]>,
    /// Accounts with at least one relation.
    pub active: u64,
    /// Arcs.
    pub arcs: u64,
    /// Arcs / (n (n − 1)) over all accounts (NetworkX `density` of a directed graph).
    pub density: f64,
    /// Share of arcs whose reverse exists.
    pub reciprocity: f64,
    /// Weakly connected components among accounts with a relation.
    pub components: u64,
    /// Size of the largest weakly connected component.
    pub largest_component: u64,
    /// `in_hist[d]` accounts have in-degree `d`.
    pub in_hist: Vec<u64>,
    /// `out_hist[d]` accounts have out-degree `d`.
    pub out_hist: Vec<u64>,
    /// Share of all PageRank held by the top 1% of connected accounts.
    pub top1_pagerank: f64,
    /// Median relative standard error of the 20 highest betweenness estimates (sampled mode).
    pub betweenness_rse: Option<f64>,
    /// Median relative standard error of the 20 highest harmonic-closeness estimates.
    pub harmonic_rse: Option<f64>,
    /// The listed opinion leaders, best first (brand and competitors left out).
    pub leaders: Vec<Leader>,
    /// The brand's own network (`None` without brand accounts).
    pub brand: Option<BrandNetwork>,
    /// The brand's best opinion-leader score (among its accounts).
    pub brand_score: Option<f64>,
    /// The brand's best opinion-leader rank (1-based, among connected accounts).
    pub brand_rank: Option<u64>,
    /// Follows table present (the brand's follow network needs it).
    pub has_follows: bool,
}

/// Median of the relative standard errors `se / value` of the `k` highest values.
fn median_rse(values: &[f64], se: &[f64], k: usize) -> Option<f64> {
    let mut idx: Vec<usize> = (0..values.len()).filter(|&i| values[i] > 0.0).collect();
    idx.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    idx.truncate(k);
    let mut r: Vec<f64> = idx.iter().map(|&i| se[i] / values[i]).collect();
    if r.is_empty() {
        return None;
    }
    r.sort_by(f64::total_cmp);
    let m = r.len();
    Some(if m % 2 == 1 {
        r[m / 2]
    } else {
        (r[m / 2 - 1] + r[m / 2]) / 2.0
    })
}

/// Rank of `v` among the connected accounts: 1 + the number whose value is strictly above.
fn rank(values: &[f64], connected: &[bool], v: f64) -> u64 {
    1 + values
        .iter()
        .zip(connected)
        .filter(|(x, c)| **c && **x > v)
        .count() as u64
}

impl<'c> Analysis<'c> {
    /// Computes the analysis.
    pub fn new(cx: &'c Context<'c>, s: &Settings) -> Result<Analysis<'c>, PluginError> {
        let net = cx.network()?;
        let c = cx.centrality()?;
        let community = cx.communities().ok().map(|k| &k.partition.membership[..]);
        let g = &net.graph;
        let n = g.node_count();
        let connected: Vec<bool> = c.relations.iter().map(|&r| r > 0).collect();
        let active = connected.iter().filter(|&&b| b).count() as u64;
        let arcs = g.arc_count() as u64;
        let density = if n > 1 {
            arcs as f64 / (n as f64 * (n as f64 - 1.0))
        } else {
            0.0
        };
        let (_, sizes) = weakly_connected_components(g);
        let components = sizes.iter().filter(|&&s| s > 1).count() as u64;
        let largest_component = sizes.iter().copied().filter(|&s| s > 1).max().unwrap_or(0) as u64;

        let mut pr: Vec<f64> = (0..n)
            .filter(|&i| connected[i])
            .map(|i| c.pagerank.scores[i])
            .collect();
        pr.sort_by(|a, b| b.total_cmp(a));
        let top = pr.len().div_ceil(100);
        let total: f64 = pr.iter().sum();
        let top1_pagerank = if total > 0.0 {
            pr[..top].iter().sum::<f64>() / total
        } else {
            0.0
        };

        let sampled = c.paths.pivots.is_some();
        let betweenness_rse = if sampled {
            median_rse(&c.paths.betweenness, &c.paths.betweenness_se, 20)
        } else {
            None
        };
        let harmonic_rse = if sampled {
            median_rse(&c.paths.harmonic, &c.paths.harmonic_se, 20)
        } else {
            None
        };

        // Who talks to the brand in the period.
        let brand = cx.brand();
        let mut talks = vec![false; n];
        if !brand.is_empty() {
            let brand_handles: Vec<String> = brand
                .iter()
                .filter_map(|&b| cx.data.accounts[b as usize].handle.as_deref())
                .map(|h| h.to_lowercase())
                .collect();
            for p in cx.posts_in_period() {
                let post = &cx.data.posts[p as usize];
                let a = post.author as usize;
                if cx.is_brand(post.author) || talks[a] {
                    continue;
                }
                let to_brand_post = [post.reply_to, post.repost_of, post.quote_of]
                    .into_iter()
                    .flatten()
                    .any(|q| cx.is_brand(cx.data.posts[q as usize].author));
                let mentions = post
                    .mentions()
                    .iter()
                    .any(|m| brand_handles.iter().any(|h| **h == **m));
                talks[a] = to_brand_post || mentions;
            }
        }
        let has_follows = !cx.data.follows.is_empty();
        let fg = has_follows.then(|| cx.follow_graph());
        let follows_brand = |a: u32| {
            fg.is_some_and(|fg| {
                brand
                    .iter()
                    .any(|&b| fg.out.neighbours(a).binary_search(&b).is_ok())
            })
        };
        let followed_by_brand = |a: u32| {
            fg.is_some_and(|fg| {
                brand
                    .iter()
                    .any(|&b| fg.out.neighbours(b).binary_search(&a).is_ok())
            })
        };

        let bet = &c.paths.betweenness;
        let relations_f: Vec<f64> = c.relations.iter().map(|&r| r as f64).collect();
        let leaders: Vec<Leader> = c
            .leaders
            .iter()
            .copied()
            .filter(|&a| !cx.is_brand(a) && !cx.is_competitor(a))
            .take(s.leaders)
            .map(|a| {
                let i = a as usize;
                Leader {
                    account: a,
                    score: c.opinion_leader[i],
                    relations: c.relations[i],
                    in_degree: c.in_degree[i],
                    ranks: [
                        rank(&c.paths.harmonic, &connected, c.paths.harmonic[i]),
                        rank(&relations_f, &connected, relations_f[i]),
                        rank(&c.pagerank.scores, &connected, c.pagerank.scores[i]),
                        rank(bet, &connected, bet[i]),
                    ],
                    follows_brand: follows_brand(a),
                    followed_by_brand: followed_by_brand(a),
                    talks_to_brand: talks[i],
                    community: community.map(|m| m[i]),
                }
            })
            .collect();

        let brand_net = (!brand.is_empty()).then(|| brand_network(cx, brand));
        let brand_best = brand
            .iter()
            .copied()
            .filter(|&b| connected[b as usize])
            .max_by(|&a, &b| c.opinion_leader[a as usize].total_cmp(&c.opinion_leader[b as usize]));
        let brand_score = brand_best.map(|b| c.opinion_leader[b as usize]);
        let brand_rank =
            brand_best.and_then(|b| c.leaders.iter().position(|&x| x == b).map(|p| p as u64 + 1));
        Ok(Analysis {
            net,
            c,
            community,
            active,
            arcs,
            density,
            reciprocity: reciprocity(g),
            components,
            largest_component,
            in_hist: degree_histogram(&g.inc),
            out_hist: degree_histogram(&g.out),
            top1_pagerank,
            betweenness_rse,
            harmonic_rse,
            leaders,
            brand: brand_net,
            brand_score,
            brand_rank,
            has_follows,
        })
    }
}

/// The brand's followers, following and follower growth, from the follow graph and the
/// follows table (dates).
fn brand_network(cx: &Context<'_>, brand: &[AccountIx]) -> BrandNetwork {
    let mut out = BrandNetwork::default();
    if cx.data.follows.is_empty() {
        return out;
    }
    let fg = cx.follow_graph();
    let mut followers: Vec<u32> = brand
        .iter()
        .flat_map(|&b| fg.inc.neighbours(b).iter().copied())
        .filter(|&a| !cx.is_brand(a))
        .collect();
    followers.sort_unstable();
    followers.dedup();
    let mut following: Vec<u32> = brand
        .iter()
        .flat_map(|&b| fg.out.neighbours(b).iter().copied())
        .filter(|&a| !cx.is_brand(a))
        .collect();
    following.sort_unstable();
    following.dedup();
    out.mutual = followers
        .iter()
        .filter(|a| following.binary_search(a).is_ok())
        .count() as u64;
    out.followers = followers.len() as u64;
    out.following = following.len() as u64;

    // New followers per month: the first dated follow of each follower of the brand.
    let mut first: BTreeMap<u32, i64> = BTreeMap::new();
    for f in &cx.data.follows {
        if !cx.is_brand(f.target) || cx.is_brand(f.source) {
            continue;
        }
        match f.created() {
            Some(t) => {
                let e = first.entry(f.source).or_insert(t);
                *e = (*e).min(t);
            }
            None => out.undated += 1,
        }
    }
    let mut months: BTreeMap<(i64, u32), u64> = BTreeMap::new();
    for &t in first.values() {
        let (y, m, _) = civil_from_days(t.div_euclid(86_400));
        *months.entry((y, m)).or_insert(0) += 1;
    }
    if let (Some(&(y0, m0)), Some(&(y1, m1))) = (months.keys().next(), months.keys().next_back()) {
        let (mut y, mut m) = (y0, m0);
        loop {
            out.growth
                .push((y, m, months.get(&(y, m)).copied().unwrap_or(0)));
            if (y, m) == (y1, m1) {
                break;
            }
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    out
}
