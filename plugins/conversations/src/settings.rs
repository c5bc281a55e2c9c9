//! The `[plugins.conversations]` settings.

use honeycomb_core::settings::Settings as Reader;
use honeycomb_core::{Context, PluginError};

/// Weekday keys of `business_days`, Monday first.
pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Settings of the conversations plugin, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Business hours in the audience's local time, `"09-17"` (from 09:00 to 17:00; `"08:30-17:30"`
    /// works too), as seconds after midnight: (open, close).
    pub business_hours: (i64, i64),
    /// Business days, Monday first (default Monday–Friday): `business_days = ["mon", …]`.
    pub business_days: [bool; 7],
    /// The response-time target, in business time (default `"4h"`; `"30min"`, `"1h"`,
    /// `"1d"` = one business day, or a number of seconds).
    pub response_target_s: i64,
    /// A thread in which the brand replied more often than this is "too present" (default 5).
    pub max_brand_replies: u32,
    /// A thread with at least this many replies per hour in its first 24 hours is a fast
    /// one (default 6; the fastest 10% of threads are fast too).
    pub join_velocity: f64,
    /// Rows per table in the report (default 10).
    pub rows: usize,
    /// Which posts get a sentiment score (`sentiment = "conversations" | "all"`, default
    /// `"conversations"`).
    pub sentiment: Scope,
}

/// Which posts the plugin scores for sentiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Posts in conversations: every post of a reply thread (replies and the posts they
    /// answer) and every post that mentions a brand account. A post nobody answered and that
    /// answers nothing is not a conversation; scoring it costs time and says nothing about
    /// this block.
    Conversations,
    /// Every post except reposts (their text is someone else's).
    All,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            business_hours: (9 * 3600, 17 * 3600),
            business_days: [true, true, true, true, true, false, false],
            response_target_s: 4 * 3600,
            max_brand_replies: 5,
            join_velocity: 6.0,
            rows: 10,
            sentiment: Scope::Conversations,
        }
    }
}

fn bad(key: &str, v: &toml::Value, expected: &str) -> String {
    format!("[plugins.conversations] {key} = {v}: expected {expected}")
}

/// `"09-17"`, `"9-17"`, `"08:30-17:30"` → seconds after midnight.
fn parse_hours(s: &str) -> Option<(i64, i64)> {
    let (a, b) = s.split_once('-')?;
    let t = |x: &str| -> Option<i64> {
        let x = x.trim();
        let (h, m) = match x.split_once(':') {
            Some((h, m)) => (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?),
            None => (x.parse::<i64>().ok()?, 0),
        };
        ((0..=24).contains(&h) && (0..60).contains(&m) && h * 60 + m <= 24 * 60)
            .then_some(h * 3600 + m * 60)
    };
    let (open, close) = (t(a)?, t(b)?);
    (open < close).then_some((open, close))
}

/// `"4h"`, `"30min"`, `"90m"`, `"1d"`, `"45s"` → seconds (a day is a business day: the
/// length of the business hours).
fn parse_duration(s: &str, day_s: i64) -> Option<i64> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit() && c != '.')?;
    let (num, unit) = s.split_at(split);
    let x: f64 = num.parse().ok()?;
    let unit_s = match unit.trim() {
        "s" | "sec" => 1.0,
        "m" | "min" => 60.0,
        "h" | "u" | "hour" | "hours" | "uur" => 3600.0,
        "d" | "day" | "days" | "dag" | "dagen" => day_s as f64,
        _ => return None,
    };
    let v = (x * unit_s).round();
    (x.is_finite() && (1.0..=365.0 * 86_400.0).contains(&v)).then_some(v as i64)
}

impl Settings {
    /// Reads `[plugins.conversations]`; unknown keys and out-of-range values are errors.
    pub fn from_context(cx: &Context<'_>) -> Result<Settings, PluginError> {
        let table = cx.plugin_config("conversations");
        let r = Reader::new("conversations", table);
        let d = Settings::default();
        let own = [
            "business_hours",
            "business_days",
            "response_target",
            "max_brand_replies",
            "join_velocity",
            "rows",
            "sentiment",
        ];
        r.check_keys(&own, &[]).map_err(PluginError::Config)?;
        let get = |k: &str| table.and_then(|t| t.get(k));
        let business_hours = match get("business_hours") {
            None => d.business_hours,
            Some(v) => v.as_str().and_then(parse_hours).ok_or_else(|| {
                PluginError::Config(bad(
                    "business_hours",
                    v,
                    "opening and closing hour as \"09-17\" or \"08:30-17:30\", opening first",
                ))
            })?,
        };
        let days = r
            .list("business_days", &DAYS[..5], &DAYS)
            .map_err(PluginError::Config)?;
        let mut business_days = [false; 7];
        for (i, k) in DAYS.iter().enumerate() {
            business_days[i] = days.contains(k);
        }
        let day_s = business_hours.1 - business_hours.0;
        let response_target_s = match get("response_target") {
            None => d.response_target_s,
            Some(v) => match v {
                toml::Value::Integer(i) if (1..=365 * 86_400).contains(i) => *i,
                toml::Value::String(s) => parse_duration(s, day_s).ok_or_else(|| {
                    PluginError::Config(bad(
                        "response_target",
                        v,
                        "a duration of business time such as \"30min\", \"1h\", \"4h\" or \"1d\"",
                    ))
                })?,
                _ => {
                    return Err(PluginError::Config(bad(
                        "response_target",
                        v,
                        "a duration of business time such as \"30min\", \"1h\", \"4h\" or \"1d\"",
                    )));
                }
            },
        };
        Ok(Settings {
            business_hours,
            business_days,
            response_target_s,
            max_brand_replies: r
                .int("max_brand_replies", d.max_brand_replies as i64, 1, 1000)
                .map_err(PluginError::Config)? as u32,
            join_velocity: r
                .float("join_velocity", d.join_velocity, 0.1, 10_000.0)
                .map_err(PluginError::Config)?,
            rows: r
                .int("rows", d.rows as i64, 1, 1000)
                .map_err(PluginError::Config)? as usize,
            sentiment: match r
                .choice("sentiment", "conversations", &["conversations", "all"])
                .map_err(PluginError::Config)?
            {
                "all" => Scope::All,
                _ => Scope::Conversations,
            },
        })
    }

    /// Business seconds per business day.
    pub fn day_s(&self) -> i64 {
        self.business_hours.1 - self.business_hours.0
    }

    /// Business seconds between two local wall-clock times (seconds since the epoch in
    /// local terms, `a ≤ b`): the overlap of `[a, b)` with the business hours of business
    /// days. Whole weeks count at once, so a month-long wait costs a few steps.
    pub fn business_seconds(&self, a: i64, b: i64) -> i64 {
        if b <= a {
            return 0;
        }
        let (open, close) = self.business_hours;
        let is_day = |day: i64| self.business_days[(day + 3).rem_euclid(7) as usize];
        let overlap = |day: i64, from: i64, to: i64| -> i64 {
            if !is_day(day) {
                return 0;
            }
            let (s, e) = (day * 86_400 + open, day * 86_400 + close);
            (to.min(e) - from.max(s)).max(0)
        };
        let (da, db) = (a.div_euclid(86_400), b.div_euclid(86_400));
        if da == db {
            return overlap(da, a, b);
        }
        let mut total = overlap(da, a, (da + 1) * 86_400) + overlap(db, db * 86_400, b);
        // Whole days strictly between.
        let (first, last) = (da + 1, db - 1);
        if last >= first {
            let n = last - first + 1;
            let per_week = self.business_days.iter().filter(|&&d| d).count() as i64;
            let weeks = n / 7;
            let mut days = weeks * per_week;
            for day in first + weeks * 7..=last {
                days += is_day(day) as i64;
            }
            total += days * (close - open);
        }
        total
    }
}
