//! Exit codes and messages of the command line.

use crate::{fixture, run, s};

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = run(&["report"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&["report", s(&fixture("basic")), "--bogus"]);
    assert_eq!(code, 2, "{err}");
    let d = tempfile::tempdir().expect("tmp");
    let (code, _, err) = run(&[
        "report",
        s(&fixture("basic")),
        "--out",
        s(d.path()),
        "--lang",
        "fr",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown language `fr`"), "{err}");
    let (code, _, err) = run(&[
        "report",
        s(&fixture("basic")),
        "--out",
        s(d.path()),
        "--only",
        "nosuch",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown plugin `nosuch`"), "{err}");
    let (code, _, err) = run(&[
        "report",
        s(&fixture("basic")),
        "--out",
        s(d.path()),
        "--format",
        "pdf",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown format `pdf`"), "{err}");
    let (code, _, err) = run(&[
        "report",
        s(&fixture("basic")),
        "--out",
        s(d.path()),
        "--period",
        "2026-03-09..2026-03-01",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("end lies before the start"), "{err}");
    assert!(
        std::fs::read_dir(d.path()).expect("dir").next().is_none(),
        "nothing is written on a usage error"
    );
}

#[test]
fn missing_folder_is_bad_input() {
    let (code, _, err) = run(&["validate", "/nonexistent/honeycomb/data"]);
    assert_eq!(code, 1);
    assert!(err.contains("not a folder"), "{err}");
}

#[test]
fn help_explains_the_commands() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for c in ["demo", "report", "validate", "plugins"] {
        assert!(out.contains(c), "{out}");
    }
    let (code, out, _) = run(&["plugins"]);
    assert_eq!(code, 0);
    // Built-in plugins in the order of the honeycomb (Kietzmann et al. 2011), then audience.
    let ids: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        ids,
        [
            "identity",
            "conversations",
            "sharing",
            "presence",
            "relationships",
            "reputation",
            "groups",
            "audience"
        ],
        "{out}"
    );
}

#[test]
fn validate_a_good_folder_exits_0() {
    let (code, out, err) = run(&["validate", s(&fixture("basic"))]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ok: no errors"), "{out}");
    assert!(out.contains("posts: 9"), "{out}");
}
