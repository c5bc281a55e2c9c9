//! The `[plugins.presence]` settings in `honeycomb.toml`.

use honeycomb_core::{Context, PluginError};

/// Keys this plugin reads, for the error message about an unknown key.
const KEYS: &str = "min_posts_per_slot, shrinkage_k, best_times_basis, min_brand_posts, peak_share, best_slots, location_warn_share";

/// Settings of the presence plugin, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Slots with fewer original posts than this are not ranked as best times (default 5).
    pub min_posts_per_slot: u64,
    /// Prior weight `k` of the empirical-Bayes shrinkage, in posts (default 10).
    pub shrinkage_k: f64,
    /// Whose original posts rank the best times: `false` (`best_times_basis = "all"`, the
    /// default) all accounts'; `true` (`"brand"`) the brand's own. The brand's own posts only
    /// show the hours in which it already posts, so they cannot point at an hour it has never
    /// tried.
    pub brand_basis: bool,
    /// With `best_times_basis = "brand"`: the brand's own originals are used when it has at
    /// least this many with engagement counts in the period; otherwise all accounts' (default 30).
    pub min_brand_posts: u64,
    /// The audience's busiest hours are the fewest weekday × hour slots that together hold at
    /// least this share of audience posts (default 0.5).
    pub peak_share: f64,
    /// How many best slots to recommend (default 3).
    pub best_slots: usize,
    /// Share of the other accounts' posts (or presence records) with a location above which a
    /// privacy warning is given; the brand's own are left out, since a business showing its
    /// address is no privacy risk (default 0.10).
    pub location_warn_share: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_posts_per_slot: 5,
            shrinkage_k: 10.0,
            brand_basis: false,
            min_brand_posts: 30,
            peak_share: 0.5,
            best_slots: 3,
            location_warn_share: 0.10,
        }
    }
}

fn bad(key: &str, expected: &str, v: &toml::Value) -> PluginError {
    PluginError::Config(format!(
        "[plugins.presence] {key} = {v}: expected {expected}"
    ))
}

fn int(key: &str, v: &toml::Value, min: i64, max: i64) -> Result<i64, PluginError> {
    let expected = format!("a whole number from {min} to {max}");
    match v.as_integer() {
        Some(i) if (min..=max).contains(&i) => Ok(i),
        _ => Err(bad(key, &expected, v)),
    }
}

fn float(
    key: &str,
    v: &toml::Value,
    min: f64,
    max: f64,
    min_open: bool,
) -> Result<f64, PluginError> {
    let x = v.as_float().or_else(|| v.as_integer().map(|i| i as f64));
    let lo = if min_open { "above" } else { "from" };
    let expected = format!("a number {lo} {min} up to {max}");
    match x {
        Some(x) if x.is_finite() && (x > min || (!min_open && x == min)) && x <= max => Ok(x),
        _ => Err(bad(key, &expected, v)),
    }
}

impl Settings {
    /// Reads `[plugins.presence]`; unknown keys and out-of-range values are errors.
    pub fn from_context(cx: &Context<'_>) -> Result<Settings, PluginError> {
        let mut s = Settings::default();
        let Some(table) = cx.plugin_config("presence") else {
            return Ok(s);
        };
        for (key, v) in table {
            match key.as_str() {
                "min_posts_per_slot" => s.min_posts_per_slot = int(key, v, 1, 1_000_000)? as u64,
                "shrinkage_k" => s.shrinkage_k = float(key, v, 0.0, 1e9, false)?,
                "min_brand_posts" => s.min_brand_posts = int(key, v, 1, 1_000_000_000)? as u64,
                "best_times_basis" => {
                    s.brand_basis = match v.as_str() {
                        Some("all") => false,
                        Some("brand") => true,
                        _ => return Err(bad(key, "\"all\" or \"brand\"", v)),
                    }
                }
                "peak_share" => s.peak_share = float(key, v, 0.0, 1.0, true)?,
                "best_slots" => s.best_slots = int(key, v, 1, 24)? as usize,
                "location_warn_share" => s.location_warn_share = float(key, v, 0.0, 1.0, false)?,
                other => {
                    return Err(PluginError::Config(format!(
                        "[plugins.presence]: unknown key `{other}`: expected one of {KEYS}"
                    )));
                }
            }
        }
        Ok(s)
    }
}
