//! What the groups plugin computes — explicit groups and detected communities — before any
//! text. One pass over the posts feeds both; everything else is indexed by account, group
//! or community in flat arrays.

use crate::settings::Settings;
use honeycomb_core::network::{Communities, CommunitySettings, EdgeKind};
use honeycomb_core::time::{LocalClock, civil_from_days};
use honeycomb_core::{AccountIx, Context, GroupIx, PluginError, Role};
use rustc_hash::FxHashMap;

/// Opinion leaders named per community.
pub const TOP_MEMBERS: usize = 3;
/// Hashtags named per listed community.
pub const TOP_HASHTAGS: usize = 5;
/// Groups drawn in the membership chart.
pub const CHART_GROUPS: usize = 5;
/// Months drawn in the membership chart at most (the last ones).
pub const CHART_MONTHS: usize = 36;

/// How a community relates to the brand (see [`Settings::support_share`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// At least `support_share` of its members follow a brand account or talked to the brand.
    Supports,
    /// Some members do, fewer than `support_share`.
    Aware,
    /// No member does.
    Untouched,
}

/// One detected community of two or more accounts.
#[derive(Debug, Clone, PartialEq)]
pub struct Community {
    /// Community number in the partition (0-based, largest first).
    pub id: u32,
    /// Accounts in it, brand accounts included.
    pub size: u64,
    /// Accounts in it that are not brand accounts: the denominator of its shares.
    pub members: u64,
    /// A brand account belongs to it.
    pub has_brand: bool,
    /// Up to [`TOP_MEMBERS`] members with the highest opinion-leader score, best first
    /// (brand and competitor accounts left out).
    pub leaders: Vec<AccountIx>,
    /// Up to [`TOP_HASHTAGS`] hashtags in its members' posts in the period, with the number
    /// of posts using each (listed communities only).
    pub hashtags: Vec<(String, u64)>,
    /// Its members' posts in the period (brand accounts' own posts left out).
    pub posts: u64,
    /// Of those, posts that mention a brand handle or reply to, repost or quote a brand post.
    pub brand_posts: u64,
    /// Members following at least one brand account (`None` without a follows table).
    pub followers: Option<u64>,
    /// Members who talked to the brand in the period (mention, reply, repost, quote).
    pub talkers: u64,
    /// Members who follow a brand account or talked to the brand.
    pub supporters: u64,
    /// Conductance: cut ÷ min(volume inside, volume outside).
    pub conductance: f64,
    /// Its term in the modularity sum: `e_c/m − γ (d_c/2m)²`.
    pub modularity: f64,
    /// Support status (`None` without brand accounts).
    pub status: Option<Status>,
}

impl Community {
    /// Share of its members' posts in the period that talk about or to the brand.
    pub fn brand_share(&self) -> Option<f64> {
        (self.posts > 0).then(|| self.brand_posts as f64 / self.posts as f64)
    }

    /// Share of its members who follow or talked to the brand.
    pub fn support(&self) -> f64 {
        if self.members > 0 {
            self.supporters as f64 / self.members as f64
        } else {
            0.0
        }
    }
}

/// The communities detected in the shared network.
#[derive(Debug)]
pub struct Detected<'c> {
    /// Relations the network is made of.
    pub kinds: Vec<EdgeKind>,
    /// The Leiden settings used.
    pub settings: &'c CommunitySettings,
    /// Modularity of the partition.
    pub modularity: f64,
    /// Leiden iterations run.
    pub iterations: u32,
    /// Every community of two or more accounts, largest first.
    pub all: Vec<Community>,
    /// The first `listed` of `all` are described in the report.
    pub listed: usize,
    /// Accounts with at least one relation (in some community of two or more).
    pub accounts: u64,
    /// Non-brand accounts in communities: the denominator of the support share.
    pub members: u64,
    /// Non-brand members' posts in the period, and those that talk to the brand.
    pub posts: u64,
    /// See `posts`.
    pub brand_posts: u64,
}

impl Detected<'_> {
    /// The described communities.
    pub fn listed(&self) -> &[Community] {
        &self.all[..self.listed]
    }

    /// Communities with a status, and the members in them.
    pub fn count(&self, status: Status) -> (u64, u64) {
        self.all
            .iter()
            .filter(|c| c.status == Some(status))
            .fold((0, 0), |(k, m), c| (k + 1, m + c.members))
    }
}

/// One explicit group over the window.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStats {
    /// The group.
    pub group: GroupIx,
    /// Members at the start of the window.
    pub at_start: u64,
    /// Joins inside the window.
    pub joined: u64,
    /// Leaves inside the window.
    pub left: u64,
    /// Members at the end of the window.
    pub at_end: u64,
    /// Members at the end by role: member, moderator, admin.
    pub roles: [u64; 3],
    /// Distinct accounts that were a member at some time in the window.
    pub members: u64,
    /// Of those, accounts that posted at least once in the period (anywhere).
    pub active: u64,
    /// Gini coefficient of the members' post counts in the period (`None` when nobody posted).
    pub gini: Option<f64>,
    /// More active members than the Dunbar number.
    pub over_dunbar: bool,
    /// Highest role of a brand account that was a member in the window.
    pub brand_role: Option<Role>,
    /// Posts in the period by the brand accounts that were members.
    pub brand_posts: u64,
}

impl GroupStats {
    /// Relative change of the members from start to end.
    pub fn growth(&self) -> Option<f64> {
        (self.at_start > 0).then(|| self.at_end as f64 / self.at_start as f64 - 1.0)
    }

    /// Share of the members in the window who posted.
    pub fn active_share(&self) -> Option<f64> {
        (self.members > 0).then(|| self.active as f64 / self.members as f64)
    }
}

/// Members at the end of each month for the largest groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Monthly {
    /// (year, month) of each point, consecutive, in the report's time zone.
    pub months: Vec<(i64, u32)>,
    /// (group, members at the end of each month; the last month ends with the window).
    pub series: Vec<(GroupIx, Vec<u64>)>,
}

/// The explicit groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Explicit {
    /// Every group, by members at the end (descending), then members in the window, then
    /// table order.
    pub groups: Vec<GroupStats>,
    /// The window `[start, end)`: the report period, else the span of the data (`None` when
    /// the data has no time at all).
    pub window: Option<(i64, i64)>,
    /// Memberships with a `joined_at`.
    pub dated: u64,
    /// Memberships with a `left_at`.
    pub left_dated: u64,
    /// Memberships left out because they end before they start.
    pub inconsistent: u64,
    /// Distinct accounts that were a member of some group in the window.
    pub members: u64,
    /// Of those, accounts that posted in the period.
    pub active: u64,
    /// Gini coefficient of their post counts.
    pub gini: Option<f64>,
    /// Membership per month (`None` without `joined_at` or with fewer than two months).
    pub monthly: Option<Monthly>,
}

impl Explicit {
    /// Sum over groups of a count.
    pub fn total(&self, f: impl Fn(&GroupStats) -> u64) -> u64 {
        self.groups.iter().map(f).sum()
    }

    /// Groups with at least one member in the window.
    pub fn populated(&self) -> impl Iterator<Item = &GroupStats> {
        self.groups.iter().filter(|g| g.members > 0)
    }
}

/// Everything the report needs.
#[derive(Debug)]
pub struct Analysis<'c> {
    /// The detected communities (`None` when the network has no relation).
    pub detected: Option<Detected<'c>>,
    /// The explicit groups (`None` without groups or memberships).
    pub explicit: Option<Explicit>,
    /// Brand accounts are configured and found.
    pub has_brand: bool,
    /// The follows table has rows.
    pub has_follows: bool,
    /// The report period is set (else the window is the span of the data).
    pub from_period: bool,
    /// The span of the data (first and last timestamp), used without a period.
    pub span: Option<(i64, i64)>,
}

/// Gini coefficient of non-negative values,
/// `G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄)` (Gini 1912), computed after sorting as
/// `G = 2 Σ_i i·x_(i) / (n Σ x) − (n + 1) / n` with 1-based ranks. `None` for no values or
/// an all-zero list. Sorts `x`.
pub fn gini(x: &mut [u64]) -> Option<f64> {
    let n = x.len();
    let sum: u64 = x.iter().sum();
    if n == 0 || sum == 0 {
        return None;
    }
    x.sort_unstable();
    let weighted: f64 = x
        .iter()
        .enumerate()
        .map(|(i, &v)| (i as f64 + 1.0) * v as f64)
        .sum();
    let (n, s) = (n as f64, sum as f64);
    Some((2.0 * weighted / (n * s) - (n + 1.0) / n).max(0.0))
}

/// Month number `year·12 + month − 1` of a timestamp in the report's time zone.
fn month_index(clock: &mut LocalClock, ts: i64) -> i64 {
    let (y, m, _) = civil_from_days(clock.local_day(ts));
    y * 12 + m as i64 - 1
}

impl<'c> Analysis<'c> {
    /// Computes the analysis.
    pub fn new(cx: &'c Context<'c>, s: &Settings) -> Result<Analysis<'c>, PluginError> {
        let data = cx.data;
        let n = data.accounts.len();
        let brand = cx.brand();
        let has_brand = !brand.is_empty();
        let has_follows = !data.follows.is_empty();

        // The communities first: their settings errors come before any work.
        let net = cx.network()?;
        let com = cx.communities()?;
        let sizes = &com.partition.sizes;
        let membership = &com.partition.membership[..];
        let k_all = sizes.iter().take_while(|&&z| z >= 2).count();
        let listed = k_all.min(s.communities);

        // One pass over the posts: posts per account in the period, who talks to the brand,
        // per community posts, brand talk and hashtags (listed communities), and the span.
        let brand_handles: Vec<String> = brand
            .iter()
            .filter_map(|&b| data.accounts[b as usize].handle.as_deref())
            .map(|h| h.to_lowercase())
            .collect();
        let mut posted = vec![0u32; n];
        let mut talks = vec![false; n];
        let mut c_posts = vec![0u64; k_all];
        let mut c_brand = vec![0u64; k_all];
        let mut tags: Vec<FxHashMap<&str, u64>> = vec![FxHashMap::default(); listed];
        let mut span: Option<(i64, i64)> = None;
        for post in &data.posts {
            if !cx.in_period(post.created_at) {
                continue;
            }
            let t = post.created_at;
            span = Some(span.map_or((t, t), |(a, b)| (a.min(t), b.max(t))));
            let a = post.author as usize;
            posted[a] = posted[a].saturating_add(1);
            if cx.is_brand(post.author) {
                continue;
            }
            let to_brand = has_brand
                && ([post.reply_to, post.repost_of, post.quote_of]
                    .into_iter()
                    .flatten()
                    .any(|q| cx.is_brand(data.posts[q as usize].author))
                    || post
                        .mentions()
                        .iter()
                        .any(|m| brand_handles.iter().any(|h| **h == **m)));
            talks[a] |= to_brand;
            let c = membership[a] as usize;
            if c < k_all {
                c_posts[c] += 1;
                c_brand[c] += to_brand as u64;
                if c < listed {
                    let h = post.hashtags();
                    for (i, tag) in h.iter().enumerate() {
                        if !h[..i].contains(tag) {
                            *tags[c].entry(&**tag).or_insert(0) += 1;
                        }
                    }
                }
            }
        }
        let from_period = cx.period.is_some();
        if !from_period {
            for m in &data.memberships {
                for t in [m.joined_at, m.left_at].into_iter().flatten() {
                    span = Some(span.map_or((t, t), |(a, b)| (a.min(t), b.max(t))));
                }
            }
        }

        let detected = if k_all > 0 {
            Some(detect(
                cx,
                s,
                net.kinds.clone(),
                com,
                (k_all, listed),
                &talks,
                (c_posts, c_brand),
                tags,
            )?)
        } else {
            None
        };

        let window = match cx.period {
            Some(p) => Some((p.start, p.end)),
            None => span.map(|(a, b)| (a, b + 1)),
        };
        let explicit = (!data.groups.is_empty() || !data.memberships.is_empty())
            .then(|| explicit(cx, s, window, &posted));
        Ok(Analysis {
            detected,
            explicit,
            has_brand,
            has_follows,
            from_period,
            span,
        })
    }
}

/// Per-community statistics of the detected communities.
#[allow(clippy::too_many_arguments)]
fn detect<'c>(
    cx: &'c Context<'c>,
    s: &Settings,
    kinds: Vec<EdgeKind>,
    com: &'c Communities,
    (k_all, listed): (usize, usize),
    talks: &[bool],
    (c_posts, c_brand): (Vec<u64>, Vec<u64>),
    tags: Vec<FxHashMap<&str, u64>>,
) -> Result<Detected<'c>, PluginError> {
    let data = cx.data;
    let n = data.accounts.len();
    let brand = cx.brand();
    let has_brand = !brand.is_empty();
    let membership = &com.partition.membership[..];
    let cen = cx.centrality()?;

    let mut follows = vec![false; n];
    let has_follows = !data.follows.is_empty();
    if has_follows {
        let fg = cx.follow_graph();
        for &b in brand {
            for &a in fg.inc.neighbours(b) {
                follows[a as usize] = true;
            }
        }
    }

    let mut members = vec![0u64; k_all];
    let mut followers = vec![0u64; k_all];
    let mut talkers = vec![0u64; k_all];
    let mut supporters = vec![0u64; k_all];
    let mut with_brand = vec![false; k_all];
    for a in 0..n {
        let c = membership[a] as usize;
        if c >= k_all {
            continue;
        }
        if cx.is_brand(a as AccountIx) {
            with_brand[c] = true;
            continue;
        }
        members[c] += 1;
        followers[c] += follows[a] as u64;
        talkers[c] += talks[a] as u64;
        supporters[c] += (follows[a] || talks[a]) as u64;
    }

    // Leaders: the global ranking, best first, filled into each community's slots.
    let mut lead: Vec<[AccountIx; TOP_MEMBERS]> = vec![[0; TOP_MEMBERS]; k_all];
    let mut nlead = vec![0u8; k_all];
    for &a in &cen.leaders {
        let c = membership[a as usize] as usize;
        if c < k_all && (nlead[c] as usize) < TOP_MEMBERS && !cx.is_brand(a) && !cx.is_competitor(a)
        {
            lead[c][nlead[c] as usize] = a;
            nlead[c] += 1;
        }
    }

    let mut tags = tags;
    let all: Vec<Community> = (0..k_all)
        .map(|c| {
            let hashtags = if c < listed {
                let mut v: Vec<(&str, u64)> = tags[c].drain().collect();
                v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                v.truncate(TOP_HASHTAGS);
                v.into_iter().map(|(t, k)| (t.to_string(), k)).collect()
            } else {
                Vec::new()
            };
            let support = if members[c] > 0 {
                supporters[c] as f64 / members[c] as f64
            } else {
                0.0
            };
            let status = has_brand.then(|| {
                if supporters[c] > 0 && support >= s.support_share {
                    Status::Supports
                } else if supporters[c] > 0 {
                    Status::Aware
                } else {
                    Status::Untouched
                }
            });
            let modularity = com.modularity.get(c).copied().unwrap_or(0.0);
            Community {
                id: c as u32,
                size: com.partition.sizes[c] as u64,
                members: members[c],
                has_brand: with_brand[c],
                leaders: lead[c][..nlead[c] as usize].to_vec(),
                hashtags,
                posts: c_posts[c],
                brand_posts: c_brand[c],
                followers: has_follows.then_some(followers[c]),
                talkers: talkers[c],
                supporters: supporters[c],
                conductance: com.conductance.get(c).copied().unwrap_or(0.0),
                modularity,
                status,
            }
        })
        .collect();
    Ok(Detected {
        kinds,
        settings: &com.settings,
        modularity: com.partition.modularity,
        iterations: com.partition.iterations,
        accounts: all.iter().map(|c| c.size).sum(),
        members: all.iter().map(|c| c.members).sum(),
        posts: all.iter().map(|c| c.posts).sum(),
        brand_posts: all.iter().map(|c| c.brand_posts).sum(),
        all,
        listed,
    })
}

/// Growth, churn, roles, activity and the brand's part in each explicit group over the
/// window `[start, end)`.
fn explicit(
    cx: &Context<'_>,
    s: &Settings,
    window: Option<(i64, i64)>,
    posted: &[u32],
) -> Explicit {
    let data = cx.data;
    let (start, end) = window.unwrap_or((i64::MIN, i64::MAX));
    let ng = data.groups.len();
    let mut stats: Vec<GroupStats> = (0..ng)
        .map(|g| GroupStats {
            group: g as GroupIx,
            at_start: 0,
            joined: 0,
            left: 0,
            at_end: 0,
            roles: [0; 3],
            members: 0,
            active: 0,
            gini: None,
            over_dunbar: false,
            brand_role: None,
            brand_posts: 0,
        })
        .collect();
    let (mut dated, mut left_dated, mut inconsistent) = (0u64, 0u64, 0u64);
    // (group, account, role) of every membership that overlaps the window.
    let mut during: Vec<(GroupIx, AccountIx, Role)> = Vec::new();
    for m in &data.memberships {
        let Some(st) = stats.get_mut(m.group as usize) else {
            continue;
        };
        dated += m.joined_at.is_some() as u64;
        left_dated += m.left_at.is_some() as u64;
        if let (Some(j), Some(l)) = (m.joined_at, m.left_at)
            && l < j
        {
            inconsistent += 1;
            continue;
        }
        let joined_before = |t: i64| m.joined_at.is_none_or(|j| j < t);
        let not_left_before = |t: i64| m.left_at.is_none_or(|l| l >= t);
        let inside = |x: Option<i64>| x.is_some_and(|x| start <= x && x < end);
        st.at_start += (joined_before(start) && not_left_before(start)) as u64;
        st.joined += inside(m.joined_at) as u64;
        st.left += inside(m.left_at) as u64;
        if joined_before(end) && not_left_before(end) {
            st.at_end += 1;
            st.roles[m.role as usize] += 1;
        }
        if joined_before(end) && not_left_before(start) {
            during.push((m.group, m.account, m.role));
        }
    }
    // Distinct members per group (a rejoin counts once, with its highest role).
    during.sort_unstable_by(|a, b| (a.0, a.1, b.2).cmp(&(b.0, b.1, a.2)));
    during.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
    let mut counts: Vec<u64> = Vec::new();
    let mut i = 0;
    while i < during.len() {
        let g = during[i].0;
        let mut j = i;
        counts.clear();
        let st = &mut stats[g as usize];
        while j < during.len() && during[j].0 == g {
            let (_, a, role) = during[j];
            let p = posted[a as usize] as u64;
            counts.push(p);
            st.active += (p > 0) as u64;
            if cx.is_brand(a) {
                st.brand_role = Some(st.brand_role.map_or(role, |r| r.max(role)));
                st.brand_posts += p;
            }
            j += 1;
        }
        st.members = (j - i) as u64;
        st.gini = gini(&mut counts);
        st.over_dunbar = st.active > s.dunbar;
        i = j;
    }
    let mut accounts: Vec<AccountIx> = during.iter().map(|d| d.1).collect();
    accounts.sort_unstable();
    accounts.dedup();
    let mut pooled: Vec<u64> = accounts
        .iter()
        .map(|&a| posted[a as usize] as u64)
        .collect();
    let active = pooled.iter().filter(|&&p| p > 0).count() as u64;
    let members = pooled.len() as u64;
    let pooled_gini = gini(&mut pooled);

    stats.sort_by(|a, b| {
        b.at_end
            .cmp(&a.at_end)
            .then(b.members.cmp(&a.members))
            .then(a.group.cmp(&b.group))
    });
    let monthly = if dated > 0 {
        window.and_then(|w| monthly(cx, &stats, w))
    } else {
        None
    };
    Explicit {
        groups: stats,
        window,
        dated,
        left_dated,
        inconsistent,
        members,
        active,
        gini: pooled_gini,
        monthly,
    }
}

/// Members at the end of each month (report time zone) for the largest groups, from joins
/// and leaves as events: one pass over the memberships.
fn monthly(cx: &Context<'_>, stats: &[GroupStats], (start, end): (i64, i64)) -> Option<Monthly> {
    let top: Vec<GroupIx> = stats
        .iter()
        .filter(|g| g.members > 0)
        .take(CHART_GROUPS)
        .map(|g| g.group)
        .collect();
    if top.is_empty() {
        return None;
    }
    let mut clock = LocalClock::new(cx.tz.clone());
    let last = month_index(&mut clock, end - 1);
    let first = month_index(&mut clock, start).max(last - CHART_MONTHS as i64 + 1);
    let len = (last - first + 1) as usize;
    if len < 2 {
        return None;
    }
    let mut slot = vec![u8::MAX; cx.data.groups.len()];
    for (i, &g) in top.iter().enumerate() {
        slot[g as usize] = i as u8;
    }
    let mut delta = vec![vec![0i64; len]; top.len()];
    for m in &cx.data.memberships {
        let Some(&k) = slot.get(m.group as usize) else {
            continue;
        };
        if k == u8::MAX {
            continue;
        }
        if let (Some(j), Some(l)) = (m.joined_at, m.left_at)
            && l < j
        {
            continue;
        }
        if m.joined_at.is_some_and(|j| j >= end) {
            continue;
        }
        let at = |clock: &mut LocalClock, t: Option<i64>| {
            t.map_or(0, |t| (month_index(clock, t) - first).max(0) as usize)
        };
        let jm = at(&mut clock, m.joined_at);
        delta[k as usize][jm] += 1;
        if let Some(l) = m.left_at
            && l < end
        {
            let lm = at(&mut clock, Some(l));
            delta[k as usize][lm] -= 1;
        }
    }
    let months = (first..=last)
        .map(|i| (i.div_euclid(12), (i.rem_euclid(12) + 1) as u32))
        .collect();
    let series = top
        .iter()
        .zip(delta)
        .map(|(&g, d)| {
            let mut run = 0i64;
            let v = d
                .into_iter()
                .map(|x| {
                    run += x;
                    run.max(0) as u64
                })
                .collect();
            (g, v)
        })
        .collect();
    Some(Monthly { months, series })
}
