//! What the audience plugin computes, before any text: behaviour per account and window,
//! the Technographics rung, the marketing segment and the motivation shares.
//!
//! Everything follows from one pass over each table (posts, ratings, follows, memberships,
//! presence) into per-account arrays; both windows (the report period and the one before it)
//! are filled in the same pass. The only sorts are of one number per audience account (for
//! the quartile and the median).

use crate::settings::{Lexicon, Settings};
use honeycomb_core::{Context, Dataset, Period, PostIx, PostKind, RatingKind, TableKind};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// The rungs of the Social Technographics ladder (Li & Bernoff 2008, *Groundswell*), highest
/// first, as named in `metrics/accounts.csv`.
pub const RUNGS: [&str; 6] = [
    "creator",
    "critic",
    "collector",
    "joiner",
    "spectator",
    "inactive",
];
/// Rung index of an inactive account.
pub const INACTIVE: u8 = 5;
/// "Rung" of an account not in the audience of a window: a brand account, or an account
/// without a profile that did nothing in it.
pub const NOT_SEEN: u8 = 6;

/// The marketing segments, in their order of precedence, as named in `metrics/accounts.csv`.
pub const SEGMENTS: [&str; 4] = [
    "highly_connected",
    "entertainment_seeker",
    "restrained",
    "unclassified",
];
/// Segment index: highly connected.
pub const SEG_CONNECTED: u8 = 0;
/// Segment index: entertainment seekers.
pub const SEG_ENTERTAINMENT: u8 = 1;
/// Segment index: restrained users.
pub const SEG_RESTRAINED: u8 = 2;
/// Segment index: unclassified.
pub const SEG_UNCLASSIFIED: u8 = 3;
/// No segment (not in the audience).
pub const NO_SEGMENT: u8 = u8::MAX;

/// Behaviour bits of an account in a window.
pub mod bits {
    /// Published an original post (or continued its own thread).
    pub const CREATE: u8 = 1;
    /// Replied to or quoted another account's post, or rated one (star, up, down).
    pub const CRITIC: u8 = 2;
    /// Liked another account's post (rating of kind like) or reposted one without comment.
    pub const COLLECT: u8 = 4;
    /// Has a profile and follows accounts or is a member of a group.
    pub const JOIN: u8 = 8;
    /// Was seen online (presence), or follows or is in a group without a profile.
    pub const SPECTATE: u8 = 16;
    /// Follows at least one account (resolved into `JOIN` or `SPECTATE`).
    pub const FOLLOWS: u8 = 32;
    /// Member of at least one group (resolved into `JOIN` or `SPECTATE`).
    pub const GROUPS: u8 = 64;
}

/// Content-category bit of a post that carries media.
pub const MEDIA: u8 = 1 << 6;
/// Content-category bit of a post that carries a link.
pub const LINK: u8 = 1 << 7;
/// Bit of the entertainment motivation.
pub const ENTERTAINMENT: u8 = 1;

/// The primary rung: the highest behaviour shown; `INACTIVE` for a profile with none,
/// `NOT_SEEN` for an account without a profile and without any.
pub fn primary(b: u8, declared: bool) -> u8 {
    if b & bits::CREATE != 0 {
        0
    } else if b & bits::CRITIC != 0 {
        1
    } else if b & bits::COLLECT != 0 {
        2
    } else if b & bits::JOIN != 0 {
        3
    } else if b & bits::SPECTATE != 0 {
        4
    } else if declared {
        INACTIVE
    } else {
        NOT_SEEN
    }
}

/// The motivations a text and its hashtags match (bit `m` for `MOTIVATIONS[m]`): every
/// run of letters, digits and `_` is a word, lowercased, looked up whole; so are the hashtags.
/// `buf` is a reusable buffer.
pub fn classify(text: &str, hashtags: &[Box<str>], lex: &Lexicon, buf: &mut String) -> u8 {
    let mut m = 0u8;
    let mut look = |w: &str, buf: &mut String| {
        buf.clear();
        if w.is_ascii() {
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase));
        }
        if let Some(b) = lex.get(buf.as_str()) {
            m |= b;
        }
    };
    if text.is_ascii() {
        // Fast path: bytes are characters.
        let b = text.as_bytes();
        let word = |x: u8| x.is_ascii_alphanumeric() || x == b'_';
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && !word(b[i]) {
                i += 1;
            }
            let s = i;
            while i < b.len() && word(b[i]) {
                i += 1;
            }
            if i > s
                && lex.may_contain(
                    i - s,
                    b[s].to_ascii_lowercase(),
                    b[i - 1].to_ascii_lowercase(),
                )
            {
                look(&text[s..i], buf);
            }
        }
    } else {
        let mut start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            let word = c.is_alphanumeric() || c == '_';
            match (word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    look(&text[s..i], buf);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            look(&text[s..], buf);
        }
    }
    for h in hashtags {
        look(h.trim_start_matches('#'), buf);
    }
    m
}

/// A time window: the report period, the one before it, or everything.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    /// First second inside.
    pub start: i64,
    /// First second after.
    pub end: i64,
}

impl Window {
    fn of(p: Option<Period>) -> Window {
        match p {
            Some(p) => Window {
                start: p.start,
                end: p.end,
            },
            None => Window {
                start: i64::MIN,
                end: i64::MAX,
            },
        }
    }

    fn contains(&self, ts: i64) -> bool {
        ts >= self.start && ts < self.end
    }
}

/// Motivation shares over the posts of the period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Motivations {
    /// Posts considered: originals, replies and quotes in the period (reposts carry the
    /// original's text and counts, so they are left out).
    pub posts: u64,
    /// Their engagement.
    pub engagement: u64,
    /// Posts matching each motivation.
    pub posts_by: [u64; 6],
    /// Engagement of the posts matching each motivation.
    pub engagement_by: [u64; 6],
    /// Posts matching none.
    pub unmatched_posts: u64,
    /// Engagement of the posts matching none.
    pub unmatched_engagement: u64,
    /// Whether the data has any engagement figure (a count column or references).
    pub has_engagement: bool,
}

/// Everything the report needs.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Primary rung per account in the report period (`NOT_SEEN` for the brand's accounts).
    pub rung: Vec<u8>,
    /// Behaviour bits per account in the report period.
    pub behaviour: Vec<u8>,
    /// Primary rung per account in the previous period, when there is one.
    pub prev_rung: Option<Vec<u8>>,
    /// Accounts per primary rung in the report period.
    pub counts: [u64; 6],
    /// The audience: accounts with a rung in the report period.
    pub audience: u64,
    /// Accounts showing each behaviour (creator … spectator), not exclusive.
    pub behaviour_counts: [u64; 5],
    /// Accounts per primary rung in the previous period.
    pub prev_counts: [u64; 6],
    /// The audience of the previous period.
    pub prev_audience: u64,
    /// Whether the data has any post, rating or presence record in the previous period.
    pub prev_has_activity: bool,
    /// `transitions[previous][current]`, rungs plus `NOT_SEEN` (index 6).
    pub transitions: [[u64; 7]; 7],
    /// Accounts in the audience in both periods whose primary rung rose.
    pub moved_up: u64,
    /// … whose primary rung fell.
    pub moved_down: u64,
    /// … whose primary rung stayed.
    pub stayed: u64,
    /// Brand accounts left out.
    pub brand_excluded: u64,
    /// Competitors' accounts left out.
    pub competitors_excluded: u64,
    /// Segment per account (`NO_SEGMENT` outside the audience).
    pub segment: Vec<u8>,
    /// Accounts per segment.
    pub seg_counts: [u64; 4],
    /// Interactions (replies, quotes, reposts, ratings on others' posts) per segment.
    pub seg_interactions: [u64; 4],
    /// Interactions per segment by the category of the post interacted with: the six
    /// motivations, media, link.
    pub seg_categories: [[u64; 8]; 4],
    /// The size of the breadth top: `connected_share` of the audience, rounded up.
    pub connected_slots: u64,
    /// Audience accounts with a network degree, a group or two platforms (ranked for the top).
    pub connected_candidates: u64,
    /// Degree and group count of the last account in the breadth top.
    pub connected_cutoff: Option<(u64, u64)>,
    /// Median activity of the active audience: at or below it, an account is restrained.
    pub median_activity: u64,
    /// Audience accounts with at least one action in the period.
    pub active: u64,
    /// Motivation shares.
    pub motivations: Motivations,
    /// Per account: activity in the period (posts of every kind + ratings given).
    pub activity: Vec<u32>,
    /// The data has an accounts table.
    pub has_accounts: bool,
    /// The data has ratings.
    pub has_ratings: bool,
    /// Some rating is of kind like.
    pub has_likes: bool,
    /// The data has follows.
    pub has_follows: bool,
    /// The data has memberships.
    pub has_memberships: bool,
    /// The data has presence records.
    pub has_presence: bool,
}

/// The post whose content an interaction with post `t` is about: the original of a repost.
fn content(d: &Dataset, t: PostIx) -> usize {
    match d.posts[t as usize].repost_of {
        Some(o) => o as usize,
        None => t as usize,
    }
}

/// Whether post `i` is an interaction with another account's post, and with which post:
/// `None` for an original or a reply, quote or repost of the author's own post;
/// `Some(None)` for one whose post is missing from the data.
fn interaction(d: &Dataset, i: usize) -> Option<Option<PostIx>> {
    let p = &d.posts[i];
    let target = match p.kind() {
        PostKind::Original => return None,
        PostKind::Reply => p.reply_to,
        PostKind::Quote => p.quote_of,
        PostKind::Repost => p.repost_of,
    };
    match target {
        Some(t) if d.posts[t as usize].author == p.author => None,
        t => Some(t),
    }
}

/// The bit of a platform name (the 64th and later platforms share the last bit).
fn platform_bit<'x>(ids: &mut FxHashMap<&'x str, u32>, name: &'x str) -> u64 {
    let k = ids.len() as u32;
    let id = *ids.entry(name).or_insert(k);
    1u64 << id.min(63)
}

/// Nearest-rank quantile `q` of `v` (sorted in place); 0 for an empty list.
pub fn quantile(v: &mut [u64], q: f64) -> u64 {
    if v.is_empty() {
        return 0;
    }
    v.sort_unstable();
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

impl Analysis {
    /// Computes everything from the context.
    pub fn new(cx: &Context<'_>, s: &Settings) -> Analysis {
        let d = cx.data;
        let n = d.accounts.len();
        let np = d.posts.len();
        let cur = Window::of(cx.period);
        let prev = cx.previous_period().map(|p| Window::of(Some(p)));
        let windows: Vec<Window> = std::iter::once(cur).chain(prev).collect();
        let rating_time = |r: &honeycomb_core::Rating| {
            r.created()
                .unwrap_or_else(|| d.posts.get(r.post as usize).map_or(0, |p| p.created_at))
        };

        // The brand's and the competitors' accounts are not the audience.
        let excluded: Vec<bool> = (0..n as u32)
            .map(|a| cx.is_brand(a) || cx.is_competitor(a))
            .collect();
        let out = |a: u32| excluded.get(a as usize).copied().unwrap_or(true);

        // Engagement as the reputation section counts it (the shared index).
        let eng = cx.engagement();
        let engagement = |i: usize| eng.of(d, i);

        // Which posts need their content classified: the period's own posts and the posts
        // the period's interactions are about.
        let mut need = vec![false; np];
        for (i, p) in d.posts.iter().enumerate() {
            if !cur.contains(p.created_at) {
                continue;
            }
            need[i] = true;
            if let Some(Some(t)) = interaction(d, i) {
                need[content(d, t)] = true;
            }
        }
        for r in &d.ratings {
            if cur.contains(rating_time(r)) && (r.post as usize) < np {
                need[content(d, r.post)] = true;
            }
        }
        // Tokenising is the costly part: chunks of posts in parallel, each with its own buffer.
        let lex = s.lexicon();
        let mut cats = vec![0u8; np];
        const CHUNK: usize = 16_384;
        cats.par_chunks_mut(CHUNK)
            .enumerate()
            .for_each(|(ci, out)| {
                let mut buf = String::new();
                for (j, c) in out.iter_mut().enumerate() {
                    let i = ci * CHUNK + j;
                    let p = &d.posts[i];
                    if !need[i] || p.kind() == PostKind::Repost {
                        continue;
                    }
                    *c = classify(&p.text, p.hashtags(), &lex, &mut buf);
                    if p.media().is_some_and(|m| !m.trim().is_empty()) {
                        *c |= MEDIA;
                    }
                    if !p.urls().is_empty() {
                        *c |= LINK;
                    }
                }
            });
        drop(need);

        // Motivation shares over the period's originals, replies and quotes.
        let mut mo = Motivations {
            has_engagement: eng.any,
            ..Motivations::default()
        };
        for (i, p) in d.posts.iter().enumerate() {
            if !cur.contains(p.created_at) || p.kind() == PostKind::Repost {
                continue;
            }
            let e = engagement(i);
            mo.posts += 1;
            mo.engagement += e;
            let m = cats[i] & 0x3f;
            if m == 0 {
                mo.unmatched_posts += 1;
                mo.unmatched_engagement += e;
            }
            for k in 0..6 {
                if m & (1 << k) != 0 {
                    mo.posts_by[k] += 1;
                    mo.engagement_by[k] += e;
                }
            }
        }

        // Behaviour per account and window, and the period's per-account counts.
        let mut beh: Vec<Vec<u8>> = windows.iter().map(|_| vec![0u8; n]).collect();
        let mut activity = vec![0u32; n];
        let mut inter = vec![0u32; n];
        let mut ent = vec![0u32; n];
        let mut groups = vec![0u32; n];
        let mut platforms = vec![0u64; n];
        let mut platform_ids: FxHashMap<&str, u32> = FxHashMap::default();
        for (a, acc) in d.accounts.iter().enumerate() {
            if let Some(pl) = acc.platform.as_deref().filter(|p| !p.is_empty()) {
                platforms[a] |= platform_bit(&mut platform_ids, pl);
            }
        }
        let is_ent = |t: PostIx| cats[content(d, t)] & (ENTERTAINMENT | MEDIA) != 0;
        let mut prev_has_activity = false;
        for (i, p) in d.posts.iter().enumerate() {
            let a = p.author as usize;
            if prev.is_some_and(|w| w.contains(p.created_at)) {
                prev_has_activity = true;
            }
            if out(p.author) {
                continue;
            }
            let it = interaction(d, i);
            let b = match (p.kind(), it) {
                (PostKind::Original, _) => bits::CREATE,
                (PostKind::Reply | PostKind::Quote, None) => bits::CREATE,
                (PostKind::Reply | PostKind::Quote, Some(_)) => bits::CRITIC,
                (PostKind::Repost, Some(_)) => bits::COLLECT,
                (PostKind::Repost, None) => 0,
            };
            for (w, win) in windows.iter().enumerate() {
                if win.contains(p.created_at) {
                    beh[w][a] |= b;
                }
            }
            if cur.contains(p.created_at) {
                activity[a] += 1;
                if let Some(t) = it {
                    inter[a] += 1;
                    ent[a] += t.is_some_and(is_ent) as u32;
                }
                if let Some(pl) = p.platform().filter(|p| !p.is_empty()) {
                    platforms[a] |= platform_bit(&mut platform_ids, pl);
                }
            }
        }
        let mut has_likes = false;
        for r in &d.ratings {
            let Some(post) = d.posts.get(r.post as usize) else {
                continue;
            };
            let at = rating_time(r);
            if prev.is_some_and(|w| w.contains(at)) {
                prev_has_activity = true;
            }
            has_likes |= r.kind == RatingKind::Like;
            let a = r.rater as usize;
            if out(r.rater) || post.author == r.rater {
                continue;
            }
            let b = if r.kind == RatingKind::Like {
                bits::COLLECT
            } else {
                bits::CRITIC
            };
            for (w, win) in windows.iter().enumerate() {
                if win.contains(at) {
                    beh[w][a] |= b;
                }
            }
            if cur.contains(at) {
                activity[a] += 1;
                inter[a] += 1;
                ent[a] += is_ent(r.post) as u32;
            }
        }
        for f in &d.follows {
            if f.source == f.target {
                continue;
            }
            let friend = f.kind == honeycomb_core::FollowKind::Friend;
            for a in std::iter::once(f.source).chain(friend.then_some(f.target)) {
                if out(a) {
                    continue;
                }
                for (w, win) in windows.iter().enumerate() {
                    // A follow is a standing relation: it counts in every window that ends
                    // after it started (an undated follow in every window).
                    if f.created().is_none_or(|c| c < win.end) {
                        beh[w][a as usize] |= bits::FOLLOWS;
                    }
                }
            }
        }
        for m in &d.memberships {
            if out(m.account) {
                continue;
            }
            let a = m.account as usize;
            for (w, win) in windows.iter().enumerate() {
                let joined = m.joined_at.is_none_or(|j| j < win.end);
                let stayed = m.left_at.is_none_or(|l| l >= win.start);
                if joined && stayed {
                    beh[w][a] |= bits::GROUPS;
                    if w == 0 {
                        groups[a] += 1;
                    }
                }
            }
        }
        for r in &d.presence {
            if prev.is_some_and(|w| w.contains(r.at)) {
                prev_has_activity = true;
            }
            if out(r.account) {
                continue;
            }
            for (w, win) in windows.iter().enumerate() {
                if win.contains(r.at) {
                    beh[w][r.account as usize] |= bits::SPECTATE;
                }
            }
        }

        // Resolve follows and memberships into joiner (with a profile) or spectator.
        let mut rungs: Vec<Vec<u8>> = Vec::with_capacity(beh.len());
        for b in beh.iter_mut() {
            let mut r = vec![NOT_SEEN; n];
            for (a, acc) in d.accounts.iter().enumerate() {
                if b[a] & (bits::FOLLOWS | bits::GROUPS) != 0 {
                    b[a] |= if acc.declared {
                        bits::JOIN
                    } else {
                        bits::SPECTATE
                    };
                }
                if !out(a as u32) {
                    r[a] = primary(b[a], acc.declared);
                }
            }
            rungs.push(r);
        }
        let brand_excluded = (0..n).filter(|&a| cx.is_brand(a as u32)).count() as u64;
        let competitors_excluded = (0..n)
            .filter(|&a| !cx.is_brand(a as u32) && cx.is_competitor(a as u32))
            .count() as u64;
        let rung = rungs.remove(0);
        let prev_rung = (!rungs.is_empty()).then(|| rungs.remove(0));
        let behaviour = beh.swap_remove(0);

        let mut counts = [0u64; 6];
        let mut behaviour_counts = [0u64; 5];
        for a in 0..n {
            if let Some(c) = counts.get_mut(rung[a] as usize) {
                *c += 1;
                for (k, bc) in behaviour_counts.iter_mut().enumerate() {
                    *bc += (behaviour[a] & (1 << k) != 0) as u64;
                }
            }
        }
        let audience: u64 = counts.iter().sum();

        let mut prev_counts = [0u64; 6];
        let mut transitions = [[0u64; 7]; 7];
        let (mut moved_up, mut moved_down, mut stayed) = (0, 0, 0);
        if let Some(pr) = &prev_rung {
            for a in 0..n {
                if out(a as u32) {
                    continue;
                }
                let (p, c) = (pr[a], rung[a]);
                if let Some(x) = prev_counts.get_mut(p as usize) {
                    *x += 1;
                }
                if p == NOT_SEEN && c == NOT_SEEN {
                    continue;
                }
                transitions[p as usize][c as usize] += 1;
                if p != NOT_SEEN && c != NOT_SEEN {
                    match c.cmp(&p) {
                        std::cmp::Ordering::Less => moved_up += 1,
                        std::cmp::Ordering::Greater => moved_down += 1,
                        std::cmp::Ordering::Equal => stayed += 1,
                    }
                }
            }
        }
        let prev_audience = prev_counts.iter().sum();

        // Segments.
        let fg = (!d.follows.is_empty()).then(|| cx.follow_graph());
        let degree = |a: usize| -> u64 {
            fg.map_or(0, |g| {
                (g.out.degree(a as u32) + g.inc.degree(a as u32)) as u64
            })
        };
        let members: Vec<usize> = (0..n).filter(|&a| rung[a] != NOT_SEEN).collect();
        // Breadth ranking: degree, then groups, then platforms, then the order in the data;
        // the first `connected_share` of the audience with any connection is the top.
        let connected_slots =
            ((s.connected_share * members.len() as f64).ceil() as usize).min(members.len());
        let mut ranked: Vec<(u64, u64, u32, usize)> = members
            .iter()
            .map(|&a| (degree(a), groups[a] as u64, platforms[a].count_ones(), a))
            .filter(|x| x.0 + x.1 > 0 || x.2 >= 2)
            .collect();
        let connected_candidates = ranked.len() as u64;
        ranked.sort_unstable_by(|x, y| (y.0, y.1, y.2).cmp(&(x.0, x.1, x.2)).then(x.3.cmp(&y.3)));
        ranked.truncate(connected_slots);
        let connected_cutoff = ranked.last().map(|x| (x.0, x.1));
        let mut top = vec![false; n];
        for x in &ranked {
            top[x.3] = true;
        }
        let mut active_acts: Vec<u64> = members
            .iter()
            .map(|&a| activity[a] as u64)
            .filter(|&v| v > 0)
            .collect();
        let active = active_acts.len() as u64;
        let median_activity = quantile(&mut active_acts, 0.5);
        let mut segment = vec![NO_SEGMENT; n];
        let mut seg_counts = [0u64; 4];
        for &a in &members {
            let sg = if activity[a] >= 1 && top[a] {
                SEG_CONNECTED
            } else if inter[a] as u64 >= s.min_interactions
                && ent[a] as f64 > s.entertainment_share * inter[a] as f64
            {
                SEG_ENTERTAINMENT
            } else if activity[a] as u64 <= median_activity {
                SEG_RESTRAINED
            } else {
                SEG_UNCLASSIFIED
            };
            segment[a] = sg;
            seg_counts[sg as usize] += 1;
        }

        // What each segment responds to: its interactions by the category of the post.
        let mut seg_interactions = [0u64; 4];
        let mut seg_categories = [[0u64; 8]; 4];
        let mut tally = |a: usize, t: Option<PostIx>| {
            let sg = segment[a];
            if sg == NO_SEGMENT {
                return;
            }
            seg_interactions[sg as usize] += 1;
            if let Some(t) = t {
                let c = cats[content(d, t)];
                for (k, x) in seg_categories[sg as usize].iter_mut().enumerate() {
                    *x += (c & (1 << k) != 0) as u64;
                }
            }
        };
        for (i, p) in d.posts.iter().enumerate() {
            if cur.contains(p.created_at)
                && let Some(t) = interaction(d, i)
            {
                tally(p.author as usize, t);
            }
        }
        for r in &d.ratings {
            if let Some(post) = d.posts.get(r.post as usize)
                && post.author != r.rater
                && cur.contains(rating_time(r))
            {
                tally(r.rater as usize, Some(r.post));
            }
        }

        Analysis {
            rung,
            behaviour,
            prev_rung,
            counts,
            audience,
            behaviour_counts,
            prev_counts,
            prev_audience,
            prev_has_activity,
            transitions,
            moved_up,
            moved_down,
            stayed,
            brand_excluded,
            competitors_excluded,
            segment,
            seg_counts,
            seg_interactions,
            seg_categories,
            connected_slots: connected_slots as u64,
            connected_candidates,
            connected_cutoff,
            median_activity,
            active,
            motivations: mo,
            activity,
            has_accounts: d.has_table(TableKind::Accounts) || d.accounts.iter().any(|a| a.declared),
            has_ratings: !d.ratings.is_empty(),
            has_likes,
            has_follows: !d.follows.is_empty(),
            has_memberships: !d.memberships.is_empty(),
            has_presence: !d.presence.is_empty(),
        }
    }
}
