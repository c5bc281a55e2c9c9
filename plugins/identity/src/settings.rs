//! The `[plugins.identity]` settings.

use crate::pii::Kind;
use honeycomb_core::settings::Settings as Reader;
use honeycomb_core::{Context, PluginError};

/// Settings of the identity plugin, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Which kinds of personal data to look for (default all four):
    /// `personal_data = ["email", "phone", "iban", "address"]`.
    pub personal_data: Vec<Kind>,
    /// Extra words or phrases (lower case) that mark a brand post as self-promotional, on
    /// top of the built-in Dutch and English lists (default none).
    pub promo_words: Vec<String>,
    /// Extra hashtags (without `#`) of the brand's own, on top of those derived from its
    /// handles, names and web address (default none).
    pub brand_hashtags: Vec<String>,
    /// Highest share of the brand's own posts that may be self-promotional before the report
    /// says it sells too much (default 0.2: the practitioners' 80/20 rule — at most one post
    /// in five sells, the rest informs, helps or entertains).
    pub promo_max_share: f64,
    /// Rows per table in the report (default 10; the exports have them all).
    pub rows: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            personal_data: Kind::ALL.to_vec(),
            promo_words: Vec::new(),
            brand_hashtags: Vec::new(),
            promo_max_share: 0.2,
            rows: 10,
        }
    }
}

fn bad(key: &str, v: &toml::Value, expected: &str) -> PluginError {
    PluginError::Config(format!(
        "[plugins.identity] {key} = {v}: expected {expected}"
    ))
}

/// A list of free strings (a single string is a list of one), trimmed and lower-cased;
/// `strip` is removed from the front of each.
fn strings(
    table: Option<&toml::Table>,
    key: &str,
    strip: char,
) -> Result<Vec<String>, PluginError> {
    let Some(v) = table.and_then(|t| t.get(key)) else {
        return Ok(Vec::new());
    };
    let expected = "a list of words, such as [\"word\", \"two words\"]";
    let items: Vec<&toml::Value> = match v {
        toml::Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let s = item.as_str().ok_or_else(|| bad(key, v, expected))?;
        let s = s.trim().trim_start_matches(strip).trim().to_lowercase();
        if s.is_empty() || s.len() > 100 {
            return Err(bad(key, v, expected));
        }
        if !out.contains(&s) {
            out.push(s);
        }
    }
    Ok(out)
}

impl Settings {
    /// Reads `[plugins.identity]`; unknown keys and out-of-range values are errors.
    pub fn from_context(cx: &Context<'_>) -> Result<Settings, PluginError> {
        let table = cx.plugin_config("identity");
        let r = Reader::new("identity", table);
        let d = Settings::default();
        let own = [
            "personal_data",
            "promo_words",
            "brand_hashtags",
            "promo_max_share",
            "rows",
        ];
        r.check_keys(&own, &[]).map_err(PluginError::Config)?;
        let keys: Vec<&str> = Kind::ALL.iter().map(|k| k.key()).collect();
        let picked = r
            .list("personal_data", &keys, &keys)
            .map_err(PluginError::Config)?;
        let personal_data = Kind::ALL
            .into_iter()
            .filter(|k| picked.contains(&k.key()))
            .collect();
        Ok(Settings {
            personal_data,
            promo_words: strings(table, "promo_words", ' ')?,
            brand_hashtags: strings(table, "brand_hashtags", '#')?,
            promo_max_share: r
                .float("promo_max_share", d.promo_max_share, 0.0, 1.0)
                .map_err(PluginError::Config)?,
            rows: r
                .int("rows", d.rows as i64, 1, 1000)
                .map_err(PluginError::Config)? as usize,
        })
    }

    /// The kinds to look for as a mask of [`Kind::bit`].
    pub fn kinds_mask(&self) -> u8 {
        self.personal_data.iter().fold(0, |m, k| m | k.bit())
    }
}
