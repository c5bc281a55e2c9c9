//! The `[plugins.sharing]` settings.

use honeycomb_core::settings::Settings as Reader;
use honeycomb_core::{Context, PluginError};

/// Settings of the sharing plugin, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// A brand post is a near-copy of another post when the Jaccard similarity of their
    /// word-shingle sets is at least this (default 0.6). With 3-word shingles, 0.6 allows
    /// about one changed word in twelve.
    pub similarity: f64,
    /// Words per shingle (default 3).
    pub shingle: usize,
    /// Posts with fewer words than this are not compared (default 5; at least `shingle`).
    pub min_words: usize,
    /// MinHash functions per signature (default 128).
    pub hashes: usize,
    /// LSH bands the signature is cut into (default 32, so 4 rows a band; must divide
    /// `hashes`). More bands find pairs of lower similarity, at more candidate checks.
    pub bands: usize,
    /// Seed of the MinHash functions (default 42): the same seed gives the same result.
    pub seed: u64,
    /// Rows in the "most shared" and "what is shared" tables (default 10).
    pub top: usize,
    /// Flags listed in the report per rule (default 50; the export lists them all).
    pub listed_flags: usize,
    /// Compare a brand post only with posts from at most this many days before it
    /// (default 0: with every earlier post). Copying an old post is copying too; the window
    /// only makes the check faster on data that spans years.
    pub copy_window_days: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            similarity: 0.6,
            shingle: 3,
            min_words: 5,
            hashes: 128,
            bands: 32,
            seed: 42,
            top: 10,
            listed_flags: 50,
            copy_window_days: 0,
        }
    }
}

impl Settings {
    /// Reads `[plugins.sharing]`; unknown keys and out-of-range values are errors.
    pub fn from_context(cx: &Context<'_>) -> Result<Settings, PluginError> {
        Settings::read(&Reader::new("sharing", cx.plugin_config("sharing")))
    }

    /// Reads and checks the settings from a reader.
    pub fn read(r: &Reader<'_>) -> Result<Settings, PluginError> {
        let d = Settings::default();
        let own = [
            "similarity",
            "shingle",
            "min_words",
            "hashes",
            "bands",
            "seed",
            "top",
            "listed_flags",
            "copy_window_days",
        ];
        r.check_keys(&own, &[]).map_err(PluginError::Config)?;
        let s = Settings {
            similarity: r
                .float("similarity", d.similarity, 0.05, 1.0)
                .map_err(PluginError::Config)?,
            shingle: r
                .int("shingle", d.shingle as i64, 1, 10)
                .map_err(PluginError::Config)? as usize,
            min_words: r
                .int("min_words", d.min_words as i64, 1, 1000)
                .map_err(PluginError::Config)? as usize,
            hashes: r
                .int("hashes", d.hashes as i64, 8, 1024)
                .map_err(PluginError::Config)? as usize,
            bands: r
                .int("bands", d.bands as i64, 1, 1024)
                .map_err(PluginError::Config)? as usize,
            seed: r
                .int("seed", d.seed as i64, 0, i64::MAX)
                .map_err(PluginError::Config)? as u64,
            top: r
                .int("top", d.top as i64, 1, 1000)
                .map_err(PluginError::Config)? as usize,
            listed_flags: r
                .int("listed_flags", d.listed_flags as i64, 1, 100_000)
                .map_err(PluginError::Config)? as usize,
            copy_window_days: r
                .int("copy_window_days", d.copy_window_days as i64, 0, 36_500)
                .map_err(PluginError::Config)? as u64,
        };
        if !s.hashes.is_multiple_of(s.bands) {
            return Err(PluginError::Config(format!(
                "[plugins.sharing] bands = {}: expected a divisor of hashes = {}",
                s.bands, s.hashes
            )));
        }
        if s.min_words < s.shingle {
            return Err(PluginError::Config(format!(
                "[plugins.sharing] min_words = {}: expected at least shingle = {}",
                s.min_words, s.shingle
            )));
        }
        Ok(s)
    }
}
