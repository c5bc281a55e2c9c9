//! `honeycomb publish`: a static site per period or data folder, byte-identical on a re-run.

use crate::{fixture, read, run, s, tree};

fn demo_data(dir: &std::path::Path) -> std::path::PathBuf {
    let data = dir.join("data");
    honeycomb::demo::write_demo(&data).expect("demo data");
    data
}

#[test]
fn three_months_of_the_demo_give_an_index_with_three_entries_and_identical_bytes_again() {
    let d = tempfile::tempdir().expect("tmp");
    let data = demo_data(d.path());
    let site = d.path().join("site");
    let args = ["publish", s(&data), "--site", s(&site), "--every", "month"];
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("Published 3 pages"), "{out}");
    let names: Vec<String> = tree(&site).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            ".honeycomb-report",
            "2026-01.html",
            "2026-02.html",
            "2026-03.html",
            "index.html"
        ]
    );
    let index = read(&site.join("index.html"));
    let entries = index
        .split("<ol class=\"pages\">")
        .nth(1)
        .and_then(|r| r.split("</ol>").next())
        .expect("the list of pages");
    assert_eq!(entries.matches("<li>").count(), 3, "{entries}");
    for m in ["2026-01", "2026-02", "2026-03"] {
        assert!(
            entries.contains(&format!("<a href=\"{m}.html\">{m}</a>")),
            "{m}"
        );
    }
    // Headline figures and a sparkline per block, with text alternatives.
    assert!(index.contains("Posts</dt><dd>"), "{index}");
    assert_eq!(index.matches("<svg ").count(), 7);
    assert_eq!(index.matches("role=\"img\"").count(), 7);
    assert!(!index.to_lowercase().contains("<script"));
    // Each page is the whole report for its month, linking back to the index.
    let march = read(&site.join("2026-03.html"));
    assert!(march.contains("2026-03-01 – 2026-03-31"));
    assert!(march.contains("<a href=\"index.html\">"));
    assert!(march.contains("class=\"hc-chart hc-chart-honeycomb\""));

    // Again, into another folder and over the first: the same bytes.
    let again = d.path().join("again");
    let (code, ..) = run(&["publish", s(&data), "--site", s(&again), "--every", "month"]);
    assert_eq!(code, 0);
    assert!(tree(&site) == tree(&again), "a second run differs");
    let (code, ..) = run(&args);
    assert_eq!(code, 0);
    assert!(
        tree(&site) == tree(&again),
        "re-publishing over the site differs"
    );
    // Nothing left beside the site.
    let beside: Vec<String> = std::fs::read_dir(d.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

#[test]
fn folders_become_safe_unique_page_names_under_the_base_url() {
    let d = tempfile::tempdir().expect("tmp");
    let site = d.path().join("site");
    let basic = fixture("basic");
    let hostile = fixture("hostile");
    let (code, out, err) = run(&[
        "publish",
        s(&basic),
        s(&hostile),
        s(&basic),
        "--site",
        s(&site),
        "--base-url",
        "https://example.org/client reports",
    ]);
    assert_eq!(code, 2, "a space in the base URL is refused: {out}{err}");
    assert!(err.contains("--base-url"), "{err}");
    assert!(!site.exists(), "nothing was written");

    let (code, out, err) = run(&[
        "publish",
        s(&basic),
        s(&hostile),
        s(&basic),
        "--site",
        s(&site),
        "--base-url",
        "/client-reports",
    ]);
    assert_eq!(code, 0, "{out}\n{err}");
    let names: Vec<String> = tree(&site).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            ".honeycomb-report",
            "basic-2.html",
            "basic.html",
            "hostile.html",
            "index.html"
        ]
    );
    let index = read(&site.join("index.html"));
    assert!(index.contains("href=\"&#x2f;client-reports&#x2f;hostile.html\""));
    assert!(
        index.contains("<link rel=\"canonical\" href=\"&#x2f;client-reports&#x2f;index.html\">")
    );
    let lower = index.to_lowercase();
    for bad in ["<script", "<img", "onerror=\"", "href=\"javascript"] {
        assert!(!lower.contains(bad), "{bad} in the index");
    }
    let page = read(&site.join("hostile.html"));
    assert!(
        page.contains("<link rel=\"canonical\" href=\"&#x2f;client-reports&#x2f;hostile.html\">")
    );
    assert!(!page.to_lowercase().contains("<script"));
}

#[test]
fn a_foreign_folder_is_never_replaced_and_bad_options_are_usage_errors() {
    let d = tempfile::tempdir().expect("tmp");
    let site = d.path().join("mine");
    std::fs::create_dir_all(&site).expect("mkdir");
    std::fs::write(site.join("thesis.docx"), b"precious").expect("write");
    let basic = fixture("basic");
    let (code, _, err) = run(&["publish", s(&basic), "--site", s(&site)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not written by honeycomb"), "{err}");
    assert_eq!(read(&site.join("thesis.docx")), "precious");

    let other = d.path().join("site");
    let (code, _, err) = run(&["publish", s(&basic), "--site", s(&other), "--every", "week"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--every"), "{err}");
    let (code, _, err) = run(&[
        "publish",
        s(&basic),
        s(&basic),
        "--site",
        s(&other),
        "--every",
        "month",
    ]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&["publish", s(&basic), "--site", s(&basic)]);
    assert_eq!(code, 2, "the data folder is not a site: {err}");
    for url in [
        "javascript:alert(1)",
        "//evil.example",
        "/x\"><svg onload=alert(1)>",
    ] {
        let (code, _, err) = run(&["publish", s(&basic), "--site", s(&other), "--base-url", url]);
        assert_eq!(code, 2, "{url}: {err}");
    }
    assert!(!other.exists());
}
