//! # honeycomb-presence
//!
//! The *presence* building block of Kietzmann, Hermkens, McCarthy & Silvestre (2011, "Social
//! media? Get serious!", Business Horizons 54(3)): the extent to which users can know whether
//! others are available — here, whether the brand is there when its audience is.
//!
//! The plugin answers four questions from the data folder:
//!
//! - **When is the audience active?** Posts by non-brand accounts per weekday × hour of the
//!   audience's local time (`report.timezone`), and the audience's peak hours: the fewest
//!   slots that together hold half of its posts.
//! - **When should the brand post?** Mean engagement per original post per slot, shrunk
//!   towards the overall mean (empirical Bayes), or audience activity when the data has no
//!   engagement counts.
//! - **Is the brand there regularly?** Posts per week, share of weeks with a post, the
//!   variation of the gaps between posts and the longest silence.
//! - **Is the brand reachable?** From the optional `presence` table: time online, and the
//!   share of posts addressed to the brand that arrived while it was online. Locations
//!   disclosed in profiles, posts and presence records are counted as a privacy signal.
//!
//! Design decision: everything is derived from one pass over the posts into fixed arrays of
//! 168 weekday × hour slots, with a cached UTC → local clock, so the plugin stays linear and
//! allocation-free per post (apart from the per-post CSV columns it must hand back); only the
//! brand's own post times are sorted. The trade-off is hour resolution: a slot is a whole
//! local hour, which is what a posting schedule needs.
//!
//! Settings (`[plugins.presence]` in `honeycomb.toml`): see [`Settings`].

mod analysis;
mod report;
mod settings;
#[cfg(test)]
mod tests;

pub use settings::Settings;

use honeycomb_core::{Context, Plugin, PluginError, Section};

/// The presence plugin: activity heatmap, peak-hour overlap, best times to post, posting
/// regularity, availability and location disclosure.
#[derive(Debug, Clone, Copy, Default)]
pub struct PresencePlugin;

impl Plugin for PresencePlugin {
    fn id(&self) -> &str {
        "presence"
    }

    fn name(&self) -> &str {
        "Presence"
    }

    fn needs(&self) -> &[&str] {
        &["posts", "accounts", "presence"]
    }

    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {
        let settings = Settings::from_context(cx)?;
        let analysis = report::Analysis::new(cx, &settings);
        Ok(report::build(cx, &settings, &analysis))
    }
}
