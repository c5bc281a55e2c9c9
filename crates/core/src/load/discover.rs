//! Finding the tables of a data folder.
//!
//! A table is found by its stem anywhere under the folder (`posts.csv`, `posts.jsonl`,
//! optionally `.gz`), or as a folder named after it whose files are its parts
//! (`posts/2026-01.csv`, …). `[tables.NAME] path` in honeycomb.toml overrides discovery.

use crate::config::{CONFIG_FILE, Config};
use crate::model::TableKind;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// One file of one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableFile {
    /// Absolute (or as-given) path.
    pub path: PathBuf,
    /// Path relative to the data folder, `/`-separated, for messages.
    pub rel: String,
    /// Format.
    pub format: Format,
    /// Gzip-compressed.
    pub gz: bool,
    /// The file's bytes when the table was made in memory (by an importer) instead of
    /// being read from `path`.
    pub data: Option<std::sync::Arc<[u8]>>,
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Files per table, sorted by path.
    pub tables: BTreeMap<TableKind, Vec<TableFile>>,
    /// Files that are not tables.
    pub ignored: Vec<String>,
    /// Entries that could not be read: path and reason.
    pub warnings: Vec<(String, String)>,
}

fn rel_of(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Format and compression from a file name: `(stem, format, gz)`.
pub fn classify(name: &str) -> Option<(&str, Format, bool)> {
    let (name, gz) = match name.strip_suffix(".gz") {
        Some(n) => (n, true),
        None => (name, false),
    };
    let (stem, ext) = name.rsplit_once('.')?;
    let format = match ext.to_ascii_lowercase().as_str() {
        "csv" => Format::Csv,
        "jsonl" | "ndjson" => Format::Jsonl,
        _ => return None,
    };
    Some((stem, format, gz))
}

/// The name of the marker file the runner writes into every report folder, so that a
/// report written inside a data folder is never read back as data.
pub const REPORT_MARKER: &str = ".honeycomb-report";

/// Lists the tables under `root`. A `[tables.NAME] path` that does not exist or lies outside
/// the folder is an error; unreadable entries, hidden files and folders, and report folders
/// are passed over (unreadable ones with a warning).
pub fn discover(root: &Path, config: &Config) -> Result<Discovered, String> {
    let mut out = Discovered::default();
    let mut mapped: BTreeMap<TableKind, PathBuf> = BTreeMap::new();
    let canon_root = root
        .canonicalize()
        .map_err(|e| format!("{}: {e}", root.display()))?;
    for (name, m) in &config.tables {
        if let (Some(kind), Some(p)) = (TableKind::from_name(name), &m.path) {
            let full = root.join(p);
            let inside = full.canonicalize().map_err(|_| {
                format!(
                    "{CONFIG_FILE}: [tables.{name}] path `{p}` does not exist under {}",
                    root.display()
                )
            })?;
            if p.trim().is_empty() || !inside.starts_with(&canon_root) || inside == canon_root {
                return Err(format!(
                    "{CONFIG_FILE}: [tables.{name}] path `{p}`: expected a file or folder inside the data folder {}",
                    root.display()
                ));
            }
            mapped.insert(kind, full);
        }
    }
    let mut files: Vec<PathBuf> = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            let report = e.file_type().is_dir() && e.path().join(REPORT_MARKER).exists();
            !hidden && !report
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let at = e
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| rel_of(root, p));
                out.warnings
                    .push((at, format!("cannot be read ({e}); passed over")));
            }
        }
    }
    for path in files {
        let rel = rel_of(root, &path);
        if rel == CONFIG_FILE {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // A mapped table takes the files under its path and nothing else.
        if let Some((&kind, _)) = mapped.iter().find(|(_, p)| path.starts_with(p)) {
            let forced = config
                .tables
                .get(kind.name())
                .and_then(|m| m.format.as_deref());
            let cls = classify(&name);
            // A mapped file is read in the configured format; in a mapped folder only files
            // named as tables (.csv, .jsonl, optionally .gz) count, unless a format is set.
            let is_file = mapped.get(&kind).is_some_and(|p| p == &path);
            let format = match (forced, cls) {
                (Some("jsonl"), _) => Some(Format::Jsonl),
                (Some(_), _) => Some(Format::Csv),
                (None, Some(c)) => Some(c.1),
                (None, None) if is_file => Some(Format::Csv),
                (None, None) => {
                    out.ignored.push(rel);
                    continue;
                }
            };
            let gz = name.ends_with(".gz");
            if let Some(format) = format {
                out.tables.entry(kind).or_default().push(TableFile {
                    path,
                    rel,
                    format,
                    gz,
                    data: None,
                });
            }
            continue;
        }
        let Some((stem, format, gz)) = classify(&name) else {
            out.ignored.push(rel);
            continue;
        };
        let kind = TableKind::from_name(stem).or_else(|| {
            // A part inside a folder named after the table: posts/part-1.csv.
            path.parent()
                .filter(|p| *p != root)
                .and_then(|p| p.file_name())
                .and_then(|n| TableKind::from_name(&n.to_string_lossy()))
        });
        match kind {
            Some(k) if !mapped.contains_key(&k) => {
                out.tables.entry(k).or_default().push(TableFile {
                    path,
                    rel,
                    format,
                    gz,
                    data: None,
                })
            }
            _ => out.ignored.push(rel),
        }
    }
    Ok(out)
}
