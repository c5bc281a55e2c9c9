//! # honeycomb-groups
//!
//! The *groups* building block of Kietzmann, Hermkens, McCarthy & Silvestre (2011,
//! "Social media? Get serious!", Business Horizons 54(3)): the extent to which users form
//! communities and sub-communities. Our brief: which communities exist, how they grow, and
//! which of them support the brand.
//!
//! Two kinds of community are analysed:
//!
//! - **Explicit groups** (the `groups` and `memberships` tables): per group the members at
//!   the start of the period, those who joined and left, the members at its end, roles, the
//!   share of members who posted in the period, how concentrated posting is among them (the
//!   Gini coefficient, Gini 1912), whether the group has more active members than the
//!   Dunbar number (Dunbar 1992; `dunbar`, default 150), and whether and how the brand takes
//!   part. Membership per month when `joined_at` is known.
//! - **Detected communities**: Leiden (Traag, Waltman & van Eck 2019) on the undirected
//!   projection of the shared network (follows by default), computed once in honeycomb-core.
//!   Per community (the largest `communities`): size, opinion leaders, hashtags, how much it
//!   talks about or to the brand, how many members follow the brand, conductance — and a
//!   status: *supports you* (at least `support_share` of its members follow a brand account
//!   or talked to the brand in the period), *aware* (some do), *untouched* (none do).
//!
//! Exports: `metrics/communities.csv` (one row per community of two or more
//! accounts; hashtags only for the listed ones, to keep a single pass over the posts) and
//! `metrics/groups-groups.csv` (one row per explicit group). No per-account column: the
//! relationships plugin writes `community`.
//!
//! Design decision: posts carry no group, so "active in a group" means "posted anywhere in
//! the data in the period"; the report says so in the definitions.

mod analysis;
mod report;
mod settings;
#[cfg(test)]
mod tests;

pub use settings::Settings;

use honeycomb_core::{Context, Plugin, PluginError, Section};

/// The groups plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct GroupsPlugin;

impl Plugin for GroupsPlugin {
    fn id(&self) -> &str {
        "groups"
    }

    fn name(&self) -> &str {
        "Groups"
    }

    fn needs(&self) -> &[&str] {
        &["groups", "memberships", "follows", "accounts", "posts"]
    }

    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {
        let settings = Settings::from_context(cx)?;
        let a = analysis::Analysis::new(cx, &settings)?;
        Ok(report::build(cx, &settings, &a))
    }
}
