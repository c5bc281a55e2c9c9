//! What the sharing plugin computes, before any text: repost cascades, what is shared, and
//! the three copyright and attribution checks.

use crate::minhash::{self, Params};
use crate::settings::Settings;
use crate::text::domain;
use honeycomb_core::{AccountIx, Context, Forest, Post, PostIx, PostKind, TableKind};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// One repost cascade: a post and every repost of it, direct or indirect.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cascade {
    /// The original post at the root.
    pub root: PostIx,
    /// Posts in the cascade, the root included.
    pub size: u32,
    /// The largest number of hops from the root.
    pub depth: u32,
    /// Structural virality (Goel, Anderson, Hofman & Watts 2016): the mean shortest-path
    /// distance between all pairs of posts in the cascade tree.
    pub virality: f64,
}

/// The cascades of a repost forest whose root passes `keep`, largest first (ties: the
/// earlier root first), and for every post the number of reposts below it (its subtree
/// without itself).
///
/// Only trees with at least one repost are cascades (the peer definition,
/// `sharing_cascades` in `shared/bench/peers.py`). Structural virality is the Wiener index
/// (the sum of the distances between all pairs) divided by the number of pairs N(N−1)/2;
/// in a tree the Wiener index is Σ over edges of s·(N − s), s the number of posts below the
/// edge, so one pass from the deepest reposts up gives every cascade in O(N).
pub fn cascades(f: &Forest, keep: impl Fn(PostIx) -> bool) -> (Vec<Cascade>, Vec<u32>) {
    let n = f.parent.len();
    // Reposts by depth (counting sort), deepest first.
    let mut per_depth: Vec<usize> = Vec::new();
    for v in 0..n {
        if f.parent[v] != Forest::NONE {
            let d = f.depth[v] as usize;
            if d >= per_depth.len() {
                per_depth.resize(d + 1, 0);
            }
            per_depth[d] += 1;
        }
    }
    let mut start = vec![0usize; per_depth.len() + 1];
    for d in (0..per_depth.len()).rev() {
        // Deepest first: depth d starts after all deeper ones.
        start[d] = start[d + 1] + per_depth[d];
    }
    // start[d] is the end of depth d's block; fill backwards.
    let total = start[0];
    let mut order = vec![0u32; total];
    let mut fill: Vec<usize> = start.clone();
    for v in 0..n {
        if f.parent[v] != Forest::NONE {
            let d = f.depth[v] as usize;
            fill[d] -= 1;
            order[fill[d]] = v as u32;
        }
    }
    let mut below = vec![0u32; n];
    for &v in &order {
        let s = below[v as usize] + 1;
        below[f.parent[v as usize] as usize] += s;
    }
    let roots: Vec<u32> = (0..n as u32)
        .filter(|&r| f.parent[r as usize] == Forest::NONE && below[r as usize] > 0 && keep(r))
        .collect();
    let mut wiener = vec![0u128; roots.len()];
    let mut depth = vec![0u32; roots.len()];
    for &v in &order {
        let r = f.root[v as usize];
        if let Ok(c) = roots.binary_search(&r) {
            let big_n = below[r as usize] as u128 + 1;
            let s = below[v as usize] as u128 + 1;
            wiener[c] += s * (big_n - s);
            depth[c] = depth[c].max(f.depth[v as usize]);
        }
    }
    let mut list: Vec<Cascade> = roots
        .iter()
        .enumerate()
        .map(|(c, &r)| {
            let size = below[r as usize] + 1;
            let pairs = size as f64 * (size as f64 - 1.0) / 2.0;
            Cascade {
                root: r,
                size,
                depth: depth[c],
                virality: wiener[c] as f64 / pairs,
            }
        })
        .collect();
    list.sort_by(|a, b| b.size.cmp(&a.size).then(a.root.cmp(&b.root)));
    (list, below)
}

/// Posts, posts reshared at least once and the reshares they got, for a group of posts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Reach {
    /// Own posts (not reposts) in the group.
    pub posts: u64,
    /// Of those, reposted at least once.
    pub reshared: u64,
    /// Reposts they got, direct and indirect.
    pub reshares: u64,
}

impl Reach {
    fn add(&mut self, below: u32) {
        self.posts += 1;
        self.reshared += (below > 0) as u64;
        self.reshares += below as u64;
    }

    fn merge(&mut self, o: &Reach) {
        self.posts += o.posts;
        self.reshared += o.reshared;
        self.reshares += o.reshares;
    }

    /// Reshares per post (0 without posts).
    pub fn mean(&self) -> f64 {
        if self.posts == 0 {
            0.0
        } else {
            self.reshares as f64 / self.posts as f64
        }
    }

    /// Share of posts reshared at least once (0 without posts).
    pub fn share(&self) -> f64 {
        if self.posts == 0 {
            0.0
        } else {
            self.reshared as f64 / self.posts as f64
        }
    }
}

/// A hashtag with the reach of the posts that carry it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    /// The hashtag, lowercase, without `#`.
    pub tag: String,
    /// Reach of the own posts with it.
    pub reach: Reach,
}

/// An account whose posts were reshared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SharedAuthor {
    /// The account.
    pub account: AccountIx,
    /// Its posts with at least one repost.
    pub cascades: u64,
    /// Reposts of its posts, direct and indirect.
    pub reshares: u64,
    /// Its largest cascade (posts, root included).
    pub largest: u32,
}

/// A brand post that copies an earlier post by someone else without naming them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopyFlag {
    /// The brand's post.
    pub post: PostIx,
    /// The earliest similar post by another account.
    pub source: PostIx,
    /// Jaccard similarity of their shingle sets.
    pub similarity: f64,
    /// Other earlier similar posts by other accounts.
    pub others: u32,
}

/// A brand repost or quote of someone else's media that carries no credit or licence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MediaFlag {
    /// The brand's repost or quote.
    pub post: PostIx,
    /// The original post with the media.
    pub original: PostIx,
}

/// A brand quote of an account that does not follow the brand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuoteFlag {
    /// The brand's quote.
    pub post: PostIx,
    /// The quoted post (the original, when the quoted post is itself a repost).
    pub quoted: PostIx,
}

/// Format categories of own posts, in table order.
pub const FORMATS: usize = 4;
/// Index of "with media", "with a link", "with hashtags", "text only".
pub const MEDIA: usize = 0;
/// See [`MEDIA`].
pub const LINK: usize = 1;
/// See [`MEDIA`].
pub const HASHTAG: usize = 2;
/// See [`MEDIA`].
pub const TEXT_ONLY: usize = 3;

/// Everything the report needs.
#[derive(Debug)]
pub struct Analysis {
    /// Cascades whose root is in the period, largest first.
    pub cascades: Vec<Cascade>,
    /// Reposts below each post, all posts.
    pub below: Vec<u32>,
    /// Cascades per depth (index = depth).
    pub depth_hist: Vec<u64>,
    /// Reference loops cut while building the forest.
    pub cycles_cut: u64,
    /// Posts in the period by kind (original, reply, repost, quote): `[brand, audience]`.
    pub mix: [[u64; 4]; 2],
    /// Reach of own posts (not reposts) in the period: all, brand, audience.
    pub reach: Reach,
    /// Reach of the brand's own posts.
    pub brand_reach: Reach,
    /// Reach of the audience's own posts.
    pub audience_reach: Reach,
    /// Reach per format, over own posts in the period.
    pub formats: [Reach; FORMATS],
    /// Hashtags by own posts in the period, most used first.
    pub tags: Vec<Tag>,
    /// Reach per format over the brand's own posts in the period.
    pub brand_formats: [Reach; FORMATS],
    /// Hashtags of the brand's own posts in the period, most used first.
    pub brand_tags: Vec<Tag>,
    /// Hashtag pairs by own posts carrying both, most frequent first.
    pub pairs: Vec<(String, String, u64)>,
    /// Linked domains by own posts linking them, most frequent first.
    pub domains: Vec<(String, u64)>,
    /// Own posts with at least one hashtag, a link, media.
    pub with_tag: u64,
    /// See `with_tag`.
    pub with_link: u64,
    /// See `with_tag`.
    pub with_media: u64,
    /// The posts table has a `media` column.
    pub has_media: bool,
    /// The posts table has a `credit` or `license` column.
    pub has_credit: bool,
    /// The posts table has a `repost_of` column (or reposts were found).
    pub has_reposts: bool,
    /// The data has a follows table.
    pub has_follows: bool,
    /// Most reshared authors, most reshares first (all of them; the report lists the top).
    pub authors: Vec<SharedAuthor>,
    /// Reposts received per account (cascades rooted in the period).
    pub received: Vec<u64>,
    /// Brand posts with enough words to be checked for copies.
    pub checked: u64,
    /// Brand posts that resemble an earlier post by someone else and name them.
    pub credited: u64,
    /// Brand posts that copy without naming the source.
    pub copies: Vec<CopyFlag>,
    /// Brand reposts and quotes of other accounts' posts with media.
    pub media_reshares: u64,
    /// Those without credit or licence.
    pub media_flags: Vec<MediaFlag>,
    /// Brand quotes of other accounts' posts.
    pub quotes: u64,
    /// Those of accounts that do not follow the brand (`None` without a follows table).
    pub quote_flags: Option<Vec<QuoteFlag>>,
    /// Candidate pairs the near-copy detector verified, and posts it signed.
    pub detector: (u64, u64),
}

fn nonempty(s: Option<&str>) -> bool {
    s.is_some_and(|s| !s.trim().is_empty())
}

/// Lowercase forms of an account's handle, id and display name.
struct Names {
    handle: Option<String>,
    id: String,
    display: Option<String>,
}

impl Names {
    fn of(cx: &Context<'_>, a: AccountIx) -> Names {
        let acc = &cx.data.accounts[a as usize];
        Names {
            handle: acc.handle.as_deref().map(str::to_lowercase),
            id: acc.id.to_lowercase(),
            display: acc
                .display_name
                .as_deref()
                .map(|d| d.trim().to_lowercase())
                .filter(|d| d.chars().count() >= 3),
        }
    }

    /// Whether a credit line names the account.
    fn in_credit(&self, credit: &str) -> bool {
        let c = credit.to_lowercase();
        let word = |w: &str| {
            w.len() >= 2
                && c.match_indices(w).any(|(i, _)| {
                    let before = c[..i].chars().next_back();
                    let after = c[i + w.len()..].chars().next();
                    !before.is_some_and(|x| x.is_alphanumeric() || x == '_')
                        && !after.is_some_and(|x| x.is_alphanumeric() || x == '_')
                })
        };
        self.handle.as_deref().is_some_and(word)
            || word(&self.id)
            || self.display.as_deref().is_some_and(word)
    }

    /// Whether a mention (lowercase, without `@`) names the account.
    fn is_mention(&self, m: &str) -> bool {
        let is = |h: &str| m == h || m.strip_prefix(h).is_some_and(|r| r.starts_with('@'));
        self.handle.as_deref().is_some_and(is) || is(&self.id)
    }

    /// Whether a link points at the account's profile: `…/@handle` or `…/handle` as a
    /// path segment.
    fn in_link(&self, url: &str) -> bool {
        let u = url.to_lowercase();
        let seg = |h: &str| {
            h.len() >= 3
                && ["/@", "/"].iter().any(|p| {
                    let pat = format!("{p}{h}");
                    u.match_indices(&pat).any(|(i, _)| {
                        let after = u[i + pat.len()..].chars().next();
                        !after.is_some_and(|x| x.is_alphanumeric() || x == '_' || x == '.')
                    })
                })
        };
        self.handle.as_deref().is_some_and(seg)
    }
}

/// Whether brand post `b` names the source post `s` or its author: a credit line with the
/// author's handle, id or display name; a mention of the author; a link to a site the
/// source post links to or the author's profile links to (sites of the brand's own profiles
/// excepted), to the author's profile, or containing the source post's id; or a reply to
/// or quote of a post by the author.
fn attributes(cx: &Context<'_>, b: &Post, s: PostIx, brand_hosts: &[String]) -> bool {
    let d = cx.data;
    let src = &d.posts[s as usize];
    let names = Names::of(cx, src.author);
    if b.credit().is_some_and(|c| names.in_credit(c)) {
        return true;
    }
    if b.mentions().iter().any(|m| names.is_mention(m)) {
        return true;
    }
    if [b.reply_to, b.quote_of]
        .into_iter()
        .flatten()
        .any(|q| d.posts[q as usize].author == src.author)
    {
        return true;
    }
    if b.urls().is_empty() {
        return false;
    }
    let mut hosts: Vec<String> = src.urls().iter().filter_map(|u| domain(u)).collect();
    if let Some(u) = d.accounts[src.author as usize].url.as_deref()
        && let Some(h) = domain(u)
    {
        hosts.push(h);
    }
    hosts.retain(|h| !brand_hosts.contains(h));
    let id = src.id.to_lowercase();
    b.urls().iter().any(|u| {
        domain(u).is_some_and(|h| hosts.contains(&h))
            || names.in_link(u)
            || (id.len() >= 6 && u.to_lowercase().contains(&id))
    })
}

/// What one pass over a range of posts collects.
#[derive(Default)]
struct Pass<'d> {
    mix: [[u64; 4]; 2],
    brand_reach: Reach,
    audience_reach: Reach,
    formats: [Reach; FORMATS],
    tags: FxHashMap<&'d str, Reach>,
    brand_formats: [Reach; FORMATS],
    brand_tags: FxHashMap<&'d str, Reach>,
    pairs: FxHashMap<(&'d str, &'d str), u64>,
    domains: FxHashMap<String, u64>,
    with_tag: u64,
    with_link: u64,
    with_media: u64,
    any_credit: bool,
    brand_posts: Vec<PostIx>,
}

impl<'d> Pass<'d> {
    /// Adds post `i` (`below`: the reposts below it).
    fn add(&mut self, cx: &Context<'_>, i: usize, p: &'d Post, below: u32) {
        if nonempty(p.credit()) || nonempty(p.license()) {
            self.any_credit = true;
        }
        if !cx.in_period(p.created_at) {
            return;
        }
        let brand = cx.is_brand(p.author);
        if brand {
            self.brand_posts.push(i as PostIx);
        }
        let kind = p.kind();
        self.mix[usize::from(!brand)][kind as usize] += 1;
        if kind == PostKind::Repost {
            return;
        }
        if brand {
            self.brand_reach.add(below);
        } else {
            self.audience_reach.add(below);
        }
        let media = nonempty(p.media());
        let has_tags = !p.hashtags().is_empty();
        let has_links = !p.urls().is_empty();
        let mut format = |f: usize| {
            self.formats[f].add(below);
            if brand {
                self.brand_formats[f].add(below);
            }
        };
        if media {
            format(MEDIA);
        }
        if has_links {
            format(LINK);
        }
        if has_tags {
            format(HASHTAG);
        }
        if !media && !has_tags && !has_links {
            format(TEXT_ONLY);
        }
        if media {
            self.with_media += 1;
        }
        if has_links {
            self.with_link += 1;
            let mut hosts: Vec<String> = p.urls().iter().filter_map(|u| domain(u)).collect();
            hosts.sort_unstable();
            hosts.dedup();
            for h in hosts {
                *self.domains.entry(h).or_insert(0) += 1;
            }
        }
        if has_tags {
            self.with_tag += 1;
            let mut tags: Vec<&'d str> = p.hashtags().iter().map(|t| &**t).collect();
            tags.sort_unstable();
            tags.dedup();
            for t in &tags {
                self.tags.entry(t).or_default().add(below);
                if brand {
                    self.brand_tags.entry(t).or_default().add(below);
                }
            }
            // Pairs among the first 30 distinct hashtags of a post.
            let m = tags.len().min(30);
            for x in 0..m {
                for y in x + 1..m {
                    *self.pairs.entry((tags[x], tags[y])).or_insert(0) += 1;
                }
            }
        }
    }

    fn merge(&mut self, o: Pass<'d>) {
        for (a, b) in self.mix.iter_mut().zip(o.mix) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        self.brand_reach.merge(&o.brand_reach);
        self.audience_reach.merge(&o.audience_reach);
        for (a, b) in self.formats.iter_mut().zip(&o.formats) {
            a.merge(b);
        }
        for (k, v) in o.tags {
            self.tags.entry(k).or_default().merge(&v);
        }
        for (a, b) in self.brand_formats.iter_mut().zip(&o.brand_formats) {
            a.merge(b);
        }
        for (k, v) in o.brand_tags {
            self.brand_tags.entry(k).or_default().merge(&v);
        }
        for (k, v) in o.pairs {
            *self.pairs.entry(k).or_insert(0) += v;
        }
        for (k, v) in o.domains {
            *self.domains.entry(k).or_insert(0) += v;
        }
        self.with_tag += o.with_tag;
        self.with_link += o.with_link;
        self.with_media += o.with_media;
        self.any_credit |= o.any_credit;
        self.brand_posts.extend(o.brand_posts);
    }
}

impl Analysis {
    /// Computes the analysis.
    pub fn new(cx: &Context<'_>, s: &Settings) -> Analysis {
        let d = cx.data;
        let n = d.posts.len();
        let forest = cx.repost_forest();
        let (cascades, below) = cascades(forest, |r| cx.in_period(d.posts[r as usize].created_at));
        let max_depth = cascades.iter().map(|c| c.depth).max().unwrap_or(0) as usize;
        let mut depth_hist = vec![0u64; max_depth + 1];
        for c in &cascades {
            depth_hist[c.depth as usize] += 1;
        }

        // Reshares received per account, and the most reshared authors.
        let mut received = vec![0u64; d.accounts.len()];
        let mut per_author: FxHashMap<AccountIx, SharedAuthor> = FxHashMap::default();
        for c in &cascades {
            let a = d.posts[c.root as usize].author;
            received[a as usize] += c.size as u64 - 1;
            let e = per_author.entry(a).or_insert(SharedAuthor {
                account: a,
                cascades: 0,
                reshares: 0,
                largest: 0,
            });
            e.cascades += 1;
            e.reshares += c.size as u64 - 1;
            e.largest = e.largest.max(c.size);
        }
        let mut authors: Vec<SharedAuthor> = per_author.into_values().collect();
        authors.sort_by(|a, b| b.reshares.cmp(&a.reshares).then(a.account.cmp(&b.account)));

        // One pass over the posts of the period, in parallel chunks merged in order.
        let chunk = n.div_ceil(4 * rayon::current_num_threads()).max(4096);
        let acc = (0..n.div_ceil(chunk))
            .into_par_iter()
            .map(|c| {
                let mut acc = Pass::default();
                let from = c * chunk;
                let to = (from + chunk).min(n);
                for (i, (p, &b)) in d.posts[from..to].iter().zip(&below[from..to]).enumerate() {
                    acc.add(cx, from + i, p, b);
                }
                acc
            })
            .reduce(Pass::default, |mut a, b| {
                a.merge(b);
                a
            });
        let Pass {
            mix,
            brand_reach,
            audience_reach,
            formats,
            tags,
            brand_formats,
            brand_tags,
            pairs,
            domains,
            with_tag,
            with_link,
            with_media,
            any_credit,
            brand_posts,
        } = acc;
        let mut reach = brand_reach;
        reach.merge(&audience_reach);
        let sorted = |m: FxHashMap<&str, Reach>| {
            let mut v: Vec<Tag> = m
                .into_iter()
                .map(|(t, r)| Tag {
                    tag: t.to_string(),
                    reach: r,
                })
                .collect();
            v.sort_by(|a, b| b.reach.posts.cmp(&a.reach.posts).then(a.tag.cmp(&b.tag)));
            v
        };
        let tags = sorted(tags);
        let brand_tags = sorted(brand_tags);
        let mut pairs: Vec<(String, String, u64)> = pairs
            .into_iter()
            .map(|((a, b), c)| (a.to_string(), b.to_string(), c))
            .collect();
        pairs.sort_by(|a, b| b.2.cmp(&a.2).then((&a.0, &a.1).cmp(&(&b.0, &b.1))));
        pairs.truncate(s.top.max(100));
        let mut domains: Vec<(String, u64)> = domains.into_iter().collect();
        domains.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

        let has_follows = !d.follows.is_empty();
        let has_media = d.has_column(TableKind::Posts, "media") || with_media > 0;
        let has_credit = d.has_column(TableKind::Posts, "credit")
            || d.has_column(TableKind::Posts, "license")
            || any_credit;
        let has_reposts = d.has_column(TableKind::Posts, "repost_of")
            || mix.iter().any(|m| m[PostKind::Repost as usize] > 0);

        let mut a = Analysis {
            cascades,
            below,
            depth_hist,
            cycles_cut: forest.cycles_cut,
            mix,
            reach,
            brand_reach,
            audience_reach,
            formats,
            tags,
            brand_formats,
            brand_tags,
            pairs,
            domains,
            with_tag,
            with_link,
            with_media,
            has_media,
            has_credit,
            has_reposts,
            has_follows,
            authors,
            received,
            checked: 0,
            credited: 0,
            copies: Vec::new(),
            media_reshares: 0,
            media_flags: Vec::new(),
            quotes: 0,
            quote_flags: None,
            detector: (0, 0),
        };
        if !cx.brand().is_empty() && n > 0 {
            a.copy_check(cx, s, &brand_posts);
            a.reshare_checks(cx, forest, &brand_posts);
        }
        a
    }

    /// Rule 1: brand posts that are near-copies of an earlier post by another account and
    /// name neither it nor its author.
    fn copy_check(&mut self, cx: &Context<'_>, s: &Settings, brand_posts: &[PostIx]) {
        let d = cx.data;
        let queries: Vec<(u32, &str)> = brand_posts
            .iter()
            .filter(|&&i| d.posts[i as usize].kind() != PostKind::Repost)
            .map(|&i| (i, &*d.posts[i as usize].text))
            .collect();
        if queries.is_empty() {
            return;
        }
        // The brand posts' times, sorted: a post can be a source only when some brand post
        // comes after it (within the window, when there is one).
        let mut times: Vec<i64> = queries
            .iter()
            .map(|&(i, _)| d.posts[i as usize].created_at)
            .collect();
        times.sort_unstable();
        let window = (s.copy_window_days > 0).then_some(s.copy_window_days as i64 * 86_400);
        let relevant = |t: i64| {
            let j = times.partition_point(|&b| b <= t);
            j < times.len() && window.is_none_or(|w| times[j] - t <= w)
        };
        let params = Params {
            similarity: s.similarity,
            shingle: s.shingle,
            min_words: s.min_words,
            hashes: s.hashes,
            bands: s.bands,
            seed: s.seed,
        };
        let found = minhash::detect(
            &queries,
            d.posts.len(),
            |i| {
                let p = &d.posts[i as usize];
                (!cx.is_brand(p.author) && p.kind() != PostKind::Repost && relevant(p.created_at))
                    .then_some(&*p.text)
            },
            |q, i| {
                let (src, brand) = (
                    d.posts[i as usize].created_at,
                    d.posts[q as usize].created_at,
                );
                src < brand && window.is_none_or(|w| brand - src <= w)
            },
            &params,
        );
        self.checked = found.queries;
        self.detector = (found.candidates, found.signed);
        let brand_hosts: Vec<String> = cx
            .brand()
            .iter()
            .filter_map(|&b| d.accounts[b as usize].url.as_deref().and_then(domain))
            .collect();
        let mut i = 0;
        let pairs = &found.pairs;
        while i < pairs.len() {
            let q = pairs[i].query;
            let mut j = i;
            while j < pairs.len() && pairs[j].query == q {
                j += 1;
            }
            let group = &pairs[i..j];
            let bp = &d.posts[q as usize];
            if group
                .iter()
                .any(|p| attributes(cx, bp, p.source, &brand_hosts))
            {
                self.credited += 1;
            } else if let Some(first) = group.iter().min_by(|x, y| {
                let (px, py) = (&d.posts[x.source as usize], &d.posts[y.source as usize]);
                px.created_at
                    .cmp(&py.created_at)
                    .then(y.jaccard.total_cmp(&x.jaccard))
                    .then(x.source.cmp(&y.source))
            }) {
                self.copies.push(CopyFlag {
                    post: q,
                    source: first.source,
                    similarity: first.jaccard,
                    others: group.len() as u32 - 1,
                });
            }
            i = j;
        }
        self.copies.sort_by(|a, b| {
            d.posts[a.post as usize]
                .created_at
                .cmp(&d.posts[b.post as usize].created_at)
                .then(a.post.cmp(&b.post))
        });
    }

    /// Rules 2 and 3: the brand's reposts and quotes of media without credit or licence,
    /// and its quotes of accounts that do not follow it.
    fn reshare_checks(&mut self, cx: &Context<'_>, forest: &Forest, brand_posts: &[PostIx]) {
        let d = cx.data;
        let fg = self.has_follows.then(|| cx.follow_graph());
        let mut quote_flags = Vec::new();
        for &i in brand_posts {
            let b = &d.posts[i as usize];
            // The original behind a repost (its cascade root) or a quote.
            let reshared = if b.kind() == PostKind::Repost {
                (forest.parent[i as usize] != Forest::NONE).then(|| forest.root[i as usize])
            } else {
                b.quote_of.map(|q| forest.root[q as usize])
            };
            let Some(o) = reshared else { continue };
            let orig = &d.posts[o as usize];
            if cx.is_brand(orig.author) {
                continue;
            }
            if nonempty(orig.media()) {
                self.media_reshares += 1;
                if !nonempty(orig.credit()) && !nonempty(orig.license()) && !nonempty(b.credit()) {
                    self.media_flags.push(MediaFlag {
                        post: i,
                        original: o,
                    });
                }
            }
            if b.quote_of.is_some() && b.kind() != PostKind::Repost {
                self.quotes += 1;
                if let Some(fg) = fg {
                    let follows = fg.out.neighbours(orig.author);
                    if cx
                        .brand()
                        .iter()
                        .all(|br| follows.binary_search(br).is_err())
                    {
                        quote_flags.push(QuoteFlag { post: i, quoted: o });
                    }
                }
            }
        }
        if fg.is_some() {
            self.quote_flags = Some(quote_flags);
        }
    }
}
