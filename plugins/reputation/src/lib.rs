//! # honeycomb-reputation
//!
//! The *reputation* building block of Kietzmann, Hermkens, McCarthy & Silvestre (2011,
//! "Social media? Get serious!", Business Horizons 54(3)): the extent to which users can
//! identify the standing of others, and of themselves, in a social-media setting. Our brief:
//! who stands out, how the brand's standing develops, and how it compares with its
//! competitors'.
//!
//! Every account with something to score gets a reputation score by one of three documented
//! methods (`[plugins.reputation] method`):
//!
//! - **activity** — posts per week in the period (posts of every kind ÷ the period's length
//!   in weeks);
//! - **quality** — the Bayesian average of the star ratings of the account's posts,
//!   (C·m + Σr) / (C + n) with the prior weight C (`prior_weight`, default 10) and the prior
//!   mean m (the mean of all star ratings in the period, or `prior_mean`); when the ratings
//!   are only up- and down-votes, the lower bound of the Wilson score interval (z = 1.96) of
//!   the share of up-votes (Wilson 1927; Evan Miller 2009);
//! - **network** — PageRank (Page, Brin, Motwani & Winograd 1999) in the network the
//!   relationships section analyses, computed once in honeycomb-core and only read here;
//! - **auto** (the default) — quality when the period has star ratings or up/down votes,
//!   else activity; the report says which and why. Auto never builds the network.
//!
//! Per account: the score, its rank (ties share the better rank; equal scores are listed by
//! account id), the score's history over a rolling window (`window_days`, default 30) for the
//! brand's and competitors' accounts and the top ranked, and the h-index of its posts by
//! engagement (Hirsch 2005: the largest h such that h of its posts have at least h
//! engagements each). Engagement = likes + reposts + replies as exported, plus the quotes of
//! the post found in the data (no column holds them); a reposts or replies count column that
//! is missing is replaced by the reposts of or replies to the post found in the data.
//! Reposts have no h-index entry of their own: their counts are the original's.
//!
//! For the brand (`[report] brand`) beside each competitor (`[report] competitors`): posts
//! per week and their trend, the engagement rate per own post (originals and quotes) with its
//! denominator stated — views when the posts carry them, else the author's followers at the
//! time of the post (from dated follows), else the follower count as exported — and its
//! trend, the h-index, and the share of voice: the posts by others that mention an account of
//! it or reply to or quote one of its posts, ÷ the same for the brand and all competitors
//! together (and, as "share of total voice", with their own posts added).
//!
//! Exports: per-account columns `reputation`, `reputation_rank`, `h_index`,
//! `posts_per_week` (and `ratings_received`, `rating_bayes`, `votes_up`, `votes_down`,
//! `wilson_lower` when there are ratings) in `metrics/accounts.csv`; per-post `ratings`,
//! `rating_bayes`, `wilson_lower` and `engagement_rate` in `metrics/posts.csv`;
//! `metrics/reputation-history.csv` (the rolling scores) and `metrics/reputation-weekly.csv`
//! (the brand's and competitors' weeks).
//!
//! Design decision: one pass over the posts groups the period's posts by author in a compact
//! array (a counting sort), from which activity, h-indexes and the brand's figures follow;
//! the ratings are read once more only for the few accounts with a history. The network is
//! asked for only with `method = "network"`, so the default never pays for PageRank.

mod analysis;
mod report;
mod settings;
#[cfg(test)]
mod tests;

pub use analysis::{bayesian_average, h_index, trend, wilson_lower};
pub use settings::{Method, Settings};

use honeycomb_core::{Context, Plugin, PluginError, Section};

/// The reputation plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReputationPlugin;

impl Plugin for ReputationPlugin {
    fn id(&self) -> &str {
        "reputation"
    }

    fn name(&self) -> &str {
        "Reputation"
    }

    fn needs(&self) -> &[&str] {
        &["posts", "ratings", "accounts", "follows"]
    }

    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {
        let settings = Settings::from_context(cx)?;
        let a = analysis::Analysis::new(cx, &settings)?;
        Ok(report::build(cx, &settings, &a))
    }
}
