//! The `Context` a plugin analyses: the dataset, the configuration, and shared indexes that
//! are built lazily, once (`OnceLock`), whichever plugin asks first.

use crate::config::{Config, Period};
use crate::i18n::Lang;
use crate::load::IdMap;
use crate::model::{AccountIx, Dataset, FollowKind, PostIx};
use crate::network::{
    self, Centrality, Communities, CommunitySettings, NetworkSettings, SocialNetwork,
};
use crate::plugin::PluginError;
use crate::settings::Settings;
use crate::threads::Threads;
use jiff::tz::TimeZone;
use rustc_hash::FxHashMap;
use std::sync::{Arc, OnceLock};

pub use crate::index::{Csr, Engagement, FollowGraph, Forest};

/// Options the runner sets on a context.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ContextOptions {
    /// Report language (overrides the config).
    pub lang: Option<Lang>,
    /// Report period (overrides the config).
    pub period: Option<Period>,
}

/// What a plugin sees.
pub struct Context<'a> {
    /// The data.
    pub data: &'a Dataset,
    /// The configuration.
    pub config: &'a Config,
    /// Report language.
    pub lang: Lang,
    /// The audience's time zone.
    pub tz: TimeZone,
    /// The report period, when one was set.
    pub period: Option<Period>,
    brand: Vec<AccountIx>,
    brand_unresolved: Vec<String>,
    is_brand: Vec<bool>,
    competitors: Vec<AccountIx>,
    competitors_unresolved: Vec<String>,
    account_ids: OnceLock<IdMap>,
    post_ids: OnceLock<IdMap>,
    follow_graph: OnceLock<FollowGraph>,
    replies: OnceLock<Forest>,
    reposts: OnceLock<Forest>,
    threads: OnceLock<Threads>,
    posts_by_author: OnceLock<Csr>,
    engagement: OnceLock<Engagement>,
    handles: OnceLock<FxHashMap<String, AccountIx>>,
    network: OnceLock<Result<Arc<SocialNetwork>, String>>,
    pagerank: OnceLock<Result<Arc<crate::graph::PageRank>, String>>,
    centrality: OnceLock<Result<Arc<Centrality>, String>>,
    communities: OnceLock<Result<Arc<Communities>, String>>,
    index_timings: std::sync::Mutex<Vec<(String, std::time::Duration)>>,
}

impl<'a> Context<'a> {
    /// Makes a context; resolves `report.brand` against account ids, then handles.
    pub fn new(data: &'a Dataset, config: &'a Config, opts: ContextOptions) -> Context<'a> {
        let tz = config.time_zone();
        let lang = opts.lang.or(config.report.lang).unwrap_or_default();
        let period = opts.period.or_else(|| {
            config
                .report
                .period
                .as_deref()
                .and_then(|p| Period::parse(p, &tz).ok())
        });
        let mut cx = Context {
            data,
            config,
            lang,
            tz,
            period,
            brand: Vec::new(),
            brand_unresolved: Vec::new(),
            is_brand: vec![false; data.accounts.len()],
            competitors: Vec::new(),
            competitors_unresolved: Vec::new(),
            account_ids: OnceLock::new(),
            post_ids: OnceLock::new(),
            follow_graph: OnceLock::new(),
            replies: OnceLock::new(),
            reposts: OnceLock::new(),
            threads: OnceLock::new(),
            posts_by_author: OnceLock::new(),
            engagement: OnceLock::new(),
            handles: OnceLock::new(),
            network: OnceLock::new(),
            pagerank: OnceLock::new(),
            centrality: OnceLock::new(),
            communities: OnceLock::new(),
            index_timings: std::sync::Mutex::new(Vec::new()),
        };
        for b in &config.report.brand {
            match cx.resolve_account(b) {
                Some(ix) => {
                    if !cx.is_brand[ix as usize] {
                        cx.is_brand[ix as usize] = true;
                        cx.brand.push(ix);
                    }
                }
                None => cx.brand_unresolved.push(b.clone()),
            }
        }
        for c in &config.report.competitors {
            match cx.resolve_account(c) {
                Some(ix) if !cx.competitors.contains(&ix) && !cx.is_brand(ix) => {
                    cx.competitors.push(ix)
                }
                Some(_) => {}
                None => cx.competitors_unresolved.push(c.clone()),
            }
        }
        cx
    }

    /// Competitors' accounts (`report.competitors`), in config order, brand accounts left out.
    pub fn competitors(&self) -> &[AccountIx] {
        &self.competitors
    }

    /// Whether an account is one of the competitors' (`report.competitors`).
    pub fn is_competitor(&self, a: AccountIx) -> bool {
        self.competitors.contains(&a)
    }

    /// Competitor entries of the config that match no account.
    pub fn competitors_unresolved(&self) -> &[String] {
        &self.competitors_unresolved
    }

    /// The account with this id in the data folder (hash look-up, built on first use).
    pub fn account_by_id(&self, id: &str) -> Option<AccountIx> {
        self.account_ids
            .get_or_init(|| IdMap::from_ids(self.data.accounts.iter().map(|a| &*a.id)).0)
            .get(id)
    }

    /// The post with this id in the data folder (hash look-up, built on first use).
    pub fn post_by_id(&self, id: &str) -> Option<PostIx> {
        self.post_ids
            .get_or_init(|| IdMap::from_ids(self.data.posts.iter().map(|p| &*p.id)).0)
            .get(id)
    }

    /// Finds an account by id, else by handle (case-insensitive, with or without `@`).
    pub fn resolve_account(&self, key: &str) -> Option<AccountIx> {
        self.account_by_id(key).or_else(|| {
            let h = key.trim_start_matches('@').to_lowercase();
            self.handles().get(&h).copied()
        })
    }

    /// Lowercase handle → account.
    pub fn handles(&self) -> &FxHashMap<String, AccountIx> {
        self.handles.get_or_init(|| {
            let mut m = FxHashMap::default();
            for (i, a) in self.data.accounts.iter().enumerate() {
                if let Some(h) = &a.handle {
                    m.entry(h.to_lowercase()).or_insert(i as AccountIx);
                }
            }
            m
        })
    }

    /// The organisation's own accounts, in config order.
    pub fn brand(&self) -> &[AccountIx] {
        &self.brand
    }

    /// Brand entries of the config that match no account.
    pub fn brand_unresolved(&self) -> &[String] {
        &self.brand_unresolved
    }

    /// Whether an account is one of the brand's.
    pub fn is_brand(&self, a: AccountIx) -> bool {
        self.is_brand.get(a as usize).copied().unwrap_or(false)
    }

    /// Whether a timestamp lies in the report period (always true without a period).
    pub fn in_period(&self, ts: i64) -> bool {
        self.period.is_none_or(|p| p.contains(ts))
    }

    /// The comparison period: the same number of days right before the report period
    /// ([`Period::previous`]); `None` without a report period.
    pub fn previous_period(&self) -> Option<Period> {
        self.period.map(|p| p.previous(&self.tz))
    }

    /// The same data, configuration and language for another period (the comparison run).
    /// The social network and what is computed from it (PageRank, centralities, communities)
    /// do not depend on the period when the network is made of follows only: those indexes,
    /// as far as they were built here, are shared instead of built again.
    pub fn for_period(&self, period: Period) -> Context<'a> {
        let opts = ContextOptions {
            lang: Some(self.lang),
            period: Some(period),
        };
        let cx = Context::new(self.data, self.config, opts);
        if !self.network_uses_posts() {
            fn share<T>(
                from: &OnceLock<Result<Arc<T>, String>>,
                to: &OnceLock<Result<Arc<T>, String>>,
            ) {
                if let Some(Ok(v)) = from.get() {
                    let _ = to.set(Ok(Arc::clone(v)));
                }
            }
            share(&self.network, &cx.network);
            share(&self.pagerank, &cx.pagerank);
            share(&self.centrality, &cx.centrality);
            share(&self.communities, &cx.communities);
        }
        cx
    }

    /// Whether [`Context::network`] is built from the posts of the period (mentions, replies,
    /// reshares) rather than from follows alone; `true` when its settings cannot be read.
    fn network_uses_posts(&self) -> bool {
        let s = Settings::new("relationships", self.plugin_config("relationships"));
        match NetworkSettings::read(&s) {
            Ok(settings) => {
                settings
                    .edges
                    .iter()
                    .any(|k| *k != network::EdgeKind::Follow)
                    || (settings.edges.is_empty() && self.data.follows.is_empty())
            }
            Err(_) => true,
        }
    }

    /// Whether the social network is only the brand's own circle: it has relations, and every
    /// one of them starts or ends at a brand account (the export of one account's followers,
    /// following and replies, with nothing between the others). Then the brand sits in the
    /// centre by construction, and a score of its position or of the communities around it says
    /// nothing: plugins withhold such scores ("not enough data to judge"). `false` without a
    /// brand or when the network cannot be built.
    pub fn brand_centred_network(&self) -> bool {
        if self.brand.is_empty() {
            return false;
        }
        let Ok(net) = self.network() else {
            return false;
        };
        let out = &net.graph.out;
        let n = net.graph.node_count();
        net.graph.arc_count() > 0
            && (0..n as u32)
                .all(|a| self.is_brand(a) || out.neighbours(a).iter().all(|&b| self.is_brand(b)))
    }

    /// Indexes of the posts in the report period.
    pub fn posts_in_period(&self) -> impl Iterator<Item = PostIx> + '_ {
        self.data
            .posts
            .iter()
            .enumerate()
            .filter(|(_, p)| self.in_period(p.created_at))
            .map(|(i, _)| i as PostIx)
    }

    /// The settings table `[plugins.ID]`, if any.
    pub fn plugin_config(&self, id: &str) -> Option<&toml::Table> {
        self.config.plugins.get(id)
    }

    /// Picks the text for the report language.
    pub fn t<'t>(&self, en: &'t str, nl: &'t str) -> &'t str {
        self.lang.pick(en, nl)
    }

    /// The follow graph, built on first use and shared by every plugin. A `friend` edge
    /// (a mutual relation, as on Facebook) counts in both directions; duplicate edges and
    /// self-loops are dropped; all follows are used, whatever their date.
    pub fn follow_graph(&self) -> &FollowGraph {
        self.follow_graph.get_or_init(|| {
            let n = self.data.accounts.len();
            let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(self.data.follows.len());
            for f in self.data.follows.iter().filter(|f| f.source != f.target) {
                pairs.push((f.source, f.target));
                if f.kind == FollowKind::Friend {
                    pairs.push((f.target, f.source));
                }
            }
            pairs.sort_unstable();
            pairs.dedup();
            let out = Csr::from_pairs(n, pairs.iter().copied());
            let inc = Csr::from_pairs(n, pairs.iter().map(|&(a, b)| (b, a)));
            FollowGraph {
                out: std::sync::Arc::new(out),
                inc: std::sync::Arc::new(inc),
            }
        })
    }

    /// Reply threads: every post's parent (`reply_to`), root and depth, built on first use.
    /// A reply whose parent is missing from the data is a root (the start of its own thread).
    pub fn reply_forest(&self) -> &Forest {
        self.replies
            .get_or_init(|| Forest::build(self.data.posts.len(), |i| self.data.posts[i].reply_to))
    }

    /// Reply threads (roots with at least one reply) with their size, depth, participants,
    /// first reply, duration and brand replies, built on first use from
    /// [`Context::reply_forest`]; see [`crate::threads`] for the definitions.
    pub fn threads(&self) -> &Threads {
        self.threads.get_or_init(|| {
            let forest = self.reply_forest();
            let t = std::time::Instant::now();
            let threads = Threads::build(self.data, forest, |a| self.is_brand(a));
            self.record("index threads", t.elapsed());
            threads
        })
    }

    /// Repost cascades: every post's original (`repost_of`), root and depth, built on first use.
    pub fn repost_forest(&self) -> &Forest {
        self.reposts
            .get_or_init(|| Forest::build(self.data.posts.len(), |i| self.data.posts[i].repost_of))
    }

    /// The social network of `[plugins.relationships] edges` (follows by default), built on
    /// first use and shared by the relationships, groups and reputation plugins. Follows are
    /// used whatever their date; mentions, replies and reshares come from the report period.
    /// An error when the settings are wrong.
    pub fn network(&self) -> Result<&SocialNetwork, PluginError> {
        self.network
            .get_or_init(|| {
                let s = Settings::new("relationships", self.plugin_config("relationships"));
                let settings = NetworkSettings::read(&s)?;
                let needs_posts = settings
                    .edges
                    .iter()
                    .any(|k| *k != network::EdgeKind::Follow)
                    || (settings.edges.is_empty() && self.data.follows.is_empty());
                let posts: Vec<u32> = if needs_posts {
                    self.posts_in_period().collect()
                } else {
                    Vec::new()
                };
                let handles = if needs_posts {
                    self.handles()
                } else {
                    &FxHashMap::default()
                };
                let t = std::time::Instant::now();
                let plain_follows = !self.data.follows.is_empty();
                let fg = plain_follows.then(|| self.follow_graph());
                let net = network::build_network(self.data, settings, &posts, handles, fg);
                self.record("index network", t.elapsed());
                Ok(Arc::new(net))
            })
            .as_ref()
            .map(|a| &**a)
            .map_err(|e| PluginError::Config(e.clone()))
    }

    /// PageRank of every account in [`Context::network`] (`[plugins.relationships]`
    /// damping, tolerance and iterations), computed on first use: on its own it costs a
    /// fraction of [`Context::centrality`], which reuses it.
    pub fn pagerank(&self) -> Result<&crate::graph::PageRank, PluginError> {
        self.pagerank
            .get_or_init(|| {
                let net = self.network().map_err(|e| e.to_string())?;
                let t = std::time::Instant::now();
                let pr = network::pagerank(net);
                self.record("index pagerank", t.elapsed());
                Ok(Arc::new(pr))
            })
            .as_ref()
            .map(|a| &**a)
            .map_err(|e| PluginError::Config(e.clone()))
    }

    /// Centralities and opinion-leader scores of every account in [`Context::network`],
    /// computed on first use.
    pub fn centrality(&self) -> Result<&Centrality, PluginError> {
        self.centrality
            .get_or_init(|| {
                let net = self.network().map_err(|e| e.to_string())?;
                let pr = self.pagerank().map_err(|e| e.to_string())?;
                let c = network::centrality(net, pr.clone());
                for (name, d) in &c.timings {
                    self.record(name, *d);
                }
                Ok(Arc::new(c))
            })
            .as_ref()
            .map(|a| &**a)
            .map_err(|e| PluginError::Config(e.clone()))
    }

    /// Communities (Leiden, `[plugins.groups]` settings) in the undirected projection of
    /// [`Context::network`], detected on first use, after [`Context::centrality`].
    pub fn communities(&self) -> Result<&Communities, PluginError> {
        self.communities
            .get_or_init(|| {
                let net = self.network().map_err(|e| e.to_string())?;
                // Leiden waits for the centralities instead of running beside them: each gets
                // both cores (both are parallel inside), and their working sets never add up.
                let _ = self.centrality();
                let s = Settings::new("groups", self.plugin_config("groups"));
                let settings = CommunitySettings::read(&s)?;
                let t = std::time::Instant::now();
                let c = network::communities(net, settings);
                self.record("index communities (leiden)", t.elapsed());
                Ok(Arc::new(c))
            })
            .as_ref()
            .map(|a| &**a)
            .map_err(|e| PluginError::Config(e.clone()))
    }

    fn record(&self, name: &str, d: std::time::Duration) {
        if let Ok(mut v) = self.index_timings.lock() {
            v.push((name.to_string(), d));
        }
    }

    /// How long each shared index took to build (for `--timings`), in the order built.
    pub fn index_timings(&self) -> Vec<(String, std::time::Duration)> {
        self.index_timings
            .lock()
            .map(|v| v.clone())
            .unwrap_or_default()
    }

    /// Engagement per post ([`Engagement`]: exported counts plus the interactions found in
    /// the data), built on first use.
    pub fn engagement(&self) -> &Engagement {
        self.engagement.get_or_init(|| Engagement::build(self.data))
    }

    /// Posts per author (post indexes in file order), built on first use.
    pub fn posts_by_author(&self) -> &Csr {
        self.posts_by_author.get_or_init(|| {
            Csr::from_pairs(
                self.data.accounts.len(),
                self.data
                    .posts
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.author, i as u32)),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engagement_adds_what_the_data_shows() {
        use crate::model::Post;
        let post = |likes: Option<u32>,
                    reply_to: Option<u32>,
                    repost_of: Option<u32>,
                    quote_of: Option<u32>| Post {
            likes,
            reply_to,
            repost_of,
            quote_of,
            ..Post::default()
        };
        let mut d = Dataset::default();
        // p0: 5 likes, a reply (p1), a repost (p2) and a quote (p3) found in the data; no
        // reposts or replies columns, so those are counted: 5 + 1 + 1 + 1 = 8.
        d.posts.push(post(Some(5), None, None, None));
        d.posts.push(post(None, Some(0), None, None));
        d.posts.push(post(None, None, Some(0), None));
        d.posts.push(post(None, None, None, Some(0)));
        let cfg = Config::default();
        let cx = Context::new(&d, &cfg, ContextOptions::default());
        let e = cx.engagement();
        assert_eq!(
            (0..4).map(|i| e.of(&d, i)).collect::<Vec<_>>(),
            [8, 0, 0, 0]
        );
        assert_eq!(
            (e.quotes_in_data, e.columns, e.any),
            (1, [true, false, false], true)
        );
        // With a replies column the reply is not counted twice: 5 + 2 (exported) + 1 + 1.
        d.posts[0].replies = Some(2);
        let cx = Context::new(&d, &cfg, ContextOptions::default());
        assert_eq!(cx.engagement().of(&d, 0), 9);
        assert!(!Engagement::build(&Dataset::default()).any);
    }

    #[test]
    fn brand_competitors_friends_and_lookups() {
        use crate::model::{Account, Follow, Post};
        let mut d = Dataset::default();
        for (id, h) in [("1", "acme"), ("2", "rival"), ("3", "fan")] {
            d.accounts.push(Account {
                id: id.into(),
                handle: Some(h.into()),
                declared: true,
                ..Account::default()
            });
        }
        d.posts.push(Post {
            id: "p9".into(),
            ..Post::default()
        });
        d.follows.push(Follow {
            source: 2,
            target: 0,
            created_at: crate::model::NO_TIME,
            kind: FollowKind::Friend,
            weight: 1.0,
        });
        d.follows.push(Follow {
            source: 1,
            target: 0,
            created_at: crate::model::NO_TIME,
            kind: FollowKind::Follow,
            weight: 1.0,
        });
        let cfg = Config::parse(
            "[report]\nbrand = [\"@ACME\"]\ncompetitors = [\"rival\", \"acme\", \"nobody\"]\n",
        )
        .expect("config");
        let cx = Context::new(&d, &cfg, ContextOptions::default());
        assert_eq!(cx.brand(), &[0]);
        assert_eq!(
            cx.competitors(),
            &[1],
            "the brand is never its own competitor"
        );
        assert_eq!(cx.competitors_unresolved(), &["nobody".to_string()]);
        assert_eq!(
            (
                cx.account_by_id("3"),
                cx.post_by_id("p9"),
                cx.post_by_id("x")
            ),
            (Some(2), Some(0), None)
        );
        let g = cx.follow_graph();
        assert_eq!(g.out.neighbours(0), &[2], "a friend edge goes both ways");
        assert_eq!(g.inc.neighbours(0), &[1, 2]);
    }

    #[test]
    fn forests_give_roots_depths_and_sizes() {
        // 0 ← 2 ← 3, 0 ← 1, 4 alone; 5 → 6 → 5 is a loop; 7 refers to itself.
        let parents = [
            None,
            Some(0),
            Some(0),
            Some(2),
            None,
            Some(6),
            Some(5),
            Some(7),
        ];
        let f = Forest::build(parents.len(), |i| parents[i]);
        assert_eq!(f.root[..5], [0, 0, 0, 0, 4]);
        assert_eq!(f.depth[..5], [0, 1, 1, 2, 0]);
        assert_eq!(f.children.neighbours(0), &[1, 2]);
        assert_eq!(f.subtree_size(0), 4);
        assert_eq!(f.subtree_size(4), 1);
        assert_eq!(f.cycles_cut, 1, "the loop is cut once");
        assert_eq!(f.root[5], f.root[6], "what was a loop is one tree");
        assert_eq!((f.depth[5] + f.depth[6]), 1);
        assert_eq!(
            (f.root[7], f.depth[7]),
            (7, 0),
            "a self-reference is a root"
        );
        // Children listed before parents give the same result.
        let rev: Vec<Option<u32>> = vec![Some(1), Some(2), None];
        let g = Forest::build(3, |i| rev[i]);
        assert_eq!(
            (g.root.clone(), g.depth.clone()),
            (vec![2, 2, 2], vec![2, 1, 0])
        );
    }

    #[test]
    fn csr_groups_and_sorts() {
        let c = Csr::from_pairs(3, [(2u32, 1u32), (0, 2), (0, 1), (2, 0)].into_iter());
        assert_eq!(c.neighbours(0), &[1, 2]);
        assert_eq!(c.neighbours(1), &[] as &[u32]);
        assert_eq!(c.neighbours(2), &[0, 1]);
        assert_eq!(c.degree(2), 2);
    }
}
