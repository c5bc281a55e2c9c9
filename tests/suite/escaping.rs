//! Untrusted text never becomes markup: the hostile fixture in every output.

use crate::{fixture, read, report_ok};

#[test]
fn hostile_text_stays_text_in_markdown_html_json_and_svg() {
    let d = tempfile::tempdir().expect("tmp");
    report_ok(&fixture("hostile"), d.path(), &[]);
    let md = read(&d.path().join("report.md"));
    let html = read(&d.path().join("report.html"));
    let json = read(&d.path().join("report.json"));

    // Markdown: the payloads are escaped, and template syntax is printed, not run.
    assert!(
        md.contains("\\<script\\>alert('title')\\</script\\>"),
        "{md}"
    );
    assert!(md.contains("@\\<img src=x onerror=alert(1)\\>"), "{md}");
    assert!(md.contains("\\{\\{ 7\\*7 \\}\\}"), "{md}");
    assert!(!md.contains("49"), "template syntax in data was evaluated");

    // HTML: no element or attribute from the data; our page has no script at all.
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<img",
        "<iframe",
        "<svg onload",
        "onerror=\"",
        "href=\"javascript",
        "src=\"https://evil",
    ] {
        assert!(!lower.contains(bad), "found {bad} in the HTML");
    }
    assert!(
        html.contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;")
            || html.contains("&lt;script&gt;alert('title')&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("{{ 7*7 }}"),
        "the title's template syntax is shown as text"
    );
    assert!(
        html.contains("script-src") || html.contains("default-src 'none'"),
        "a CSP forbids scripts"
    );

    // JSON keeps the raw strings (it is data, not markup).
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        v["meta"]["title"],
        "<script>alert('title')</script> Hostile {{ 7*7 }} {.evil style=position:fixed onclick=alert(1)}"
    );
    assert_eq!(v["meta"]["brand"][0], "@<img src=x onerror=alert(1)>");

    // Metrics files: a cell that a spreadsheet would run as a formula gets a leading quote.
    let accounts = read(&d.path().join("metrics/accounts.csv"));
    assert!(
        accounts.contains("u2,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\""),
        "{accounts}"
    );

    // SVG charts carry no markup from the data either.
    for entry in std::fs::read_dir(d.path().join("charts")).expect("charts") {
        let svg = read(&entry.expect("entry").path()).to_lowercase();
        assert!(
            !svg.contains("<script") && !svg.contains("onload=") && !svg.contains("<foreignobject"),
            "{svg}"
        );
    }
}

#[test]
fn a_template_cannot_be_injected_through_a_custom_template_variable_typo() {
    // Strict undefined: a typo in a custom template is an error, not an empty string.
    let d = tempfile::tempdir().expect("tmp");
    let t = d.path().join("templates");
    std::fs::create_dir_all(&t).expect("mkdir");
    std::fs::write(t.join("report.md.j2"), "# {{ report.meta.titel }}\n").expect("write");
    let out = d.path().join("out");
    let (code, _, err) = crate::run(&[
        "report",
        crate::s(&fixture("basic")),
        "--out",
        crate::s(&out),
        "--templates",
        crate::s(&t),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("report.md.j2:1"), "{err}");
    assert!(!out.join("report.md").exists());
}
