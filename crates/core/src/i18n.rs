//! Report languages and locale-aware number formatting.
//!
//! Numbers are formatted here, in Rust, so templates stay free of logic and snapshots stay
//! stable: English uses `1,234.5`, Dutch `1.234,5` (the Dutch convention of a decimal comma).

use serde::{Deserialize, Serialize};

/// `tr!(lang, "English {x}", "Nederlands {x}")`: `format!` of the text for `lang`;
/// positional arguments may follow, used by both texts.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $nl:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::Lang::En => format!($en $(, $arg)*),
            $crate::Lang::Nl => format!($nl $(, $arg)*),
        }
    };
}
use std::fmt;
use std::str::FromStr;

/// A report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Dutch.
    Nl,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// Picks the text for this language.
    pub fn pick<'t>(self, en: &'t str, nl: &'t str) -> &'t str {
        match self {
            Lang::En => en,
            Lang::Nl => nl,
        }
    }

    /// Formats `v` with `decimals` digits after the decimal separator and grouped thousands.
    /// Non-finite values print as `–`.
    pub fn num(self, v: f64, decimals: usize) -> String {
        if !v.is_finite() {
            return "–".to_string();
        }
        let (group, point) = match self {
            Lang::En => (',', '.'),
            Lang::Nl => ('.', ','),
        };
        let s = format!("{:.*}", decimals, v.abs());
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s.as_str(), None),
        };
        let mut out = String::with_capacity(s.len() + 4);
        // "-0" after rounding is printed as "0".
        let is_zero = s.bytes().all(|b| b == b'0' || b == b'.');
        if v < 0.0 && !is_zero {
            out.push('-');
        }
        let n = int.len();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (n - i) % 3 == 0 {
                out.push(group);
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push(point);
            out.push_str(f);
        }
        out
    }

    /// "a, b and c" / "a, b en c".
    pub fn join_and(self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [a] => a.clone(),
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), self.pick("and", "en")),
        }
    }

    /// A count with its noun, singular or plural: "1 complaint", "3 complaints".
    pub fn count(self, n: u64, en: (&str, &str), nl: (&str, &str)) -> String {
        let (one, many) = match self {
            Lang::En => en,
            Lang::Nl => nl,
        };
        format!("{} {}", self.int(n), if n == 1 { one } else { many })
    }

    /// "312 of 1,204 posts (25.9%)" / "312 van 1.204 posts (25,9%)"; without the share when
    /// `d` is 0.
    pub fn of(self, n: u64, d: u64, unit_en: &str, unit_nl: &str) -> String {
        let (n_s, d_s, unit) = (self.int(n), self.int(d), self.pick(unit_en, unit_nl));
        if d == 0 {
            return match self {
                Lang::En => format!("{n_s} of {d_s} {unit}"),
                Lang::Nl => format!("{n_s} van {d_s} {unit}"),
            };
        }
        let p = self.pct(n as f64 / d as f64, 1);
        match self {
            Lang::En => format!("{n_s} of {d_s} {unit} ({p})"),
            Lang::Nl => format!("{n_s} van {d_s} {unit} ({p})"),
        }
    }

    /// Formats a whole number with grouped thousands.
    pub fn int(self, v: u64) -> String {
        self.num(v as f64, 0)
    }

    /// Formats a share (0–1) as a percentage with `decimals` digits: `42.5%`.
    pub fn pct(self, share: f64, decimals: usize) -> String {
        if !share.is_finite() {
            return "–".to_string();
        }
        format!("{}%", self.num(share * 100.0, decimals))
    }

    /// A duration in seconds as a short human string (`45 s`, `12 min`, `3.5 h`, `2.0 days`).
    pub fn duration(self, secs: f64) -> String {
        if !secs.is_finite() {
            return "–".to_string();
        }
        let a = secs.abs();
        if a < 90.0 {
            format!("{} s", self.num(secs, 0))
        } else if a < 90.0 * 60.0 {
            format!("{} min", self.num(secs / 60.0, 0))
        } else if a < 48.0 * 3600.0 {
            format!("{} {}", self.num(secs / 3600.0, 1), self.pick("h", "u"))
        } else {
            format!(
                "{} {}",
                self.num(secs / 86400.0, 1),
                self.pick("days", "dagen")
            )
        }
    }

    /// Month names, January first ("February" / "februari").
    pub const fn months(self) -> [&'static str; 12] {
        match self {
            Lang::En => [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
            Lang::Nl => [
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ],
        }
    }

    /// Weekday names, Monday first.
    pub fn weekdays(self) -> [&'static str; 7] {
        self.weekdays_const()
    }

    /// Weekday names, Monday first (usable in constants).
    pub const fn weekdays_const(self) -> [&'static str; 7] {
        match self {
            Lang::En => [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ],
            Lang::Nl => [
                "maandag",
                "dinsdag",
                "woensdag",
                "donderdag",
                "vrijdag",
                "zaterdag",
                "zondag",
            ],
        }
    }

    /// Short weekday names, Monday first.
    pub fn weekdays_short(self) -> [&'static str; 7] {
        match self {
            Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            Lang::Nl => ["ma", "di", "wo", "do", "vr", "za", "zo"],
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(Lang::En),
            "nl" | "dutch" | "nederlands" => Ok(Lang::Nl),
            other => Err(format!("unknown language `{other}`: expected `en` or `nl`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_locale() {
        assert_eq!(Lang::En.num(1234567.891, 2), "1,234,567.89");
        assert_eq!(Lang::Nl.num(1234567.891, 2), "1.234.567,89");
        assert_eq!(Lang::En.num(-0.001, 1), "0.0");
        assert_eq!(Lang::En.num(-1500.0, 0), "-1,500");
        assert_eq!(Lang::Nl.pct(0.425, 1), "42,5%");
        assert_eq!(Lang::En.int(999), "999");
        assert_eq!(Lang::En.num(f64::NAN, 1), "–");
    }

    #[test]
    fn durations_pick_a_readable_unit() {
        assert_eq!(Lang::En.duration(30.0), "30 s");
        assert_eq!(Lang::En.duration(600.0), "10 min");
        assert_eq!(Lang::Nl.duration(3.5 * 3600.0), "3,5 u");
        assert_eq!(Lang::En.duration(3.0 * 86400.0), "3.0 days");
    }
}
