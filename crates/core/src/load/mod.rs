//! Loading a data folder: discovery, reading, column mapping, validation, interning.
//!
//! Every problem is reported as `file:line:column: message` with the value and what was
//! expected. By default loading stops after reading everything and returns *all* errors;
//! with `lenient` bad rows are skipped and counted by reason. References to things that are
//! not in the data (a reply to an unknown post, a follow of an unknown account) are notes:
//! counted, never fatal. Accounts that are referenced but not declared are added as
//! implicit accounts.

mod discover;
mod idmap;
mod read;

pub use discover::{Discovered, Format, REPORT_MARKER, TableFile, classify, discover};
pub use idmap::IdMap;

use crate::config::{CONFIG_FILE, Config, TableMapping};
use crate::model::*;
use crate::problem::{Level, Problem, show_value};
use crate::text;
use crate::time::TimeParser;
use read::{Header, RawRow};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::Path;

/// How to load.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct LoadOptions {
    /// Skip bad rows instead of failing.
    pub lenient: bool,
    /// Most problems kept in full; the rest are only counted.
    pub max_problems: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            lenient: false,
            max_problems: 1000,
        }
    }
}

impl LoadOptions {
    /// Options with `lenient` set as given.
    pub fn lenient(lenient: bool) -> Self {
        LoadOptions {
            lenient,
            ..LoadOptions::default()
        }
    }
}

/// A loaded folder.
#[derive(Debug)]
pub struct Loaded {
    /// The data.
    pub data: Dataset,
    /// The folder's `honeycomb.toml` (or the defaults).
    pub config: Config,
    /// Notes (and, when lenient, the errors of skipped rows), sorted by file and line.
    pub problems: Vec<Problem>,
    /// Time spent per loading step (for `--timings`).
    pub timings: Vec<(String, std::time::Duration)>,
}

/// Why a folder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The folder does not exist or is unreadable.
    #[error("{0}")]
    Folder(String),
    /// The data has errors; every problem found (errors and notes), sorted.
    #[error("{} problem(s) in the data folder", .problems.len())]
    Problems {
        /// All problems, sorted by file, line, column.
        problems: Vec<Problem>,
        /// Problems beyond `max_problems` that were only counted.
        more: u64,
    },
}

/// Loads and validates a data folder.
pub fn load_folder(dir: &Path, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    if !dir.is_dir() {
        return Err(LoadError::Folder(format!(
            "{}: not a folder (expected a data folder with at least posts.csv or posts.jsonl)",
            dir.display()
        )));
    }
    let config = match Config::load(dir) {
        Ok(c) => c,
        Err(p) => {
            return Err(LoadError::Problems {
                problems: vec![p],
                more: 0,
            });
        }
    };
    let found = discover(dir, &config).map_err(LoadError::Folder)?;
    load_discovered(&dir.display().to_string(), config, &found, Vec::new(), opts)
}

/// Loads tables that were found (on disk) or made (in memory, by an importer): the one path
/// every source takes, so that each produces the same [`Dataset`], summary and problems.
/// `label` names the source in folder-level messages; `problems` are the source's own
/// (an importer's notes and unreadable records), reported with the loader's.
pub fn load_discovered(
    label: &str,
    config: Config,
    found: &Discovered,
    problems: Vec<Problem>,
    opts: &LoadOptions,
) -> Result<Loaded, LoadError> {
    let mut loader = Loader::new(&config, opts);
    loader.problems = problems;
    loader.data.summary.ignored_files = found.ignored.clone();
    for (path, why) in &found.warnings {
        loader.note(path, 0, 0, "unreadable", why.clone());
    }
    for f in &found.ignored {
        loader.note(f, 0, 0, "ignored-file", "not a table of the data-folder contract (accounts, posts, follows, groups, memberships, presence, ratings); ignored".to_string());
    }
    if !found.tables.contains_key(&TableKind::Posts) {
        loader.problems.push(Problem {
            file: label.to_string(),
            line: 0,
            column: 0,
            level: Level::Error,
            kind: "no-posts",
            message: "no posts table: expected posts.csv, posts.jsonl (optionally .gz) or a posts/ folder, or [tables.posts] path in honeycomb.toml, or a known export (X/Twitter archive, Mastodon archive)".into(),
        });
    }
    loader.run(found);
    let (data, problems, timings) = loader.finish()?;
    Ok(Loaded {
        data,
        config,
        problems,
        timings,
    })
}

/// Per-table column positions: `idx[c]` is the file column of canonical column `c`.
#[derive(Debug, Clone)]
struct Cols {
    idx: Vec<Option<usize>>,
    /// Ids written as floats are read as whole numbers (`float_ids` in the mapping).
    float_ids: bool,
    extras: Vec<(usize, String)>,
    n_fields: usize,
}

/// Resolves the header against the table's canonical columns and the mapping.
fn map_header(
    kind: TableKind,
    h: &Header,
    mapping: Option<&TableMapping>,
    rel: &str,
) -> Result<Cols, Problem> {
    let err = |col: u64, msg: String| Problem {
        file: rel.into(),
        line: 1,
        column: col,
        level: Level::Error,
        kind: "bad-header",
        message: msg,
    };
    for (i, n) in h.names.iter().enumerate() {
        if let Some(j) = h.names[..i].iter().position(|m| m == n) {
            return Err(err(
                i as u64 + 1,
                format!(
                    "duplicate column name {}: also column {}",
                    show_value(n),
                    j + 1
                ),
            ));
        }
    }
    let canon = kind.columns();
    let mut idx = vec![None; canon.len()];
    let mut used = vec![false; h.names.len()];
    for (c, name) in canon.iter().enumerate() {
        let src = mapping.and_then(|m| m.columns.get(*name));
        let want = src.map_or(*name, |s| s.as_str());
        let find = |want: &str| {
            h.names
                .iter()
                .position(|n| n == want)
                .or_else(|| h.names.iter().position(|n| n.eq_ignore_ascii_case(want)))
        };
        let mut pos = find(want);
        if pos.is_none()
            && src.is_none()
            && let Some(cands) = mapping.and_then(|m| m.fallback_columns.get(*name))
        {
            pos = cands.iter().filter_map(|c| find(c)).find(|p| !used[*p]);
        }
        match (pos, src) {
            (Some(p), _) => {
                idx[c] = Some(p);
                used[p] = true;
            }
            (None, Some(s)) => {
                return Err(err(
                    0,
                    format!(
                        "[tables.{}] maps `{name}` to column {}, which is not in the header: found {}",
                        kind.name(),
                        show_value(s),
                        h.names.join(", ")
                    ),
                ));
            }
            (None, None) => {}
        }
    }
    let missing: Vec<&str> = kind
        .required()
        .iter()
        .copied()
        .filter(|r| idx[canon.iter().position(|c| c == r).unwrap_or(0)].is_none())
        .collect();
    if !missing.is_empty() {
        return Err(err(
            0,
            format!(
                "missing required column(s) {}: the header has {}; rename them or map them in {CONFIG_FILE} with [tables.{}] columns = {{ {} = \"…\" }}",
                missing
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                if h.names.is_empty() {
                    "no columns".to_string()
                } else {
                    h.names
                        .iter()
                        .map(|n| show_value(n))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
                kind.name(),
                missing[0]
            ) + &delimiter_hint(kind, h),
        ));
    }
    let extras = h
        .names
        .iter()
        .enumerate()
        .filter(|(i, n)| !used[*i] && !n.is_empty())
        .map(|(i, n)| (i, n.clone()))
        .collect();
    Ok(Cols {
        idx,
        float_ids: mapping.and_then(|m| m.float_ids).unwrap_or(false),
        extras,
        n_fields: h.names.len(),
    })
}

/// A hint when a one-column header looks separated by something other than the delimiter.
fn delimiter_hint(kind: TableKind, h: &Header) -> String {
    match h.names.as_slice() {
        [only] => [';', '\t', '|']
            .into_iter()
            .find(|d| only.contains(*d))
            .map(|d| {
                let shown = if d == '\t' { "\\t".to_string() } else { d.to_string() };
                format!(" (the header looks separated by `{shown}`: set delimiter = \"{shown}\" in [tables.{}])", kind.name())
            })
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Canonical column positions, per table, in the order of `TableKind::columns`.
mod c {
    pub mod account {
        pub const ID: usize = 0;
        pub const HANDLE: usize = 1;
        pub const PLATFORM: usize = 2;
        pub const DISPLAY_NAME: usize = 3;
        pub const BIO: usize = 4;
        pub const LOCATION: usize = 5;
        pub const URL: usize = 6;
        pub const AVATAR: usize = 7;
        pub const CREATED_AT: usize = 8;
        pub const FOLLOWERS: usize = 9;
        pub const FOLLOWING: usize = 10;
        pub const VERIFIED: usize = 11;
        pub const LANG: usize = 12;
    }
    pub mod post {
        pub const ID: usize = 0;
        pub const AUTHOR: usize = 1;
        pub const CREATED_AT: usize = 2;
        pub const TEXT: usize = 3;
        pub const PLATFORM: usize = 4;
        pub const REPLY_TO: usize = 5;
        pub const REPOST_OF: usize = 6;
        pub const QUOTE_OF: usize = 7;
        pub const MENTIONS: usize = 8;
        pub const HASHTAGS: usize = 9;
        pub const URLS: usize = 10;
        pub const LANG: usize = 11;
        pub const LIKES: usize = 12;
        pub const REPOSTS: usize = 13;
        pub const REPLIES: usize = 14;
        pub const VIEWS: usize = 15;
        pub const MEDIA: usize = 16;
        pub const CREDIT: usize = 17;
        pub const LICENSE: usize = 18;
        pub const LOCATION: usize = 19;
    }
    pub mod follow {
        pub const SOURCE: usize = 0;
        pub const TARGET: usize = 1;
        pub const CREATED_AT: usize = 2;
        pub const KIND: usize = 3;
        pub const WEIGHT: usize = 4;
    }
    pub mod group {
        pub const ID: usize = 0;
        pub const NAME: usize = 1;
        pub const PLATFORM: usize = 2;
        pub const CREATED_AT: usize = 3;
        pub const DESCRIPTION: usize = 4;
        pub const VISIBILITY: usize = 5;
    }
    pub mod membership {
        pub const GROUP: usize = 0;
        pub const ACCOUNT: usize = 1;
        pub const JOINED_AT: usize = 2;
        pub const LEFT_AT: usize = 3;
        pub const ROLE: usize = 4;
    }
    pub mod presence {
        pub const ACCOUNT: usize = 0;
        pub const AT: usize = 1;
        pub const STATUS: usize = 2;
        pub const LOCATION: usize = 3;
        pub const DURATION_S: usize = 4;
    }
    pub mod rating {
        pub const POST: usize = 0;
        pub const RATER: usize = 1;
        pub const SCORE: usize = 2;
        pub const CREATED_AT: usize = 3;
        pub const KIND: usize = 4;
    }
}

/// Keeps `v[i]` where `keep[i]` (an index past `keep` is kept).
fn retain_by<T>(v: &mut Vec<T>, keep: &[bool]) {
    let mut i = 0;
    v.retain(|_| {
        i += 1;
        keep.get(i - 1).copied().unwrap_or(true)
    });
}

/// Marker for an account reference that was not found among declared accounts; the name
/// is kept in the row's `unknown` list and resolved to an implicit account afterwards.
const UNKNOWN: u32 = u32::MAX;

/// Per-row reading helpers that record problems with their column.
struct Row<'r, 'a> {
    raw: &'r RawRow<'a>,
    cols: &'r Cols,
    kind: TableKind,
    rel: &'r str,
    problems: &'r mut Vec<Problem>,
    bad: bool,
    pending: Vec<(u8, Box<str>)>,
}

impl<'r, 'a> Row<'r, 'a> {
    fn name(&self, c: usize) -> &'static str {
        self.kind.columns()[c]
    }

    /// Trimmed, non-empty value of canonical column `c`.
    fn get(&self, c: usize) -> Option<&'a str> {
        let i = self.cols.idx[c]?;
        let v = self.raw.field(i)?.trim();
        (!v.is_empty()).then_some(v)
    }

    fn err(&mut self, c: usize, kind: &'static str, message: String) {
        let column = self.cols.idx[c].map_or(0, |i| self.raw.column(i));
        self.problems.push(Problem {
            file: self.rel.into(),
            line: self.raw.line,
            column,
            level: Level::Error,
            kind,
            message,
        });
        self.bad = true;
    }

    fn required(&mut self, c: usize) -> &'a str {
        match self.get(c) {
            Some(v) => v,
            None => {
                let n = self.name(c);
                self.err(
                    c,
                    "missing-value",
                    format!("empty `{n}`: a value is required"),
                );
                ""
            }
        }
    }

    fn text(&self, c: usize) -> Option<Box<str>> {
        self.get(c).map(Box::from)
    }

    fn uint(&mut self, c: usize) -> Option<u64> {
        let v = self.get(c)?;
        // Exports often write counts as `12.0`.
        let t = v.strip_suffix(".0").unwrap_or(v);
        match t.parse::<u64>() {
            Ok(n) => Some(n),
            Err(_) => {
                let n = self.name(c);
                self.err(
                    c,
                    "bad-number",
                    format!("`{n}` is {}: expected a whole number ≥ 0", show_value(v)),
                );
                None
            }
        }
    }

    /// A count, saturating at `u32::MAX`.
    fn count(&mut self, c: usize) -> Option<u32> {
        self.uint(c).map(|v| v.min(u32::MAX as u64) as u32)
    }

    fn float(&mut self, c: usize) -> Option<f64> {
        let v = self.get(c)?;
        match v.parse::<f64>() {
            Ok(n) if n.is_finite() => Some(n),
            _ => {
                let n = self.name(c);
                self.err(
                    c,
                    "bad-number",
                    format!("`{n}` is {}: expected a number", show_value(v)),
                );
                None
            }
        }
    }

    fn boolean(&mut self, c: usize) -> Option<bool> {
        let v = self.get(c)?;
        match v.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "y" | "t" => Some(true),
            "false" | "0" | "no" | "n" | "f" => Some(false),
            _ => {
                let n = self.name(c);
                self.err(
                    c,
                    "bad-value",
                    format!("`{n}` is {}: expected true or false", show_value(v)),
                );
                None
            }
        }
    }

    fn time(&mut self, c: usize, p: &TimeParser) -> Option<i64> {
        let v = self.get(c)?;
        match p.parse(v) {
            Ok(t) => Some(t),
            Err(e) => {
                let n = self.name(c);
                self.err(
                    c,
                    "bad-timestamp",
                    format!("`{n}` is {}: {e}", show_value(v)),
                );
                None
            }
        }
    }

    fn required_time(&mut self, c: usize, p: &TimeParser) -> i64 {
        if self.get(c).is_none() {
            self.required(c);
            return 0;
        }
        self.time(c, p).unwrap_or(0)
    }

    fn choice<T: Copy>(&mut self, c: usize, options: &[(&str, T)]) -> Option<T> {
        let v = self.get(c)?;
        match options.iter().find(|(k, _)| k.eq_ignore_ascii_case(v)) {
            Some((_, t)) => Some(*t),
            None => {
                let n = self.name(c);
                let allowed: Vec<&str> = options.iter().map(|o| o.0).collect();
                self.err(
                    c,
                    "bad-value",
                    format!(
                        "`{n}` is {}: expected one of {}",
                        show_value(v),
                        allowed.join(", ")
                    ),
                );
                None
            }
        }
    }

    /// An id as written, or as the whole number a float-looking id stands for when the
    /// mapping says `float_ids`.
    fn id(&self, v: &'a str) -> std::borrow::Cow<'a, str> {
        if self.cols.float_ids {
            float_id(v)
        } else {
            std::borrow::Cow::Borrowed(v)
        }
    }

    /// An account reference: the declared account's index, or `UNKNOWN` with the name kept
    /// in `pending` under `slot`.
    fn account(&mut self, c: usize, slot: u8, accounts: &IdMap) -> u32 {
        let v = self.required(c);
        if v.is_empty() {
            return UNKNOWN;
        }
        let v = &*self.id(v);
        match accounts.get(v) {
            Some(ix) => ix,
            None => {
                self.pending.push((slot, v.into()));
                UNKNOWN
            }
        }
    }
}

/// `119238.0` → `119238`; `1.19238e+05` → `119238` (when exactly a whole number below
/// 2^53); anything else unchanged.
fn float_id(v: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if let Some(t) = v.strip_suffix(".0")
        && !t.is_empty()
        && t.bytes().all(|b| b.is_ascii_digit())
    {
        return Cow::Borrowed(t);
    }
    if v.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'))
        && let Ok(f) = v.parse::<f64>()
        && f.is_finite()
        && f >= 0.0
        && f.fract() == 0.0
        && f < 9_007_199_254_740_992.0
    {
        return Cow::Owned(format!("{}", f as u64));
    }
    Cow::Borrowed(v)
}

/// Pending slots: which reference a pending name stands for.
mod slot {
    /// First account reference of a row (author, source, account, rater).
    pub const ACCOUNT_A: u8 = 0;
    /// Second account reference (follow target).
    pub const ACCOUNT_B: u8 = 1;
    /// `posts.reply_to`.
    pub const REPLY_TO: u8 = 10;
    /// `posts.repost_of`.
    pub const REPOST_OF: u8 = 11;
    /// `posts.quote_of`.
    pub const QUOTE_OF: u8 = 12;
    /// `memberships.group` of a group that is not declared.
    pub const GROUP: u8 = 20;
}

/// A row as parsed, with references still to resolve.
struct Parsed<T> {
    row: T,
    line: u64,
    pending: Vec<(u8, Box<str>)>,
    extras: Vec<Box<str>>,
}

/// One table as read: rows, and what is still to resolve, by row index.
struct TableOut<T> {
    rows: Vec<T>,
    /// Per row (only when kept): `file index << 40 | line`.
    lines: Vec<u64>,
    pending: Vec<(u32, u8, Box<str>)>,
    /// Canonical columns seen in any file (positions in `TableKind::columns`).
    canon: Vec<bool>,
    /// Extra columns seen in any file, in order of first appearance.
    extra_names: Vec<String>,
    /// One vector per extra column, aligned with `rows` ("" where a file lacks it).
    extras: Vec<Vec<Box<str>>>,
    problems: Vec<Problem>,
    /// The table's files, for messages.
    files: Vec<String>,
    /// Per file read: the 1-based column of the id (0 when unknown, as in JSON Lines).
    id_columns: Vec<u64>,
    any_file_read: bool,
}

/// Bits of `TableOut::lines` that hold the line number.
const LINE_BITS: u32 = 40;

impl<T> TableOut<T> {
    fn new(kind: TableKind, files: &[TableFile]) -> Self {
        TableOut {
            rows: Vec::new(),
            lines: Vec::new(),
            pending: Vec::new(),
            canon: vec![false; kind.columns().len()],
            extra_names: Vec::new(),
            extras: Vec::new(),
            problems: Vec::new(),
            files: files.iter().map(|f| f.rel.clone()).collect(),
            id_columns: vec![0; files.len()],
            any_file_read: false,
        }
    }

    /// Registers a file's columns; returns where each of its extra columns goes.
    fn begin_file(&mut self, cols: &Cols, file: usize, csv: bool) -> Vec<usize> {
        self.any_file_read = true;
        if csv
            && let (Some(slot), Some(Some(c))) = (self.id_columns.get_mut(file), cols.idx.first())
        {
            *slot = *c as u64 + 1;
        }
        for (c, i) in cols.idx.iter().enumerate() {
            self.canon[c] |= i.is_some();
        }
        cols.extras
            .iter()
            .map(
                |(_, name)| match self.extra_names.iter().position(|n| n == name) {
                    Some(k) => k,
                    None => {
                        self.extra_names.push(name.clone());
                        self.extras.push(vec![Box::from(""); self.rows.len()]);
                        self.extra_names.len() - 1
                    }
                },
            )
            .collect()
    }

    fn take(&mut self, parsed: &mut Vec<Parsed<T>>, keep_lines: bool, map: &[usize], file: usize) {
        self.rows.reserve(parsed.len());
        let n_extra = self.extras.len();
        for p in parsed.drain(..) {
            let ix = self.rows.len() as u32;
            for (slot, name) in p.pending {
                self.pending.push((ix, slot, name));
            }
            if n_extra > 0 {
                let mut vals: Vec<Option<Box<str>>> = vec![None; n_extra];
                for (j, v) in p.extras.into_iter().enumerate() {
                    if let Some(&k) = map.get(j) {
                        vals[k] = Some(v);
                    }
                }
                for (k, v) in vals.into_iter().enumerate() {
                    self.extras[k].push(v.unwrap_or_else(|| Box::from("")));
                }
            }
            if keep_lines {
                self.lines.push(((file as u64) << LINE_BITS) | p.line);
            }
            self.rows.push(p.row);
        }
    }

    /// Forgets the rows from `start` on (a file is being read again).
    fn truncate(&mut self, start: usize) {
        self.rows.truncate(start);
        self.lines.truncate(start);
        self.pending.retain(|p| (p.0 as usize) < start);
        for c in &mut self.extras {
            c.truncate(start);
        }
    }

    /// `(file, line, id column)` of row `i`, when lines were kept.
    fn place(&self, i: usize) -> (&str, u64, u64) {
        let v = self.lines.get(i).copied().unwrap_or(0);
        let f = (v >> LINE_BITS) as usize;
        (
            self.files.get(f).map_or("?", |s| s.as_str()),
            v & ((1 << LINE_BITS) - 1),
            self.id_columns.get(f).copied().unwrap_or(0),
        )
    }

    /// The first file, for table-level notes.
    fn first_file(&self, kind: TableKind) -> String {
        self.files
            .first()
            .cloned()
            .unwrap_or_else(|| kind.name().to_string())
    }

    /// Canonical and extra column names, when any file was read.
    fn columns(&self, kind: TableKind) -> Option<(Vec<String>, Vec<String>)> {
        self.any_file_read.then(|| {
            let canon = kind
                .columns()
                .iter()
                .zip(&self.canon)
                .filter(|(_, s)| **s)
                .map(|(n, _)| n.to_string())
                .collect();
            (canon, self.extra_names.clone())
        })
    }
}

struct Loader<'c> {
    config: &'c Config,
    opts: &'c LoadOptions,
    data: Dataset,
    problems: Vec<Problem>,
    timings: Vec<(String, std::time::Duration)>,
}

type RowFn<'x, T> = dyn Fn(&mut Row<'_, '_>) -> Option<T> + Sync + 'x;

fn parse_row<T>(
    kind: TableKind,
    rel: &str,
    cols: &Cols,
    raw: &RawRow<'_>,
    probs: &mut Vec<Problem>,
    f: &RowFn<'_, T>,
) -> Option<Parsed<T>> {
    let mut r = Row {
        raw,
        cols,
        kind,
        rel,
        problems: probs,
        bad: false,
        pending: Vec::new(),
    };
    let t = f(&mut r);
    if r.bad {
        return None;
    }
    let pending = std::mem::take(&mut r.pending);
    let extras = cols
        .extras
        .iter()
        .map(|(i, _)| raw.field(*i).unwrap_or("").into())
        .collect();
    t.map(|row| Parsed {
        row,
        line: raw.line,
        pending,
        extras,
    })
}

impl<'c> Loader<'c> {
    fn new(config: &'c Config, opts: &'c LoadOptions) -> Self {
        Loader {
            config,
            opts,
            data: Dataset::default(),
            problems: Vec::new(),
            timings: Vec::new(),
        }
    }

    fn note(&mut self, file: &str, line: u64, column: u64, kind: &'static str, message: String) {
        self.problems.push(Problem {
            file: file.into(),
            line,
            column,
            level: Level::Note,
            kind,
            message,
        });
    }

    fn parser(&self, kind: TableKind, column: &str) -> TimeParser {
        TimeParser {
            tz: self.config.time_zone(),
            format: self
                .config
                .tables
                .get(kind.name())
                .and_then(|m| m.time_format(column))
                .map(String::from),
        }
    }

    /// Reads every file of one table through `f`, in file order. Files of one table may
    /// have different columns: extra columns are aligned by name.
    fn read_table<T: Send>(
        &self,
        kind: TableKind,
        files: &[TableFile],
        keep_lines: bool,
        f: &RowFn<'_, T>,
    ) -> TableOut<T> {
        let mapping = self.config.tables.get(kind.name());
        let delimiter = mapping
            .and_then(|m| m.delimiter.as_deref())
            .and_then(|d| d.bytes().next())
            .unwrap_or(b',');
        let mut out = TableOut::new(kind, files);
        for (file_ix, file) in files.iter().enumerate() {
            let rel = file.rel.as_str();
            if read::is_jsonl(file) {
                let bytes = match read::read_bytes(file) {
                    Ok(b) => b,
                    Err(p) => {
                        out.problems.push(p);
                        continue;
                    }
                };
                let cell = std::cell::RefCell::new(None::<Cols>);
                let mapped = |h: &Header| {
                    let c = map_header(kind, h, mapping, rel)?;
                    *cell.borrow_mut() = Some(c);
                    Ok(())
                };
                let fr = |raw: &RawRow<'_>, probs: &mut Vec<Problem>| {
                    let cols = cell.borrow();
                    parse_row(kind, rel, cols.as_ref()?, raw, probs, f)
                };
                match read::jsonl_rows(&bytes, rel, &mapped, &fr) {
                    Ok((mut rows, p)) => {
                        let map = cell
                            .borrow()
                            .as_ref()
                            .map(|c| out.begin_file(c, file_ix, false))
                            .unwrap_or_default();
                        out.take(&mut rows, keep_lines, &map, file_ix);
                        out.problems.extend(p);
                    }
                    Err(p) => out.problems.push(p),
                }
            } else {
                let open = || read::open(file);
                let start = out.rows.len();
                let mut problems = Vec::new();
                let size = if let Some(d) = &file.data {
                    Some(d.len() as u64)
                } else if file.gz {
                    None
                } else {
                    std::fs::metadata(&file.path).ok().map(|m| m.len())
                };
                // Shared by the header callback and the sink (which runs beside the parser).
                let out_cell = std::sync::Mutex::new(&mut out);
                let map_cell = std::sync::Mutex::new(Vec::<usize>::new());
                let mut on_header = |h: &Header| -> Result<(Cols, usize), Problem> {
                    let c = map_header(kind, h, mapping, rel)?;
                    let map = out_cell
                        .lock()
                        .map(|mut o| o.begin_file(&c, file_ix, true))
                        .unwrap_or_default();
                    if let Ok(mut m) = map_cell.lock() {
                        *m = map;
                    }
                    let n = c.n_fields;
                    Ok((c, n))
                };
                let row = |cols: &Cols, raw: &RawRow<'_>, probs: &mut Vec<Problem>| {
                    parse_row(kind, rel, cols, raw, probs, f)
                };
                let mut sink = |rows: Option<&mut Vec<Parsed<T>>>, fraction: f64| {
                    let (Ok(mut o), Ok(map)) = (out_cell.lock(), map_cell.lock()) else {
                        return;
                    };
                    match rows {
                        Some(rows) => {
                            // Reserve the whole table once its size can be estimated, so the
                            // row vector does not grow by doubling (which needs twice the memory).
                            if fraction > 0.0 && o.rows.capacity() == o.rows.len() {
                                let so_far = (o.rows.len() - start + rows.len()) as f64;
                                let est = (so_far / fraction * 1.02) as usize + 16;
                                let extra = est.saturating_sub(o.rows.len());
                                o.rows.reserve_exact(extra);
                                if keep_lines {
                                    o.lines.reserve_exact(extra);
                                }
                            }
                            o.take(rows, keep_lines, &map, file_ix)
                        }
                        None => o.truncate(start),
                    }
                };
                let result = read::csv_table(
                    &open,
                    size,
                    rel,
                    delimiter,
                    &mut on_header,
                    &row,
                    &mut sink,
                    &mut problems,
                );
                out.problems.extend(problems);
                if let Err(p) = result {
                    out.problems.push(p);
                }
            }
        }
        // Pad extra columns that appeared after some rows were taken.
        for c in &mut out.extras {
            c.resize(out.rows.len(), Box::from(""));
        }
        out
    }

    fn run(&mut self, found: &Discovered) {
        let files = |k: TableKind| found.tables.get(&k).map(Vec::as_slice).unwrap_or(&[]);
        for (k, fs) in &found.tables {
            self.data
                .summary
                .files
                .insert(k.name().into(), fs.iter().map(|f| f.rel.clone()).collect());
        }

        // 1. Tables that define ids: accounts and groups.
        let acc_ts = self.parser(TableKind::Accounts, "created_at");
        let accounts_fn = |r: &mut Row<'_, '_>| -> Option<Account> {
            use c::account::*;
            let id = r.required(ID);
            Some(Account {
                id: id.into(),
                handle: r.get(HANDLE).map(|h| h.trim_start_matches('@').into()),
                platform: r.get(PLATFORM).map(|p| p.to_lowercase().into()),
                display_name: r.text(DISPLAY_NAME),
                bio: r.text(BIO),
                location: r.text(LOCATION),
                url: r.text(URL),
                avatar: r.text(AVATAR),
                created_at: r.time(CREATED_AT, &acc_ts),
                followers: r.uint(FOLLOWERS),
                following: r.uint(FOLLOWING),
                verified: r.boolean(VERIFIED),
                lang: r.text(LANG),
                declared: true,
            })
        };
        let grp_ts = self.parser(TableKind::Groups, "created_at");
        let groups_fn = |r: &mut Row<'_, '_>| -> Option<Group> {
            use c::group::*;
            Some(Group {
                id: r.required(ID).into(),
                name: r.text(NAME),
                platform: r.get(PLATFORM).map(|p| p.to_lowercase().into()),
                created_at: r.time(CREATED_AT, &grp_ts),
                description: r.text(DESCRIPTION),
                visibility: r.get(VISIBILITY).map(|v| v.to_lowercase().into()),
            })
        };
        let mut clock = std::time::Instant::now();
        let mut lap = |this: &mut Self, name: &str| {
            this.timings.push((name.to_string(), clock.elapsed()));
            clock = std::time::Instant::now();
        };
        let (accs, grps) = rayon::join(
            || {
                self.read_table(
                    TableKind::Accounts,
                    files(TableKind::Accounts),
                    true,
                    &accounts_fn,
                )
            },
            || {
                self.read_table(
                    TableKind::Groups,
                    files(TableKind::Groups),
                    true,
                    &groups_fn,
                )
            },
        );
        let account_map =
            self.keep_unique(TableKind::Accounts, accs, |d| &mut d.accounts, |a| &a.id);
        let group_map = self.keep_unique(TableKind::Groups, grps, |d| &mut d.groups, |g| &g.id);

        // 2. Posts, follows, memberships, presence.
        let post_ts = self.parser(TableKind::Posts, "created_at");
        let posts_fn = |r: &mut Row<'_, '_>| -> Option<Post> {
            use c::post::*;
            let id = r.required(ID);
            let id = r.id(id);
            let id = &*id;
            let author = r.account(AUTHOR, slot::ACCOUNT_A, &account_map);
            let created_at = r.required_time(CREATED_AT, &post_ts);
            let text: Box<str> = r.get(TEXT).unwrap_or("").into();
            for (s, col) in [
                (slot::REPLY_TO, REPLY_TO),
                (slot::REPOST_OF, REPOST_OF),
                (slot::QUOTE_OF, QUOTE_OF),
            ] {
                if let Some(v) = r.get(col) {
                    let v = &*r.id(v);
                    if v == id {
                        let n = r.name(col);
                        r.err(
                            col,
                            "self-reference",
                            format!(
                                "`{n}` is {}, the post's own id: a post cannot refer to itself",
                                show_value(v)
                            ),
                        );
                    }
                    r.pending.push((s, v.into()));
                }
            }
            let list = |r: &Row<'_, '_>,
                        col: usize,
                        lower: bool,
                        extract: fn(&str) -> Vec<Box<str>>|
             -> Vec<Box<str>> {
                if r.cols.idx[col].is_some() {
                    text::split_list(r.get(col).unwrap_or(""), lower)
                } else {
                    extract(&text)
                }
            };
            let mentions = list(r, MENTIONS, true, text::mentions);
            let hashtags = list(r, HASHTAGS, true, text::hashtags);
            let urls = list(r, URLS, false, text::urls);
            let details = PostDetails {
                platform: r.get(PLATFORM).map(|p| p.to_lowercase().into()),
                lang: r.text(LANG),
                views: r.uint(VIEWS),
                media: r.text(MEDIA),
                credit: r.text(CREDIT),
                license: r.text(LICENSE),
                location: r.text(LOCATION),
            };
            let mut post = Post {
                id: id.into(),
                author,
                created_at,
                likes: r.count(LIKES),
                reposts: r.count(REPOSTS),
                replies: r.count(REPLIES),
                details: (!details.is_empty()).then(|| Box::new(details)),
                text,
                ..Post::default()
            };
            post.set_entities(mentions, hashtags, urls);
            Some(post)
        };
        let fol_ts = self.parser(TableKind::Follows, "created_at");
        let follows_fn = |r: &mut Row<'_, '_>| -> Option<Follow> {
            use c::follow::*;
            let source = r.account(SOURCE, slot::ACCOUNT_A, &account_map);
            let target = r.account(TARGET, slot::ACCOUNT_B, &account_map);
            let weight = r.float(WEIGHT).unwrap_or(1.0);
            if weight < 0.0 {
                r.err(
                    WEIGHT,
                    "bad-number",
                    format!("`weight` is {weight}: expected a number ≥ 0"),
                );
            }
            Some(Follow {
                source,
                target,
                created_at: r.time(CREATED_AT, &fol_ts).unwrap_or(NO_TIME),
                kind: r
                    .choice(
                        KIND,
                        &[
                            ("follow", FollowKind::Follow),
                            ("friend", FollowKind::Friend),
                        ],
                    )
                    .unwrap_or_default(),
                weight: weight as f32,
            })
        };
        let mem_j = self.parser(TableKind::Memberships, "joined_at");
        let mem_l = self.parser(TableKind::Memberships, "left_at");
        let memberships_fn = |r: &mut Row<'_, '_>| -> Option<Membership> {
            use c::membership::*;
            let g = r.required(GROUP);
            let group = match group_map.get(g) {
                Some(ix) => ix,
                None => {
                    r.pending.push((slot::GROUP, g.into()));
                    UNKNOWN
                }
            };
            let account = r.account(ACCOUNT, slot::ACCOUNT_A, &account_map);
            let joined_at = r.time(JOINED_AT, &mem_j);
            let left_at = r.time(LEFT_AT, &mem_l);
            if let (Some(j), Some(l)) = (joined_at, left_at)
                && l < j
            {
                r.err(
                    LEFT_AT,
                    "bad-timestamp",
                    "`left_at` lies before `joined_at`: expected a later time".into(),
                );
            }
            Some(Membership {
                group,
                account,
                joined_at,
                left_at,
                role: r
                    .choice(
                        ROLE,
                        &[
                            ("member", Role::Member),
                            ("moderator", Role::Moderator),
                            ("admin", Role::Admin),
                        ],
                    )
                    .unwrap_or_default(),
            })
        };
        let pre_ts = self.parser(TableKind::Presence, "at");
        let presence_fn = |r: &mut Row<'_, '_>| -> Option<PresenceRecord> {
            use c::presence::*;
            let account = r.account(ACCOUNT, slot::ACCOUNT_A, &account_map);
            let at = r.required_time(AT, &pre_ts);
            let duration_s = r.uint(DURATION_S);
            if duration_s.is_some_and(|d| d > u32::MAX as u64) {
                r.err(
                    DURATION_S,
                    "bad-number",
                    "`duration_s` is too large: expected at most 4294967295 seconds".into(),
                );
            }
            Some(PresenceRecord {
                account,
                at,
                status: r
                    .choice(
                        STATUS,
                        &[
                            ("online", Status::Online),
                            ("away", Status::Away),
                            ("offline", Status::Offline),
                        ],
                    )
                    .unwrap_or_default(),
                location: r.text(LOCATION),
                duration_s: duration_s.map(|d| d as u32),
            })
        };
        // One table after another: each is parsed on all cores already, and reading them
        // one at a time keeps only one table's read buffers and parsed blocks in memory.
        lap(self, "accounts+groups");
        let mut posts = self.read_table(TableKind::Posts, files(TableKind::Posts), true, &posts_fn);
        lap(self, "read posts");
        let follows = self.read_table(
            TableKind::Follows,
            files(TableKind::Follows),
            false,
            &follows_fn,
        );
        let memberships = self.read_table(
            TableKind::Memberships,
            files(TableKind::Memberships),
            false,
            &memberships_fn,
        );
        let presence = self.read_table(
            TableKind::Presence,
            files(TableKind::Presence),
            false,
            &presence_fn,
        );

        lap(self, "read follows, memberships, presence");
        // 3. Posts: ids, then references between posts.
        self.absorb(TableKind::Posts, &mut posts);
        let post_file = posts.first_file(TableKind::Posts);
        self.data.posts = std::mem::take(&mut posts.rows);
        let mut keep = vec![true; self.data.posts.len()];
        let (mut post_map, dups) = IdMap::from_ids(self.data.posts.iter().map(|p| &*p.id));
        for (i, first) in dups {
            let i = i as usize;
            keep[i] = false;
            let id = self.data.posts[i].id.clone();
            self.dup(posts.place(i), &id, posts.place(first as usize));
        }
        let mut implicit: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut dangling = [0u64; 3];
        for (row, s, name) in std::mem::take(&mut posts.pending) {
            let i = row as usize;
            if !keep[i] {
                // A duplicate that is left out adds no account and no dangling reference.
                continue;
            }
            if s == slot::ACCOUNT_A {
                let ix = self.implicit_account(&mut implicit, name);
                self.data.posts[i].author = ix;
                continue;
            }
            let k = (s - slot::REPLY_TO) as usize;
            let target = post_map.get(&name);
            let p = &mut self.data.posts[i];
            match (k, target) {
                (0, Some(t)) => p.reply_to = Some(t),
                (1, Some(t)) => p.repost_of = Some(t),
                (_, Some(t)) => p.quote_of = Some(t),
                (0, None) => p.flags |= post_flags::DANGLING_REPLY,
                (1, None) => p.flags |= post_flags::DANGLING_REPOST,
                (_, None) => p.flags |= post_flags::DANGLING_QUOTE,
            }
            if target.is_none() {
                dangling[k.min(2)] += 1;
            }
        }
        for (k, name) in ["posts.reply_to", "posts.repost_of", "posts.quote_of"]
            .iter()
            .enumerate()
        {
            if dangling[k] > 0 {
                self.data
                    .summary
                    .dangling
                    .insert(name.to_string(), dangling[k]);
                let what = ["replies to", "reposts of", "quotes of"][k];
                self.note(&post_file, 0, 0, "dangling-reference", format!("{} {what} posts that are not in the data: kept, counted as dangling references", dangling[k]));
            }
        }
        if keep.iter().any(|k| !k) {
            self.drop_posts(&keep);
            post_map = IdMap::from_ids(self.data.posts.iter().map(|p| &*p.id)).0;
        }
        drop(posts);

        lap(self, "resolve posts");
        // 4. Ratings need the post ids: read them now.
        let rat_ts = self.parser(TableKind::Ratings, "created_at");
        let ratings_fn = |r: &mut Row<'_, '_>| -> Option<Rating> {
            use c::rating::*;
            let post_id = r.required(POST);
            let rater = r.account(RATER, slot::ACCOUNT_A, &account_map);
            let score = match r.get(SCORE) {
                Some(_) => r.float(SCORE).unwrap_or(0.0),
                None => {
                    r.required(SCORE);
                    0.0
                }
            };
            let post = match post_map.get(post_id) {
                Some(ix) => ix,
                None => {
                    r.pending.push((slot::REPLY_TO, post_id.into()));
                    UNKNOWN
                }
            };
            Some(Rating {
                post,
                rater,
                score: score as f32,
                created_at: r.time(CREATED_AT, &rat_ts).unwrap_or(NO_TIME),
                kind: r
                    .choice(
                        KIND,
                        &[
                            ("like", RatingKind::Like),
                            ("star", RatingKind::Star),
                            ("up", RatingKind::Up),
                            ("down", RatingKind::Down),
                        ],
                    )
                    .unwrap_or_default(),
            })
        };
        let ratings = self.read_table(
            TableKind::Ratings,
            files(TableKind::Ratings),
            false,
            &ratings_fn,
        );
        drop(account_map);
        drop(group_map);

        lap(self, "read ratings");
        // 5. Implicit accounts, in table order: follows, memberships, presence, ratings.
        let mut follows = follows;
        self.absorb(TableKind::Follows, &mut follows);
        for (row, s, name) in std::mem::take(&mut follows.pending) {
            let ix = self.implicit_account(&mut implicit, name);
            let f = &mut follows.rows[row as usize];
            if s == slot::ACCOUNT_A {
                f.source = ix;
            } else {
                f.target = ix;
            }
        }
        self.data.follows = std::mem::take(&mut follows.rows);

        let mut memberships = memberships;
        self.absorb(TableKind::Memberships, &mut memberships);
        let groups_declared = found.tables.contains_key(&TableKind::Groups);
        let mut implicit_groups: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut dangling_groups = 0u64;
        for (row, s, name) in std::mem::take(&mut memberships.pending) {
            let m = &mut memberships.rows[row as usize];
            if s == slot::GROUP {
                if groups_declared {
                    dangling_groups += 1;
                }
                let n = self.data.groups.len() as u32;
                m.group = *implicit_groups.entry(name.clone()).or_insert(n);
                if m.group == n {
                    self.data.groups.push(Group {
                        id: name,
                        ..Group::default()
                    });
                }
            } else {
                let ix = self.implicit_account(&mut implicit, name);
                memberships.rows[row as usize].account = ix;
            }
        }
        self.data.memberships = std::mem::take(&mut memberships.rows);
        if dangling_groups > 0 {
            self.data
                .summary
                .dangling
                .insert("memberships.group".into(), dangling_groups);
            self.note(&memberships.first_file(TableKind::Memberships), 0, 0, "dangling-reference", format!("{dangling_groups} memberships of groups that are not in the groups table: the groups were added by id"));
        }

        let mut presence = presence;
        self.absorb(TableKind::Presence, &mut presence);
        for (row, _, name) in std::mem::take(&mut presence.pending) {
            let ix = self.implicit_account(&mut implicit, name);
            presence.rows[row as usize].account = ix;
        }
        self.data.presence = std::mem::take(&mut presence.rows);

        let mut ratings = ratings;
        self.absorb(TableKind::Ratings, &mut ratings);
        let mut keep_rating = vec![true; ratings.rows.len()];
        let mut dangling_ratings = 0u64;
        let pending = std::mem::take(&mut ratings.pending);
        // First which ratings are left out (their post is missing), then the raters of the
        // others: a rating that is left out adds no account.
        for (row, s, _) in &pending {
            if *s == slot::REPLY_TO && keep_rating[*row as usize] {
                keep_rating[*row as usize] = false;
                dangling_ratings += 1;
            }
        }
        for (row, s, name) in pending {
            if s != slot::REPLY_TO && keep_rating[row as usize] {
                let ix = self.implicit_account(&mut implicit, name);
                ratings.rows[row as usize].rater = ix;
            }
        }
        retain_by(&mut ratings.rows, &keep_rating);
        self.retain_extras(TableKind::Ratings, &keep_rating);
        self.data.ratings = std::mem::take(&mut ratings.rows);
        if dangling_ratings > 0 {
            self.data
                .summary
                .dangling
                .insert("ratings.post".into(), dangling_ratings);
            self.note(
                &ratings.first_file(TableKind::Ratings),
                0,
                0,
                "dangling-reference",
                format!("{dangling_ratings} ratings of posts that are not in the data: left out"),
            );
        }

        lap(self, "resolve the rest");
        let declared = found.tables.contains_key(&TableKind::Accounts);
        self.data.summary.implicit_accounts = implicit.len() as u64;
        if declared && !implicit.is_empty() {
            let file = files(TableKind::Accounts)
                .first()
                .map_or("accounts", |f| f.rel.as_str())
                .to_string();
            self.note(&file, 0, 0, "dangling-reference", format!(
                "{} accounts are referenced (as authors, followers, members, raters) but not in the accounts table: added without profile",
                implicit.len()
            ));
        }
        for (k, n) in [
            (
                TableKind::Accounts,
                self.data.accounts.iter().filter(|a| a.declared).count(),
            ),
            (TableKind::Posts, self.data.posts.len()),
            (TableKind::Follows, self.data.follows.len()),
            (TableKind::Groups, self.data.groups.len()),
            (TableKind::Memberships, self.data.memberships.len()),
            (TableKind::Presence, self.data.presence.len()),
            (TableKind::Ratings, self.data.ratings.len()),
        ] {
            if self.data.has_table(k) {
                self.data.summary.rows.insert(k.name().into(), n as u64);
            }
        }
    }

    /// Moves an id-defining table into the dataset, reporting duplicate ids; returns the
    /// id map.
    fn keep_unique<T>(
        &mut self,
        kind: TableKind,
        mut out: TableOut<T>,
        vec: impl Fn(&mut Dataset) -> &mut Vec<T>,
        id: impl Fn(&T) -> &str,
    ) -> IdMap {
        self.absorb(kind, &mut out);
        let (_, dups) = IdMap::from_ids(out.rows.iter().map(&id));
        let mut keep = vec![true; out.rows.len()];
        for &(i, first) in &dups {
            keep[i as usize] = false;
            let dup_id = id(&out.rows[i as usize]).to_string();
            self.dup(out.place(i as usize), &dup_id, out.place(first as usize));
        }
        let mut kept = std::mem::take(&mut out.rows);
        if !dups.is_empty() {
            retain_by(&mut kept, &keep);
            self.retain_extras(kind, &keep);
        }
        let map = IdMap::from_ids(kept.iter().map(&id)).0;
        *vec(&mut self.data) = kept;
        map
    }

    fn implicit_account(&mut self, implicit: &mut FxHashMap<Box<str>, u32>, name: Box<str>) -> u32 {
        if let Some(&ix) = implicit.get(&name) {
            return ix;
        }
        let ix = self.data.accounts.len() as u32;
        self.data.accounts.push(Account {
            id: name.clone(),
            declared: false,
            ..Account::default()
        });
        implicit.insert(name, ix);
        ix
    }

    fn dup(
        &mut self,
        (file, line, column): (&str, u64, u64),
        id: &str,
        (first_file, first_line, _): (&str, u64, u64),
    ) {
        let place = if first_file == file {
            format!("line {first_line}")
        } else {
            format!("{first_file}:{first_line}")
        };
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            column,
            level: Level::Error,
            kind: "duplicate-id",
            message: format!(
                "duplicate id {}: already defined at {place}; expected each id once",
                show_value(id)
            ),
        });
    }

    /// Removes posts (duplicates skipped under `--lenient`) and renumbers references.
    fn drop_posts(&mut self, keep: &[bool]) {
        let mut new_ix = vec![u32::MAX; keep.len()];
        let mut n = 0u32;
        for (i, &k) in keep.iter().enumerate() {
            if k {
                new_ix[i] = n;
                n += 1;
            }
        }
        retain_by(&mut self.data.posts, keep);
        self.retain_extras(TableKind::Posts, keep);
        let fix = |r: &mut Option<u32>| {
            if let Some(x) = *r {
                let y = new_ix[x as usize];
                *r = (y != u32::MAX).then_some(y);
            }
        };
        for p in &mut self.data.posts {
            fix(&mut p.reply_to);
            fix(&mut p.repost_of);
            fix(&mut p.quote_of);
        }
    }

    /// Takes a table's problems, its columns and its extra fields into the dataset.
    fn absorb<T>(&mut self, kind: TableKind, out: &mut TableOut<T>) {
        self.problems.append(&mut out.problems);
        if let Some((canon, extras)) = out.columns(kind) {
            if !extras.is_empty() {
                self.data
                    .summary
                    .extra_columns
                    .insert(kind.name().into(), extras.clone());
                self.data.extras.insert(
                    kind,
                    ExtraColumns {
                        names: extras,
                        values: std::mem::take(&mut out.extras),
                    },
                );
            }
            self.data.columns.insert(kind, canon);
        }
    }

    /// Keeps the extra fields of the rows that are kept.
    fn retain_extras(&mut self, kind: TableKind, keep: &[bool]) {
        if let Some(ex) = self.data.extras.get_mut(&kind) {
            for col in &mut ex.values {
                retain_by(col, keep);
            }
        }
    }

    /// The dataset, the problems kept (sorted) and the step timings; or all problems when
    /// the data has errors (any, without `--lenient`; file-level ones always).
    #[allow(clippy::type_complexity)]
    fn finish(
        mut self,
    ) -> Result<(Dataset, Vec<Problem>, Vec<(String, std::time::Duration)>), LoadError> {
        self.problems.sort();
        let errors = self
            .problems
            .iter()
            .filter(|p| p.level == Level::Error)
            .count();
        let fatal_file_level = self
            .problems
            .iter()
            .any(|p| p.level == Level::Error && (p.line == 0 || p.kind == "bad-header"));
        if errors > 0 && (!self.opts.lenient || fatal_file_level) {
            let max = self.opts.max_problems.max(1);
            let more = self.problems.len().saturating_sub(max) as u64;
            self.problems.truncate(max);
            return Err(LoadError::Problems {
                problems: self.problems,
                more,
            });
        }
        // A row with several problems is skipped once, counted under its first problem.
        let mut skipped: BTreeMap<String, u64> = BTreeMap::new();
        let mut seen = std::collections::BTreeSet::new();
        for p in self.problems.iter().filter(|p| p.level == Level::Error) {
            if seen.insert((p.file.as_str(), p.line)) {
                *skipped.entry(p.kind.to_string()).or_default() += 1;
            }
        }
        self.data.summary.skipped = skipped;
        let max = self.opts.max_problems.max(1);
        self.problems.truncate(max);
        Ok((self.data, self.problems, self.timings))
    }
}
