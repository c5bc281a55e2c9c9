//! Ready-made `[tables.*]` mappings for common CSV shapes: `preset = "NAME"` in a table's
//! mapping fills in the columns (and options) that the mapping does not set itself.
//!
//! A preset lists candidate column names per model column; the first one the file has is
//! used, and a column the file lacks stays unmapped (a required one is then reported as
//! missing, with the header that was found). Explicit `columns = { … }` always win.

use crate::config::TableMapping;
use crate::model::TableKind;

/// One preset.
#[derive(Debug)]
pub struct Preset {
    /// The name used in `preset = "…"`.
    pub name: &'static str,
    /// The table it maps.
    pub table: TableKind,
    /// What it is for, for the documentation.
    pub description: &'static str,
    /// Model column → candidate columns in the file, in order of preference.
    pub columns: &'static [(&'static str, &'static [&'static str])],
    /// Whether float-looking ids (`119238.0`) are read as whole numbers.
    pub float_ids: bool,
}

/// Every preset.
pub const PRESETS: &[Preset] = &[Preset {
    name: "tweets-csv",
    table: TableKind::Posts,
    description: "tweet CSVs as found on Kaggle and written by common scrapers and pandas: \
                  `tweet_id`/`id`, `author_id`/`user_id`/`screen_name`, `created_at` in the \
                  X date format or RFC 3339, `text`, `in_response_to_tweet_id` or \
                  `in_reply_to_status_id` (float-looking ids such as `119238.0` are read as \
                  whole numbers), `retweet_count`, `favorite_count`",
    columns: &[
        ("id", &["tweet_id", "id_str", "status_id", "tweet id"]),
        (
            "author",
            &[
                "author_id",
                "user_id",
                "user_id_str",
                "screen_name",
                "user_screen_name",
                "username",
                "user_name",
                "user",
                "author",
            ],
        ),
        (
            "created_at",
            &["tweet_created", "date", "timestamp", "time", "created"],
        ),
        ("text", &["full_text", "tweet", "content", "tweet_text"]),
        (
            "reply_to",
            &[
                "in_response_to_tweet_id",
                "in_reply_to_status_id",
                "in_reply_to_status_id_str",
                "in_reply_to_tweet_id",
                "reply_to_status_id",
            ],
        ),
        (
            "repost_of",
            &["retweeted_status_id", "retweet_id", "retweeted_tweet_id"],
        ),
        ("quote_of", &["quoted_status_id", "quoted_tweet_id"]),
        (
            "likes",
            &["favorite_count", "like_count", "favorites", "likes_count"],
        ),
        ("reposts", &["retweet_count", "retweets", "retweets_count"]),
        ("replies", &["reply_count", "replies_count"]),
        ("views", &["view_count", "impression_count", "impressions"]),
        ("lang", &["language"]),
        ("location", &["place", "user_location"]),
    ],
    float_ids: true,
}];

/// The preset with this name.
pub fn find(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

impl Preset {
    /// Fills in what `m` (the mapping of table `table`) does not set itself.
    pub fn apply(&self, table: &str, m: &mut TableMapping) {
        if table != self.table.name() {
            return;
        }
        for (col, cands) in self.columns {
            if !m.columns.contains_key(*col) {
                m.fallback_columns.insert(
                    col.to_string(),
                    cands.iter().map(|c| c.to_string()).collect(),
                );
            }
        }
        if m.float_ids.is_none() {
            m.float_ids = Some(self.float_ids);
        }
    }
}
