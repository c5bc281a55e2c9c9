//! The `[plugins.relationships]` settings of the plugin itself; the network keys (`edges`,
//! `damping`, `exact_limit`, `pivots`, `seed`, …) are read by honeycomb-core.

use honeycomb_core::network::{NETWORK_KEYS, NetworkSettings};
use honeycomb_core::settings::Settings as Reader;
use honeycomb_core::{Context, PluginError};

/// Settings of the relationships plugin, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// How many opinion leaders the report lists (default 20).
    pub leaders: usize,
    /// The network files (GEXF, GraphML) are written while the network has at most this many
    /// arcs (default 5,000,000; Gephi becomes slow well before that).
    pub export_max_arcs: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            leaders: 20,
            export_max_arcs: 5_000_000,
        }
    }
}

impl Settings {
    /// Reads `[plugins.relationships]`; unknown keys and out-of-range values are errors.
    pub fn from_context(cx: &Context<'_>) -> Result<Settings, PluginError> {
        let r = Reader::new("relationships", cx.plugin_config("relationships"));
        let d = Settings::default();
        let own = ["leaders", "export_max_arcs"];
        r.check_keys(&own, &NETWORK_KEYS)
            .map_err(PluginError::Config)?;
        // The network keys are checked here too, so that a wrong value is reported even
        // when another plugin asked for the network first.
        NetworkSettings::read(&r).map_err(PluginError::Config)?;
        Ok(Settings {
            leaders: r
                .int("leaders", d.leaders as i64, 1, 1000)
                .map_err(PluginError::Config)? as usize,
            export_max_arcs: r
                .int("export_max_arcs", d.export_max_arcs as i64, 0, i64::MAX)
                .map_err(PluginError::Config)? as u64,
        })
    }
}
