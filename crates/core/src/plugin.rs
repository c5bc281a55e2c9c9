//! The plugin contract: built-in and run-time plugins implement the same small trait.

use crate::context::Context;
use crate::section::Section;

/// An error a plugin returns instead of a section; the runner shows it in the section's box.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PluginError {
    /// The data lacks something the plugin cannot do without.
    #[error("missing data: {0}")]
    MissingData(String),
    /// The plugin's `[plugins.NAME]` settings are wrong.
    #[error("bad configuration: {0}")]
    Config(String),
    /// Anything else.
    #[error("{0}")]
    Other(String),
}

/// A report plugin. Object-safe; `Send + Sync` so plugins run in parallel.
pub trait Plugin: Send + Sync {
    /// Stable lowercase id: `presence`, also the `[plugins.ID]` table it reads.
    fn id(&self) -> &str;
    /// Name shown in the report and in `honeycomb plugins`.
    fn name(&self) -> &str;
    /// Version of the plugin.
    fn version(&self) -> &str {
        env!("CARGO_PKG_VERSION")
    }
    /// Tables the plugin reads (for `honeycomb plugins`); the plugin still copes without them.
    fn needs(&self) -> &[&str] {
        &["posts"]
    }
    /// Computes the section. Never formats markup: plain text and numbers only.
    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError>;
}

/// The seven building blocks of Kietzmann, Hermkens, McCarthy & Silvestre (2011),
/// "Social media? Get serious!", Business Horizons 54(3), in the order of their figure.
pub const BLOCKS: [&str; 7] = [
    "identity",
    "conversations",
    "sharing",
    "presence",
    "relationships",
    "reputation",
    "groups",
];

/// The name of a building block in the report's language ("Conversations", "Gesprekken");
/// any other id is returned as it is.
pub fn block_label(block: &str, lang: crate::i18n::Lang) -> String {
    let (en, nl) = match block {
        "identity" => ("Identity", "Identiteit"),
        "conversations" => ("Conversations", "Gesprekken"),
        "sharing" => ("Sharing", "Delen"),
        "presence" => ("Presence", "Aanwezigheid"),
        "relationships" => ("Relationships", "Relaties"),
        "reputation" => ("Reputation", "Reputatie"),
        "groups" => ("Groups", "Groepen"),
        other => (other, other),
    };
    lang.pick(en, nl).to_string()
}
