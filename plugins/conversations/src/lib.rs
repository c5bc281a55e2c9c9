//! # honeycomb-conversations
//!
//! The *conversations* building block of Kietzmann, Hermkens, McCarthy & Silvestre (2011,
//! "Social media? Get serious!", Business Horizons 54(3)): the extent to which users
//! communicate with each other. Our brief's core claim: organisations that know when to step
//! into a conversation show they are part of the community, but stepping in too often or too
//! hard reads as meddling.
//!
//! From the reply threads the Context builds once ([`Context::threads`]) the plugin reports:
//!
//! - **Threads**: how many, their size, depth, participants, time to the first reply and
//!   velocity (replies per hour in the first 24 hours).
//! - **Conversation with the brand**: posts by others that mention a brand handle or reply to
//!   a brand post; the response rate (a later brand reply in the same thread), the time to the
//!   first response as median and 90th percentile in clock time and in business hours of the
//!   audience's time zone; the conversations still waiting, oldest first, and the unanswered
//!   questions and complaints (rules in `src/rules.toml`).
//! - **Intervention balance**: threads where the brand was "too present" (more than half of
//!   the replies, or more than `max_brand_replies`) and "moments to join" (fast threads
//!   without the brand).
//! - **Sentiment** per post and per thread, English and Dutch, from the lexicons shipped in
//!   honeycomb-core ([`honeycomb_core::sentiment`]) — an estimate, said so in the report.
//!   Reposts are not scored: their text is someone else's.
//! - Per post (`metrics/posts.csv`): `thread_root`, `depth`, `sentiment`; per thread the
//!   export `threads` (`root, size, depth, participants, first_reply_s, brand_replies,
//!   sentiment`).
//!
//! Design decision: the thread statistics live in honeycomb-core (other plugins reuse them);
//! this crate adds what only it needs in one parallel pass over the posts (sentiment, built
//! side by side with the shared thread index) and one sequential pass (inbound posts, weekly
//! tone), then works on the much smaller sets of threads and inbound posts. The trade-off: a brand reply anywhere later in the thread counts as an
//! answer to every earlier post addressed to the brand there — generous, but it needs no
//! guess about who answers whom.
//!
//! Settings (`[plugins.conversations]` in `honeycomb.toml`): see [`Settings`].
//!
//! [`Context::threads`]: honeycomb_core::Context::threads

mod analysis;
mod report;
mod rules;
mod settings;
#[cfg(test)]
mod tests;

pub use settings::Settings;

use honeycomb_core::{Context, Plugin, PluginError, Section};

/// The conversations plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConversationsPlugin;

impl Plugin for ConversationsPlugin {
    fn id(&self) -> &str {
        "conversations"
    }

    fn name(&self) -> &str {
        "Conversations"
    }

    fn needs(&self) -> &[&str] {
        &["posts", "accounts"]
    }

    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {
        let settings = Settings::from_context(cx)?;
        let a = analysis::Analysis::new(cx, &settings);
        Ok(report::build(cx, &settings, &a))
    }
}
