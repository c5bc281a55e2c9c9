//! Importers for real exports: a platform's "download your data" archive is recognised and
//! read into the same tables a data folder holds, so every plugin works unchanged.
//!
//! How it fits: an importer reads the export's files (from a folder, a `.zip` or a
//! `.tar.gz`, see [`Source`]) and writes canonical tables (the data-folder contract's
//! columns, timestamps as RFC 3339, lists as JSON arrays) into memory as CSV. Those tables
//! go through the one loader every data folder goes through ([`load_discovered`]), which is
//! why an import gives the same [`Dataset`](crate::Dataset), summary and problems as the
//! folder `honeycomb import` writes from it. The importer's own problems name the export's
//! file, line and column: records it cannot read are errors (skipped and counted under
//! `--lenient`), files it does not know are notes.
//!
//! Adding an importer (for example for Meta's Facebook/Instagram JSON, whose texts are
//! UTF-8 bytes escaped as Latin-1 code points — mojibake such as `Ã©` for `é` — and need
//! [`fix_meta_mojibake`] on every string before use): a module with a `detect` that
//! recognises its files and an `import` that fills a [`Tables`]; then one arm in
//! [`Detected`] and [`detect`].

mod html;
mod mastodon;
pub mod presets;
mod source;
mod x;

pub use html::{decode_entities, to_text as html_to_text};
pub use source::Source;

use crate::config::{CONFIG_FILE, Config};
use crate::load::{Discovered, Format, LoadError, LoadOptions, Loaded, TableFile, load_discovered};
use crate::model::TableKind;
use crate::problem::{Level, Problem, show_value};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Which kind of export a path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// An X/Twitter archive (`data/*.js`, `window.YTD.…`).
    X,
    /// A Mastodon account archive (`outbox.json`, `actor.json`, …).
    Mastodon,
}

impl ExportKind {
    /// A name for messages.
    pub fn name(self) -> &'static str {
        match self {
            ExportKind::X => "X/Twitter archive",
            ExportKind::Mastodon => "Mastodon archive",
        }
    }
}

/// What a path was recognised as.
#[derive(Debug)]
pub enum Detected {
    /// A data folder in honeycomb's own format (or one mapped by `[tables.*]`).
    DataFolder,
    /// A known export: its kind, its files and the folder inside them where it starts.
    Export(ExportKind, Source, String),
}

/// Recognises what `path` holds. A folder that is no known export is taken as a data
/// folder (whose loader explains what is missing); a file that is no archive is an error.
pub fn detect(path: &Path) -> Result<Detected, String> {
    if !path.exists() {
        return Err(format!(
            "{}: not a folder (nothing found there): expected a data folder, or an export (X/Twitter or Mastodon archive) as a folder, .zip or .tar.gz",
            path.display()
        ));
    }
    let Some(src) = Source::open(path)? else {
        return Err(format!(
            "{}: not a folder, .zip or .tar.gz: expected a data folder or an export (X/Twitter or Mastodon archive)",
            path.display()
        ));
    };
    // A data folder that holds an export somewhere inside (say a raw/ copy) is still a data
    // folder: its own posts table, or a [tables.posts] mapping, decides.
    if path.is_dir() && is_data_folder(path, &src) {
        return Ok(Detected::DataFolder);
    }
    if let Some(root) = x::detect(&src) {
        return Ok(Detected::Export(ExportKind::X, src, root));
    }
    if let Some(root) = mastodon::detect(&src) {
        return Ok(Detected::Export(ExportKind::Mastodon, src, root));
    }
    if path.is_dir() {
        return Ok(Detected::DataFolder);
    }
    Err(format!(
        "{}: no known export in this archive: expected an X/Twitter archive (data/tweets.js, data/account.js, …) or a Mastodon archive (outbox.json, actor.json)",
        path.display()
    ))
}

/// Whether a folder has a posts table of its own (discovered by name, or mapped).
fn is_data_folder(path: &Path, src: &Source) -> bool {
    let named_posts = src.files().any(|f| {
        let name = f.rsplit('/').next().unwrap_or(f);
        crate::load::classify(name).is_some_and(|(stem, _, _)| stem == "posts")
            || f.starts_with("posts/")
            || f.contains("/posts/")
    });
    named_posts
        || std::fs::read_to_string(path.join(CONFIG_FILE))
            .is_ok_and(|t| t.contains("[tables.posts]"))
}

/// Loads whatever `path` holds: a data folder through the folder loader, a known export
/// through its importer.
pub fn load_path(path: &Path, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    match detect(path).map_err(LoadError::Folder)? {
        Detected::DataFolder => crate::load::load_folder(path, opts),
        Detected::Export(kind, src, root) => import(kind, &src, &root, path)?.load(opts),
    }
}

/// Reads an export into canonical tables.
pub fn import(
    kind: ExportKind,
    src: &Source,
    root: &str,
    path: &Path,
) -> Result<Imported, LoadError> {
    // A honeycomb.toml beside the export's files (inside the folder or archive) is honoured
    // for [report] and [plugins.*]; [tables.*] mappings do not apply to an import.
    let config_rel = join(root, CONFIG_FILE);
    let mut config = if src.has(&config_rel) {
        let bytes = src.read(&config_rel).map_err(LoadError::Folder)?;
        let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
            LoadError::Folder(format!(
                "{config_rel}: not valid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            ))
        })?;
        Config::parse(&text).map_err(|mut p| {
            p.file = config_rel.clone();
            LoadError::Problems {
                problems: vec![p],
                more: 0,
            }
        })?
    } else {
        Config::default()
    };
    let mut t = Tables::new(kind, src, root);
    match kind {
        ExportKind::X => x::import(&mut t),
        ExportKind::Mastodon => mastodon::import(&mut t),
    }
    if config.report.brand.is_empty()
        && let Some(o) = &t.owner
    {
        config.report.brand = vec![o.clone()];
    }
    let mut tables = BTreeMap::new();
    for (k, b) in &t.bufs {
        tables.insert(*k, Arc::<[u8]>::from(b.to_csv()));
    }
    Ok(Imported {
        kind,
        label: path.display().to_string(),
        tables,
        sources: t.sources,
        problems: t.problems,
        ignored: t.ignored,
        owner: t.owner,
        config,
    })
}

/// `root/rel`, or `rel` when the root is the top.
fn join(root: &str, rel: &str) -> String {
    if root.is_empty() {
        rel.to_string()
    } else {
        format!("{root}/{rel}")
    }
}

/// An export read into canonical tables.
#[derive(Debug)]
pub struct Imported {
    /// What it was.
    pub kind: ExportKind,
    /// The path as given.
    pub label: String,
    /// Each table as a canonical CSV file.
    pub tables: BTreeMap<TableKind, Arc<[u8]>>,
    /// The export's files that fed each table.
    pub sources: BTreeMap<TableKind, Vec<String>>,
    /// The importer's problems: unreadable records (errors) and notes.
    pub problems: Vec<Problem>,
    /// The export's files that no importer reads.
    pub ignored: Vec<String>,
    /// The archive owner's account id, when known.
    pub owner: Option<String>,
    /// The configuration: the export's honeycomb.toml if any, the owner as brand unless set.
    pub config: Config,
}

impl Imported {
    /// The file name each table gets in a data folder.
    pub fn file_name(kind: TableKind) -> String {
        format!("{}.csv", kind.name())
    }

    /// Loads the tables through the folder loader.
    pub fn load(&self, opts: &LoadOptions) -> Result<Loaded, LoadError> {
        let mut found = Discovered::default();
        for (k, bytes) in &self.tables {
            let rel = Imported::file_name(*k);
            found.tables.insert(
                *k,
                vec![TableFile {
                    path: PathBuf::from(&self.label).join(&rel),
                    rel,
                    format: Format::Csv,
                    gz: false,
                    data: Some(bytes.clone()),
                }],
            );
        }
        let mut load_config = self.config.clone();
        load_config.tables.clear();
        let mut loaded = load_discovered(
            &self.label,
            load_config,
            &found,
            self.problems.clone(),
            opts,
        )?;
        loaded.config = self.config.clone();
        let summary = &mut loaded.data.summary;
        for (k, files) in &self.sources {
            if summary.files.contains_key(k.name()) {
                summary.files.insert(k.name().to_string(), files.clone());
            }
        }
        summary.ignored_files = self.ignored.clone();
        Ok(loaded)
    }

    /// The honeycomb.toml written beside the tables: `[report]` and `[plugins.*]` of the
    /// configuration (with the owner as brand).
    pub fn config_text(&self) -> String {
        let r = &self.config.report;
        let mut report = toml::Table::new();
        let mut put = |k: &str, v: Option<toml::Value>| {
            if let Some(v) = v {
                report.insert(k.to_string(), v);
            }
        };
        put("title", r.title.clone().map(toml::Value::String));
        put("lang", r.lang.map(|l| toml::Value::String(l.code().into())));
        put("timezone", r.timezone.clone().map(toml::Value::String));
        put("period", r.period.clone().map(toml::Value::String));
        let list = |v: &[String]| {
            (!v.is_empty())
                .then(|| toml::Value::Array(v.iter().cloned().map(toml::Value::String).collect()))
        };
        put("brand", list(&r.brand));
        put("competitors", list(&r.competitors));
        let mut top = toml::Table::new();
        if !report.is_empty() {
            top.insert("report".into(), toml::Value::Table(report));
        }
        if !self.config.plugins.is_empty() {
            let plugins: toml::Table = self
                .config
                .plugins
                .iter()
                .map(|(k, v)| (k.clone(), toml::Value::Table(v.clone())))
                .collect();
            top.insert("plugins".into(), toml::Value::Table(plugins));
        }
        let body = toml::to_string(&top).unwrap_or_default();
        format!(
            "# Written by `honeycomb import` from {} ({}).\n{body}",
            self.label.replace('\n', " "),
            self.kind.name()
        )
    }

    /// Writes the canonical data folder to `out`, which must not exist or be empty: into a
    /// temporary folder beside it first, renamed into place when complete.
    pub fn write_folder(&self, out: &Path) -> Result<Vec<PathBuf>, String> {
        let shown = out.display();
        if out.exists() {
            let empty = std::fs::read_dir(out)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
            if !out.is_dir() || !empty {
                return Err(format!(
                    "{shown}: exists and is not an empty folder: expected a new folder for the imported data"
                ));
            }
        }
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        let tmp = tempfile_dir(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        let mut names = Vec::new();
        let write = |rel: &str, bytes: &[u8]| -> Result<(), String> {
            std::fs::write(tmp.join(rel), bytes).map_err(|e| format!("{shown}/{rel}: {e}"))
        };
        let result = (|| {
            for (k, bytes) in &self.tables {
                let rel = Imported::file_name(*k);
                write(&rel, bytes)?;
                names.push(rel);
            }
            write(CONFIG_FILE, self.config_text().as_bytes())?;
            names.push(CONFIG_FILE.to_string());
            if out.exists() {
                std::fs::remove_dir(out).map_err(|e| format!("{shown}: {e}"))?;
            }
            std::fs::rename(&tmp, out).map_err(|e| format!("{shown}: {e}"))
        })();
        if let Err(e) = result {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
        Ok(names.iter().map(|n| out.join(n)).collect())
    }
}

/// A new, uniquely named folder in `parent`.
fn tempfile_dir(parent: &Path) -> std::io::Result<PathBuf> {
    let pid = std::process::id();
    for i in 0..1000u32 {
        let p = parent.join(format!(".honeycomb-import-{pid}-{i}.tmp"));
        match std::fs::create_dir(&p) {
            Ok(()) => return Ok(p),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free temporary folder name"))
}

/// One table being written: columns in order of first use, one row per record.
#[derive(Debug)]
pub(crate) struct TableBuf {
    kind: TableKind,
    columns: Vec<String>,
    index: FxHashMap<String, usize>,
    rows: Vec<Vec<String>>,
}

impl TableBuf {
    fn new(kind: TableKind) -> TableBuf {
        let mut t = TableBuf {
            kind,
            columns: Vec::new(),
            index: FxHashMap::default(),
            rows: Vec::new(),
        };
        // Required columns first, always present (a header-only table still loads).
        for c in kind.required() {
            t.col(c);
        }
        t
    }

    fn col(&mut self, name: &str) -> usize {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        self.columns.push(name.to_string());
        self.index.insert(name.to_string(), self.columns.len() - 1);
        self.columns.len() - 1
    }

    /// Adds a row; empty values are left out (an empty cell).
    pub(crate) fn push(&mut self, fields: Vec<(&str, String)>) {
        let mut row = vec![String::new(); self.columns.len()];
        for (name, v) in fields {
            if v.is_empty() {
                continue;
            }
            let i = self.col(name);
            if i >= row.len() {
                row.resize(i + 1, String::new());
            }
            row[i] = v;
        }
        self.rows.push(row);
    }

    fn to_csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .flexible(false)
            .from_writer(Vec::with_capacity(self.rows.len() * 128 + 64));
        // The contract's columns in its order, then the extra ones in order of first use.
        let canon = self.kind.columns();
        let mut order: Vec<usize> = (0..self.columns.len()).collect();
        order.sort_by_key(|&i| {
            canon
                .iter()
                .position(|c| *c == self.columns[i])
                .unwrap_or(canon.len() + i)
        });
        let mut ok = w
            .write_record(order.iter().map(|&i| &self.columns[i]))
            .is_ok();
        let empty = String::new();
        for r in &self.rows {
            ok &= w
                .write_record(order.iter().map(|&i| r.get(i).unwrap_or(&empty)))
                .is_ok();
        }
        debug_assert!(ok, "writing CSV to memory cannot fail");
        w.into_inner().unwrap_or_default()
    }
}

/// What an importer fills: tables, problems, the owner.
#[derive(Debug)]
pub(crate) struct Tables<'s> {
    pub(crate) src: &'s Source,
    /// The folder inside the source where the export starts (`""` = the top).
    pub(crate) root: String,
    pub(crate) bufs: BTreeMap<TableKind, TableBuf>,
    pub(crate) sources: BTreeMap<TableKind, Vec<String>>,
    pub(crate) problems: Vec<Problem>,
    pub(crate) ignored: Vec<String>,
    pub(crate) owner: Option<String>,
}

impl<'s> Tables<'s> {
    fn new(_kind: ExportKind, src: &'s Source, root: &str) -> Tables<'s> {
        Tables {
            src,
            root: root.to_string(),
            bufs: BTreeMap::new(),
            sources: BTreeMap::new(),
            problems: Vec::new(),
            ignored: Vec::new(),
            owner: None,
        }
    }

    /// The table, created (with its required columns) on first use.
    pub(crate) fn table(&mut self, kind: TableKind) -> &mut TableBuf {
        self.bufs.entry(kind).or_insert_with(|| TableBuf::new(kind))
    }

    /// Records that `file` fed `kind`.
    pub(crate) fn fed(&mut self, kind: TableKind, file: &str) {
        let v = self.sources.entry(kind).or_default();
        if !v.iter().any(|f| f == file) {
            v.push(file.to_string());
        }
    }

    /// A file's path in the source.
    pub(crate) fn path(&self, rel: &str) -> String {
        join(&self.root, rel)
    }

    /// Files of the export, relative to its root.
    pub(crate) fn files(&self) -> Vec<String> {
        let prefix = if self.root.is_empty() {
            String::new()
        } else {
            format!("{}/", self.root)
        };
        self.src
            .files()
            .filter_map(|f| f.strip_prefix(&prefix).map(str::to_string))
            .collect()
    }

    /// Notes each folder directly under the export's root, which no importer reads.
    pub(crate) fn ignore_folders(&mut self, why: &str) {
        let prefix = if self.root.is_empty() {
            String::new()
        } else {
            format!("{}/", self.root)
        };
        let dirs: Vec<String> = self
            .src
            .dirs()
            .filter_map(|d| d.strip_prefix(&prefix).map(str::to_string))
            .filter(|d| !d.is_empty() && !d.contains('/'))
            .collect();
        for d in dirs {
            self.ignored.push(self.path(&d));
            self.note(&d, "ignored-file", format!("folder not read ({why})"));
        }
    }

    /// Reads a file as UTF-8 text (a byte-order mark is dropped); a problem otherwise.
    pub(crate) fn text(&mut self, rel: &str) -> Option<String> {
        let full = self.path(rel);
        match self.src.read(&full) {
            Ok(b) => {
                let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&b);
                match std::str::from_utf8(b) {
                    Ok(s) => Some(s.to_string()),
                    Err(e) => {
                        let (line, col) = crate::config::line_col(
                            &String::from_utf8_lossy(&b[..e.valid_up_to()]),
                            e.valid_up_to(),
                        );
                        self.error(
                            rel,
                            line,
                            col,
                            "bad-utf8",
                            "not valid UTF-8: expected a UTF-8 text file".into(),
                        );
                        None
                    }
                }
            }
            Err(e) => {
                self.error(rel, 0, 0, "unreadable", e);
                None
            }
        }
    }

    pub(crate) fn error(
        &mut self,
        rel: &str,
        line: u64,
        column: u64,
        kind: &'static str,
        message: String,
    ) {
        self.problems.push(Problem {
            file: self.path(rel),
            line,
            column,
            level: Level::Error,
            kind,
            message,
        });
    }

    pub(crate) fn note(&mut self, rel: &str, kind: &'static str, message: String) {
        self.problems.push(Problem {
            file: self.path(rel),
            line: 0,
            column: 0,
            level: Level::Note,
            kind,
            message,
        });
    }

    /// Notes a file that is not read.
    pub(crate) fn ignore(&mut self, rel: &str, why: &str) {
        self.ignored.push(self.path(rel));
        self.note(rel, "ignored-file", format!("not read: {why}"));
    }
}

/// The elements of the JSON array that starts at byte `open` (a `[`) of `text`, as byte
/// ranges; `Err(offset)` where the array is cut or malformed.
pub(crate) fn array_elements(text: &str, open: usize) -> Result<Vec<(usize, usize)>, usize> {
    let b = text.as_bytes();
    if b.get(open) != Some(&b'[') {
        return Err(open);
    }
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = open + 1;
    let mut start: Option<usize> = None;
    while i < b.len() {
        let c = b[i];
        match c {
            b'"' => {
                start.get_or_insert(i);
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if i >= b.len() {
                    return Err(b.len());
                }
            }
            b'[' | b'{' => {
                start.get_or_insert(i);
                depth += 1;
            }
            b']' | b'}' if depth > 0 => depth -= 1,
            b']' => {
                if let Some(s) = start.take() {
                    out.push((s, trim_end(b, i)));
                }
                return Ok(out);
            }
            b',' if depth == 0 => match start.take() {
                Some(s) => out.push((s, trim_end(b, i))),
                None => return Err(i),
            },
            c if c.is_ascii_whitespace() => {}
            _ => {
                start.get_or_insert(i);
            }
        }
        i += 1;
    }
    Err(b.len())
}

fn trim_end(b: &[u8], mut end: usize) -> usize {
    while end > 0 && b[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}

/// Parses the elements of a JSON array one by one: each good one is handed to `f` with its
/// 1-based line; a bad one becomes an error at its line and column.
pub(crate) fn each_element(
    t: &mut Tables<'_>,
    rel: &str,
    text: &str,
    open: usize,
    mut f: impl FnMut(&mut Tables<'_>, serde_json::Value, u64),
) {
    let elements = match array_elements(text, open) {
        Ok(e) => e,
        Err(at) => {
            let (l, c) = crate::config::line_col(text, at);
            t.error(
                rel,
                l,
                c,
                "bad-json",
                "the list of records is cut off or malformed here: expected `,` between records and a closing `]`".into(),
            );
            return;
        }
    };
    let mut line = 1u64;
    let mut last = 0usize;
    for (s, e) in elements {
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[last..s]).count() as u64;
        last = s;
        match serde_json::from_str::<serde_json::Value>(&text[s..e]) {
            Ok(v) => f(t, v, line),
            Err(err) => {
                let l = line + err.line().saturating_sub(1) as u64;
                let (_, c0) = crate::config::line_col(text, s);
                let c = if err.line() <= 1 {
                    c0 + err.column().saturating_sub(1) as u64
                } else {
                    err.column() as u64
                };
                t.error(
                    rel,
                    l,
                    c,
                    "bad-record",
                    format!("a record that is not valid JSON ({err}): expected a JSON object"),
                );
            }
        }
    }
}

/// A string field, if present and a string (or a number, written as text).
pub(crate) fn s<'v>(v: &'v serde_json::Value, key: &str) -> Option<std::borrow::Cow<'v, str>> {
    match v.get(key)? {
        serde_json::Value::String(x) => Some(std::borrow::Cow::Borrowed(x.as_str())),
        serde_json::Value::Number(n) => Some(std::borrow::Cow::Owned(n.to_string())),
        _ => None,
    }
}

/// A list as the data folder writes it: a JSON array of strings (empty when empty).
pub(crate) fn json_list(items: &[String]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        serde_json::to_string(items).unwrap_or_default()
    }
}

/// Scalar fields of a record that the importer does not map, kept as extra columns (named
/// after the field, prefixed `field_` where a name is a column of the table).
pub(crate) fn unknown_scalars(
    v: &serde_json::Value,
    known: &[&str],
    kind: TableKind,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(o) = v.as_object() {
        for (k, x) in o {
            if known.contains(&k.as_str()) {
                continue;
            }
            let val = match x {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Bool(b) => b.to_string(),
                _ => continue,
            };
            let name = if kind.columns().contains(&k.as_str()) || k == "visibility" {
                format!("field_{k}")
            } else {
                k.clone()
            };
            out.push((name, val));
        }
    }
    out
}

/// Undoes the mojibake of Meta (Facebook, Instagram) JSON exports, which write each UTF-8
/// byte as its own `\u00XX` escape: a string whose characters are all below U+0100 and
/// whose Latin-1 bytes are valid UTF-8 is decoded again; any other string is unchanged.
pub fn fix_meta_mojibake(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() || s.chars().any(|c| c as u32 > 0xFF) {
        return std::borrow::Cow::Borrowed(s);
    }
    let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
    match String::from_utf8(bytes) {
        Ok(fixed) => std::borrow::Cow::Owned(fixed),
        Err(_) => std::borrow::Cow::Borrowed(s),
    }
}

/// `show_value` re-exported for the importers' messages.
pub(crate) fn shown(v: &str) -> String {
    show_value(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_split_at_top_level_commas() {
        let t = r#"x = [ {"a":"],\"["}, [1,2], 3 , "s" ]"#;
        let open = t.find('[').unwrap_or(0);
        let e = array_elements(t, open).unwrap_or_default();
        let parts: Vec<&str> = e.iter().map(|(a, b)| &t[*a..*b]).collect();
        assert_eq!(parts, vec![r#"{"a":"],\"["}"#, "[1,2]", "3", r#""s""#]);
        assert_eq!(array_elements("[1,", 0), Err(3));
        assert_eq!(array_elements("[]", 0), Ok(vec![]));
    }

    #[test]
    fn meta_mojibake() {
        assert_eq!(fix_meta_mojibake("Caf\u{c3}\u{a9}"), "Café");
        assert_eq!(fix_meta_mojibake("Café"), "Café");
        assert_eq!(fix_meta_mojibake("plain"), "plain");
    }
}
