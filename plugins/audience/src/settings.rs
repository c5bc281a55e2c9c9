//! The `[plugins.audience]` settings, with their defaults, and the motivation word lists
//! (built in from `motivations.toml`, extended or replaced by the settings).

use honeycomb_core::PluginError;
use honeycomb_core::settings::Settings as Reader;
use rustc_hash::FxHashMap;

/// The six motivations of Muntinga, Moorman & Smit (2011), in their order: the names used in
/// `motivations.toml`, in `[plugins.audience] motivations.NAME` and in the metric keys.
pub const MOTIVATIONS: [&str; 6] = [
    "entertainment",
    "social_interaction",
    "personal_identity",
    "information",
    "remuneration",
    "empowerment",
];

/// The built-in word lists (English and Dutch), embedded in the binary.
pub const BUILTIN_MOTIVATIONS: &str = include_str!("motivations.toml");

/// The keys of `[plugins.audience]`.
pub const KEYS: [&str; 5] = [
    "motivations",
    "motivations_mode",
    "min_interactions",
    "connected_share",
    "entertainment_share",
];

/// Settings of the audience plugin.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// `min_interactions`: an entertainment seeker has at least this many interactions with
    /// other accounts' posts in the period (replies, quotes, reposts, ratings; default 3).
    pub min_interactions: u64,
    /// `connected_share`: the size of the breadth top from which the highly connected come,
    /// as a share of the audience (default 0.25, the top quartile). The audience is ranked by
    /// network degree (follows in + out), then group count, then platforms, then the order in
    /// the data (so ties are broken deterministically).
    pub connected_share: f64,
    /// `entertainment_share`: an entertainment seeker has more than this share of their
    /// interactions on entertainment-type content (default 0.5, a majority).
    pub entertainment_share: f64,
    /// The word lists, one per motivation in the order of [`MOTIVATIONS`], lowercase, sorted
    /// and without duplicates.
    pub words: Vec<Vec<String>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_interactions: 3,
            connected_share: 0.25,
            entertainment_share: 0.5,
            words: builtin_words(),
        }
    }
}

/// Normalises one word of a list: trimmed, without a leading `#`, lowercase; an error text
/// when it is empty or not a single word.
fn normalise(w: &str) -> Result<String, String> {
    let w = w.trim().trim_start_matches('#').to_lowercase();
    if w.is_empty() {
        return Err("an empty word".into());
    }
    if w.chars().any(|c| !c.is_alphanumeric() && c != '_') {
        return Err(format!(
            "`{w}` is not a single word (letters, digits and `_` only)"
        ));
    }
    Ok(w)
}

/// The built-in lists of `motivations.toml`, English and Dutch together.
pub fn builtin_words() -> Vec<Vec<String>> {
    // The file is part of the source and checked by a test: a failure here is a build bug,
    // so an unreadable entry is skipped rather than panicking at run time.
    let table: toml::Table = toml::from_str(BUILTIN_MOTIVATIONS).unwrap_or_default();
    MOTIVATIONS
        .iter()
        .map(|m| {
            let mut words: Vec<String> = table
                .get(*m)
                .and_then(|t| t.as_table())
                .into_iter()
                .flat_map(|t| t.values())
                .filter_map(|v| v.as_array())
                .flatten()
                .filter_map(|v| v.as_str())
                .filter_map(|w| normalise(w).ok())
                .collect();
            words.sort_unstable();
            words.dedup();
            words
        })
        .collect()
}

impl Settings {
    /// Reads `[plugins.audience]` (`None`: all defaults); unknown keys, unknown motivations,
    /// words that are not single words and out-of-range values are errors.
    pub fn read(table: Option<&toml::Table>) -> Result<Settings, PluginError> {
        let r = Reader::new("audience", table);
        let d = Settings::default();
        r.check_keys(&KEYS, &[]).map_err(PluginError::Config)?;
        let replace = r
            .choice("motivations_mode", "extend", &["extend", "replace"])
            .map_err(PluginError::Config)?
            == "replace";
        let mut words = d.words.clone();
        if let Some(v) = table.and_then(|t| t.get("motivations")) {
            let Some(t) = v.as_table() else {
                return Err(PluginError::Config(format!(
                    "[plugins.audience] motivations = {v}: expected a table of word lists, e.g. motivations.entertainment = [\"fun\", \"leuk\"]"
                )));
            };
            for (name, list) in t {
                let Some(m) = MOTIVATIONS.iter().position(|m| m == name) else {
                    return Err(PluginError::Config(format!(
                        "[plugins.audience] motivations.{name}: unknown motivation `{name}`: expected one of {}",
                        MOTIVATIONS.join(", ")
                    )));
                };
                let items: Vec<&toml::Value> = match list {
                    toml::Value::Array(a) => a.iter().collect(),
                    other => vec![other],
                };
                let mut added = Vec::new();
                for item in items {
                    let w = item
                        .as_str()
                        .ok_or_else(|| "a string".to_string())
                        .and_then(normalise)
                        .map_err(|e| {
                            PluginError::Config(format!(
                                "[plugins.audience] motivations.{name} = {list}: {e}; expected a list of single words, e.g. [\"fun\", \"leuk\"]"
                            ))
                        })?;
                    added.push(w);
                }
                if replace {
                    words[m].clear();
                }
                words[m].extend(added);
                words[m].sort_unstable();
                words[m].dedup();
            }
        }
        Ok(Settings {
            min_interactions: r
                .int("min_interactions", d.min_interactions as i64, 1, 1_000_000)
                .map_err(PluginError::Config)? as u64,
            connected_share: r
                .float("connected_share", d.connected_share, 0.01, 0.5)
                .map_err(PluginError::Config)?,
            entertainment_share: r
                .float("entertainment_share", d.entertainment_share, 0.0, 0.99)
                .map_err(PluginError::Config)?,
            words,
        })
    }

    /// The word lists as a [`Lexicon`].
    pub fn lexicon(&self) -> Lexicon {
        let mut map: FxHashMap<String, u8> = FxHashMap::default();
        let mut filter = vec![0u64; (32 << 14) / 64];
        for (m, list) in self.words.iter().enumerate() {
            for w in list {
                *map.entry(w.clone()).or_insert(0) |= 1 << m;
                let b = w.as_bytes();
                if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
                    let k = Lexicon::key(b.len(), f, l);
                    filter[k / 64] |= 1 << (k % 64);
                }
            }
        }
        Lexicon { map, filter }
    }
}

/// Word → bit set of motivations (bit `m` for `MOTIVATIONS[m]`), with a bit filter on
/// (length, first byte, last byte) that rules most words out before hashing them.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    map: FxHashMap<String, u8>,
    filter: Vec<u64>,
}

impl Lexicon {
    fn key(len: usize, first: u8, last: u8) -> usize {
        (len.min(31) << 14) | (((first & 0x7f) as usize) << 7) | (last & 0x7f) as usize
    }

    /// Whether a lowercase word of `len` bytes with this first and last byte may be in the
    /// lexicon (no false negatives).
    pub fn may_contain(&self, len: usize, first: u8, last: u8) -> bool {
        let k = Lexicon::key(len, first, last);
        self.filter
            .get(k / 64)
            .is_some_and(|w| w & (1 << (k % 64)) != 0)
    }

    /// The motivations of a lowercase word.
    pub fn get(&self, word: &str) -> Option<u8> {
        self.map.get(word).copied()
    }
}
