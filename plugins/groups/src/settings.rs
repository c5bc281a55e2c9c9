//! The `[plugins.groups]` settings of the plugin itself; the community keys (`resolution`,
//! `seed`, `restarts`, `max_iterations`) are read by honeycomb-core.

use honeycomb_core::network::{COMMUNITY_KEYS, CommunitySettings};
use honeycomb_core::settings::Settings as Reader;
use honeycomb_core::{Context, PluginError};

/// Settings of the groups plugin, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// A group with more active members than this no longer works as one community
    /// (default 150: Dunbar 1992, the number of stable relationships one person can keep).
    pub dunbar: u64,
    /// How many of the largest detected communities the report describes (default 10).
    pub communities: usize,
    /// A community "supports you" when at least this share of its members follow a brand
    /// account or talked to the brand in the period (default 0.1 = 10%).
    pub support_share: f64,
    /// How many explicit groups the groups table lists, largest first (default 20; the
    /// export `metrics/groups-groups.csv` has them all).
    pub listed_groups: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            dunbar: 150,
            communities: 10,
            support_share: 0.1,
            listed_groups: 20,
        }
    }
}

impl Settings {
    /// Reads `[plugins.groups]`; unknown keys and out-of-range values are errors.
    pub fn from_context(cx: &Context<'_>) -> Result<Settings, PluginError> {
        let r = Reader::new("groups", cx.plugin_config("groups"));
        let d = Settings::default();
        let own = ["dunbar", "communities", "support_share", "listed_groups"];
        r.check_keys(&own, &COMMUNITY_KEYS)
            .map_err(PluginError::Config)?;
        // The community keys are checked here too, so that a wrong value is reported even
        // when another plugin asked for the communities first.
        CommunitySettings::read(&r).map_err(PluginError::Config)?;
        Ok(Settings {
            dunbar: r
                .int("dunbar", d.dunbar as i64, 1, 1_000_000_000)
                .map_err(PluginError::Config)? as u64,
            communities: r
                .int("communities", d.communities as i64, 1, 1000)
                .map_err(PluginError::Config)? as usize,
            support_share: r
                .float("support_share", d.support_share, 0.000_001, 1.0)
                .map_err(PluginError::Config)?,
            listed_groups: r
                .int("listed_groups", d.listed_groups as i64, 1, 10_000)
                .map_err(PluginError::Config)? as usize,
        })
    }
}
