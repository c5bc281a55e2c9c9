//! Reading rows from CSV and JSON Lines files into a uniform `(text, field ranges)` form,
//! with problems reported by file, line and column. Large CSV files are split at record
//! boundaries and parsed on all cores.

use super::discover::{Format, TableFile};
use crate::problem::{Level, Problem, show_value};
use std::io::Read;
use std::ops::Range;

/// Largest field accepted, in bytes.
pub const MAX_FIELD: usize = 1 << 20;
/// CSV files above this size are parsed in parallel chunks.
const PARALLEL_MIN: usize = 4 << 20;

/// Opens a file for reading, decompressing `.gz`.
pub fn open(f: &TableFile) -> Result<Box<dyn Read + Send>, Problem> {
    if let Some(d) = &f.data {
        return Ok(Box::new(std::io::Cursor::new(d.clone())));
    }
    let file = std::fs::File::open(&f.path)
        .map_err(|e| file_problem(&f.rel, "unreadable", format!("cannot read the file: {e}")))?;
    if f.gz {
        Ok(Box::new(GzRead {
            inner: flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file)),
            rel: f.rel.clone(),
        }))
    } else {
        Ok(Box::new(file))
    }
}

/// A gzip stream whose errors say which file is not valid gzip.
struct GzRead<R: Read> {
    inner: flate2::read::MultiGzDecoder<R>,
    rel: String,
}

impl<R: Read> Read for GzRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("{}: not a readable gzip file: {e}", self.rel),
            )
        })
    }
}

/// A file's bytes, decompressed.
pub fn read_bytes(f: &TableFile) -> Result<Vec<u8>, Problem> {
    let mut out = Vec::new();
    open(f)?
        .read_to_end(&mut out)
        .map_err(|e| file_problem(&f.rel, "unreadable", format!("cannot read the file: {e}")))?;
    Ok(out)
}

/// A problem about a whole file.
pub fn file_problem(file: &str, kind: &'static str, message: String) -> Problem {
    Problem {
        file: file.to_string(),
        line: 0,
        column: 0,
        level: Level::Error,
        kind,
        message,
    }
}

/// One row as text plus the byte range of each field in it.
pub struct RawRow<'a> {
    /// 1-based line where the row starts.
    pub line: u64,
    /// The fields' text, concatenated.
    pub text: &'a str,
    /// Each field's range in `text`.
    pub ranges: &'a [Range<usize>],
    /// For JSON Lines: the 1-based column of each field's key in the line (0 = unknown).
    pub columns: Option<&'a [u64]>,
}

impl<'a> RawRow<'a> {
    /// Field `i`, untrimmed.
    pub fn field(&self, i: usize) -> Option<&'a str> {
        self.ranges.get(i).map(|r| &self.text[r.clone()])
    }
    /// The column number to report for field `i`.
    pub fn column(&self, i: usize) -> u64 {
        match self.columns {
            Some(c) => c.get(i).copied().unwrap_or(0),
            None => i as u64 + 1,
        }
    }
}

/// The header of a file and its rows, delivered to a row callback per chunk.
pub struct Header {
    /// Column names as in the file.
    pub names: Vec<String>,
}

/// Record boundaries of a CSV text that starts at a record boundary, read the way the
/// csv crate reads it: a quote opens a quoted field only at the start of a field (after the
/// delimiter or a line break); inside one, `""` is a quote and line breaks belong to the
/// field; a quote anywhere else is a plain character. Returns, for each target offset, the
/// first boundary at or after it (the position just after the `\n` that ends a record),
/// and the last boundary.
pub fn scan_boundaries(
    buf: &[u8],
    delimiter: u8,
    targets: &[usize],
) -> (Vec<Option<usize>>, Option<usize>) {
    let mut found = vec![None; targets.len()];
    let mut t = 0;
    let mut last = None;
    let mut pos = 0;
    let mut in_quotes = false;
    while pos < buf.len() {
        if in_quotes {
            match memchr::memchr(b'"', &buf[pos..]) {
                None => break,
                Some(k) => {
                    let q = pos + k;
                    if buf.get(q + 1) == Some(&b'"') {
                        pos = q + 2;
                    } else {
                        in_quotes = false;
                        pos = q + 1;
                    }
                }
            }
            continue;
        }
        match memchr::memchr2(b'"', b'\n', &buf[pos..]) {
            None => break,
            Some(k) => {
                let i = pos + k;
                if buf[i] == b'"' {
                    in_quotes = i == 0 || buf[i - 1] == delimiter || buf[i - 1] == b'\n';
                } else {
                    let b = i + 1;
                    last = Some(b);
                    while t < targets.len() && targets[t] <= b {
                        found[t] = Some(b);
                        t += 1;
                    }
                }
                pos = i + 1;
            }
        }
    }
    (found, last)
}

/// Reads the header row of a CSV text: the names, the bytes consumed and the next line.
pub fn csv_header(bytes: &[u8], rel: &str, delimiter: u8) -> Result<(Header, usize, u64), Problem> {
    let bytes_nobom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bom = bytes.len() - bytes_nobom.len();
    if bytes_nobom.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(file_problem(
            rel,
            "empty-file",
            "the file is empty: expected a header row followed by data rows".into(),
        ));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes_nobom);
    let mut rec = csv::ByteRecord::new();
    match rdr.read_byte_record(&mut rec) {
        Ok(true) => {}
        Ok(false) => {
            return Err(file_problem(
                rel,
                "empty-file",
                "the file is empty: expected a header row".into(),
            ));
        }
        Err(e) => return Err(csv_error(rel, e)),
    }
    let mut names = Vec::with_capacity(rec.len());
    for (i, f) in rec.iter().enumerate() {
        match std::str::from_utf8(f) {
            Ok(s) => names.push(s.trim().to_string()),
            Err(e) => {
                return Err(Problem {
                    file: rel.into(),
                    line: 1,
                    column: i as u64 + 1,
                    level: Level::Error,
                    kind: "bad-utf8",
                    message: utf8_message(f, e),
                });
            }
        }
    }
    let consumed = rdr.position().byte() as usize + bom;
    // The line at which the rest begins: 1 + the line breaks consumed (a CRLF header may be
    // consumed up to its `\r`, leaving the `\n` to the body).
    let next_line =
        1 + memchr::memchr_iter(b'\n', &bytes[..consumed.min(bytes.len())]).count() as u64;
    Ok((Header { names }, consumed, next_line))
}

fn csv_error(rel: &str, e: csv::Error) -> Problem {
    let (line, msg) = match e.kind() {
        csv::ErrorKind::Utf8 { pos, err } => (
            pos.as_ref().map_or(0, |p| p.line()),
            format!("invalid UTF-8 in field {}", err.field() + 1),
        ),
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => (
            pos.as_ref().map_or(0, |p| p.line()),
            format!("found {len} fields: expected {expected_len}"),
        ),
        _ => (0, e.to_string()),
    };
    Problem {
        file: rel.into(),
        line,
        column: 0,
        level: Level::Error,
        kind: "bad-csv",
        message: msg,
    }
}

/// A message for invalid UTF-8 in `field`.
pub fn utf8_message(field: &[u8], e: std::str::Utf8Error) -> String {
    let at = e.valid_up_to();
    let byte = field.get(at).copied().unwrap_or(0);
    format!(
        "invalid UTF-8 (byte 0x{byte:02X} at offset {at} of the field, after {}): expected UTF-8 text; re-export the file as UTF-8",
        show_value(&String::from_utf8_lossy(&field[..at]))
    )
}

/// Receives the header; returns the per-file state for the row callback and the field count.
pub type OnHeader<'x, H> = dyn FnMut(&Header) -> Result<(H, usize), Problem> + 'x;
/// Turns one raw row into a value (or records problems and returns `None`).
pub type RowCallback<'x, H, T> =
    dyn Fn(&H, &RawRow<'_>, &mut Vec<Problem>) -> Option<T> + Sync + 'x;

/// A piece of a block: its byte range and its first line.
type Chunk = (Range<usize>, u64);
/// A parsed piece: its rows, its problems, and whether it hit a structural problem.
type Parsed<T> = (Vec<T>, Vec<Problem>, bool);

/// Size of the blocks a CSV file is read in; each block is parsed on all cores.
const BLOCK: usize = 16 << 20;

/// Reads a CSV table in blocks: the header (through `on_header`), then every data row
/// through `f`, handing the rows of each block to `sink` in file order (`sink(None)` means:
/// forget the rows handed over so far). Blocks are split at
/// record boundaries and parsed in parallel. When a block shows a structural problem
/// (quotes in odd places can make a split point wrong), the whole file is parsed again
/// sequentially, which is always right.
#[allow(clippy::too_many_arguments)]
pub fn csv_table<H: Sync, T: Send>(
    open: &dyn Fn() -> Result<Box<dyn Read + Send>, Problem>,
    size: Option<u64>,
    rel: &str,
    delimiter: u8,
    on_header: &mut OnHeader<'_, H>,
    f: &RowCallback<'_, H, T>,
    sink: &mut Sink<'_, T>,
    problems: &mut Vec<Problem>,
) -> Result<(), Problem> {
    let mut reader = open()?;
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + (1 << 16));
    let eof = fill(&mut reader, &mut buf, BLOCK, rel)?;
    let (header, consumed, mut next_line) = csv_header_in(&buf, rel, delimiter, eof)?;
    let (h, n_fields) = on_header(&header)?;
    buf.drain(..consumed.min(buf.len()));
    let mut eof = eof;
    let mut done = consumed as u64;
    let mut block_problems: Vec<Problem> = Vec::new();
    let mut pool: Vec<Vec<T>> = Vec::new();
    // The rows of the previous block, handed to the sink while this block is parsed.
    let mut previous: Option<(Vec<Vec<T>>, f64)> = None;
    let parts = rayon::current_num_threads().max(1) * 2;
    loop {
        if !eof && buf.len() < BLOCK {
            eof = fill(&mut reader, &mut buf, BLOCK, rel)?;
        }
        // One pass finds both the split points and the end of the last whole record.
        let step = buf.len() / parts;
        let targets: Vec<usize> = if buf.len() >= PARALLEL_MIN {
            (1..parts).map(|k| k * step).collect()
        } else {
            Vec::new()
        };
        let (found, last) = scan_boundaries(&buf, delimiter, &targets);
        let cut = if eof {
            buf.len()
        } else {
            match last {
                Some(c) => c,
                None => {
                    // One record larger than a block: read more.
                    let more = buf.len() + BLOCK;
                    eof = fill(&mut reader, &mut buf, more, rel)?;
                    continue;
                }
            }
        };
        let block = &buf[..cut];
        let mut starts = vec![0usize];
        for b in found.into_iter().flatten() {
            if b > *starts.last().unwrap_or(&0) && b < cut {
                starts.push(b);
            }
        }
        let mut jobs: Vec<(Chunk, Vec<T>)> = Vec::with_capacity(starts.len());
        let mut line = next_line;
        for (i, &st) in starts.iter().enumerate() {
            let e = starts.get(i + 1).copied().unwrap_or(cut);
            // Row vectors are reused from block to block: fresh ones would be new memory for
            // the operating system to hand over, page by page, every time.
            jobs.push(((st..e, line), pool.pop().unwrap_or_default()));
            line += memchr::memchr_iter(b'\n', &block[st..e]).count() as u64;
        }
        let run = |((r, l), rows): (Chunk, Vec<T>)| {
            let g = |raw: &RawRow<'_>, p: &mut Vec<Problem>| f(&h, raw, p);
            parse_chunk(&block[r], l, delimiter, rel, n_fields, &g, rows)
        };
        let prev = previous.take();
        let (results, recycled): (Vec<Parsed<T>>, Vec<Vec<T>>) = rayon::join(
            || {
                use rayon::prelude::*;
                jobs.into_par_iter().map(run).collect()
            },
            || hand_over(prev, sink),
        );
        pool.extend(recycled);
        if results.iter().any(|r| r.2) {
            drop(results);
            // Forget what the sink got so far and start over on the sequential path.
            sink(None, 0.0);
            return csv_sequential(open, rel, delimiter, &h, n_fields, f, sink, problems);
        }
        next_line = line;
        done += cut as u64;
        let fraction = size
            .filter(|&t| t > 0)
            .map_or(0.0, |t| (done as f64 / t as f64).min(1.0));
        let mut rows = Vec::with_capacity(results.len());
        for (r, p, _) in results {
            rows.push(r);
            block_problems.extend(p);
        }
        previous = Some((rows, fraction));
        buf.drain(..cut);
        if eof && buf.is_empty() {
            break;
        }
    }
    hand_over(previous, sink);
    problems.extend(block_problems);
    Ok(())
}

/// Receives the rows of each block in file order (`None`: forget the rows so far), with the
/// share of the file read so far.
pub type Sink<'x, T> = dyn FnMut(Option<&mut Vec<T>>, f64) + Send + 'x;

/// Hands a block's rows to the sink; returns the emptied vectors for reuse.
fn hand_over<T>(block: Option<(Vec<Vec<T>>, f64)>, sink: &mut Sink<'_, T>) -> Vec<Vec<T>> {
    let Some((chunks, fraction)) = block else {
        return Vec::new();
    };
    chunks
        .into_iter()
        .map(|mut rows| {
            sink(Some(&mut rows), fraction);
            rows
        })
        .collect()
}

/// Reads up to `target` bytes into `buf`; returns whether the end of the input was reached.
fn fill(
    reader: &mut Box<dyn Read + Send>,
    buf: &mut Vec<u8>,
    target: usize,
    rel: &str,
) -> Result<bool, Problem> {
    while buf.len() < target {
        let old = buf.len();
        buf.resize(target.max(old + 1), 0);
        match reader.read(&mut buf[old..]) {
            Ok(0) => {
                buf.truncate(old);
                return Ok(true);
            }
            Ok(n) => buf.truncate(old + n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => buf.truncate(old),
            Err(e) => {
                buf.truncate(old);
                return Err(file_problem(
                    rel,
                    "unreadable",
                    format!("cannot read the file: {e}"),
                ));
            }
        }
    }
    Ok(false)
}

fn csv_header_in(
    buf: &[u8],
    rel: &str,
    delimiter: u8,
    eof: bool,
) -> Result<(Header, usize, u64), Problem> {
    let r = csv_header(buf, rel, delimiter)?;
    if !eof && r.1 >= buf.len() {
        return Err(file_problem(
            rel,
            "bad-header",
            "the header row is longer than 16 MiB: expected a CSV header row".into(),
        ));
    }
    Ok(r)
}

/// The sequential path: one csv reader over the whole input.
#[allow(clippy::too_many_arguments)]
fn csv_sequential<H, T>(
    open: &dyn Fn() -> Result<Box<dyn Read + Send>, Problem>,
    rel: &str,
    delimiter: u8,
    h: &H,
    n_fields: usize,
    f: &RowCallback<'_, H, T>,
    sink: &mut Sink<'_, T>,
    problems: &mut Vec<Problem>,
) -> Result<(), Problem> {
    let mut bytes = Vec::new();
    open()?
        .read_to_end(&mut bytes)
        .map_err(|e| file_problem(rel, "unreadable", format!("cannot read the file: {e}")))?;
    let (_, consumed, next_line) = csv_header(&bytes, rel, delimiter)?;
    let (mut rows, p, _) = parse_chunk(
        &bytes[consumed.min(bytes.len())..],
        next_line,
        delimiter,
        rel,
        n_fields,
        &|raw: &RawRow<'_>, pr: &mut Vec<Problem>| f(h, raw, pr),
        Vec::new(),
    );
    sink(Some(&mut rows), 1.0);
    problems.extend(p);
    Ok(())
}

fn parse_chunk<T>(
    bytes: &[u8],
    line0: u64,
    delimiter: u8,
    rel: &str,
    n_fields: usize,
    f: &dyn Fn(&RawRow<'_>, &mut Vec<Problem>) -> Option<T>,
    mut rows: Vec<T>,
) -> (Vec<T>, Vec<Problem>, bool) {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rec = csv::ByteRecord::new();
    // Most rows are longer than 64 bytes: reserve so that the row vector rarely grows.
    rows.clear();
    rows.reserve(bytes.len() / 64 + 1);
    let mut problems = Vec::new();
    let mut ranges: Vec<Range<usize>> = Vec::with_capacity(n_fields);
    let mut structural = false;
    let mut last_line = 1u64;
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let mut p = csv_error(rel, e);
                p.line += line0 - 1;
                problems.push(p);
                structural = true;
                continue;
            }
        }
        // The record's first line, counted back from where the reader stopped: blank lines
        // before the record and CRLF line ends cannot shift it.
        let line = {
            let end = rdr.position();
            let at = end.byte() as usize;
            let terminated = at > 0 && bytes.get(at - 1) == Some(&b'\n');
            // Line breaks inside the record (quoted); only looked for when the reader moved
            // on by more lines than the record's own end.
            let moved = end.line() - last_line;
            last_line = end.line();
            let inner = if moved > terminated as u64 {
                memchr::memchr_iter(b'\n', rec.as_slice()).count() as u64
            } else {
                0
            };
            (line0 + end.line() - 1).saturating_sub(terminated as u64 + inner)
        };
        if rec.len() != n_fields {
            // A trailing empty field from a line ending in a delimiter is tolerated.
            structural = true;
            problems.push(Problem {
                file: rel.into(),
                line,
                column: 0,
                level: Level::Error,
                kind: "field-count",
                message: format!(
                    "found {} fields: expected {} as in the header",
                    rec.len(),
                    n_fields
                ),
            });
            continue;
        }
        let text = match std::str::from_utf8(rec.as_slice()) {
            Ok(t) => t,
            Err(_) => {
                structural = true;
                let (col, msg) = rec
                    .iter()
                    .enumerate()
                    .find_map(|(i, fb)| {
                        std::str::from_utf8(fb)
                            .err()
                            .map(|e| (i, utf8_message(fb, e)))
                    })
                    .unwrap_or((0, "invalid UTF-8 across fields: expected UTF-8 text".into()));
                problems.push(Problem {
                    file: rel.into(),
                    line,
                    column: col as u64 + 1,
                    level: Level::Error,
                    kind: "bad-utf8",
                    message: msg,
                });
                continue;
            }
        };
        ranges.clear();
        let mut ok = true;
        for i in 0..rec.len() {
            let r = rec.range(i).unwrap_or(0..0);
            if text.get(r.clone()).is_none() {
                // The record is UTF-8 but a character straddles two fields.
                let fb = &rec.as_slice()[r.clone()];
                let msg = match std::str::from_utf8(fb) {
                    Err(e) => utf8_message(fb, e),
                    Ok(_) => "invalid UTF-8: expected UTF-8 text".to_string(),
                };
                problems.push(Problem {
                    file: rel.into(),
                    line,
                    column: i as u64 + 1,
                    level: Level::Error,
                    kind: "bad-utf8",
                    message: msg,
                });
                ok = false;
                break;
            }
            if r.len() > MAX_FIELD {
                problems.push(Problem {
                    file: rel.into(),
                    line,
                    column: i as u64 + 1,
                    level: Level::Error,
                    kind: "huge-field",
                    message: format!(
                        "field of {} bytes: expected at most {} bytes",
                        r.len(),
                        MAX_FIELD
                    ),
                });
                ok = false;
            }
            ranges.push(r);
        }
        if !ok {
            continue;
        }
        let row = RawRow {
            line,
            text,
            ranges: &ranges,
            columns: None,
        };
        if let Some(t) = f(&row, &mut problems) {
            rows.push(t);
        }
    }
    (rows, problems, structural)
}

/// Reads a JSON Lines file into a header (keys in order of first appearance) and rows.
pub fn jsonl_rows<T>(
    bytes: &[u8],
    rel: &str,
    mapped: &dyn Fn(&Header) -> Result<(), Problem>,
    f: &dyn Fn(&RawRow<'_>, &mut Vec<Problem>) -> Option<T>,
) -> Result<(Vec<T>, Vec<Problem>), Problem> {
    let mut problems = Vec::new();
    let mut objects: Vec<(u64, &str, serde_json::Map<String, serde_json::Value>)> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut any = false;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let lno = i as u64 + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let line = if i == 0 {
            line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
        } else {
            line
        };
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        any = true;
        let text = match std::str::from_utf8(line) {
            Ok(t) => t,
            Err(e) => {
                problems.push(Problem {
                    file: rel.into(),
                    line: lno,
                    column: e.valid_up_to() as u64 + 1,
                    level: Level::Error,
                    kind: "bad-utf8",
                    message: utf8_message(line, e),
                });
                continue;
            }
        };
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(serde_json::Value::Object(m)) => {
                for k in m.keys() {
                    if !keys.iter().any(|x| x == k) {
                        keys.push(k.clone());
                    }
                }
                objects.push((lno, text, m));
            }
            Ok(_) => problems.push(Problem {
                file: rel.into(),
                line: lno,
                column: 1,
                level: Level::Error,
                kind: "bad-json",
                message: "expected a JSON object per line".into(),
            }),
            Err(e) => problems.push(Problem {
                file: rel.into(),
                line: lno,
                column: e.column() as u64,
                level: Level::Error,
                kind: "bad-json",
                message: format!("invalid JSON: {e}"),
            }),
        }
    }
    if !any {
        return Err(file_problem(
            rel,
            "empty-file",
            "the file is empty: expected one JSON object per line".into(),
        ));
    }
    let header = Header {
        names: keys.clone(),
    };
    mapped(&header)?;
    let mut rows = Vec::new();
    let mut buf = String::new();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut cols: Vec<u64> = Vec::new();
    for (lno, text, m) in &objects {
        buf.clear();
        ranges.clear();
        cols.clear();
        for k in &keys {
            let start = buf.len();
            match m.get(k) {
                None | Some(serde_json::Value::Null) => {}
                Some(serde_json::Value::String(s)) => buf.push_str(s),
                Some(v) => buf.push_str(&v.to_string()),
            }
            ranges.push(start..buf.len());
            cols.push(key_column(text, k));
        }
        let row = RawRow {
            line: *lno,
            text: &buf,
            ranges: &ranges,
            columns: Some(&cols),
        };
        if let Some(t) = f(&row, &mut problems) {
            rows.push(t);
        }
    }
    Ok((rows, problems))
}

/// The 1-based character column of the top-level key `k` in a JSON object line (not a key
/// of a nested object, not text inside a value); 0 when not found.
fn key_column(line: &str, k: &str) -> u64 {
    let b = line.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                // Read the string to its closing quote.
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                let is_key = line
                    .get(i + 1..)
                    .is_some_and(|r| r.trim_start().starts_with(':'));
                if depth == 1 && is_key && line.get(start + 1..i) == Some(k) {
                    return line[..start].chars().count() as u64 + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    0
}

/// Whether a file is JSON Lines.
pub fn is_jsonl(f: &TableFile) -> bool {
    f.format == Format::Jsonl
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_key_columns_skip_values() {
        let line = r#"{"text":"created_at","note":"\"created_at\": 1","created_at":"nope"}"#;
        assert_eq!(key_column(line, "created_at"), 49);
        assert_eq!(key_column(line, "text"), 2);
        assert_eq!(key_column(line, "missing"), 0);
        let nested = r#"{"meta":{"created_at":"x"},"created_at":"BAD"}"#;
        assert_eq!(key_column(nested, "created_at"), 28);
    }

    #[test]
    fn boundaries_respect_quotes() {
        let body = b"1,\"a\nb\"\n2,c\n3,\"d\n\ne\"\n4,f\n";
        let targets: Vec<usize> = (1..body.len()).collect();
        let (found, last) = scan_boundaries(body, b',', &targets);
        assert_eq!(last, Some(body.len()));
        for (t, b) in targets.iter().zip(found) {
            let Some(b) = b else { continue };
            assert!(b >= *t);
            assert_eq!(body[b - 1], b'\n');
            let q = body[..b].iter().filter(|&&c| c == b'"').count();
            assert_eq!(q % 2, 0, "boundary inside quotes at {b}");
        }
    }

    #[test]
    fn a_quote_inside_an_unquoted_field_is_a_plain_character() {
        // `5"` does not open a quoted field, so the next line is a new record; and the
        // quoted field that follows does contain a line break.
        let body = b"1,a 5\" screen\n2,\"x\ny\"\n3,z\n";
        let (found, last) = scan_boundaries(body, b',', &[1, 16, 20]);
        assert_eq!(found, [Some(14), Some(22), Some(22)]);
        assert_eq!(last, Some(26));
        // Escaped quotes stay inside the field.
        let body = b"1,\"a \"\"q\"\"\nb\"\n2,c\n";
        let (_, last) = scan_boundaries(body, b',', &[]);
        assert_eq!(last, Some(body.len()));
        let (found, _) = scan_boundaries(body, b',', &[3]);
        assert_eq!(found, [Some(14)]);
    }
}
