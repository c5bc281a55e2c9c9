//! honeycomb's end-to-end tests: one test binary (one link on a two-core CI machine), one
//! module per concern. Fixture folders live in `tests/fixtures/`; snapshots in
//! `tests/suite/snapshots/`.

mod browser;
mod centrality;
mod cli;
mod communities;
mod escaping;
mod import;
mod loading;
mod networks;
mod plugins;
mod publish;
mod reports;
mod shared_data;

use std::path::{Path, PathBuf};

/// Runs the command line in-process; returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut full = vec!["honeycomb"];
    full.extend_from_slice(args);
    let code = honeycomb::cli::run(full, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// A fixture folder.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// A path as a `&str` for arguments.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Runs `honeycomb report DATA --out OUT` with extra arguments and asserts exit 0.
pub fn report_ok(data: &Path, out: &Path, extra: &[&str]) -> String {
    let mut args = vec!["report", s(data), "--out", s(out)];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {stderr}");
    stdout
}

/// Reads a file to a string.
pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// All files under a folder, relative path → bytes, sorted.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    v.sort();
    v
}
