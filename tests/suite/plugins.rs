//! Plugin libraries loaded at run time: the example plugin, fixture libraries that panic or
//! were built for another ABI version, files that are not plugins, and the `new-plugin`
//! scaffold. The libraries are built once per test run (`cargo build --release` on
//! `examples/word-count-plugin` and the fixture workspace `tests/plugins`, into
//! `<target>/plugin-fixtures`, which they share so honeycomb-core is compiled once).

use crate::{fixture, read, run, s};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

struct Libs {
    word_count: PathBuf,
    panicking: PathBuf,
    other_abi: PathBuf,
    not_a_plugin: PathBuf,
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repository")
        .to_path_buf()
}

/// `<target>/plugin-fixtures`: beside the profile folder of this test binary
/// (`<target>/<profile>/deps/suite-…`), so it follows CARGO_TARGET_DIR.
fn target_dir() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|e| Some(e.parent()?.parent()?.parent()?.join("plugin-fixtures")))
        .unwrap_or_else(|| repo().join("target").join("plugin-fixtures"))
}

/// Cargo runs one build at a time in the shared target folder anyway; this keeps the
/// tests' own builds from interleaving their output.
static CARGO: Mutex<()> = Mutex::new(());

fn cargo(args: &[&str], manifest: &Path) -> Result<(), String> {
    let _guard = CARGO.lock().unwrap_or_else(|e| e.into_inner());
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(args)
        .arg("--release")
        .arg("--manifest-path")
        .arg(manifest)
        .arg("--target-dir")
        .arg(target_dir())
        .output()
        .map_err(|e| format!("cargo cannot be started: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "cargo {args:?} --manifest-path {} failed:\n{}",
            manifest.display(),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

fn lib(name: &str) -> PathBuf {
    target_dir()
        .join("release")
        .join(honeycomb::scaffold::library_file(name))
}

fn libs() -> &'static Libs {
    static LIBS: OnceLock<Result<Libs, String>> = OnceLock::new();
    let r = LIBS.get_or_init(|| {
        cargo(
            &["build"],
            &repo().join("examples/word-count-plugin/Cargo.toml"),
        )?;
        cargo(
            &["build", "--workspace"],
            &repo().join("tests/plugins/Cargo.toml"),
        )?;
        Ok(Libs {
            word_count: lib("word-count"),
            panicking: lib("panicking"),
            other_abi: lib("other-abi"),
            not_a_plugin: lib("not-a-plugin"),
        })
    });
    match r {
        Ok(l) => l,
        Err(e) => panic!("building the plugin fixtures failed: {e}"),
    }
}

/// `honeycomb report DATA --out OUT ARGS…`.
fn report(data: &Path, out: &Path, args: &[&str]) -> (i32, String, String) {
    let mut a = vec!["report", s(data), "--out", s(out)];
    a.extend_from_slice(args);
    run(&a)
}

#[test]
fn good_plugin_section_in_markdown_html_and_json() {
    let l = libs();
    let d = tempfile::tempdir().expect("tmp");
    let (code, out, err) = report(
        &fixture("basic"),
        d.path(),
        &["--plugin", s(&l.word_count), "--lang", "en"],
    );
    assert_eq!(code, 0, "{out}\n{err}");
    let md = read(&d.path().join("report.md"));
    assert!(md.contains("Word count"), "{md}");
    assert!(md.contains("Words per post"), "{md}");
    assert!(
        md.contains("*word-count template*"),
        "its own template: {md}"
    );
    let html = read(&d.path().join("report.html"));
    assert!(html.contains("Word count") && html.contains("Words per post"));
    assert!(html.contains("<svg"), "the plugin's chart is drawn");
    let json: serde_json::Value =
        serde_json::from_str(&read(&d.path().join("report.json"))).expect("json");
    let sections = json["sections"].as_array().expect("sections");
    let wc = sections
        .iter()
        .find(|x| x["id"] == "word-count")
        .expect("word-count section");
    assert_eq!(wc["title"], "Word count");
    assert!(wc["error"].is_null(), "{wc}");
    assert!(
        wc["metrics"][0]["value"].as_f64().expect("mean") > 0.0,
        "{wc}"
    );
    assert!(
        sections.iter().any(|x| x["id"] == "presence"),
        "built-in plugins still run"
    );
    assert!(d.path().join("charts/word-count-lengths.svg").is_file());

    // The same id twice is refused.
    let (code, _, err) = report(
        &fixture("basic"),
        d.path(),
        &["--plugin", s(&l.word_count), "--plugin", s(&l.word_count)],
    );
    assert_eq!(code, 1);
    assert!(err.contains("already taken"), "{err}");

    // --only knows the plugin's id; a user template overrides the plugin's own.
    let t = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(t.path().join("sections")).expect("dir");
    std::fs::write(
        t.path().join("sections/word-count.md.j2"),
        "USER TEMPLATE {{ s.summary }}\n",
    )
    .expect("write");
    let o = tempfile::tempdir().expect("tmp");
    let (code, out, err) = report(
        &fixture("basic"),
        o.path(),
        &[
            "--plugin",
            s(&l.word_count),
            "--only",
            "word-count",
            "--templates",
            s(t.path()),
            "--format",
            "md",
        ],
    );
    assert_eq!(code, 0, "{out}\n{err}");
    let md = read(&o.path().join("report.md"));
    assert!(md.contains("USER TEMPLATE"), "{md}");
    assert!(!md.contains("word-count template"), "{md}");
}

#[test]
fn plugins_listed_in_honeycomb_toml_get_their_settings() {
    let l = libs();
    let data = tempfile::tempdir().expect("tmp");
    std::fs::write(
        data.path().join("posts.csv"),
        "id,author,created_at,text\n1,a,2026-03-01T10:00:00Z,one two three\n2,b,2026-03-02T10:00:00Z,just one\n",
    )
    .expect("posts");
    let lib = toml_string(&l.word_count);
    std::fs::write(
        data.path().join("honeycomb.toml"),
        format!("[report]\nplugins = [{lib}]\n\n[plugins.word-count]\nlong_post = 2\n"),
    )
    .expect("config");
    let out = tempfile::tempdir().expect("tmp");
    let (code, o, err) = report(
        data.path(),
        out.path(),
        &["--only", "word-count", "--format", "json"],
    );
    assert_eq!(code, 0, "{o}\n{err}");
    let json: serde_json::Value =
        serde_json::from_str(&read(&out.path().join("report.json"))).expect("json");
    let wc = &json["sections"][0];
    assert_eq!(wc["id"], "word-count");
    assert_eq!(wc["metrics"][0]["value"], 2.5);
    assert_eq!(
        wc["metrics"][1]["value"], 50.0,
        "long_post = 2 reached the plugin"
    );
}

fn toml_string(p: &Path) -> String {
    format!("\"{}\"", s(p).replace('\\', "\\\\").replace('"', "\\\""))
}

#[test]
fn panicking_plugin_leaves_an_error_box_and_exit_1() {
    let l = libs();
    let d = tempfile::tempdir().expect("tmp");
    let args = [
        "--plugin",
        s(&l.panicking),
        "--plugin",
        s(&l.word_count),
        "--lang",
        "en",
    ];
    let (code, out, err) = report(&fixture("basic"), d.path(), &args);
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(err.contains("plugin `panicking` failed"), "{err}");
    let md = read(&d.path().join("report.md"));
    assert!(
        md.contains("the plugin panicked: deliberate failure"),
        "{md}"
    );
    assert!(
        md.contains("Words per post"),
        "the other plugin's section is there"
    );
    let html = read(&d.path().join("report.html"));
    assert!(html.contains("deliberate failure"));
    assert!(
        !html.contains("<script>alert(1)</script>") && !html.contains("<b>plugin</b>"),
        "plugin text never becomes markup"
    );
    let json: serde_json::Value =
        serde_json::from_str(&read(&d.path().join("report.json"))).expect("json");
    let p = json["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|x| x["id"] == "panicking")
        .expect("panicking section")
        .clone();
    assert!(
        p["error"]
            .as_str()
            .is_some_and(|e| e.contains("deliberate failure")),
        "{p}"
    );

    let mut keep = args.to_vec();
    keep.push("--keep-going");
    let (code, out, err) = report(&fixture("basic"), d.path(), &keep);
    assert_eq!(code, 0, "{out}\n{err}");
}

#[test]
fn other_abi_version_is_refused_before_any_call() {
    // The fixture's other functions abort the process: this test finishing shows that only
    // the version function was called.
    let l = libs();
    let (code, _, err) = run(&["plugins", "--plugin", s(&l.other_abi)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("ABI version 999"), "{err}");
    assert!(err.contains("speaks ABI version 1"), "{err}");
    assert!(
        err.contains("rebuild the plugin against honeycomb-core"),
        "{err}"
    );
    let d = tempfile::tempdir().expect("tmp");
    let (code, _, err) = report(&fixture("basic"), d.path(), &["--plugin", s(&l.other_abi)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("ABI version 999"), "{err}");
    assert!(
        std::fs::read_dir(d.path()).expect("dir").next().is_none(),
        "nothing is written"
    );
}

#[test]
fn files_that_are_not_plugins() {
    let d = tempfile::tempdir().expect("tmp");
    let text = d.path().join("libnot_a_plugin.so");
    std::fs::write(&text, "this is not a library\n").expect("write");
    let (code, _, err) = run(&["plugins", "--plugin", s(&text)]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot be loaded as a library"), "{err}");
    let missing = d.path().join("libmissing.so");
    let (code, _, err) = run(&["plugins", "--plugin", s(&missing)]);
    assert_eq!(code, 1);
    assert!(err.contains("no such file"), "{err}");
    let out = d.path().join("out");
    let (code, _, err) = report(&fixture("basic"), &out, &["--plugin", s(&missing)]);
    assert_eq!(code, 1);
    assert!(err.contains("libmissing.so: no such file"), "{err}");
    assert!(!out.exists(), "nothing is written");

    // A real shared library without honeycomb's functions.
    let (code, _, err) = run(&["plugins", "--plugin", s(&libs().not_a_plugin)]);
    assert_eq!(code, 1);
    assert!(err.contains("not a honeycomb plugin"), "{err}");
    assert!(err.contains("export_plugin!"), "{err}");
}

#[test]
fn plugins_lists_what_a_library_provides() {
    let l = libs();
    let (code, out, err) = run(&["plugins", "--plugin", s(&l.word_count)]);
    assert_eq!(code, 0, "{err}");
    let line = out
        .lines()
        .find(|x| x.starts_with("word-count"))
        .expect("word-count line");
    assert!(line.contains("Word count"), "{line}");
    assert!(line.contains("reads: posts"), "{line}");
    assert!(line.contains("ABI 1"), "{line}");
    assert!(line.contains("own section template"), "{line}");
}

#[test]
fn new_plugin_scaffold_builds_and_loads() {
    let d = tempfile::tempdir().expect("tmp");
    let (code, out, err) = run(&["new-plugin", "link-share", "--path", s(d.path())]);
    assert_eq!(code, 0, "{out}\n{err}");
    let dir = d.path().join("link-share");
    for f in [
        "Cargo.toml",
        "Cargo.lock",
        "README.md",
        "src/lib.rs",
        "tests/plugin.rs",
        "sections/link-share.md.j2",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    let (code, _, err) = run(&["new-plugin", "link-share", "--path", s(d.path())]);
    assert_eq!(code, 1, "an existing folder is not overwritten");
    assert!(err.contains("exists already"), "{err}");
    let (code, _, err) = run(&["new-plugin", "Bad_Name", "--path", s(d.path())]);
    assert_eq!(code, 2);
    assert!(err.contains("not a usable plugin name"), "{err}");

    // The crate's own test passes, and it builds the library.
    for step in ["test", "build"] {
        if let Err(e) = cargo(&[step], &dir.join("Cargo.toml")) {
            panic!("{e}");
        }
    }
    let lib = lib("link-share");
    assert!(lib.is_file(), "{} missing", lib.display());
    let o = tempfile::tempdir().expect("tmp");
    let (code, out, err) = report(
        &fixture("basic"),
        o.path(),
        &["--plugin", s(&lib), "--only", "link-share", "--lang", "en"],
    );
    assert_eq!(code, 0, "{out}\n{err}");
    let md = read(&o.path().join("report.md"));
    assert!(
        md.contains("link-share"),
        "the title names the plugin: {md}"
    );
    assert!(md.contains("Posts with a link"), "{md}");
}
