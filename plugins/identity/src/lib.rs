//! # honeycomb-identity
//!
//! The *identity* building block of Kietzmann, Hermkens, McCarthy & Silvestre (2011,
//! "Social media? Get serious!", Business Horizons 54(3)): the extent to which users reveal
//! their identities in a social-media setting — names, pictures, descriptions — and, for an
//! organisation, how consciously it presents itself and how carefully it treats the
//! identities of others. Our brief: show who you are, the same way everywhere; never show
//! who your customers are.
//!
//! The plugin reports:
//!
//! - **Profile completeness** per account: which of handle, display name, bio, avatar, link
//!   and location are filled in (of the columns the accounts table has), the mean over all
//!   profiles, and the brand's own profiles in detail.
//! - **Cross-platform consistency** of the brand's accounts (`[report] brand`): handle,
//!   display name, bio, link and avatar compared two by two — same, similar (rules in
//!   [`analysis::compare`]: edit distance for handles, word overlap for names and bios,
//!   the host for links), differs, or filled in on one only — and a table of what differs.
//! - **Personal data in public texts**: e-mail addresses, phone numbers (Dutch and
//!   international), IBANs (ISO 13616, mod-97 checked) and Dutch postal codes with a house
//!   number, found by the hand-written single-pass scanners of [`pii`], counted per kind and
//!   shown only masked. The brand's own posts that show data other than its own business
//!   contact details (its domain, the phone, IBAN and postal code of its own profiles) come
//!   first: they are the evidence for the "privacy rules" recommendation, which spells out
//!   what such rules must cover.
//! - **Self-presentation**: the share of the brand's own posts (originals and quotes) that
//!   are self-promotional — a link to its own site, a hashtag of its own name, a promotional
//!   word (Dutch and English lists in [`analysis::PROMO_NL`] and [`analysis::PROMO_EN`]), or
//!   a price — beside its competitors', and the post visibility mix when the posts table has
//!   a `visibility` column (kept by the loader as an extra column).
//!
//! Per account (`metrics/accounts.csv`): `profile_completeness` (0–1), `profile_missing`
//! (the empty fields, space-separated, `none` when complete), `personal_data_posts` (its
//! checked posts with personal data), `self_promotion_share` (brand and competitor accounts).
//! Per post (`metrics/posts.csv`): `personal_data` (the kinds found: `email phone iban
//! address`, `none`; empty when not checked) and `self_promotion` (`true`/`false` for the own
//! posts of brand and competitor accounts). Exports: `metrics/identity-personal-data.csv`
//! (one row per post with personal data, items masked) and `metrics/identity-consistency.csv`
//! (one row per pair of brand accounts and attribute).
//!
//! Design decision: the personal-data scan is one pass over the bytes of each public text,
//! with a branch-free prefilter (no `@` and no digit: nothing to find) and hand-written
//! scanners instead of regular expressions, so a million posts take a fraction of a second
//! on one core. The trade-off is that the rules are ours; they are documented in [`pii`]
//! and tested on a labelled list. Reposts are not checked (their text is someone else's),
//! nor posts whose visibility is not public.
//!
//! Settings (`[plugins.identity]` in `honeycomb.toml`): see [`Settings`].

pub mod analysis;
pub mod pii;
mod report;
mod settings;
#[cfg(test)]
mod tests;

pub use settings::Settings;

use honeycomb_core::{Context, Plugin, PluginError, Section};

/// The identity plugin.
#[derive(Debug, Clone, Copy, Default)]
pub struct IdentityPlugin;

impl Plugin for IdentityPlugin {
    fn id(&self) -> &str {
        "identity"
    }

    fn name(&self) -> &str {
        "Identity"
    }

    fn needs(&self) -> &[&str] {
        &["accounts", "posts"]
    }

    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {
        let settings = Settings::from_context(cx)?;
        let a = analysis::Analysis::new(cx, &settings);
        Ok(report::build(cx, &settings, &a))
    }
}
