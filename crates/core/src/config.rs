//! `honeycomb.toml`: report settings, column mappings for foreign exports, plugin settings.
//!
//! The host reads only `[report]` and `[tables.*]`; each plugin reads its own
//! `[plugins.NAME]` table (as mdBook does with `[preprocessor.NAME]`).

use crate::i18n::Lang;
use crate::model::TableKind;
use crate::problem::{Level, Problem};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The file name looked for at the root of a data folder.
pub const CONFIG_FILE: &str = "honeycomb.toml";

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Config {
    /// `[report]`.
    #[serde(default)]
    pub report: ReportConfig,
    /// `[tables.NAME]`: how to read a table from a foreign export.
    #[serde(default)]
    pub tables: BTreeMap<String, TableMapping>,
    /// `[plugins.NAME]`: settings only that plugin reads.
    #[serde(default)]
    pub plugins: BTreeMap<String, toml::Table>,
}

/// `[report]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReportConfig {
    /// Report title.
    pub title: Option<String>,
    /// Report language.
    pub lang: Option<Lang>,
    /// IANA time zone of the audience (`Europe/Amsterdam`); naive timestamps are read in it.
    pub timezone: Option<String>,
    /// `FROM..TO`, dates inclusive, in the report's time zone.
    pub period: Option<String>,
    /// The organisation's own accounts (ids or handles).
    #[serde(default)]
    pub brand: Vec<String>,
    /// Competitors' accounts (ids or handles), for share of voice.
    #[serde(default)]
    pub competitors: Vec<String>,
    /// Plugin libraries to load (paths relative to the data folder), as `--plugin` does.
    /// Loading a plugin runs its code with the rights of the user who runs honeycomb.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plugins: Vec<String>,
}

/// `[tables.NAME]`: where a table is and how its columns map onto the model.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[non_exhaustive]
pub struct TableMapping {
    /// File or folder, relative to the data folder.
    pub path: Option<String>,
    /// `csv` or `jsonl` (default: from the file name).
    pub format: Option<String>,
    /// Field delimiter for CSV (default `,`).
    pub delimiter: Option<String>,
    /// Model column → column in the file.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// A ready-made mapping for a common export shape (`tweets-csv`; see
    /// [`crate::import::presets`]): fills in the columns and formats not given.
    pub preset: Option<String>,
    /// Ids written as floats (`119238.0`, `1.19238e+05`), as pandas writes an id column
    /// with gaps, are read as the whole numbers they stand for (posts: id, author,
    /// reply_to, repost_of, quote_of).
    pub float_ids: Option<bool>,
    /// Model column → candidate columns in the file, first present wins; set by a preset,
    /// a column that is absent stays unmapped instead of being an error.
    #[serde(skip)]
    pub fallback_columns: BTreeMap<String, Vec<String>>,
    /// `<column>_format` keys: a strftime format for that timestamp column.
    #[serde(flatten)]
    pub rest: BTreeMap<String, toml::Value>,
}

impl TableMapping {
    /// The strftime format configured for a timestamp column, if any.
    pub fn time_format(&self, column: &str) -> Option<&str> {
        self.rest
            .get(&format!("{column}_format"))
            .and_then(|v| v.as_str())
    }
}

/// A report period: `[start, end)` in Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First second inside the period.
    pub start: i64,
    /// First second after the period.
    pub end: i64,
}

impl Period {
    /// Whether `ts` lies in the period.
    pub fn contains(&self, ts: i64) -> bool {
        ts >= self.start && ts < self.end
    }

    /// Parses `YYYY-MM-DD..YYYY-MM-DD` (both dates inclusive) in `tz`.
    pub fn parse(s: &str, tz: &TimeZone) -> Result<Period, String> {
        let (a, b) = s.split_once("..").ok_or_else(|| {
            format!("period `{s}`: expected `FROM..TO`, e.g. `2026-01-01..2026-03-31`")
        })?;
        let parse = |d: &str| -> Result<Date, String> {
            d.trim()
                .parse::<Date>()
                .map_err(|e| format!("period `{s}`: `{d}` is not a date (YYYY-MM-DD): {e}"))
        };
        let (from, to) = (parse(a)?, parse(b)?);
        if to < from {
            return Err(format!("period `{s}`: the end lies before the start"));
        }
        let start = from
            .to_zoned_datetime(tz.clone())
            .map_err(|e| format!("period `{s}`: {e}"))?
            .timestamp()
            .as_second();
        let end = to
            .tomorrow()
            .and_then(|d| d.to_zoned_datetime(tz.clone()))
            .map_err(|e| format!("period `{s}`: {e}"))?
            .timestamp()
            .as_second();
        Ok(Period { start, end })
    }

    /// The period of the same number of days that ends where this one starts (the automatic
    /// comparison period): for `2026-03-01..2026-03-31` (31 days) it is
    /// `2026-01-29..2026-02-28`. Days are counted in `tz`, so a daylight-saving change inside
    /// either period does not shift the boundary off midnight.
    pub fn previous(&self, tz: &TimeZone) -> Period {
        let mut clock = crate::time::LocalClock::new(tz.clone());
        let days = clock.local_day(self.end) - clock.local_day(self.start);
        let (y, m, d) = crate::time::civil_from_days(clock.local_day(self.start) - days);
        let start = Date::new(y as i16, m as i8, d as i8)
            .ok()
            .and_then(|d| d.to_zoned_datetime(tz.clone()).ok())
            .map(|z| z.timestamp().as_second())
            .unwrap_or(self.start - (self.end - self.start));
        Period {
            start,
            end: self.start,
        }
    }
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset.min(text.len())];
    let line = before.bytes().filter(|&b| b == b'\n').count() as u64 + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, col)
}

impl Config {
    /// Reads `honeycomb.toml` from the data folder; no file gives the defaults.
    pub fn load(dir: &Path) -> Result<Config, Problem> {
        let path = dir.join(CONFIG_FILE);
        let text = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(problem(
                    0,
                    0,
                    "unreadable-config",
                    format!("cannot read: {e}"),
                ));
            }
        };
        let text = String::from_utf8(text).map_err(|e| {
            problem(
                0,
                0,
                "bad-utf8",
                format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
            )
        })?;
        Config::parse(&text)
    }

    /// Parses and checks the text of a `honeycomb.toml`.
    pub fn parse(text: &str) -> Result<Config, Problem> {
        let mut cfg: Config = toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            problem(line, col, "bad-config", e.message().trim().to_string())
        })?;
        cfg.check(text)?;
        for (name, m) in cfg.tables.iter_mut() {
            if let Some(p) = m.preset.as_deref().and_then(crate::import::presets::find) {
                p.apply(name, m);
            }
        }
        Ok(cfg)
    }

    fn check(&self, text: &str) -> Result<(), Problem> {
        let at_in = |section: &str, needle: &str| find_key(text, Some(section), needle);
        for (name, m) in &self.tables {
            let Some(kind) = TableKind::from_name(name) else {
                let (l, c) = find_header(text, &format!("tables.{name}"));
                return Err(problem(
                    l,
                    c,
                    "bad-config",
                    format!(
                        "unknown table `{name}`: expected one of accounts, posts, follows, groups, memberships, presence, ratings"
                    ),
                ));
            };
            if let Some(p) = &m.preset {
                let known = crate::import::presets::PRESETS;
                if !known.iter().any(|k| k.name == p && k.table == kind) {
                    let (l, c) = at_in(&format!("tables.{name}"), "preset");
                    let fits: Vec<&str> = known
                        .iter()
                        .filter(|k| k.table == kind)
                        .map(|k| k.name)
                        .collect();
                    return Err(problem(
                        l,
                        c,
                        "bad-config",
                        format!(
                            "[tables.{name}] preset `{p}`: expected {}",
                            if fits.is_empty() {
                                format!("no preset: there is none for the {name} table")
                            } else {
                                format!("one of {}", fits.join(", "))
                            }
                        ),
                    ));
                }
            }
            for col in m.columns.keys() {
                if !kind.columns().contains(&col.as_str()) {
                    let (l, c) = at_in(&format!("tables.{name}"), col);
                    return Err(problem(
                        l,
                        c,
                        "bad-config",
                        format!(
                            "[tables.{name}] columns: `{col}` is not a column of {name}: expected one of {}",
                            kind.columns().join(", ")
                        ),
                    ));
                }
            }
            for key in m.rest.keys() {
                let ok = key
                    .strip_suffix("_format")
                    .is_some_and(|c| kind.columns().contains(&c))
                    && m.rest[key].is_str();
                if !ok {
                    let (l, c) = at_in(&format!("tables.{name}"), key);
                    return Err(problem(
                        l,
                        c,
                        "bad-config",
                        format!(
                            "[tables.{name}]: unknown key `{key}`: expected path, format, delimiter, columns, preset, float_ids or <column>_format = \"strftime\""
                        ),
                    ));
                }
            }
            if let Some(f) = &m.format
                && f != "csv"
                && f != "jsonl"
            {
                let (l, c) = at_in(&format!("tables.{name}"), "format");
                return Err(problem(
                    l,
                    c,
                    "bad-config",
                    format!("[tables.{name}] format `{f}`: expected `csv` or `jsonl`"),
                ));
            }
            if let Some(d) = &m.delimiter
                && (d.len() != 1 || !d.is_ascii())
            {
                let (l, c) = at_in(&format!("tables.{name}"), "delimiter");
                return Err(problem(
                    l,
                    c,
                    "bad-config",
                    format!("[tables.{name}] delimiter `{d}`: expected one ASCII character"),
                ));
            }
        }
        if let Some(tz) = &self.report.timezone
            && TimeZone::get(tz).is_err()
        {
            let (l, c) = at_in("report", "timezone");
            return Err(problem(
                l,
                c,
                "bad-config",
                format!(
                    "[report] timezone `{tz}`: expected an IANA time zone name such as `Europe/Amsterdam`"
                ),
            ));
        }
        if let Some(p) = &self.report.period {
            Period::parse(p, &TimeZone::UTC).map_err(|e| {
                let (l, c) = at_in("report", "period");
                problem(l, c, "bad-config", format!("[report] {e}"))
            })?;
        }
        Ok(())
    }

    /// The configured time zone, or UTC.
    pub fn time_zone(&self) -> TimeZone {
        self.report
            .timezone
            .as_deref()
            .and_then(|n| TimeZone::get(n).ok())
            .unwrap_or(TimeZone::UTC)
    }
}

/// 1-based line and column of the `[section]` header line.
fn find_header(text: &str, section: &str) -> (u64, u64) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') && t.trim_start_matches('[').trim_end_matches(']').trim() == section {
            return line_col(text, offset + (line.len() - line.trim_start().len()));
        }
        offset += line.len();
    }
    (0, 0)
}

/// 1-based line and column of `key = …` (a key at the start of a line, or inside an inline
/// table), in `[section]` when given; `(0, 0)` when not found.
fn find_key(text: &str, section: Option<&str>, key: &str) -> (u64, u64) {
    let mut offset = 0;
    let mut in_section = section.is_none();
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') {
            let name = t.trim_start_matches('[').trim_end_matches(']').trim();
            in_section = section.is_none_or(|s| s == name);
        } else if in_section && !t.starts_with('#') {
            let mut from = 0;
            while let Some(p) = line[from..].find(key) {
                let at = from + p;
                let before = line[..at].chars().next_back();
                let after = line[at + key.len()..].trim_start();
                let starts = before.is_none_or(|c| c.is_whitespace() || c == '{' || c == ',');
                if starts && after.starts_with('=') {
                    return line_col(text, offset + at);
                }
                from = at + key.len();
            }
        }
        offset += line.len();
    }
    (0, 0)
}

fn problem(line: u64, column: u64, kind: &'static str, message: String) -> Problem {
    Problem {
        file: CONFIG_FILE.to_string(),
        line,
        column,
        level: Level::Error,
        kind,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_period_has_the_same_number_of_days() {
        let tz = TimeZone::get("Europe/Amsterdam").expect("time zone");
        let p = Period::parse("2026-03-01..2026-03-31", &tz).expect("period");
        let want = Period::parse("2026-01-29..2026-02-28", &tz).expect("period");
        assert_eq!(p.previous(&tz), want);
        // Across the switch to summer time (29 March 2026): still whole local days.
        let p = Period::parse("2026-04-01..2026-04-07", &tz).expect("period");
        let want = Period::parse("2026-03-25..2026-03-31", &tz).expect("period");
        assert_eq!(p.previous(&tz), want);
        assert_eq!(want.end - want.start, 7 * 86_400 - 3_600);
    }

    #[test]
    fn parses_the_design_example() {
        let cfg = Config::parse(
            r#"
[report]
title = "Acme"
lang = "nl"
timezone = "Europe/Amsterdam"
period = "2026-01-01..2026-03-31"
brand = ["acme"]

[tables.posts]
path = "exports/Tweets.csv"
columns = { id = "tweet_id", author = "name" }
created_at_format = "%Y-%m-%d %H:%M:%S %z"

[plugins.conversations]
response_target = "1h"
"#,
        )
        .expect("valid config");
        assert_eq!(cfg.report.lang, Some(Lang::Nl));
        assert_eq!(
            cfg.tables["posts"].time_format("created_at"),
            Some("%Y-%m-%d %H:%M:%S %z")
        );
        assert!(cfg.plugins.contains_key("conversations"));
    }

    #[test]
    fn errors_point_at_the_place() {
        let e = Config::parse("[report]\nlang = \"fr\"\n").expect_err("bad lang");
        assert_eq!((e.line, e.column), (2, 8), "{e}");
        let e =
            Config::parse("[tables.posts]\ncolumns = { idd = \"x\" }\n").expect_err("bad column");
        assert!(e.message.contains("`idd` is not a column of posts"), "{e}");
        assert_eq!(e.line, 2);
        let e = Config::parse("[report]\ntitle = \"my period\"\nperiod = \"soon\"\n")
            .expect_err("bad period");
        assert_eq!((e.line, e.column), (3, 1), "{e}");
        let e = Config::parse("[tables.posts]\ncreated_at_format = \"%Y\"\nformat = \"xml\"\n")
            .expect_err("bad format");
        assert_eq!((e.line, e.column), (3, 1), "{e}");
        let e = Config::parse("[report]\ntimezone = \"Mars/Olympus\"\n").expect_err("bad tz");
        assert!(e.message.contains("IANA"), "{e}");
    }

    #[test]
    fn period_is_inclusive_in_the_time_zone() {
        let tz = TimeZone::get("Europe/Amsterdam").expect("tz");
        let p = Period::parse("2026-01-01..2026-01-31", &tz).expect("period");
        // 2026-01-01T00:00+01:00 = 2025-12-31T23:00Z
        assert_eq!(p.start, 1_767_222_000);
        assert_eq!(p.end - p.start, 31 * 86400);
        assert!(Period::parse("2026-02-01..2026-01-01", &tz).is_err());
    }
}
