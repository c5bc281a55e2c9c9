//! Writing output: every file goes to a temporary file in its target folder and is then
//! renamed into place, so a reader never sees a half-written report.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically (temporary file in the same folder, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    finish_temp(tmp, path)
}

/// A temporary file in the folder of `path` (created if needed), to be renamed onto it.
fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    tempfile::Builder::new()
        .prefix(".honeycomb-")
        .suffix(".tmp")
        .tempfile_in(dir)
}

/// Makes a written temporary file readable (a report is meant to be read and published; the
/// temporary file is private, 0600), syncs it and renames it into place.
fn finish_temp(tmp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_data()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes a file's content into an open file.
pub type Producer<'a> = Box<dyn Fn(&mut dyn Write) -> std::io::Result<()> + Sync + 'a>;

/// What a file holds: bytes made already, or a producer that writes them when the file is
/// written (large metrics files are streamed, never held whole in memory).
enum Content<'a> {
    Bytes(Vec<u8>),
    Stream(Producer<'a>),
}

/// Files to write, by path relative to the output folder, in a fixed order.
#[derive(Default)]
pub struct OutputSet<'a> {
    files: Vec<(PathBuf, Content<'a>)>,
}

impl<'a> OutputSet<'a> {
    /// Adds a file.
    pub fn add(&mut self, rel: impl Into<PathBuf>, bytes: Vec<u8>) {
        self.files.push((rel.into(), Content::Bytes(bytes)));
    }

    /// Adds a file whose content `produce` writes when the set is written.
    pub fn add_stream(&mut self, rel: impl Into<PathBuf>, produce: Producer<'a>) {
        self.files.push((rel.into(), Content::Stream(produce)));
    }

    /// Writes every file under `dir`, each atomically; returns the paths written.
    pub fn write_all(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        let mut written = Vec::with_capacity(self.files.len());
        for (rel, content) in &self.files {
            let p = dir.join(rel);
            let r = match content {
                Content::Bytes(bytes) => write_atomic(&p, bytes),
                Content::Stream(produce) => write_atomic_with(&p, produce),
            };
            r.map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
            written.push(p);
        }
        Ok(written)
    }

    /// The relative paths of the files, in order.
    pub fn names(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().map(|(p, _)| p.as_path())
    }
}

/// Like [`write_atomic`], with the content written by `produce` through a buffer.
pub fn write_atomic_with(path: &Path, produce: &Producer<'_>) -> std::io::Result<()> {
    let tmp = temp_beside(path)?;
    {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, tmp.as_file());
        produce(&mut w)?;
        w.flush()?;
    }
    finish_temp(tmp, path)
}

/// Makes a string safe as a file stem: lowercase ASCII letters, digits and `-`, at most 64
/// characters, never empty.
pub fn file_stem(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 64 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "x".to_string() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe() {
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("Presence Heatmap"), "presence-heatmap");
        assert_eq!(file_stem("<>"), "x");
    }

    #[test]
    fn atomic_write_leaves_no_temp_files() {
        let d = tempfile::tempdir().expect("tempdir");
        let p = d.path().join("sub/a.txt");
        write_atomic(&p, b"one").expect("write");
        write_atomic(&p, b"two").expect("rewrite");
        assert_eq!(std::fs::read(&p).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(d.path().join("sub"))
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }
}
