//! # honeycomb-relationships
//!
//! The *relationships* building block of Kietzmann, Hermkens, McCarthy & Silvestre (2011,
//! "Social media? Get serious!", Business Horizons 54(3)): the extent to which users relate
//! to each other. Our brief's core claim: the closer and the more numerous someone's
//! relations, the more central their position, and the likelier they are an opinion leader.
//!
//! From the network the Context builds (follows by default; `[plugins.relationships] edges`
//! adds mentions, replies and reshares, weighted by count) the plugin reports:
//!
//! - **Opinion leaders**: the accounts with the highest opinion-leader score — the mean of
//!   their percentile ranks in harmonic closeness (how close they are to everyone), number
//!   of relations, and PageRank — each with the reason it is listed, and whether it already
//!   follows or talks to the brand.
//! - **The brand's own network**: followers, following, follow-back, opinion leaders among
//!   its followers, and new followers per month when follows have a `created_at`.
//! - **The network as a whole**: accounts, arcs, density, reciprocity, weakly connected
//!   components and the degree distribution (log-log).
//! - Per account (`metrics/accounts.csv`): `in_degree`, `out_degree`, `pagerank`,
//!   `betweenness`, `harmonic_closeness`, `opinion_leader`, `community`; the network itself as
//!   `metrics/network.gexf` and `metrics/network.graphml` for Gephi.
//!
//! Design decision: every centrality is computed once in `honeycomb-core` (the groups and
//! reputation plugins reuse them); this crate only reads them and explains them. Betweenness
//! and closeness are exact while accounts × arcs stays under `exact_limit`, and estimated
//! from sampled sources above it, with the estimate's standard error in the report.

mod analysis;
mod report;
mod settings;
#[cfg(test)]
mod tests;

pub use settings::Settings;

use honeycomb_core::{Context, Plugin, PluginError, Section};

/// The relationships plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct RelationshipsPlugin;

impl Plugin for RelationshipsPlugin {
    fn id(&self) -> &str {
        "relationships"
    }

    fn name(&self) -> &str {
        "Relationships"
    }

    fn needs(&self) -> &[&str] {
        &["follows", "accounts", "posts"]
    }

    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {
        let settings = Settings::from_context(cx)?;
        let a = analysis::Analysis::new(cx, &settings)?;
        Ok(report::build(cx, &settings, &a))
    }
}
