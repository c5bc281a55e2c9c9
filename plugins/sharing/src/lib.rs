//! # honeycomb-sharing
//!
//! The *sharing* building block of Kietzmann, Hermkens, McCarthy & Silvestre (2011,
//! "Social media? Get serious!", Business Horizons 54(3)): the extent to which users
//! exchange, distribute and receive content. Our brief: what is shared is mostly other
//! people's content, so the risk of breaking copyright is high and content needs managing.
//!
//! The plugin answers three questions:
//!
//! - **How far do posts travel?** Repost cascades from the Context's repost forest: size,
//!   depth and structural virality (Goel, Anderson, Hofman & Watts 2016, "The structural
//!   virality of online diffusion", Management Science 62(1)); reshares per post; the most
//!   shared posts and accounts; original vs reshare vs quote, for the brand and its
//!   audience. Every cascade is exported as `metrics/cascades.csv`.
//! - **What is shared?** Hashtags and the pairs used together, linked sites, media, and
//!   which of them get more reshares than the average post ("content that travels").
//! - **Is it legal?** Three checks of the brand's posts, each rule stated in the report
//!   with the posts behind every flag: (1) a near-copy of an earlier post by another account
//!   that names neither the post nor its maker (word shingles, MinHash and LSH, verified by
//!   exact Jaccard similarity); (2) reshared media whose original carries no credit or
//!   licence; (3) quotes of accounts that do not follow the brand.
//!
//! Design decision: the near-copy check signs only the brand's posts; every other post is
//! hashed once and streamed through a bitmap of the brand's shingles, and only posts that
//! could reach the similarity threshold are signed and looked up in the LSH bands (see
//! [`minhash`]). Structural virality uses the tree identity Wiener index = Σ over edges of
//! s·(N − s), so all cascades take one pass from the deepest reposts up, O(posts). The
//! trade-off: a copy is found by its words, so a translation or a paraphrase is not.
//!
//! Settings (`[plugins.sharing]` in `honeycomb.toml`): see [`Settings`].

mod analysis;
pub mod minhash;
mod report;
mod settings;
#[cfg(test)]
mod tests;
pub mod text;

pub use analysis::{Cascade, cascades};
pub use settings::Settings;

use honeycomb_core::{Context, Plugin, PluginError, Section};

/// The sharing plugin: repost cascades, what travels, and copyright and attribution risk.
#[derive(Debug, Clone, Copy, Default)]
pub struct SharingPlugin;

impl Plugin for SharingPlugin {
    fn id(&self) -> &str {
        "sharing"
    }

    fn name(&self) -> &str {
        "Sharing"
    }

    fn needs(&self) -> &[&str] {
        &["posts", "accounts", "follows"]
    }

    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {
        let settings = Settings::from_context(cx)?;
        let a = analysis::Analysis::new(cx, &settings);
        Ok(report::build(cx, &settings, &a))
    }
}
