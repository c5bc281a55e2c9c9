//! What the reputation plugin computes, before any text: the scores of the three methods,
//! ranks, h-indexes, histories, and the brand's engagement and share of voice beside its
//! competitors'.

use crate::settings::{Method, Settings};
use honeycomb_core::time::LocalClock;
use honeycomb_core::{AccountIx, Context, PluginError, PostKind, RatingKind, TableKind};

/// z of the 95% score interval used by the Wilson lower bound (two-sided, 1.96).
pub const Z: f64 = 1.96;
/// Trends are stated as a relative change per this many days.
pub const TREND_DAYS: f64 = 30.0;
/// A trend needs at least this many weekly values.
pub const TREND_MIN_WEEKS: usize = 4;
/// Lines in the history chart at most (brand and competitors first, then the top ranked).
pub const HISTORY_LINES: usize = 6;
/// Lowest-rated brand posts listed.
const LOW_POSTS: usize = 5;
const NONE: u32 = u32::MAX;

/// Bayesian average of `n` ratings summing to `sum`: (C·m + Σr) / (C + n), the mean of the
/// ratings after adding C ratings of the prior mean m — the "weighted rating" of IMDb's
/// Top 250 (v/(v+m)·R + m/(v+m)·C in their letters) and the pandas peer's `smoothed`.
/// `None` when C + n is 0.
pub fn bayesian_average(sum: f64, n: u64, c: f64, m: f64) -> Option<f64> {
    let d = c + n as f64;
    (d > 0.0).then(|| (c * m + sum) / d)
}

/// Lower bound of the Wilson score interval (Wilson 1927, JASA 22(158); Evan Miller 2009,
/// "How not to sort by average rating") for the share of up-votes among `up + down` votes:
/// (p̂ + z²/2n − z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). `None` without votes.
pub fn wilson_lower(up: u64, down: u64, z: f64) -> Option<f64> {
    let n = (up + down) as f64;
    if n <= 0.0 {
        return None;
    }
    let p = up as f64 / n;
    let z2 = z * z;
    let centre = p + z2 / (2.0 * n);
    let spread = z * ((p * (1.0 - p) + z2 / (4.0 * n)) / n).sqrt();
    Some(((centre - spread) / (1.0 + z2 / n)).clamp(0.0, 1.0))
}

/// The h-index (Hirsch 2005, PNAS 102(46)): the largest h such that h of the values are at
/// least h each. Sorts `values` in place (descending).
pub fn h_index(values: &mut [u64]) -> u32 {
    values.sort_unstable_by(|a, b| b.cmp(a));
    let mut h = 0usize;
    for (i, &v) in values.iter().enumerate() {
        if v > i as u64 {
            h = i + 1;
        } else {
            break;
        }
    }
    h as u32
}

/// Ordinary least-squares slope of `(x, y)` points; `None` with fewer than two distinct x.
pub fn ols_slope(points: &[(f64, f64)]) -> Option<f64> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// Trend of weekly values: the least-squares slope per week × (30 / 7) ÷ the mean weekly
/// value, i.e. the relative change per 30 days the fitted line shows. `None` with fewer than
/// [`TREND_MIN_WEEKS`] values or a mean of 0.
pub fn trend(points: &[(f64, f64)]) -> Option<f64> {
    if points.len() < TREND_MIN_WEEKS {
        return None;
    }
    let mean = points.iter().map(|p| p.1).sum::<f64>() / points.len() as f64;
    let s = ols_slope(points)?;
    (mean > 0.0).then(|| s * (TREND_DAYS / 7.0) / mean)
}

/// Why `method = "auto"` chose what it chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoReason {
    /// The period has this many star ratings and up/down votes.
    Ratings(u64),
    /// There is no ratings table.
    NoRatingsTable,
    /// The ratings table has no rating in the period.
    NoRatingsInPeriod,
    /// The period's ratings are all likes (this many), which rate nothing.
    OnlyLikes(u64),
}

/// What the quality score rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Star ratings: the Bayesian average.
    Stars,
    /// Only up- and down-votes: the Wilson lower bound of the up-vote share.
    Votes,
}

/// The denominator of the engagement rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denominator {
    /// The post's views (impressions).
    Impressions,
    /// The author's followers when the post was made, from dated follows.
    FollowersAtTime,
    /// The author's follower count as exported (today's, for every post).
    FollowersNow,
    /// Nothing to divide by.
    Unknown,
}

/// The time the analysis covers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// First second.
    pub start: i64,
    /// First second after.
    pub end: i64,
    /// The report period (else the span of the posts).
    pub from_period: bool,
    /// Local day number of the first day.
    pub first_day: i64,
    /// Local day number of the last day.
    pub last_day: i64,
    /// Local day number of the Monday of the first week.
    pub week0: i64,
    /// Calendar weeks (Monday–Sunday, local) touched by the span.
    pub n_weeks: usize,
    /// Length in weeks (at least 1).
    pub weeks: f64,
}

impl Span {
    /// Week index of a local day.
    pub fn week_of(&self, day: i64) -> usize {
        ((day - self.week0).max(0) / 7) as usize
    }

    /// Whether week `w` lies wholly inside the span.
    pub fn full_week(&self, w: usize) -> bool {
        let first = self.week0 + 7 * w as i64;
        first >= self.first_day && first + 6 <= self.last_day
    }
}

/// Ratings in the period, per account and per post.
#[derive(Debug, Clone, Default)]
pub struct Ratings {
    /// Star ratings (kind `star`) in the period.
    pub stars: u64,
    /// Up-votes.
    pub up: u64,
    /// Down-votes.
    pub down: u64,
    /// Likes (counted, not used: a like rates nothing).
    pub likes: u64,
    /// Ratings outside the period.
    pub outside: u64,
    /// Ratings with a non-finite score, left out.
    pub invalid: u64,
    /// Mean of the star ratings in the period.
    pub mean: Option<f64>,
    /// The prior mean m used.
    pub m: f64,
    /// The prior weight C used.
    pub c: f64,
    /// Whether m came from `prior_mean`.
    pub m_configured: bool,
    /// Posts with at least one star rating or vote.
    pub rated_posts: u64,
    /// Star ratings per account (on its posts), and their sum.
    pub acc_n: Vec<u32>,
    /// Sum of star ratings per account.
    pub acc_sum: Vec<f64>,
    /// Up-votes per account.
    pub acc_up: Vec<u32>,
    /// Down-votes per account.
    pub acc_down: Vec<u32>,
    /// Ratings of any kind per account.
    pub acc_all: Vec<u32>,
    /// Star ratings per post.
    pub post_n: Vec<u32>,
    /// Sum of star ratings per post.
    pub post_sum: Vec<f64>,
    /// Up-votes per post (empty without votes).
    pub post_up: Vec<u32>,
    /// Down-votes per post (empty without votes).
    pub post_down: Vec<u32>,
    /// Ratings of any kind per post.
    pub post_all: Vec<u32>,
}

impl Ratings {
    /// The Bayesian average of an account's star ratings.
    pub fn account_bayes(&self, a: usize) -> Option<f64> {
        let n = *self.acc_n.get(a)? as u64;
        (n > 0)
            .then(|| bayesian_average(self.acc_sum[a], n, self.c, self.m))
            .flatten()
    }

    /// The Wilson lower bound of an account's up-votes.
    pub fn account_wilson(&self, a: usize) -> Option<f64> {
        wilson_lower(
            *self.acc_up.get(a)? as u64,
            *self.acc_down.get(a)? as u64,
            Z,
        )
    }

    /// Whether there are up- or down-votes.
    pub fn has_votes(&self) -> bool {
        self.up + self.down > 0
    }
}

/// The brand, or one competitor's account, for the engagement and share-of-voice comparison.
#[derive(Debug, Clone, Default)]
pub struct Org {
    /// The accounts (the brand's, or one competitor's).
    pub accounts: Vec<AccountIx>,
    /// The brand.
    pub is_brand: bool,
    /// Posts of every kind in the period.
    pub posts: u64,
    /// Own posts (originals and quotes) in the period.
    pub own: u64,
    /// Engagement on them.
    pub engagement: u64,
    /// Own posts with a denominator for the engagement rate.
    pub rated: u64,
    /// Mean engagement rate of those posts.
    pub rate: Option<f64>,
    /// Mean engagement rate per calendar week (`None`: no own post with a denominator).
    pub rate_weekly: Vec<Option<f64>>,
    /// Posts of every kind per calendar week.
    pub posts_weekly: Vec<u32>,
    /// Trend of the weekly engagement rate.
    pub rate_trend: Option<f64>,
    /// Trend of the posts per full week.
    pub posts_trend: Option<f64>,
    /// h-index over the own posts and replies of all its accounts together.
    pub h_index: u32,
    /// Posts behind the h-index (every kind but reposts).
    pub h_posts: u64,
    /// Posts by others in the period that mention it or reply to or quote one of its posts.
    pub mentions: u64,
    /// Mentions per calendar week.
    pub mentions_weekly: Vec<u32>,
    /// Its best-ranked account, with score and rank.
    pub best: Option<(AccountIx, f64, u64)>,
    /// Quality of all its accounts together: Bayesian average (stars) or Wilson bound (votes).
    pub quality: Option<f64>,
    /// Star ratings (or votes) behind `quality`.
    pub quality_n: u64,
}

/// Scores over a rolling window, for a few accounts.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Local day numbers of the points (the last day of each window).
    pub days: Vec<i64>,
    /// Per account: its score and the posts or ratings in each window.
    pub lines: Vec<(AccountIx, Vec<Option<f64>>, Vec<u64>)>,
}

/// A brand post rated below the prior mean.
#[derive(Debug, Clone, PartialEq)]
pub struct LowPost {
    /// Post index.
    pub post: u32,
    /// Star ratings.
    pub n: u32,
    /// Plain mean.
    pub mean: f64,
    /// Bayesian average.
    pub bayes: f64,
}

/// Everything the report needs.
#[derive(Debug)]
pub struct Analysis {
    /// The method used.
    pub method: Method,
    /// Why, when `auto` chose it.
    pub auto: Option<AutoReason>,
    /// What the quality score rests on (quality method only).
    pub basis: Option<Basis>,
    /// The time covered (`None`: no posts and no period).
    pub span: Option<Span>,
    /// Posts of every kind in the period.
    pub posts_in_period: u64,
    /// Posts per account in the period.
    pub posts: Vec<u32>,
    /// Distinct (account, calendar week) pairs with a post.
    pub active_weeks: u64,
    /// h-index per account (`None` without an own post or reply in the period).
    pub h: Vec<Option<u32>>,
    /// The method's score per account (`None`: not scored).
    pub score: Vec<Option<f64>>,
    /// What the score rests on per account: posts, ratings (or votes) or relations.
    pub support: Vec<u64>,
    /// Rank per scored account (1 = best; ties share the better rank).
    pub rank: Vec<Option<u64>>,
    /// Scored accounts, best first (ties by account id).
    pub order: Vec<AccountIx>,
    /// Ratings, when the data has any.
    pub ratings: Option<Ratings>,
    /// Engagement columns present: likes, reposts, replies.
    pub columns: [bool; 3],
    /// Quotes of posts found in the data (added to engagement).
    pub quotes_in_data: u64,
    /// The brand (first, when set) and each competitor.
    pub orgs: Vec<Org>,
    /// The engagement-rate denominator.
    pub denominator: Denominator,
    /// Engagement rate per post of the brand's and competitors' own posts.
    pub post_rate: Vec<(u32, f64)>,
    /// Histories over the rolling window.
    pub history: Option<History>,
    /// The brand's lowest-rated posts (below the prior mean).
    pub low_posts: Vec<LowPost>,
}

/// One post in the period, grouped by author.
#[derive(Debug, Clone, Copy)]
struct Rec {
    day: i32,
    post: u32,
    /// Engagement, or `NONE` for a repost (its counts are the original's).
    e: u32,
}

fn weekday(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

impl Analysis {
    /// Computes the analysis.
    pub fn new(cx: &Context<'_>, s: &Settings) -> Result<Analysis, PluginError> {
        let d = cx.data;
        let n_acc = d.accounts.len();
        let mut clock = LocalClock::new(cx.tz.clone());

        // Pass 1 over the posts (file order): the span of the period.
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        for p in &d.posts {
            if cx.in_period(p.created_at) {
                lo = lo.min(p.created_at);
                hi = hi.max(p.created_at);
            }
        }
        // Engagement: the exported counts plus what is found in the data (the shared index).
        let eng = cx.engagement();
        let (columns, quotes_in_data) = (eng.columns, eng.quotes_in_data);
        let engagement = |i: usize| -> u64 { eng.of(d, i) };

        let span = match (cx.period, lo <= hi) {
            (Some(p), _) => Some((p.start, p.end, true)),
            (None, true) => Some((lo, hi.saturating_add(1), false)),
            (None, false) => None,
        }
        .map(|(start, end, from_period)| {
            let first_day = clock.local_day(start);
            let last_day = clock.local_day(end.saturating_sub(1)).max(first_day);
            let week0 = first_day - weekday(first_day);
            Span {
                start,
                end,
                from_period,
                first_day,
                last_day,
                week0,
                n_weeks: ((last_day - week0) / 7 + 1) as usize,
                weeks: ((end - start) as f64 / 604_800.0).max(1.0),
            }
        });

        // Pass 2: the posts of the period grouped by author (counting sort).
        let mut posts = vec![0u32; n_acc];
        let mut recs_flat: Vec<(u32, Rec)> = Vec::new();
        for (i, p) in d.posts.iter().enumerate() {
            if !cx.in_period(p.created_at) || (p.author as usize) >= n_acc {
                continue;
            }
            posts[p.author as usize] += 1;
            let e = if p.kind() == PostKind::Repost {
                NONE
            } else {
                engagement(i).min(NONE as u64 - 1) as u32
            };
            let day = clock.local_day(p.created_at);
            recs_flat.push((
                p.author,
                Rec {
                    day: day.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
                    post: i as u32,
                    e,
                },
            ));
        }
        let posts_in_period = recs_flat.len() as u64;
        let mut offsets = vec![0usize; n_acc + 1];
        for (i, &c) in posts.iter().enumerate() {
            offsets[i + 1] = offsets[i] + c as usize;
        }
        let mut fill = offsets.clone();
        let mut recs = vec![
            Rec {
                day: 0,
                post: 0,
                e: 0
            };
            recs_flat.len()
        ];
        for (a, r) in recs_flat {
            recs[fill[a as usize]] = r;
            fill[a as usize] += 1;
        }
        drop(fill);
        let of = |a: usize| &recs[offsets[a]..offsets[a + 1]];

        // Per account: h-index and active weeks.
        let mut h = vec![None; n_acc];
        let mut active_weeks = 0u64;
        let mut scratch: Vec<u64> = Vec::new();
        let mut weeks: Vec<i64> = Vec::new();
        for (a, h_a) in h.iter_mut().enumerate() {
            let rs = of(a);
            if rs.is_empty() {
                continue;
            }
            scratch.clear();
            scratch.extend(rs.iter().filter(|r| r.e != NONE).map(|r| r.e as u64));
            if !scratch.is_empty() {
                *h_a = Some(h_index(&mut scratch));
            }
            weeks.clear();
            weeks.extend(rs.iter().map(|r| (r.day as i64 + 3).div_euclid(7)));
            weeks.sort_unstable();
            weeks.dedup();
            active_weeks += weeks.len() as u64;
        }

        // Ratings.
        let ratings =
            (d.has_table(TableKind::Ratings) || !d.ratings.is_empty()).then(|| rate(cx, s));
        let voting = ratings.as_ref().map_or(0, |r| r.stars + r.up + r.down);

        let (method, auto) = match s.method {
            Some(m) => (m, None),
            None => {
                let why = match &ratings {
                    None => AutoReason::NoRatingsTable,
                    Some(_) if voting > 0 => AutoReason::Ratings(voting),
                    Some(r) if r.likes > 0 => AutoReason::OnlyLikes(r.likes),
                    Some(_) => AutoReason::NoRatingsInPeriod,
                };
                let m = if voting > 0 {
                    Method::Quality
                } else {
                    Method::Activity
                };
                (m, Some(why))
            }
        };

        // Scores.
        let mut score: Vec<Option<f64>> = vec![None; n_acc];
        let mut support = vec![0u64; n_acc];
        let mut basis = None;
        match method {
            Method::Activity => {
                if let Some(sp) = &span {
                    for a in 0..n_acc {
                        if posts[a] > 0 {
                            score[a] = Some(posts[a] as f64 / sp.weeks);
                            support[a] = posts[a] as u64;
                        }
                    }
                }
            }
            Method::Quality => {
                if let Some(r) = &ratings {
                    let b = if r.stars > 0 {
                        Basis::Stars
                    } else {
                        Basis::Votes
                    };
                    basis = Some(b);
                    for a in 0..n_acc {
                        match b {
                            Basis::Stars => {
                                score[a] = r.account_bayes(a);
                                support[a] = r.acc_n[a] as u64;
                            }
                            Basis::Votes => {
                                score[a] = r.account_wilson(a);
                                support[a] = (r.acc_up[a] + r.acc_down[a]) as u64;
                            }
                        }
                    }
                } else {
                    basis = Some(Basis::Stars);
                }
            }
            Method::Network => {
                // PageRank alone: the betweenness and closeness of the relationships
                // section are not needed here (and cost far more).
                let g = &cx.network()?.graph;
                let pr = cx.pagerank()?;
                for a in 0..n_acc.min(g.node_count()).min(pr.scores.len()) {
                    let relations = honeycomb_core::graph::union_len(
                        g.out.neighbours(a as u32),
                        g.inc.neighbours(a as u32),
                    );
                    if relations > 0 {
                        score[a] = Some(pr.scores[a]);
                        support[a] = relations as u64;
                    }
                }
            }
        }
        let mut order: Vec<AccountIx> = (0..n_acc as u32)
            .filter(|&a| score[a as usize].is_some_and(f64::is_finite))
            .collect();
        let key = |a: u32| score[a as usize].unwrap_or(f64::NEG_INFINITY);
        order.sort_by(|&x, &y| {
            key(y)
                .total_cmp(&key(x))
                .then_with(|| d.accounts[x as usize].id.cmp(&d.accounts[y as usize].id))
                .then(x.cmp(&y))
        });
        let mut rank = vec![None; n_acc];
        let mut current = 0u64;
        for (i, &a) in order.iter().enumerate() {
            if i == 0 || key(a) != key(order[i - 1]) {
                current = i as u64 + 1;
            }
            rank[a as usize] = Some(current);
        }

        // The brand and the competitors.
        let mut orgs: Vec<Org> = Vec::new();
        if !cx.brand().is_empty() {
            orgs.push(Org {
                accounts: cx.brand().to_vec(),
                is_brand: true,
                ..Org::default()
            });
        }
        for &c in cx.competitors() {
            orgs.push(Org {
                accounts: vec![c],
                ..Org::default()
            });
        }
        let mut denominator = Denominator::Unknown;
        let mut post_rate = Vec::new();
        if !orgs.is_empty()
            && let Some(sp) = &span
        {
            denominator = org_engagement(
                cx,
                sp,
                &mut orgs,
                &of,
                &engagement,
                &score,
                &rank,
                &mut post_rate,
            );
            voice(cx, sp, &mut orgs, &mut clock);
            if let Some(r) = &ratings {
                for o in &mut orgs {
                    let (mut n, mut sum, mut up, mut down) = (0u64, 0.0, 0u64, 0u64);
                    for &a in &o.accounts {
                        let a = a as usize;
                        n += r.acc_n[a] as u64;
                        sum += r.acc_sum[a];
                        up += r.acc_up[a] as u64;
                        down += r.acc_down[a] as u64;
                    }
                    if basis == Some(Basis::Votes) || (r.stars == 0 && r.has_votes()) {
                        o.quality = wilson_lower(up, down, Z);
                        o.quality_n = up + down;
                    } else if n > 0 {
                        o.quality = bayesian_average(sum, n, r.c, r.m);
                        o.quality_n = n;
                    }
                }
            }
        }

        // The brand's lowest-rated posts.
        let mut low_posts = Vec::new();
        if let Some(r) = &ratings
            && r.stars > 0
        {
            for &b in cx.brand() {
                for rec in of(b as usize) {
                    let p = rec.post as usize;
                    let n = r.post_n[p];
                    if n == 0 {
                        continue;
                    }
                    let mean = r.post_sum[p] / n as f64;
                    if let Some(bayes) = bayesian_average(r.post_sum[p], n as u64, r.c, r.m)
                        && mean < r.m
                    {
                        low_posts.push(LowPost {
                            post: rec.post,
                            n,
                            mean,
                            bayes,
                        });
                    }
                }
            }
            low_posts.sort_by(|x, y| {
                x.bayes.total_cmp(&y.bayes).then_with(|| {
                    d.posts[x.post as usize]
                        .id
                        .cmp(&d.posts[y.post as usize].id)
                })
            });
            low_posts.truncate(LOW_POSTS);
        }

        let history = span.as_ref().and_then(|sp| {
            history(
                cx,
                s,
                sp,
                method,
                basis,
                ratings.as_ref(),
                &orgs,
                &order,
                &of,
                &mut clock,
            )
        });

        Ok(Analysis {
            method,
            auto,
            basis,
            span,
            posts_in_period,
            posts,
            active_weeks,
            h,
            score,
            support,
            rank,
            order,
            ratings,
            columns,
            quotes_in_data,
            orgs,
            denominator,
            post_rate,
            history,
            low_posts,
        })
    }

    /// The brand, when set.
    pub fn brand(&self) -> Option<&Org> {
        self.orgs.first().filter(|o| o.is_brand)
    }

    /// The competitors.
    pub fn competitors(&self) -> &[Org] {
        match self.orgs.first() {
            Some(o) if o.is_brand => &self.orgs[1..],
            _ => &self.orgs,
        }
    }

    /// Accounts with a score.
    pub fn scored(&self) -> u64 {
        self.order.len() as u64
    }
}

/// One pass over the ratings: counts and sums per account and post, the prior mean.
fn rate(cx: &Context<'_>, s: &Settings) -> Ratings {
    let d = cx.data;
    let (n_acc, n_posts) = (d.accounts.len(), d.posts.len());
    let mut r = Ratings {
        acc_n: vec![0; n_acc],
        acc_sum: vec![0.0; n_acc],
        acc_up: vec![0; n_acc],
        acc_down: vec![0; n_acc],
        acc_all: vec![0; n_acc],
        post_n: vec![0; n_posts],
        post_sum: vec![0.0; n_posts],
        post_all: vec![0; n_posts],
        c: s.prior_weight,
        ..Ratings::default()
    };
    let mut sum = 0.0f64;
    for x in &d.ratings {
        let p = x.post as usize;
        let Some(post) = d.posts.get(p) else { continue };
        let a = post.author as usize;
        if a >= n_acc {
            continue;
        }
        let at = x.created().unwrap_or(post.created_at);
        if !cx.in_period(at) {
            r.outside += 1;
            continue;
        }
        if !x.score.is_finite() {
            r.invalid += 1;
            continue;
        }
        // Likes are counted apart: they are not ratings (see the quality method).
        if x.kind != RatingKind::Like {
            r.acc_all[a] += 1;
            r.post_all[p] += 1;
        }
        match x.kind {
            RatingKind::Star => {
                let v = x.score as f64;
                r.stars += 1;
                sum += v;
                r.acc_n[a] += 1;
                r.acc_sum[a] += v;
                r.post_n[p] += 1;
                r.post_sum[p] += v;
            }
            RatingKind::Up | RatingKind::Down => {
                if r.post_up.is_empty() {
                    r.post_up = vec![0; n_posts];
                    r.post_down = vec![0; n_posts];
                }
                if x.kind == RatingKind::Up {
                    r.up += 1;
                    r.acc_up[a] += 1;
                    r.post_up[p] += 1;
                } else {
                    r.down += 1;
                    r.acc_down[a] += 1;
                    r.post_down[p] += 1;
                }
            }
            RatingKind::Like => r.likes += 1,
        }
    }
    r.mean = (r.stars > 0).then(|| sum / r.stars as f64);
    r.m_configured = s.prior_mean.is_some();
    r.m = s.prior_mean.or(r.mean).unwrap_or(0.0);
    r.rated_posts = (0..n_posts)
        .filter(|&p| {
            r.post_n[p] > 0
                || r.post_up
                    .get(p)
                    .is_some_and(|&u| u > 0 || r.post_down[p] > 0)
        })
        .count() as u64;
    r
}

/// Followers of `a` at each time, from dated follows (undated ones count as always there).
struct FollowersAt {
    undated: u64,
    dated: Vec<i64>,
}

impl FollowersAt {
    fn at(&self, t: i64) -> u64 {
        self.undated + self.dated.partition_point(|&x| x <= t) as u64
    }
}

/// Posts, engagement, engagement rate and h-index of the brand and each competitor; returns
/// the denominator used.
#[allow(clippy::too_many_arguments)]
fn org_engagement<'r>(
    cx: &Context<'_>,
    sp: &Span,
    orgs: &mut [Org],
    of: &dyn Fn(usize) -> &'r [Rec],
    engagement: &dyn Fn(usize) -> u64,
    score: &[Option<f64>],
    rank: &[Option<u64>],
    post_rate: &mut Vec<(u32, f64)>,
) -> Denominator {
    let d = cx.data;
    let own = |p: usize| matches!(d.posts[p].kind(), PostKind::Original | PostKind::Quote);
    let members: Vec<AccountIx> = orgs.iter().flat_map(|o| o.accounts.clone()).collect();
    // Which denominator: impressions when the own posts carry views, else followers at the
    // time from dated follows, else the exported follower counts.
    let with_views = members
        .iter()
        .flat_map(|&a| of(a as usize))
        .filter(|r| own(r.post as usize) && d.posts[r.post as usize].views().is_some_and(|v| v > 0))
        .count();
    let mut followers: Vec<Option<FollowersAt>> = Vec::new();
    let denominator = if with_views > 0 {
        Denominator::Impressions
    } else {
        let dated = d.follows.iter().any(|f| f.created().is_some());
        if dated {
            followers = members
                .iter()
                .map(|_| {
                    Some(FollowersAt {
                        undated: 0,
                        dated: Vec::new(),
                    })
                })
                .collect();
            let mut slot = vec![NONE; d.accounts.len()];
            for (k, &m) in members.iter().enumerate() {
                slot[m as usize] = k as u32;
            }
            let mut any = false;
            for f in &d.follows {
                if f.source == f.target {
                    continue;
                }
                let mut add = |to: AccountIx| {
                    let k = slot.get(to as usize).copied().unwrap_or(NONE);
                    if let Some(Some(fa)) = followers.get_mut(k as usize) {
                        match f.created() {
                            Some(t) => {
                                fa.dated.push(t);
                                any = true;
                            }
                            None => fa.undated += 1,
                        }
                    }
                };
                add(f.target);
                if f.kind == honeycomb_core::FollowKind::Friend {
                    add(f.source);
                }
            }
            for fa in followers.iter_mut().flatten() {
                fa.dated.sort_unstable();
            }
            if any {
                Denominator::FollowersAtTime
            } else {
                followers.clear();
                Denominator::Unknown
            }
        } else {
            Denominator::Unknown
        }
    };
    let denominator = if denominator == Denominator::Unknown
        && members
            .iter()
            .any(|&a| d.accounts[a as usize].followers.is_some_and(|f| f > 0))
    {
        Denominator::FollowersNow
    } else {
        denominator
    };
    let nw = sp.n_weeks;
    let mut pos = 0usize;
    for o in orgs.iter_mut() {
        o.posts_weekly = vec![0; nw];
        o.mentions_weekly = vec![0; nw];
        let mut rate_sum = vec![0.0f64; nw];
        let mut rate_n = vec![0u32; nw];
        let mut es: Vec<u64> = Vec::new();
        let (mut total, mut n_rated) = (0.0f64, 0u64);
        for &a in &o.accounts {
            let k = pos;
            pos += 1;
            for r in of(a as usize) {
                let p = r.post as usize;
                let w = sp.week_of(r.day as i64).min(nw - 1);
                o.posts += 1;
                o.posts_weekly[w] += 1;
                if r.e != NONE {
                    es.push(r.e as u64);
                }
                if !own(p) {
                    continue;
                }
                let e = engagement(p);
                o.own += 1;
                o.engagement += e;
                let post = &d.posts[p];
                let den = match denominator {
                    Denominator::Impressions => post.views().unwrap_or(0),
                    Denominator::FollowersAtTime => followers
                        .get(k)
                        .and_then(|f| f.as_ref())
                        .map_or(0, |f| f.at(post.created_at)),
                    Denominator::FollowersNow => d.accounts[a as usize].followers.unwrap_or(0),
                    Denominator::Unknown => 0,
                };
                if den > 0 {
                    let x = e as f64 / den as f64;
                    total += x;
                    n_rated += 1;
                    rate_sum[w] += x;
                    rate_n[w] += 1;
                    post_rate.push((r.post, x));
                }
            }
        }
        o.h_posts = es.len() as u64;
        o.h_index = h_index(&mut es);
        o.rated = n_rated;
        o.rate = (n_rated > 0).then(|| total / n_rated as f64);
        o.rate_weekly = (0..nw)
            .map(|w| (rate_n[w] > 0).then(|| rate_sum[w] / rate_n[w] as f64))
            .collect();
        let pts: Vec<(f64, f64)> = o
            .rate_weekly
            .iter()
            .enumerate()
            .filter_map(|(w, v)| v.map(|v| (w as f64, v)))
            .collect();
        o.rate_trend = trend(&pts);
        let pts: Vec<(f64, f64)> = (0..nw)
            .filter(|&w| sp.full_week(w))
            .map(|w| (w as f64, o.posts_weekly[w] as f64))
            .collect();
        o.posts_trend = trend(&pts);
        o.best = o
            .accounts
            .iter()
            .filter_map(|&a| Some((a, score[a as usize]?, rank[a as usize]?)))
            .min_by(|x, y| x.2.cmp(&y.2).then(x.0.cmp(&y.0)));
    }
    post_rate.sort_unstable_by_key(|x| x.0);
    denominator
}

/// Share of voice: posts by others in the period that mention an organisation's account or
/// reply to or quote one of its posts, once per post and organisation.
fn voice(cx: &Context<'_>, sp: &Span, orgs: &mut [Org], clock: &mut LocalClock) {
    let d = cx.data;
    let mut org_of = vec![NONE; d.accounts.len()];
    let mut by_handle: rustc_hash::FxHashMap<String, u32> = rustc_hash::FxHashMap::default();
    for (k, o) in orgs.iter().enumerate() {
        for &a in &o.accounts {
            org_of[a as usize] = k as u32;
            if let Some(h) = &d.accounts[a as usize].handle {
                by_handle.insert(h.trim_start_matches('@').to_lowercase(), k as u32);
            }
        }
    }
    let nw = sp.n_weeks;
    let mut hit: Vec<u32> = Vec::with_capacity(4);
    for p in &d.posts {
        if !cx.in_period(p.created_at) {
            continue;
        }
        hit.clear();
        for m in p.mentions() {
            if let Some(&k) = by_handle.get(&**m) {
                hit.push(k);
            }
        }
        for q in [p.reply_to, p.quote_of].into_iter().flatten() {
            if let Some(parent) = d.posts.get(q as usize)
                && let Some(&k) = org_of.get(parent.author as usize)
                && k != NONE
            {
                hit.push(k);
            }
        }
        if hit.is_empty() {
            continue;
        }
        let own = org_of.get(p.author as usize).copied().unwrap_or(NONE);
        hit.sort_unstable();
        hit.dedup();
        let w = sp.week_of(clock.local_day(p.created_at)).min(nw - 1);
        for &k in &hit {
            if k != own {
                orgs[k as usize].mentions += 1;
                orgs[k as usize].mentions_weekly[w] += 1;
            }
        }
    }
}

/// The score over a rolling window of `window_days`, at the end of every calendar week, for
/// the brand's and competitors' accounts and the top ranked (at most [`HISTORY_LINES`]).
#[allow(clippy::too_many_arguments)]
fn history<'r>(
    cx: &Context<'_>,
    s: &Settings,
    sp: &Span,
    method: Method,
    basis: Option<Basis>,
    ratings: Option<&Ratings>,
    orgs: &[Org],
    order: &[AccountIx],
    of: &dyn Fn(usize) -> &'r [Rec],
    clock: &mut LocalClock,
) -> Option<History> {
    if method == Method::Network {
        return None;
    }
    let d = cx.data;
    let w = s.window_days as i64;
    // Window ends: every Sunday whose whole window lies in the span, and the span's last day.
    let mut days: Vec<i64> = (0..sp.n_weeks as i64)
        .map(|k| sp.week0 + 7 * k + 6)
        .filter(|&e| e - w + 1 >= sp.first_day && e <= sp.last_day)
        .collect();
    if days.last().is_some_and(|&l| l < sp.last_day) && sp.last_day - w + 1 >= sp.first_day {
        days.push(sp.last_day);
    }
    if days.len() < 2 {
        return None;
    }
    let mut who: Vec<AccountIx> = Vec::new();
    for o in orgs {
        for &a in &o.accounts {
            if !who.contains(&a) {
                who.push(a);
            }
        }
    }
    for &a in order {
        if who.len() >= HISTORY_LINES {
            break;
        }
        if !who.contains(&a) {
            who.push(a);
        }
    }
    if who.is_empty() {
        return None;
    }
    // Per account the (day, value) events: a post (value 1), a star rating (its score), a
    // vote (1 up, 0 down).
    let mut events: Vec<Vec<(i64, f64)>> = vec![Vec::new(); who.len()];
    match method {
        Method::Activity => {
            for (k, &a) in who.iter().enumerate() {
                events[k] = of(a as usize).iter().map(|r| (r.day as i64, 1.0)).collect();
            }
        }
        Method::Quality => {
            ratings?;
            let slot: rustc_hash::FxHashMap<u32, usize> =
                who.iter().enumerate().map(|(k, &a)| (a, k)).collect();
            for x in &d.ratings {
                let Some(post) = d.posts.get(x.post as usize) else {
                    continue;
                };
                let Some(&k) = slot.get(&post.author) else {
                    continue;
                };
                let at = x.created().unwrap_or(post.created_at);
                if !cx.in_period(at) || !x.score.is_finite() {
                    continue;
                }
                let v = match (basis, x.kind) {
                    (Some(Basis::Votes), RatingKind::Up) => 1.0,
                    (Some(Basis::Votes), RatingKind::Down) => 0.0,
                    (Some(Basis::Stars) | None, RatingKind::Star) => x.score as f64,
                    _ => continue,
                };
                events[k].push((clock.local_day(at), v));
            }
        }
        Method::Network => return None,
    }
    let per_week = w as f64 / 7.0;
    let lines = who
        .iter()
        .zip(events.iter_mut())
        .map(|(&a, ev)| {
            ev.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)));
            let mut values = Vec::with_capacity(days.len());
            let mut ns = Vec::with_capacity(days.len());
            for &end in &days {
                let from = ev.partition_point(|e| e.0 <= end - w);
                let to = ev.partition_point(|e| e.0 <= end);
                let win = &ev[from..to];
                let n = win.len() as u64;
                let sum: f64 = win.iter().map(|e| e.1).sum();
                let v = match method {
                    Method::Activity => Some(n as f64 / per_week),
                    Method::Quality => match (basis, ratings) {
                        (Some(Basis::Votes), _) => {
                            let up = sum.round() as u64;
                            wilson_lower(up, n.saturating_sub(up), Z)
                        }
                        (_, Some(r)) if n > 0 => bayesian_average(sum, n, r.c, r.m),
                        _ => None,
                    },
                    Method::Network => None,
                };
                values.push(v);
                ns.push(n);
            }
            (a, values, ns)
        })
        .collect();
    Some(History { days, lines })
}
