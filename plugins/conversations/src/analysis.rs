//! What the conversations plugin computes, before any text: sentiment per post, statistics
//! per thread, the conversation with the brand, and the intervention balance.

use crate::rules::{Kind, rules};
use crate::settings::{Scope, Settings};
use honeycomb_core::sentiment::{Sentiment, lexicon};
use honeycomb_core::threads::Threads;
use honeycomb_core::time::LocalClock;
use honeycomb_core::{Context, PostIx, PostKind, TableKind};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Hours over which a thread's velocity is measured.
pub const VELOCITY_WINDOW_S: i64 = 24 * 3600;
/// A thread among the fastest 10% needs at least this many replies in its first 24 hours to
/// be a moment to join (one quick reply is not a conversation gathering pace).
pub const MIN_JOIN_REPLIES: u32 = 3;
/// The "more than half of the replies" rule applies from this many brand replies on: one
/// answer, or a short exchange with a customer, is not meddling.
pub const MIN_SHARE_REPLIES: u32 = 3;
/// Share of the fastest threads that are "fast" whatever `join_velocity` says.
pub const TOP_SHARE: f64 = 0.10;

/// One thread whose root is in the report period.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadInfo {
    /// Index into [`Threads::threads`].
    pub t: u32,
    /// Replies in the first 24 hours after the root.
    pub replies_24h: u32,
    /// Replies per hour in the first 24 hours: `replies_24h` ÷ the hours from the root to the
    /// last of those replies (at least one hour).
    pub velocity: f64,
    /// Seconds from the root to the brand's first reply.
    pub brand_first_s: Option<i64>,
    /// Sentiment summed over the thread's posts.
    pub sentiment: Sentiment,
    /// The brand wrote more than half of the replies (with at least `MIN_SHARE_REPLIES`), or
    /// more than `max_brand_replies`.
    pub too_present: bool,
    /// Fast (velocity ≥ `join_velocity`, or among the fastest 10% with at least
    /// `MIN_JOIN_REPLIES` replies) and without a brand reply.
    pub moment: bool,
    /// Fast, with or without the brand.
    pub fast: bool,
}

/// A post by someone else that mentions a brand handle or replies to a brand post.
#[derive(Debug, Clone, PartialEq)]
pub struct Inbound {
    /// The post.
    pub post: PostIx,
    /// Its thread.
    pub thread: Option<u32>,
    /// Clock seconds to the first brand reply in the same thread after it.
    pub answer_s: Option<i64>,
    /// The same wait counted in business hours only.
    pub business_s: Option<i64>,
    /// Question, complaint.
    pub kind: Kind,
}

/// A thread (or a lone post) with inbound posts the brand did not answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Open {
    /// The earliest unanswered inbound post.
    pub first: PostIx,
    /// The thread, when the post is in one.
    pub thread: Option<u32>,
    /// Unanswered inbound posts in it.
    pub unanswered: u32,
    /// Seconds from `first` to the end of the observation (`as_of`).
    pub open_s: i64,
    /// Net sentiment of the thread (of the post when it is in no thread).
    pub sentiment: Option<f64>,
    /// Whether any of its unanswered posts is a question / a complaint.
    pub kind: Kind,
}

/// Sentiment summed over many posts, in double precision.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tone {
    /// Sum of the positive ratings.
    pub pos: f64,
    /// Sum of the magnitudes of the negative ratings.
    pub neg: f64,
}

impl Tone {
    /// Adds a post's ratings.
    pub fn add(&mut self, s: &Sentiment) {
        self.pos += s.pos as f64;
        self.neg += s.neg as f64;
    }

    /// Adds another sum.
    pub fn merge(&mut self, o: &Tone) {
        self.pos += o.pos;
        self.neg += o.neg;
    }

    /// Net sentiment (pos − neg) ÷ (pos + neg); `None` without a rated word.
    pub fn net(&self) -> Option<f64> {
        let t = self.pos + self.neg;
        (t > 0.0).then(|| (self.pos - self.neg) / t)
    }
}

/// Everything the report needs.
#[derive(Debug)]
pub struct Analysis<'c> {
    /// The shared thread index.
    pub th: &'c Threads,
    /// Sentiment per post (all zero for posts that were not scored).
    pub sent: Vec<Sentiment>,
    /// Which posts were scored (`sentiment` setting).
    pub scope: Scope,
    /// Posts in the period (reposts included).
    pub posts: u64,
    /// Posts in the period with a text that were scored (reposts never are).
    pub with_text: u64,
    /// Posts in the period with a rated word.
    pub rated: u64,
    /// Posts in the period scored in English, in Dutch, and not scored (other language).
    pub langs: [u64; 3],
    /// Posts in the period whose language came from the `lang` column.
    pub lang_given: u64,
    /// Sentiment summed over the period's posts.
    pub overall: Tone,
    /// Sentiment summed over the inbound posts.
    pub inbound_sentiment: Tone,
    /// Non-repost posts in the period, and those in a thread.
    pub conversational: (u64, u64),
    /// Threads whose root is in the period, in root order.
    pub threads: Vec<ThreadInfo>,
    /// The velocity from which a thread is among the fastest 10%.
    pub top_velocity: Option<f64>,
    /// Inbound posts in the period, in post order.
    pub inbound: Vec<Inbound>,
    /// Threads and lone posts with unanswered inbound posts, oldest first.
    pub open: Vec<Open>,
    /// End of the observation: the last post in the data, at most the period's end.
    pub as_of: i64,
    /// Net sentiment per local week (the Monday's day number): all posts, inbound posts.
    pub weekly: BTreeMap<i64, (Tone, Tone)>,
    /// The posts table has a `reply_to` column.
    pub has_replies: bool,
    /// The posts table has a `text` column.
    pub has_text: bool,
    /// The posts table has a `lang` column.
    pub has_lang: bool,
}

/// The value at quantile `q` (0–1) of sorted values, linearly interpolated between the
/// closest ranks (NumPy's default, so that the median of an even count is the mean of the
/// middle two).
pub fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * q.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * (h - lo as f64))
}

impl<'c> Analysis<'c> {
    /// Computes the analysis.
    pub fn new(cx: &'c Context<'c>, s: &Settings) -> Analysis<'c> {
        let data = cx.data;
        let posts = &data.posts;
        let n = posts.len();
        let has_brand = !cx.brand().is_empty();
        // Posts worth scoring: those of the period, and the later replies (which may belong
        // to a thread that started in it). Reposts are not scored: their text is someone
        // else's (and would count twice).
        let start = cx.period.map_or(i64::MIN, |p| p.start);
        let brand_handles: Vec<String> = cx
            .brand()
            .iter()
            .filter_map(|&b| data.accounts[b as usize].handle.as_deref())
            .map(str::to_lowercase)
            .collect();
        let mentions_brand = |p: &honeycomb_core::Post| {
            has_brand
                && p.mentions()
                    .iter()
                    .any(|m| brand_handles.iter().any(|h| **h == **m))
        };
        // With `sentiment = "conversations"`: the posts of reply threads (a reply and the
        // post it answers) and the posts that mention the brand.
        let in_scope: Option<Vec<bool>> = match s.sentiment {
            Scope::All => None,
            Scope::Conversations => {
                let mut m = vec![false; n];
                for (i, p) in posts.iter().enumerate() {
                    if let Some(q) = p.reply_to {
                        m[i] = true;
                        m[q as usize] = true;
                    } else if mentions_brand(p) {
                        m[i] = true;
                    }
                }
                Some(m)
            }
        };
        let want = |i: usize| {
            let p = &posts[i];
            p.repost_of.is_none()
                && p.flags & honeycomb_core::post_flags::DANGLING_REPOST == 0
                && in_scope.as_ref().is_none_or(|m| m[i])
                && (cx.in_period(p.created_at)
                    || (p.kind() == PostKind::Reply && p.created_at >= start))
        };
        let lex = lexicon();
        let fallback = cx.lang;
        // The shared thread index and the sentiment of every post are independent: built
        // side by side.
        let (th, sent) = rayon::join(
            || cx.threads(),
            || -> Vec<Sentiment> {
                (0..n)
                    .into_par_iter()
                    .with_min_len(4096)
                    .map_init(
                        || lex.scorer(),
                        |sc, i| {
                            if want(i) {
                                sc.score_post(&posts[i], fallback)
                            } else {
                                Sentiment::default()
                            }
                        },
                    )
                    .collect()
            },
        );
        let root_in: Vec<bool> = th
            .threads
            .iter()
            .map(|t| cx.in_period(posts[t.root as usize].created_at))
            .collect();

        // One pass over the period's posts: counts, inbound posts, weekly sentiment.
        let mut a = Analysis {
            th,
            sent: Vec::new(),
            scope: s.sentiment,
            posts: 0,
            with_text: 0,
            rated: 0,
            langs: [0; 3],
            lang_given: 0,
            overall: Tone::default(),
            inbound_sentiment: Tone::default(),
            conversational: (0, 0),
            threads: Vec::new(),
            top_velocity: None,
            inbound: Vec::new(),
            open: Vec::new(),
            as_of: posts.iter().map(|p| p.created_at).max().unwrap_or(0),
            weekly: BTreeMap::new(),
            has_replies: data.has_column(TableKind::Posts, "reply_to"),
            has_text: data.has_column(TableKind::Posts, "text"),
            has_lang: data.has_column(TableKind::Posts, "lang"),
        };
        if let Some(p) = cx.period {
            a.as_of = a.as_of.min(p.end);
        }
        let mut clock = LocalClock::new(cx.tz.clone());
        let mut inbound_posts: Vec<PostIx> = Vec::new();
        // The current week's sums, moved into the map when the week changes (posts usually
        // come in time order, so this is one map operation per week, not per post).
        let mut week: Option<(i64, Tone, Tone)> = None;
        for (i, p) in posts.iter().enumerate() {
            if !cx.in_period(p.created_at) {
                continue;
            }
            a.posts += 1;
            let kind = p.kind();
            if kind == PostKind::Repost {
                continue;
            }
            a.conversational.0 += 1;
            if th.thread_of[i] != Threads::NONE {
                a.conversational.1 += 1;
            }
            let sc = sent[i];
            let scored = in_scope.as_ref().is_none_or(|m| m[i]);
            if scored && !p.text.is_empty() {
                a.with_text += 1;
                a.langs[match sc.lang {
                    Some(honeycomb_core::Lang::En) => 0,
                    Some(honeycomb_core::Lang::Nl) => 1,
                    None => 2,
                }] += 1;
                a.lang_given += p.lang().is_some() as u64;
            }
            if scored && sc.pos + sc.neg > 0.0 {
                a.rated += 1;
            }
            a.overall.add(&sc);
            let day = clock.local_day(p.created_at);
            let monday = day - (day + 3).rem_euclid(7);
            if week.as_ref().is_none_or(|w| w.0 != monday) {
                if let Some((d, x, y)) = week.take() {
                    let e = a.weekly.entry(d).or_default();
                    e.0.merge(&x);
                    e.1.merge(&y);
                }
                week = Some((monday, Tone::default(), Tone::default()));
            }
            let Some(w) = week.as_mut() else { continue };
            w.1.add(&sc);
            if !has_brand || cx.is_brand(p.author) {
                continue;
            }
            let to_brand_post = p
                .reply_to
                .is_some_and(|q| cx.is_brand(posts[q as usize].author));
            if to_brand_post || mentions_brand(p) {
                inbound_posts.push(i as PostIx);
                a.inbound_sentiment.add(&sc);
                w.2.add(&sc);
            }
        }
        if let Some((d, x, y)) = week.take() {
            let e = a.weekly.entry(d).or_default();
            e.0.merge(&x);
            e.1.merge(&y);
        }

        // Brand replies per thread, by time: (thread, time), sorted.
        let mut brand_replies: Vec<(u32, i64)> = Vec::new();
        if has_brand {
            for (t, info) in th.threads.iter().enumerate() {
                if info.brand_replies == 0 {
                    continue;
                }
                for &i in th.posts(t as u32) {
                    let p = &posts[i as usize];
                    if i != info.root && cx.is_brand(p.author) {
                        brand_replies.push((t as u32, p.created_at));
                    }
                }
            }
            brand_replies.sort_unstable();
        }

        // Threads of the period, in parallel (each thread reads only its own posts).
        let period_threads: Vec<u32> = (0..th.len() as u32)
            .filter(|&t| root_in[t as usize])
            .collect();
        let mut threads: Vec<ThreadInfo> = period_threads
            .par_iter()
            .with_min_len(1024)
            .map(|&t| {
                let info = &th.threads[t as usize];
                let t0 = posts[info.root as usize].created_at;
                let (mut r24, mut last24) = (0u32, t0);
                let mut brand_first: Option<i64> = None;
                let mut sentiment = Sentiment::default();
                for &i in th.posts(t) {
                    let p = &posts[i as usize];
                    sentiment.add(&sent[i as usize]);
                    if i == info.root {
                        continue;
                    }
                    let d = p.created_at - t0;
                    if d <= VELOCITY_WINDOW_S {
                        r24 += 1;
                        last24 = last24.max(p.created_at);
                    }
                    if has_brand && cx.is_brand(p.author) {
                        brand_first = Some(brand_first.map_or(d, |b| b.min(d)));
                    }
                }
                let hours = ((last24 - t0) as f64 / 3600.0).max(1.0);
                let replies = info.replies();
                let b = info.brand_replies;
                ThreadInfo {
                    t,
                    replies_24h: r24,
                    velocity: r24 as f64 / hours,
                    brand_first_s: brand_first,
                    sentiment,
                    too_present: has_brand
                        && (b > s.max_brand_replies || (b >= MIN_SHARE_REPLIES && b * 2 > replies)),
                    moment: false,
                    fast: false,
                }
            })
            .collect();
        // The fastest 10%: from the velocity at the 90th percentile (nearest rank) on.
        if !threads.is_empty() {
            let mut v: Vec<f64> = threads.iter().map(|t| t.velocity).collect();
            v.sort_by(f64::total_cmp);
            let rank = ((1.0 - TOP_SHARE) * v.len() as f64).ceil().max(1.0) as usize;
            a.top_velocity = Some(v[rank - 1]);
        }
        let top = a.top_velocity.unwrap_or(f64::INFINITY);
        for t in &mut threads {
            t.fast = t.velocity >= s.join_velocity
                || (t.velocity >= top && t.replies_24h >= MIN_JOIN_REPLIES);
            t.moment = t.fast && th.threads[t.t as usize].brand_replies == 0;
        }

        // Inbound posts: the first brand reply in the same thread after each.
        let r = rules();
        let mut inbound = Vec::with_capacity(inbound_posts.len());
        for &i in &inbound_posts {
            let p = &posts[i as usize];
            let thread = th.of(i);
            let answer_at = thread.and_then(|t| {
                let from = brand_replies.partition_point(|&(u, at)| (u, at) <= (t, p.created_at));
                brand_replies
                    .get(from)
                    .filter(|&&(u, _)| u == t)
                    .map(|&(_, at)| at)
            });
            let answer_s = answer_at.map(|at| at - p.created_at);
            let business_s = answer_at.map(|at| {
                let (la, lb) = (clock.local_seconds(p.created_at), clock.local_seconds(at));
                s.business_seconds(la, lb)
            });
            let sc = sent[i as usize];
            let kind = r.classify(&p.text, sc.lang, sc.net());
            inbound.push(Inbound {
                post: i,
                thread,
                answer_s,
                business_s,
                kind,
            });
        }

        // Open threads: unanswered inbound posts grouped by thread (a lone post is its own).
        let mut open: BTreeMap<(bool, u32), Open> = BTreeMap::new();
        for ib in inbound.iter().filter(|x| x.answer_s.is_none()) {
            let p = &posts[ib.post as usize];
            let key = match ib.thread {
                Some(t) => (true, t),
                None => (false, ib.post),
            };
            let e = open.entry(key).or_insert_with(|| Open {
                first: ib.post,
                thread: ib.thread,
                unanswered: 0,
                open_s: 0,
                sentiment: None,
                kind: Kind::default(),
            });
            e.unanswered += 1;
            e.kind.question |= ib.kind.question;
            e.kind.complaint |= ib.kind.complaint;
            let f = &posts[e.first as usize];
            if (p.created_at, ib.post) < (f.created_at, e.first) {
                e.first = ib.post;
            }
        }
        let mut scorer = lex.scorer();
        let mut open: Vec<Open> = open.into_values().collect();
        for o in &mut open {
            o.open_s = (a.as_of - posts[o.first as usize].created_at).max(0);
            o.sentiment = match o.thread {
                Some(t) => match threads.binary_search_by_key(&t, |x| x.t) {
                    Ok(k) => threads[k].sentiment.net(),
                    Err(_) => {
                        // A thread rooted before the period: score the posts not yet scored.
                        let mut sum = Sentiment::default();
                        for &i in th.posts(t) {
                            let sc = if want(i as usize) {
                                sent[i as usize]
                            } else {
                                scorer.score_post(&posts[i as usize], fallback)
                            };
                            sum.add(&sc);
                        }
                        sum.net()
                    }
                },
                None => sent[o.first as usize].net(),
            };
        }
        open.sort_by_key(|o| (posts[o.first as usize].created_at, o.first));

        a.sent = sent;
        a.threads = threads;
        a.inbound = inbound;
        a.open = open;
        a
    }

    /// The thread statistics of a period thread.
    pub fn stats(&self, t: &ThreadInfo) -> &honeycomb_core::threads::Thread {
        &self.th.threads[t.t as usize]
    }

    /// The open conversations that wait for an answer: threads, and single posts that ask a
    /// question, complain or sound negative (a passing mention nobody replied to waits for no
    /// one).
    pub fn waiting(&self) -> impl Iterator<Item = &Open> {
        self.open.iter().filter(|o| {
            o.thread.is_some()
                || o.kind.question
                || o.kind.complaint
                || o.sentiment.is_some_and(|x| x < 0.0)
        })
    }

    /// Threads the brand replied in.
    pub fn joined(&self) -> impl Iterator<Item = &ThreadInfo> {
        self.threads
            .iter()
            .filter(|t| self.th.threads[t.t as usize].brand_replies > 0)
    }
}
