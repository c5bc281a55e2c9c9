//! Where an export's files come from: a folder, a `.zip` or a `.tar.gz` archive. Files are
//! addressed by `/`-separated paths relative to the export's root and read on demand (a
//! zip entry is inflated when it is read; a tar.gz, which can only be read front to back,
//! keeps the few files an importer may read: `.js`, `.json`, `.csv`, `.toml`).

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Largest file read from an archive, in bytes (a guard against decompression bombs).
const MAX_ENTRY: u64 = 1 << 30;

/// Files of an export.
#[derive(Debug)]
pub struct Source {
    /// The path as given, for messages.
    pub label: String,
    /// Every file, relative path → where to find it, sorted.
    files: BTreeMap<String, Entry>,
    /// Every folder (also those whose files lie too deep to be listed), sorted.
    dirs: std::collections::BTreeSet<String>,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Dir(PathBuf),
    Zip(PathBuf),
    Mem,
}

#[derive(Debug, Clone)]
enum Entry {
    /// A file in a folder.
    Disk,
    /// A zip entry: local header offset, method, compressed and uncompressed size.
    Zip {
        offset: u64,
        method: u16,
        csize: u64,
        usize: u64,
    },
    /// Kept from a tar.gz.
    Mem(Arc<[u8]>),
    /// In a tar.gz but not kept (media and other files no importer reads).
    Skipped,
}

fn le16(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2)
        .map_or(0, |x| u16::from_le_bytes([x[0], x[1]]))
}
fn le32(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
}
fn le64(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).map_or(0, |x| {
        let mut a = [0u8; 8];
        a.copy_from_slice(x);
        u64::from_le_bytes(a)
    })
}

/// Whether a file name is one an importer may read from an archive.
fn wanted(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [".js", ".json", ".csv", ".toml"]
        .iter()
        .any(|e| n.ends_with(e))
}

/// Cleans an archive path: `/`-separated, no leading `./` or `/`; `None` for a path that
/// climbs out (`..`) or is a folder.
fn clean(name: &str) -> Option<String> {
    let n = name.replace('\\', "/");
    if n.ends_with('/') {
        return None;
    }
    let parts: Vec<&str> = n
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if parts.is_empty() || parts.contains(&"..") {
        return None;
    }
    Some(parts.join("/"))
}

impl Source {
    /// Opens a folder, a `.zip` or a `.tar.gz`/`.tgz`; `Ok(None)` for a plain file of
    /// another kind.
    pub fn open(path: &Path) -> Result<Option<Source>, String> {
        let label = path.display().to_string();
        if path.is_dir() {
            return Ok(Some(Source::dir(path, label)));
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.ends_with(".zip") {
            return Source::zip(path, label).map(Some);
        }
        if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
            return Source::targz(path, label).map(Some);
        }
        Ok(None)
    }

    fn dir(root: &Path, label: String) -> Source {
        let mut files = BTreeMap::new();
        // Deep enough for `archive/data/x.js` and `data/tweets_media/…`; hidden entries and
        // report folders are passed over as the folder loader does.
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .max_depth(4)
            .into_iter()
            .filter_entry(|e| {
                let hidden = e.file_name().to_string_lossy().starts_with('.');
                let report =
                    e.file_type().is_dir() && e.path().join(crate::load::REPORT_MARKER).exists();
                e.depth() == 0 || !(hidden || report)
            });
        let mut dirs = std::collections::BTreeSet::new();
        for e in walker.flatten() {
            if e.depth() > 0
                && let Ok(rel) = e.path().strip_prefix(root)
            {
                let rel: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if e.file_type().is_file() {
                    files.insert(rel.join("/"), Entry::Disk);
                } else if e.file_type().is_dir() {
                    dirs.insert(rel.join("/"));
                }
            }
        }
        Source {
            label,
            files,
            dirs,
            kind: Kind::Dir(root.to_path_buf()),
        }
    }

    fn zip(path: &Path, label: String) -> Result<Source, String> {
        let bad = |why: &str| format!("{label}: not a readable zip archive: {why}");
        let mut f = std::fs::File::open(path).map_err(|e| format!("{label}: {e}"))?;
        let len = f.metadata().map_err(|e| format!("{label}: {e}"))?.len();
        let tail_len = len.min(65_557 + 20);
        f.seek(SeekFrom::Start(len - tail_len))
            .map_err(|e| format!("{label}: {e}"))?;
        let mut tail = vec![0u8; tail_len as usize];
        f.read_exact(&mut tail)
            .map_err(|e| format!("{label}: {e}"))?;
        let eocd = (0..tail.len().saturating_sub(21))
            .rev()
            .find(|&i| le32(&tail, i) == 0x0605_4b50)
            .ok_or_else(|| bad("no end-of-central-directory record"))?;
        let mut entries = le16(&tail, eocd + 10) as u64;
        let mut cd_size = le32(&tail, eocd + 12) as u64;
        let mut cd_off = le32(&tail, eocd + 16) as u64;
        if (entries == 0xFFFF || cd_size == 0xFFFF_FFFF || cd_off == 0xFFFF_FFFF)
            && eocd >= 20
            && le32(&tail, eocd - 20) == 0x0706_4b50
        {
            // ZIP64: the locator points at the ZIP64 end record.
            let at = le64(&tail, eocd - 20 + 8);
            let mut rec = [0u8; 56];
            f.seek(SeekFrom::Start(at))
                .and_then(|_| f.read_exact(&mut rec))
                .map_err(|e| bad(&e.to_string()))?;
            if le32(&rec, 0) != 0x0606_4b50 {
                return Err(bad("bad ZIP64 end record"));
            }
            entries = le64(&rec, 32);
            cd_size = le64(&rec, 40);
            cd_off = le64(&rec, 48);
        }
        if cd_off.saturating_add(cd_size) > len || cd_size > MAX_ENTRY {
            return Err(bad("the central directory lies outside the file"));
        }
        let mut cd = vec![0u8; cd_size as usize];
        f.seek(SeekFrom::Start(cd_off))
            .and_then(|_| f.read_exact(&mut cd))
            .map_err(|e| bad(&e.to_string()))?;
        let mut files = BTreeMap::new();
        let mut i = 0usize;
        for _ in 0..entries {
            if le32(&cd, i) != 0x0201_4b50 {
                return Err(bad("a damaged central directory entry"));
            }
            let method = le16(&cd, i + 10);
            let mut csize = le32(&cd, i + 20) as u64;
            let mut usize = le32(&cd, i + 24) as u64;
            let n = le16(&cd, i + 28) as usize;
            let x = le16(&cd, i + 30) as usize;
            let k = le16(&cd, i + 32) as usize;
            let mut offset = le32(&cd, i + 42) as u64;
            let name_bytes = cd
                .get(i + 46..i + 46 + n)
                .ok_or_else(|| bad("a cut entry"))?;
            let name = String::from_utf8_lossy(name_bytes).into_owned();
            // ZIP64 extra field: the 0xFFFFFFFF sizes and offset, in this order.
            let extra = cd.get(i + 46 + n..i + 46 + n + x).unwrap_or(&[]);
            let mut j = 0;
            while j + 4 <= extra.len() {
                let id = le16(extra, j);
                let sz = le16(extra, j + 2) as usize;
                if id == 1 {
                    let mut p = j + 4;
                    for v in [&mut usize, &mut csize, &mut offset] {
                        if *v == 0xFFFF_FFFF {
                            *v = le64(extra, p);
                            p += 8;
                        }
                    }
                }
                j += 4 + sz;
            }
            i += 46 + n + x + k;
            if let Some(rel) = clean(&name) {
                files.insert(
                    rel,
                    Entry::Zip {
                        offset,
                        method,
                        csize,
                        usize,
                    },
                );
            }
        }
        Ok(Source {
            label,
            dirs: parents(&files),
            files,
            kind: Kind::Zip(path.to_path_buf()),
        })
    }

    fn targz(path: &Path, label: String) -> Result<Source, String> {
        let bad = |why: String| format!("{label}: not a readable .tar.gz archive: {why}");
        let f = std::fs::File::open(path).map_err(|e| format!("{label}: {e}"))?;
        let mut r = flate2::read::MultiGzDecoder::new(std::io::BufReader::new(f));
        let mut files = BTreeMap::new();
        let mut long_name: Option<String> = None;
        let mut header = [0u8; 512];
        loop {
            match read_block(&mut r, &mut header) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(bad(e.to_string())),
            }
            if header.iter().all(|&b| b == 0) {
                break;
            }
            let field = |a: usize, b: usize| {
                let s = &header[a..b];
                let end = s.iter().position(|&c| c == 0).unwrap_or(s.len());
                String::from_utf8_lossy(&s[..end]).into_owned()
            };
            let size_text = field(124, 136);
            let size = if header[124] & 0x80 != 0 {
                // GNU base-256 for sizes of 8 GiB and more.
                header[125..136]
                    .iter()
                    .fold(0u64, |a, &b| a.saturating_mul(256).saturating_add(b as u64))
            } else {
                u64::from_str_radix(size_text.trim(), 8)
                    .map_err(|_| bad(format!("bad entry size `{}`", size_text.trim())))?
            };
            let typeflag = header[156];
            let mut name = field(0, 100);
            if &header[257..262] == b"ustar" {
                let prefix = field(345, 500);
                if !prefix.is_empty() {
                    name = format!("{prefix}/{name}");
                }
            }
            if let Some(n) = long_name.take() {
                name = n;
            }
            let padded = size.div_ceil(512) * 512;
            match typeflag {
                b'L' | b'x' if size <= 1 << 20 => {
                    let mut buf = vec![0u8; padded as usize];
                    r.read_exact(&mut buf).map_err(|e| bad(e.to_string()))?;
                    buf.truncate(size as usize);
                    if typeflag == b'L' {
                        let end = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
                        long_name = Some(String::from_utf8_lossy(&buf[..end]).into_owned());
                    } else {
                        // pax: "LEN path=VALUE\n" records.
                        let text = String::from_utf8_lossy(&buf).into_owned();
                        for rec in text.lines() {
                            if let Some((_, kv)) = rec.split_once(' ')
                                && let Some(p) = kv.strip_prefix("path=")
                            {
                                long_name = Some(p.to_string());
                            }
                        }
                    }
                }
                b'0' | 0 | b'7' if size <= MAX_ENTRY => {
                    let rel = clean(&name);
                    if let Some(rel) = rel.filter(|r| wanted(r)) {
                        let mut buf = vec![0u8; padded as usize];
                        r.read_exact(&mut buf).map_err(|e| bad(e.to_string()))?;
                        buf.truncate(size as usize);
                        files.insert(rel, Entry::Mem(Arc::from(buf)));
                    } else {
                        skip(&mut r, padded).map_err(|e| bad(e.to_string()))?;
                        if let Some(rel) = clean(&name) {
                            files.insert(rel, Entry::Skipped);
                        }
                    }
                }
                _ => skip(&mut r, padded).map_err(|e| bad(e.to_string()))?,
            }
        }
        Ok(Source {
            label,
            dirs: parents(&files),
            files,
            kind: Kind::Mem,
        })
    }

    /// Every file, sorted.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Every folder, sorted.
    pub fn dirs(&self) -> impl Iterator<Item = &str> {
        self.dirs.iter().map(String::as_str)
    }

    /// Whether the file exists.
    pub fn has(&self, rel: &str) -> bool {
        self.files.contains_key(rel)
    }

    /// A file's bytes.
    pub fn read(&self, rel: &str) -> Result<Arc<[u8]>, String> {
        let entry = self
            .files
            .get(rel)
            .ok_or_else(|| format!("{rel}: not in the archive"))?;
        match (entry, &self.kind) {
            (Entry::Mem(b), _) => Ok(b.clone()),
            (Entry::Disk, Kind::Dir(root)) => std::fs::read(root.join(rel))
                .map(Arc::from)
                .map_err(|e| format!("cannot read the file: {e}")),
            (
                Entry::Zip {
                    offset,
                    method,
                    csize,
                    usize,
                },
                Kind::Zip(path),
            ) => read_zip_entry(path, *offset, *method, *csize, *usize),
            _ => Err(
                "not kept from the archive (only .js, .json, .csv and .toml files are read)".into(),
            ),
        }
    }
}

/// The folders of a list of files.
fn parents(files: &BTreeMap<String, Entry>) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for f in files.keys() {
        let mut p = f.as_str();
        while let Some((d, _)) = p.rsplit_once('/') {
            if !out.insert(d.to_string()) {
                break;
            }
            p = d;
        }
    }
    out
}

fn read_block(r: &mut impl Read, buf: &mut [u8; 512]) -> std::io::Result<bool> {
    let mut got = 0;
    while got < 512 {
        let n = r.read(&mut buf[got..])?;
        if n == 0 {
            return if got == 0 {
                Ok(false)
            } else {
                Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "the archive ends inside a header",
                ))
            };
        }
        got += n;
    }
    Ok(true)
}

fn skip(r: &mut impl Read, n: u64) -> std::io::Result<()> {
    let copied = std::io::copy(&mut r.take(n), &mut std::io::sink())?;
    if copied < n {
        return Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "the archive ends inside an entry",
        ));
    }
    Ok(())
}

fn read_zip_entry(
    path: &Path,
    offset: u64,
    method: u16,
    csize: u64,
    usize: u64,
) -> Result<Arc<[u8]>, String> {
    if usize > MAX_ENTRY || csize > MAX_ENTRY {
        return Err(format!("larger than {} bytes: not read", MAX_ENTRY));
    }
    let mut f = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut h = [0u8; 30];
    f.seek(SeekFrom::Start(offset))
        .and_then(|_| f.read_exact(&mut h))
        .map_err(|e| format!("damaged zip entry: {e}"))?;
    if le32(&h, 0) != 0x0403_4b50 {
        return Err("damaged zip entry: no local header".into());
    }
    let skip = le16(&h, 26) as i64 + le16(&h, 28) as i64;
    f.seek(SeekFrom::Current(skip))
        .map_err(|e| format!("damaged zip entry: {e}"))?;
    let raw = f.take(csize);
    let mut out = Vec::with_capacity(usize.min(64 << 20) as usize);
    match method {
        0 => {
            let mut raw = raw;
            raw.read_to_end(&mut out)
        }
        8 => flate2::read::DeflateDecoder::new(raw)
            .take(MAX_ENTRY)
            .read_to_end(&mut out),
        m => {
            return Err(format!(
                "compressed with method {m}: expected stored (0) or deflate (8)"
            ));
        }
    }
    .map_err(|e| format!("damaged zip entry: {e}"))?;
    Ok(Arc::from(out))
}
