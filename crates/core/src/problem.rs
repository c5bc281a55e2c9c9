//! Problems found in a data folder, reported as `file:line:column: message`.

use serde::Serialize;
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Counted and reported, never fatal (a dangling reference, an ignored file).
    Note,
    /// A row that cannot be read: fatal unless `--lenient`, which skips the row.
    Error,
}

/// One problem at one place in one file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    /// Path relative to the data folder (or as given).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u64,
    /// 1-based column (field position); 0 when the problem concerns the whole row or file.
    pub column: u64,
    /// Fatal or not.
    pub level: Level,
    /// Short stable reason (`bad-timestamp`, `duplicate-id`, …), used to count skipped rows.
    pub kind: &'static str,
    /// What is wrong: the value, and what was expected.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Note => "note: ",
            Level::Error => "",
        };
        write!(
            f,
            "{}:{}:{}: {}{}",
            self.file, self.line, self.column, level, self.message
        )
    }
}

/// Quotes a value for a message: at most 60 characters, control characters escaped.
pub fn show_value(v: &str) -> String {
    let mut out = String::from("`");
    for (i, c) in v.chars().enumerate() {
        if i == 60 {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push('`');
    out
}
