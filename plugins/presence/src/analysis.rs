//! The numbers: one pass over the posts into 168 weekday × hour slots, then the peak hours,
//! best times, regularity, availability and location disclosure derived from those arrays.
//!
//! Nothing here allocates per post except the one-byte slot per post kept for
//! `metrics/posts.csv`; the only sort over data is of the brand's own post times and of the
//! brand's presence records, never of all posts.

use crate::settings::Settings;
use honeycomb_core::time::LocalClock;
use honeycomb_core::{Context, PostKind, Status, TableKind};

/// Weekday × hour slots in a week.
pub const SLOTS: usize = 168;
/// Slot value of a post outside the report period.
pub const OUTSIDE: u8 = u8::MAX;
/// Seconds in a day.
pub const DAY: i64 = 86_400;
/// Seconds in a week.
pub const WEEK: i64 = 7 * DAY;

/// The half-open time window `[start, end)` the shares of time and weeks refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First second.
    pub start: i64,
    /// First second after.
    pub end: i64,
    /// Whether it is the configured report period (else the span of the data).
    pub is_period: bool,
}

impl Window {
    /// Length in seconds (0 when empty).
    pub fn len(&self) -> i64 {
        (self.end - self.start).max(0)
    }
}

/// What the single pass over the posts counted.
#[derive(Debug, Clone)]
pub struct Pass {
    /// Audience (non-brand) posts per slot.
    pub audience: [u64; SLOTS],
    /// Brand posts per slot.
    pub brand: [u64; SLOTS],
    /// Originals with engagement counts per slot, all accounts.
    pub all_n: [u64; SLOTS],
    /// Sum of engagement of those originals per slot.
    pub all_sum: [f64; SLOTS],
    /// Brand originals with engagement counts per slot.
    pub brand_n: [u64; SLOTS],
    /// Sum of engagement of those per slot.
    pub brand_sum: [f64; SLOTS],
    /// Slot of each post (`OUTSIDE` when not in the period), index-aligned with the posts.
    pub post_slot: Vec<u8>,
    /// Posts in the period per account, index-aligned with the accounts.
    pub per_account: Vec<u64>,
    /// Creation times of the brand's posts in the period other than replies (unsorted until [`Pass::finish`]).
    pub brand_times: Vec<i64>,
    /// Posts in the period.
    pub in_period: u64,
    /// Earliest and latest post time in the period.
    pub span: Option<(i64, i64)>,
    /// Posts in the period with a location.
    pub posts_with_location: u64,
    /// Brand posts in the period with a location.
    pub brand_posts_with_location: u64,
    /// Audience posts in the period that mention a brand handle or reply to a brand post.
    pub inbound: u64,
    /// Of those, the ones created while a brand account was online.
    pub inbound_online: u64,
}

/// Merged intervals `[start, end)` during which at least one brand account was online.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Online {
    /// Sorted, disjoint, non-adjacent intervals.
    pub intervals: Vec<(i64, i64)>,
    /// Presence records of brand accounts.
    pub brand_records: u64,
    /// Online records of brand accounts.
    pub online_records: u64,
    /// Online records without `duration_s` whose end was taken from the next record.
    pub inferred: u64,
    /// Online records without `duration_s` and without a later record: counted as 0 s.
    pub open_ended: u64,
}

impl Online {
    /// Whether `ts` falls in an online interval (binary search).
    pub fn contains(&self, ts: i64) -> bool {
        let i = self.intervals.partition_point(|iv| iv.0 <= ts);
        i > 0 && self.intervals[i - 1].1 > ts
    }

    /// Seconds online inside the window.
    pub fn seconds_in(&self, w: Window) -> i64 {
        self.intervals
            .iter()
            .map(|&(a, b)| (b.min(w.end) - a.max(w.start)).max(0))
            .sum()
    }

    /// Earliest start and latest end, if any.
    pub fn span(&self) -> Option<(i64, i64)> {
        Some((self.intervals.first()?.0, self.intervals.last()?.1))
    }
}

/// Builds the brand's online intervals from the presence log.
///
/// A record is online from `at` for `duration_s` seconds. A record without `duration_s` is
/// read as a status change: it lasts until the same account's next record; the account's last
/// record without a duration counts as 0 s (nothing says how long it lasted). Intervals of all
/// brand accounts are merged: "online" means at least one brand account was online.
pub fn online_intervals(cx: &Context<'_>) -> Online {
    let mut recs: Vec<(u32, i64, Status, Option<u32>)> = cx
        .data
        .presence
        .iter()
        .filter(|r| cx.is_brand(r.account))
        .map(|r| (r.account, r.at, r.status, r.duration_s))
        .collect();
    // Stable: records of one account at the same instant keep their file order.
    recs.sort_by_key(|r| (r.0, r.1));
    let mut out = Online {
        brand_records: recs.len() as u64,
        ..Online::default()
    };
    let mut raw: Vec<(i64, i64)> = Vec::new();
    for (i, &(acc, at, status, dur)) in recs.iter().enumerate() {
        if status != Status::Online {
            continue;
        }
        out.online_records += 1;
        let end = match dur {
            Some(d) => at.saturating_add(d as i64),
            None => match recs[i + 1..]
                .iter()
                .take_while(|r| r.0 == acc)
                .find(|r| r.1 > at)
            {
                Some(next) => {
                    out.inferred += 1;
                    next.1
                }
                _ => {
                    out.open_ended += 1;
                    at
                }
            },
        };
        if end > at {
            raw.push((at, end));
        }
    }
    raw.sort_unstable();
    for (a, b) in raw {
        match out.intervals.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.intervals.push((a, b)),
        }
    }
    out
}

/// Lowercase brand handles and ids, for matching mentions.
fn brand_handles(cx: &Context<'_>) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for &b in cx.brand() {
        if let Some(a) = cx.data.accounts.get(b as usize) {
            for h in a.handle.iter().chain(std::iter::once(&a.id)) {
                let h = h.trim_start_matches('@').to_lowercase();
                if !h.is_empty() && !v.contains(&h) {
                    v.push(h);
                }
            }
        }
    }
    v
}

/// Whether mention `m` names handle `h`: equal, or equal local parts when one of the two has
/// no server (`acme` and `acme@mastodon.social`).
fn same_handle(m: &str, h: &str) -> bool {
    if m == h {
        return true;
    }
    match (m.split_once('@'), h.split_once('@')) {
        (Some((ml, _)), None) => ml == h,
        (None, Some((hl, _))) => m == hl,
        _ => false,
    }
}

/// Whether a post carries a non-blank location.
fn has_location(l: Option<&str>) -> bool {
    l.is_some_and(|s| !s.trim().is_empty())
}

impl Pass {
    /// The single pass over all posts.
    pub fn run(cx: &Context<'_>, online: &Online) -> Pass {
        let data = cx.data;
        let handles = brand_handles(cx);
        let mut clock = LocalClock::new(cx.tz.clone());
        let mut p = Pass {
            audience: [0; SLOTS],
            brand: [0; SLOTS],
            all_n: [0; SLOTS],
            all_sum: [0.0; SLOTS],
            brand_n: [0; SLOTS],
            brand_sum: [0.0; SLOTS],
            post_slot: vec![OUTSIDE; data.posts.len()],
            per_account: vec![0; data.accounts.len()],
            brand_times: Vec::new(),
            in_period: 0,
            span: None,
            posts_with_location: 0,
            brand_posts_with_location: 0,
            inbound: 0,
            inbound_online: 0,
        };
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        for (i, post) in data.posts.iter().enumerate() {
            let ts = post.created_at;
            if !cx.in_period(ts) {
                continue;
            }
            p.in_period += 1;
            lo = lo.min(ts);
            hi = hi.max(ts);
            let (wd, h) = clock.weekday_hour(ts);
            let slot = (wd * 24 + h).min(SLOTS - 1);
            p.post_slot[i] = slot as u8;
            if let Some(c) = p.per_account.get_mut(post.author as usize) {
                *c += 1;
            }
            let is_brand = cx.is_brand(post.author);
            let located = has_location(post.location());
            p.posts_with_location += located as u64;
            if is_brand {
                p.brand[slot] += 1;
                // Regularity is about what the brand puts out, not its answers.
                if post.kind() != PostKind::Reply {
                    p.brand_times.push(ts);
                }
                p.brand_posts_with_location += located as u64;
            } else if !cx.is_competitor(post.author) {
                // Competitors are neither the brand nor its audience.
                p.audience[slot] += 1;
                if !handles.is_empty() {
                    let replies_to_brand = post
                        .reply_to
                        .and_then(|r| data.posts.get(r as usize))
                        .is_some_and(|q| cx.is_brand(q.author));
                    let inbound = replies_to_brand
                        || post
                            .mentions()
                            .iter()
                            .any(|m| handles.iter().any(|h| same_handle(m, h)));
                    if inbound {
                        p.inbound += 1;
                        p.inbound_online += online.contains(ts) as u64;
                    }
                }
            }
            let counted = post.likes.is_some() || post.reposts.is_some() || post.replies.is_some();
            if counted && post.kind() == PostKind::Original {
                let e = post.engagement() as f64;
                p.all_n[slot] += 1;
                p.all_sum[slot] += e;
                if is_brand {
                    p.brand_n[slot] += 1;
                    p.brand_sum[slot] += e;
                }
            }
        }
        if lo <= hi {
            p.span = Some((lo, hi));
        }
        p.brand_times.sort_unstable();
        p
    }

    /// Audience posts in the period.
    pub fn audience_total(&self) -> u64 {
        self.audience.iter().sum()
    }

    /// Brand posts in the period.
    pub fn brand_total(&self) -> u64 {
        self.brand.iter().sum()
    }
}

/// The window shares of time and weeks refer to: the report period, else the span of the
/// posts and the brand's online intervals (the last second included).
pub fn window(cx: &Context<'_>, pass: &Pass, online: &Online) -> Option<Window> {
    if let Some(p) = cx.period {
        return Some(Window {
            start: p.start,
            end: p.end,
            is_period: true,
        });
    }
    let spans = [pass.span.map(|(a, b)| (a, b + 1)), online.span()];
    let start = spans.iter().flatten().map(|s| s.0).min()?;
    let end = spans.iter().flatten().map(|s| s.1).max()?;
    Some(Window {
        start,
        end,
        is_period: false,
    })
}

/// The audience's busiest hours.
#[derive(Debug, Clone, PartialEq)]
pub struct Peak {
    /// Slots in the peak set, busiest first (ties by slot index).
    pub slots: Vec<usize>,
    /// Membership flags per slot.
    pub member: [bool; SLOTS],
    /// Audience posts in the peak slots.
    pub audience_in: u64,
    /// All audience posts.
    pub audience_total: u64,
    /// Brand posts in the peak slots.
    pub brand_in: u64,
    /// All brand posts.
    pub brand_total: u64,
}

impl Peak {
    /// The smallest set of slots, busiest first (ties broken by the lower slot index), whose
    /// audience posts together reach `share` of all audience posts. `None` without audience.
    pub fn compute(pass: &Pass, share: f64) -> Option<Peak> {
        let total = pass.audience_total();
        if total == 0 {
            return None;
        }
        let mut order: Vec<usize> = (0..SLOTS).collect();
        order.sort_by(|&a, &b| pass.audience[b].cmp(&pass.audience[a]).then(a.cmp(&b)));
        let need = share * total as f64;
        let mut member = [false; SLOTS];
        let mut slots = Vec::new();
        let mut cum = 0u64;
        for s in order {
            if cum as f64 >= need || pass.audience[s] == 0 {
                break;
            }
            cum += pass.audience[s];
            member[s] = true;
            slots.push(s);
        }
        let brand_in = (0..SLOTS)
            .filter(|&s| member[s])
            .map(|s| pass.brand[s])
            .sum();
        Some(Peak {
            slots,
            member,
            audience_in: cum,
            audience_total: total,
            brand_in,
            brand_total: pass.brand_total(),
        })
    }

    /// Share of audience posts in the peak slots.
    pub fn audience_share(&self) -> f64 {
        ratio(self.audience_in, self.audience_total).unwrap_or(0.0)
    }

    /// Share of brand posts in the peak slots; `None` without brand posts.
    pub fn overlap(&self) -> Option<f64> {
        ratio(self.brand_in, self.brand_total)
    }
}

/// `a / b`, `None` when `b` is 0.
pub fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// What the best times are based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Engagement of the brand's own originals.
    BrandEngagement,
    /// Engagement of all accounts' originals.
    AllEngagement,
    /// Audience activity volume: no engagement counts in the data.
    ActivityNoCounts,
    /// Audience activity volume: no slot had enough posts with engagement counts.
    ActivityTooFew,
}

impl Basis {
    /// Whether the ranking is by engagement.
    pub fn is_engagement(self) -> bool {
        matches!(self, Basis::BrandEngagement | Basis::AllEngagement)
    }
}

/// One ranked slot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlotEstimate {
    /// Slot index (weekday × 24 + hour).
    pub slot: usize,
    /// Posts in the slot (originals with counts, or audience posts for activity).
    pub n: u64,
    /// Mean engagement per post in the slot (0 for activity).
    pub mean: f64,
    /// Shrunk estimate (engagement), or share of audience posts (activity).
    pub score: f64,
}

/// Best times to post.
#[derive(Debug, Clone, PartialEq)]
pub struct BestTimes {
    /// What the ranking is based on.
    pub basis: Basis,
    /// Originals with engagement counts used (engagement bases), or audience posts.
    pub posts: u64,
    /// Overall mean engagement per original of the source (engagement bases).
    pub overall_mean: f64,
    /// Slots with at least `min_posts_per_slot` posts.
    pub eligible: usize,
    /// The top slots, best first.
    pub top: Vec<SlotEstimate>,
}

/// Empirical-Bayes shrinkage of a slot mean towards the overall mean (the "Bayesian
/// average"): `(n·mean_slot + k·mean_all) / (n + k)`, with `sum = n·mean_slot`.
pub fn shrink(sum: f64, n: u64, k: f64, overall: f64) -> f64 {
    let d = n as f64 + k;
    if d <= 0.0 {
        overall
    } else {
        (sum + k * overall) / d
    }
}

impl BestTimes {
    /// Ranks the slots by shrunk mean engagement per original post — all accounts' originals,
    /// or with `best_times_basis = "brand"` the brand's own when it has at least
    /// `min_brand_posts` with counts, else (or when none of the brand's
    /// slots has enough posts) all accounts' — and falls back to audience activity volume when
    /// there are no engagement counts or no slot has `min_posts_per_slot` posts.
    pub fn compute(pass: &Pass, s: &Settings) -> BestTimes {
        let brand_n: u64 = pass.brand_n.iter().sum();
        let all_n: u64 = pass.all_n.iter().sum();
        let mut sources = Vec::with_capacity(2);
        if s.brand_basis && brand_n >= s.min_brand_posts {
            sources.push((Basis::BrandEngagement, &pass.brand_n, &pass.brand_sum));
        }
        if all_n > 0 {
            sources.push((Basis::AllEngagement, &pass.all_n, &pass.all_sum));
        }
        for (basis, n, sum) in sources {
            let total_n: u64 = n.iter().sum();
            let overall = sum.iter().sum::<f64>() / total_n as f64;
            let mut ranked: Vec<SlotEstimate> = (0..SLOTS)
                .filter(|&i| n[i] >= s.min_posts_per_slot)
                .map(|i| SlotEstimate {
                    slot: i,
                    n: n[i],
                    mean: sum[i] / n[i] as f64,
                    score: shrink(sum[i], n[i], s.shrinkage_k, overall),
                })
                .collect();
            if !ranked.is_empty() {
                ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.slot.cmp(&b.slot)));
                let eligible = ranked.len();
                ranked.truncate(s.best_slots);
                return BestTimes {
                    basis,
                    posts: total_n,
                    overall_mean: overall,
                    eligible,
                    top: ranked,
                };
            }
        }
        let basis = if all_n == 0 {
            Basis::ActivityNoCounts
        } else {
            Basis::ActivityTooFew
        };
        let total = pass.audience_total();
        let mut ranked: Vec<SlotEstimate> = (0..SLOTS)
            .filter(|&i| pass.audience[i] > 0)
            .map(|i| SlotEstimate {
                slot: i,
                n: pass.audience[i],
                mean: 0.0,
                score: pass.audience[i] as f64 / total as f64,
            })
            .collect();
        ranked.sort_by(|a, b| b.n.cmp(&a.n).then(a.slot.cmp(&b.slot)));
        let eligible = ranked.len();
        ranked.truncate(s.best_slots);
        BestTimes {
            basis,
            posts: total,
            overall_mean: 0.0,
            eligible,
            top: ranked,
        }
    }

    /// Brand posts in the recommended slots.
    pub fn brand_in(&self, pass: &Pass) -> u64 {
        self.top.iter().map(|e| pass.brand[e.slot]).sum()
    }
}

/// How regularly the brand posts.
#[derive(Debug, Clone, PartialEq)]
pub struct Regularity {
    /// Brand posts in the window.
    pub posts: u64,
    /// Window length in weeks (at least 1).
    pub weeks_len: f64,
    /// Calendar weeks (Monday–Sunday, local time) the window touches.
    pub weeks_total: u64,
    /// Of those, weeks with at least one brand post.
    pub weeks_active: u64,
    /// Coefficient of variation of the gaps between consecutive posts (`None` under 3 posts).
    pub gap_cv: Option<f64>,
    /// Mean gap in seconds (`None` under 2 posts).
    pub gap_mean_s: Option<f64>,
    /// Longest stretch without a brand post, in seconds, window edges included.
    pub longest_silence_s: i64,
}

impl Regularity {
    /// Computes the brand's regularity over the window from its sorted post times.
    ///
    /// The gap coefficient of variation is σ/μ of the inter-post gaps (population σ), the
    /// quantity behind the burstiness measure of Goh & Barabási (2008), "Burstiness and memory
    /// in complex systems", EPL 81, 48002: 0 for a fixed schedule, 1 for a Poisson process.
    pub fn compute(cx: &Context<'_>, times: &[i64], w: Window) -> Regularity {
        let mut clock = LocalClock::new(cx.tz.clone());
        let week = |c: &mut LocalClock, ts: i64| (c.local_day(ts) + 3).div_euclid(7);
        let first_week = week(&mut clock, w.start);
        let last_week = week(&mut clock, (w.end - 1).max(w.start));
        let weeks_total = (last_week - first_week + 1).max(1) as u64;
        let mut weeks_active = 0u64;
        let mut prev_week = i64::MIN;
        for &t in times {
            let wk = week(&mut clock, t);
            if wk != prev_week && (first_week..=last_week).contains(&wk) {
                weeks_active += 1;
            }
            prev_week = wk;
        }
        let gaps = times.windows(2).map(|p| (p[1] - p[0]) as f64);
        let n_gaps = times.len().saturating_sub(1);
        let gap_mean_s = (n_gaps >= 1).then(|| gaps.clone().sum::<f64>() / n_gaps as f64);
        let gap_cv = match gap_mean_s {
            Some(m) if n_gaps >= 2 && m > 0.0 => {
                let var = gaps.map(|g| (g - m) * (g - m)).sum::<f64>() / n_gaps as f64;
                Some(var.sqrt() / m)
            }
            Some(_) if n_gaps >= 2 => Some(0.0),
            _ => None,
        };
        let longest_silence_s = match (times.first(), times.last()) {
            (Some(&a), Some(&b)) => {
                let inner = times.windows(2).map(|p| p[1] - p[0]).max().unwrap_or(0);
                inner.max(a - w.start).max(w.end - b).max(0)
            }
            _ => w.len(),
        };
        Regularity {
            posts: times.len() as u64,
            weeks_len: (w.len() as f64 / WEEK as f64).max(1.0),
            weeks_total,
            weeks_active,
            gap_cv,
            gap_mean_s,
            longest_silence_s,
        }
    }

    /// Mean brand posts per week.
    pub fn posts_per_week(&self) -> f64 {
        self.posts as f64 / self.weeks_len
    }

    /// Share of weeks with a brand post.
    pub fn active_share(&self) -> f64 {
        ratio(self.weeks_active, self.weeks_total).unwrap_or(0.0)
    }
}

/// Location disclosure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Locations {
    /// Accounts with a row in the accounts table.
    pub accounts: u64,
    /// Of those, accounts with a location.
    pub accounts_with: u64,
    /// Presence records in the period.
    pub records: u64,
    /// Of those, records with a location.
    pub records_with: u64,
    /// Presence records of the brand's accounts in the period.
    pub brand_records: u64,
    /// Of those, records with a location (a business showing its own address).
    pub brand_records_with: u64,
}

impl Locations {
    /// Counts accounts and presence records that disclose a location.
    pub fn compute(cx: &Context<'_>) -> Locations {
        let mut l = Locations::default();
        for a in cx.data.accounts.iter().filter(|a| a.declared) {
            l.accounts += 1;
            l.accounts_with += has_location(a.location.as_deref()) as u64;
        }
        for r in cx.data.presence.iter().filter(|r| cx.in_period(r.at)) {
            let with = has_location(r.location.as_deref()) as u64;
            l.records += 1;
            l.records_with += with;
            if cx.is_brand(r.account) {
                l.brand_records += 1;
                l.brand_records_with += with;
            }
        }
        l
    }
}

/// Whether the data has a presence table (loaded, or records built by hand).
pub fn has_presence(cx: &Context<'_>) -> bool {
    cx.data.has_table(TableKind::Presence) || !cx.data.presence.is_empty()
}
