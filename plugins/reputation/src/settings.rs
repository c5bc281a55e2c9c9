//! The `[plugins.reputation]` settings, with their defaults.

use honeycomb_core::settings::Settings as Reader;
use honeycomb_core::{Context, PluginError};

/// Which reputation score the accounts are ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Posts per week in the period (everything an account posted, of every kind).
    Activity,
    /// How the account's posts are rated: the Bayesian average of star ratings, or (when the
    /// ratings are only up- and down-votes) the Wilson lower bound of the share of up-votes.
    Quality,
    /// PageRank in the shared network of the relationships section.
    Network,
}

impl Method {
    /// The name used in `honeycomb.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Method::Activity => "activity",
            Method::Quality => "quality",
            Method::Network => "network",
        }
    }
}

/// Settings of the reputation plugin.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// `method`: the chosen method, `None` for `"auto"` (the default): quality when the
    /// period has star ratings or up/down votes, else activity.
    pub method: Option<Method>,
    /// `prior_weight`, the C of the Bayesian average (C·m + Σr) / (C + n): how many ratings
    /// of the prior mean every account starts with (default 10, as the pandas peer).
    pub prior_weight: f64,
    /// `prior_mean`, the m of the Bayesian average; `None` (the default) uses the mean of all
    /// star ratings in the period.
    pub prior_mean: Option<f64>,
    /// `window_days`: length of the rolling window of the score histories (default 30).
    pub window_days: u32,
    /// `listed`: how many accounts the ranking table lists (default 20; the brand's and the
    /// competitors' accounts are added when they are not among them).
    pub listed: usize,
    /// `min_peers`: how many other accounts need a reputation score before the brand's rank
    /// among them becomes the block's score (default 5); with fewer, the block is "not enough
    /// data to judge" (one account's own archive has none).
    pub min_peers: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            method: None,
            prior_weight: 10.0,
            prior_mean: None,
            window_days: 30,
            listed: 20,
            min_peers: 5,
        }
    }
}

/// The keys of `[plugins.reputation]`.
pub const KEYS: [&str; 6] = [
    "method",
    "prior_weight",
    "prior_mean",
    "window_days",
    "listed",
    "min_peers",
];

impl Settings {
    /// Reads `[plugins.reputation]`; unknown keys and out-of-range values are errors.
    pub fn from_context(cx: &Context<'_>) -> Result<Settings, PluginError> {
        Settings::read(cx.plugin_config("reputation"))
    }

    /// Reads the settings from a `[plugins.reputation]` table (`None`: all defaults).
    pub fn read(table: Option<&toml::Table>) -> Result<Settings, PluginError> {
        let r = Reader::new("reputation", table);
        let d = Settings::default();
        r.check_keys(&KEYS, &[]).map_err(PluginError::Config)?;
        let method = match r
            .choice(
                "method",
                "auto",
                &["auto", "activity", "quality", "network"],
            )
            .map_err(PluginError::Config)?
        {
            "activity" => Some(Method::Activity),
            "quality" => Some(Method::Quality),
            "network" => Some(Method::Network),
            _ => None,
        };
        let prior_mean = match table.and_then(|t| t.get("prior_mean")) {
            None => None,
            Some(_) => Some(
                r.float("prior_mean", 0.0, -1e9, 1e9)
                    .map_err(PluginError::Config)?,
            ),
        };
        Ok(Settings {
            method,
            prior_weight: r
                .float("prior_weight", d.prior_weight, 0.0, 1e9)
                .map_err(PluginError::Config)?,
            prior_mean,
            window_days: r
                .int("window_days", d.window_days as i64, 1, 3650)
                .map_err(PluginError::Config)? as u32,
            listed: r
                .int("listed", d.listed as i64, 1, 10_000)
                .map_err(PluginError::Config)? as usize,
            min_peers: r
                .int("min_peers", d.min_peers as i64, 1, 1_000_000)
                .map_err(PluginError::Config)? as u64,
        })
    }
}
