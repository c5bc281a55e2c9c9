//! # honeycomb-audience
//!
//! Who the audience is and what moves it — not one of the seven building blocks of Kietzmann
//! et al. (2011), so the section has no honeycomb score; each of its recommendations names the
//! block it strengthens. The brand's own accounts (`[report] brand`) and the competitors'
//! (`[report] competitors`, as in the presence section) are never part of the audience. Three views, from our brief (a Dutch primer on social-media marketing):
//!
//! - **Social Technographics** (Li & Bernoff 2008, *Groundswell*, Forrester Research): every
//!   account's rung on the ladder, from its behaviour in the report period. Rules (the report
//!   prints them):
//!   - *creator* — published an original post (a reply to or quote of its own post counts as
//!     creating too);
//!   - *critic* — replied to or quoted another account's post (or one missing from the data),
//!     or rated another account's post with a star, up- or down-vote (`ratings`);
//!   - *collector* — liked another account's post (`ratings` of kind `like`) or reposted it
//!     without comment; bookmarks and saves are not in the data model;
//!   - *joiner* — has a profile (a row in `accounts`) and follows accounts (a follow started
//!     before the period's end, or undated) or is a member of a group during the period;
//!   - *spectator* — was seen online (`presence` records in the period), or follows or is in a
//!     group without having a profile: it reads, nothing more;
//!   - *inactive* — has a profile but none of the above in the period.
//!
//!   Views are exported per post, not per viewer, and being followed is someone else's act, so
//!   neither makes an account a spectator. A rating without a date counts at the time of the
//!   post it rates. Behaviours are not
//!   exclusive; the highest rung shown (creator > critic > collector >
//!   joiner > spectator > inactive) is the account's primary rung. An account without a
//!   profile that did nothing in the period is not in the audience. Reported: accounts per
//!   primary rung (count and share of the audience), the share showing each behaviour, and the
//!   movement since the previous period (`Context::previous_period`, the same number of days
//!   right before): a table previous rung → current rung, and the shares in both periods.
//!
//! - **Marketing segments**: restrained users, entertainment seekers and the highly
//!   connected, by a deterministic rule on activity (posts of every kind + ratings given in
//!   the period), breadth (network degree = follows in + out, groups, platforms) and content
//!   type (the share of an account's interactions with others' posts — replies, quotes,
//!   reposts, ratings — that is on entertainment-type content: media or entertainment words).
//!   In order of precedence: *highly connected* — at least one action, and in the top
//!   `connected_share` (0.25, the top quartile) of the audience ranked by network degree, then
//!   group count, then platforms, then the order in the data (ties broken deterministically),
//!   with a degree, a group or two platforms at all; *entertainment seekers* — at least
//!   `min_interactions` (3) interactions, more than `entertainment_share` (0.5) of them on
//!   entertainment-type content; *restrained users* — activity at or below the median of the
//!   active audience; *unclassified* — the rest. Per segment: size, share, what it responds
//!   to (the content categories its interactions were on most) and an advice line.
//!
//! - **Motivations** (Muntinga, Moorman & Smit 2011, "Introducing COBRAs", International
//!   Journal of Advertising 30(1)): entertainment, social interaction, personal identity,
//!   information, remuneration and empowerment, recognised by English and Dutch words and
//!   hashtags (`motivations.toml`, extendable in `[plugins.audience]`), whole words,
//!   case-insensitive. Per motivation over the originals, replies and quotes of the period
//!   (everyone's, yours included): the share of posts matched and the share of engagement
//!   (likes + reposts + replies as exported, plus quotes found in the data — the reputation
//!   section's definition) on posts matching it; a post can match several. An estimate from
//!   content, and the report says so.
//!
//! Per account (`metrics/accounts.csv`): `technographics` (primary rung in the period) and
//! `segment`; with a previous period also `technographics_previous`.
//!
//! Design decision: one pass over each table fills per-account bit sets for both periods at
//! once, and only the posts of the period and the posts they react to are tokenised; the
//! trade-off is that motivation words are single words (no phrases, no stemming).
//!
//! Settings (`[plugins.audience]` in `honeycomb.toml`): see [`Settings`].

mod analysis;
mod report;
mod settings;
#[cfg(test)]
mod tests;

pub use analysis::{RUNGS, SEGMENTS, classify, primary, quantile};
pub use settings::{Lexicon, MOTIVATIONS, Settings};

use honeycomb_core::{Context, Plugin, PluginError, Section};

/// The audience plugin: Technographics ladder, marketing segments and motivations.
#[derive(Debug, Clone, Copy, Default)]
pub struct AudiencePlugin;

impl Plugin for AudiencePlugin {
    fn id(&self) -> &str {
        "audience"
    }

    fn name(&self) -> &str {
        "Audience"
    }

    fn needs(&self) -> &[&str] {
        &[
            "posts",
            "accounts",
            "ratings",
            "follows",
            "memberships",
            "presence",
        ]
    }

    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {
        let settings = Settings::read(cx.plugin_config("audience"))?;
        let a = analysis::Analysis::new(cx, &settings);
        Ok(report::build(cx, &settings, &a))
    }
}
