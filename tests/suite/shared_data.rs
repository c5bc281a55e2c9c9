//! Finds the project's shared, read-only reference data (`../shared/data` seen from the
//! repository's root): real public graphs with NetworkX reference values.
//!
//! Looked for, in order: `$HONEYCOMB_SHARED_DATA`, then `shared/data` beside each folder
//! above this crate. When it is missing the tests that need it fail, unless
//! `HONEYCOMB_NO_SHARED_DATA=1` says that this machine has no copy (CI prints a warning then).

use std::path::PathBuf;

/// The shared data folder, or `None` when `HONEYCOMB_NO_SHARED_DATA=1` and it is absent.
/// Panics with a clear message when it is absent and absence was not declared.
pub fn shared_data() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("HONEYCOMB_SHARED_DATA") {
        let p = PathBuf::from(p);
        assert!(
            p.join("karate/reference.json").is_file(),
            "HONEYCOMB_SHARED_DATA={} has no karate/reference.json",
            p.display()
        );
        return Some(p);
    }
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for dir in here.ancestors() {
        let cand = dir.join("shared").join("data");
        if cand.join("karate/reference.json").is_file() {
            return Some(cand);
        }
    }
    if std::env::var("HONEYCOMB_NO_SHARED_DATA").as_deref() == Ok("1") {
        eprintln!("shared data not found; skipped because HONEYCOMB_NO_SHARED_DATA=1");
        return None;
    }
    panic!(
        "the shared reference data (shared/data with karate/reference.json) was not found \
         beside any folder above {}; set HONEYCOMB_SHARED_DATA=DIR, or \
         HONEYCOMB_NO_SHARED_DATA=1 to skip these tests",
        here.display()
    );
}

/// Reads a whitespace-separated edge list (`u v` per line; `#` comments skipped).
pub fn edge_list(text: &str) -> Vec<(u32, u32)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut it = l
                .split_whitespace()
                .map(|x| x.parse::<u32>().expect("node id"));
            (it.next().expect("u"), it.next().expect("v"))
        })
        .collect()
}
