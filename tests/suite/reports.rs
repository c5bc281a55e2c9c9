//! Whole reports: outputs, snapshots, determinism, JSON read-back, the demo.

use crate::{fixture, read, report_ok, run, s, tree};

#[test]
fn report_writes_every_output() {
    let d = tempfile::tempdir().expect("tmp");
    let stdout = report_ok(&fixture("basic"), d.path(), &[]);
    assert!(stdout.contains("Wrote"), "{stdout}");
    for f in [
        "report.md",
        "report.html",
        "report.json",
        "metrics/accounts.csv",
        "metrics/posts.csv",
        "charts/honeycomb.svg",
    ] {
        assert!(d.path().join(f).is_file(), "{f} missing");
    }
    let names: Vec<String> = tree(d.path()).into_iter().map(|(n, _)| n).collect();
    assert!(
        names.iter().all(|n| !n.contains(".tmp")),
        "temporary files left: {names:?}"
    );

    let posts = read(&d.path().join("metrics/posts.csv"));
    let header = posts.lines().next().expect("header");
    assert!(header.starts_with("id,author,created_at,kind,reply_to,repost_of,quote_of,likes,reposts,replies,views,engagement"), "{header}");
    assert!(
        posts.contains("\np2,u1,2026-03-02T19:30:00Z,reply,p1,"),
        "{posts}"
    );
    assert!(
        posts.contains("\np5,u3,2026-03-04T07:45:00Z,repost,,p1,"),
        "{posts}"
    );
    let accounts = read(&d.path().join("metrics/accounts.csv"));
    assert!(
        accounts.contains("\nb1,bakkerij,mastodon,true,true,3,2,1,0,0,"),
        "{accounts}"
    );

    let html = read(&d.path().join("report.html"));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"), "charts are inlined");
    assert!(!html.contains("<img"), "no external images");
}

#[test]
fn report_json_reads_back_and_evidence_exists() {
    let d = tempfile::tempdir().expect("tmp");
    report_ok(&fixture("basic"), d.path(), &[]);
    let v: serde_json::Value =
        serde_json::from_str(&read(&d.path().join("report.json"))).expect("json");
    assert_eq!(v["schema"], "honeycomb-report/1");
    assert_eq!(v["meta"]["timezone"], "Europe/Amsterdam");
    assert_eq!(v["meta"]["brand"][0], "@bakkerij");
    assert_eq!(v["honeycomb"].as_array().expect("blocks").len(), 7);
    let sections = v["sections"].as_array().expect("sections");
    let ids: Vec<&str> = sections.iter().filter_map(|s| s["id"].as_str()).collect();
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
        ]
    );
    assert!(
        sections[0]
            .get("entity_columns")
            .is_none_or(|c| c.as_array().is_some_and(|a| a.is_empty()))
    );
    for r in v["recommendations"].as_array().expect("recs") {
        let sec = sections
            .iter()
            .find(|x| x["id"] == r["section"])
            .expect("section of rec");
        for e in r["evidence"].as_array().expect("evidence") {
            let key = &e["key"];
            assert!(
                sec["metrics"]
                    .as_array()
                    .expect("metrics")
                    .iter()
                    .any(|m| &m["key"] == key),
                "evidence {key} is not a metric of {}",
                r["section"]
            );
        }
    }
}

#[test]
fn same_input_gives_identical_bytes() {
    let a = tempfile::tempdir().expect("tmp");
    let b = tempfile::tempdir().expect("tmp");
    report_ok(&fixture("basic"), a.path(), &[]);
    report_ok(&fixture("basic"), b.path(), &[]);
    let ta = tree(a.path());
    let tb = tree(b.path());
    assert_eq!(ta.len(), tb.len());
    for ((na, ba), (nb, bb)) in ta.iter().zip(&tb) {
        assert_eq!(na, nb);
        assert!(ba == bb, "{na} differs between two runs");
    }
}

#[test]
fn snapshots_of_the_basic_report() {
    for lang in ["en", "nl"] {
        let d = tempfile::tempdir().expect("tmp");
        report_ok(&fixture("basic"), d.path(), &["--lang", lang]);
        insta::assert_snapshot!(
            format!("basic_report_md_{lang}"),
            read(&d.path().join("report.md"))
        );
        insta::assert_snapshot!(
            format!("basic_report_html_{lang}"),
            read(&d.path().join("report.html"))
        );
    }
}

#[test]
fn period_limits_the_posts() {
    let d = tempfile::tempdir().expect("tmp");
    report_ok(
        &fixture("basic"),
        d.path(),
        &["--period", "2026-03-02..2026-03-03"],
    );
    let posts = read(&d.path().join("metrics/posts.csv"));
    let ids: Vec<&str> = posts
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().expect("id"))
        .collect();
    assert_eq!(ids, ["p1", "p2", "p3", "p4"]);
    let v: serde_json::Value =
        serde_json::from_str(&read(&d.path().join("report.json"))).expect("json");
    assert_eq!(
        v["meta"]["period"],
        serde_json::json!(["2026-03-02", "2026-03-03"])
    );
}

#[test]
fn a_rerun_leaves_no_files_of_the_earlier_run() {
    let d = tempfile::tempdir().expect("tmp");
    report_ok(&fixture("basic"), d.path(), &[]);
    assert!(d.path().join("report.html").is_file());
    std::fs::write(d.path().join("notes.txt"), "mine").expect("write");
    report_ok(&fixture("basic"), d.path(), &["--format", "json"]);
    assert!(
        !d.path().join("report.html").exists(),
        "the old page is gone"
    );
    assert!(!d.path().join("report.md").exists());
    assert!(!d.path().join("charts/honeycomb.svg").exists());
    assert!(d.path().join("report.json").is_file());
    assert!(d.path().join("metrics/posts.csv").is_file());
    assert!(
        d.path().join("notes.txt").is_file(),
        "files that are not honeycomb's stay"
    );
}

#[test]
fn formats_and_templates_can_be_chosen() {
    let d = tempfile::tempdir().expect("tmp");
    let t = d.path().join("tpl");
    std::fs::create_dir_all(t.join("strings")).expect("mkdir");
    std::fs::write(
        t.join("report.md.j2"),
        "# {{ report.meta.title }}\n\n{{ t.summary }}: {{ report.sections | length }}\n",
    )
    .expect("write");
    let out = d.path().join("out");
    report_ok(
        &fixture("basic"),
        &out,
        &["--format", "md", "--templates", s(&t)],
    );
    assert_eq!(
        read(&out.join("report.md")),
        "# Bakkerij Test — basic fixture\n\nExecutive summary: 8\n"
    );
    assert!(!out.join("report.html").exists());
    assert!(!out.join("report.json").exists());
}

#[test]
fn demo_writes_data_and_report_and_never_leaks_the_planted_email() {
    let d = tempfile::tempdir().expect("tmp");
    let (code, out, err) = run(&["demo", "--out", s(d.path())]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(d.path().join("data/posts.csv").is_file());
    for f in [
        "report.md",
        "report.html",
        "report.json",
        "metrics/accounts.csv",
        "metrics/posts.csv",
    ] {
        assert!(d.path().join("report").join(f).is_file(), "{f}");
    }
    let email = honeycomb::demo::PLANTED_EMAIL;
    for (name, bytes) in tree(&d.path().join("report")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(email),
            "{name} shows the planted e-mail address unmasked"
        );
    }
    let (code, _, err) = run(&["validate", s(&d.path().join("data"))]);
    assert_eq!(code, 0, "the demo data is valid: {err}");
}

#[test]
fn a_failing_plugin_leaves_an_error_box_and_exit_1_unless_keep_going() {
    let d = tempfile::tempdir().expect("tmp");
    let data = d.path().join("data");
    std::fs::create_dir_all(&data).expect("mkdir");
    for f in ["accounts.csv", "posts.csv"] {
        std::fs::copy(fixture("basic").join(f), data.join(f)).expect("copy");
    }
    std::fs::write(
        data.join("honeycomb.toml"),
        "[plugins.presence]\nbest_slots = 99\n",
    )
    .expect("write");
    let out = d.path().join("out");
    let (code, _, err) = run(&["report", s(&data), "--out", s(&out)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("plugin `presence` failed"), "{err}");
    let md = read(&out.join("report.md"));
    assert!(
        md.contains(
            "> **This section failed:** bad configuration: \\[plugins.presence\\] best\\_slots = 99"
        ),
        "{md}"
    );
    let v: serde_json::Value = serde_json::from_str(&read(&out.join("report.json"))).expect("json");
    let presence = v["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["id"] == "presence")
        .expect("presence section");
    assert!(
        presence["error"]
            .as_str()
            .is_some_and(|e| e.contains("best_slots"))
    );
    let (code, _, _) = run(&["report", s(&data), "--out", s(&out), "--keep-going"]);
    assert_eq!(code, 0);
}

#[test]
fn a_section_template_replaces_the_generic_one_for_its_section() {
    let d = tempfile::tempdir().expect("tmp");
    let t = d.path().join("tpl/sections");
    std::fs::create_dir_all(&t).expect("mkdir");
    std::fs::write(
        t.join("presence.md.j2"),
        "Custom: {{ s.title }} has {{ s.metrics | length }} metrics.\n",
    )
    .expect("write");
    let out = d.path().join("out");
    report_ok(
        &fixture("basic"),
        &out,
        &[
            "--format",
            "md",
            "--templates",
            s(&d.path().join("tpl")),
            "--only",
            "presence",
        ],
    );
    let md = read(&out.join("report.md"));
    assert!(md.contains("## Presence\n\nCustom: Presence has "), "{md}");
    assert!(
        !md.contains("### Metrics"),
        "the generic section template was not used"
    );
}

#[test]
fn demo_report_surfaces_the_planted_complaint_and_copied_text() {
    let d = tempfile::tempdir().expect("tmp");
    let (code, out, err) = run(&["demo", "--out", s(d.path()), "--lang", "en"]);
    assert_eq!(code, 0, "{out}\n{err}");
    let report = d.path().join("report");
    // The copied brand post is flagged with its source, in the report and in the flags file.
    let flags = read(&report.join("metrics/sharing-flags.csv"));
    let copy = flags
        .lines()
        .find(|l| l.starts_with("uncredited_copy,"))
        .expect("an uncredited copy is flagged");
    assert!(
        copy.contains(honeycomb::demo::PLANTED_COPY_POST_ID)
            && copy.contains(honeycomb::demo::PLANTED_COPY_SOURCE_ID),
        "{copy}"
    );
    // The unanswered complaint is listed, and answering it is the first thing to do.
    let v: serde_json::Value =
        serde_json::from_str(&read(&report.join("report.json"))).expect("report.json");
    let conv = v["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["id"] == "conversations")
        .expect("conversations section");
    let listed = conv["tables"].as_array().expect("tables").iter().any(|t| {
        t["rows"].as_array().is_some_and(|rows| {
            rows.iter().any(|r| {
                let cells: Vec<&str> = r
                    .as_array()
                    .map(|c| c.iter().filter_map(|x| x.as_str()).collect())
                    .unwrap_or_default();
                cells.contains(&"@mark_dekker")
                    && cells.iter().any(|c| c.contains("Slechte service"))
            })
        })
    });
    assert!(
        listed,
        "the planted complaint is in a table of open conversations"
    );
    // The planted problems lead the advice. The two behind critical findings come first
    // (the ranking rule: priority, then urgency): the copied post (sharing, the weakest
    // block) and the brand's reply that discloses a customer's e-mail address (identity).
    // The unanswered complaint is high priority and among the first five.
    let actions: Vec<&str> = v["recommendations"]
        .as_array()
        .expect("recommendations")
        .iter()
        .filter_map(|r| r["action"].as_str())
        .collect();
    let leak_post = honeycomb::demo::PLANTED_EMAIL_POST_ID;
    assert!(
        actions[0].contains("@koffieblog_anna") && actions[1].contains(leak_post),
        "first advice: {actions:?}"
    );
    let complaint = actions.iter().position(|a| a.contains("@mark_dekker"));
    assert!(
        complaint.is_some_and(|k| k < 5),
        "the complaint among the first five: {actions:?}"
    );
    assert_eq!(
        v["recommendations"][complaint.unwrap_or(0)]["priority"],
        "high"
    );
}

#[test]
fn demo_report_never_prints_the_planted_email_address() {
    // Issue 5: the planted address is found (identity counts and lists it, masked) and no
    // output file holds it in full.
    let d = tempfile::tempdir().expect("tmp");
    for lang in ["en", "nl"] {
        let out = d.path().join(lang);
        let (code, o, err) = run(&["demo", "--out", s(&out), "--lang", lang]);
        assert_eq!(code, 0, "{o}\n{err}");
        let report = out.join("report");
        let email = honeycomb::demo::PLANTED_EMAIL;
        let mut files = 0;
        for e in walkdir::WalkDir::new(&report) {
            let e = e.expect("walk");
            if e.file_type().is_file() {
                files += 1;
                let bytes = std::fs::read(e.path()).expect("read");
                let text = String::from_utf8_lossy(&bytes);
                assert!(
                    !text.contains(email),
                    "{} prints the planted address",
                    e.path().display()
                );
            }
        }
        assert!(files > 10, "{files} files written");
        // …while the data holds it, and identity found it.
        assert!(read(&out.join("data/posts.csv")).contains(email));
        let pd = read(&report.join("metrics/identity-personal-data.csv"));
        let row = pd
            .lines()
            .find(|l| l.contains(honeycomb::demo::PLANTED_EMAIL_POST_ID))
            .unwrap_or_else(|| panic!("the planted post is listed: {pd}"));
        assert!(row.contains("j***@e"), "masked as the design says: {row}");
    }
}

/// The demo's strategy part: the executive summary and the ranked recommendation list
/// (priority, block, action, evidence), in both languages, as snapshots; and every piece of
/// evidence a recommendation names is a metric with a value in its section of report.json,
/// shown with the same display string.
#[test]
fn demo_summary_and_recommendations_with_evidence_that_exists() {
    for lang in ["en", "nl"] {
        let d = tempfile::tempdir().expect("tmp");
        let (code, out, err) = run(&["demo", "--out", s(d.path()), "--lang", lang]);
        assert_eq!(code, 0, "{out}\n{err}");
        let v: serde_json::Value =
            serde_json::from_str(&read(&d.path().join("report/report.json"))).expect("json");
        let sections = v["sections"].as_array().expect("sections");
        let recs = v["recommendations"].as_array().expect("recommendations");
        assert!(recs.len() >= 10, "{} recommendations", recs.len());
        let mut text = String::new();
        for line in v["summary"].as_array().expect("summary") {
            text.push_str(&format!("- {}\n", line.as_str().expect("line")));
        }
        text.push('\n');
        for (i, r) in recs.iter().enumerate() {
            assert_eq!(r["rank"], i + 1);
            let sec = sections
                .iter()
                .find(|x| x["id"] == r["section"])
                .expect("the recommendation's section is in the report");
            let evidence = r["evidence"].as_array().expect("evidence");
            assert!(!evidence.is_empty(), "advice without evidence: {r}");
            let mut shown = Vec::new();
            for e in evidence {
                let m = sec["metrics"]
                    .as_array()
                    .expect("metrics")
                    .iter()
                    .find(|m| m["key"] == e["key"])
                    .unwrap_or_else(|| {
                        panic!("evidence {} is not a metric of {}", e["key"], r["section"])
                    });
                assert!(m["value"].is_number(), "evidence {} has no value", e["key"]);
                assert_eq!(m["display"], e["display"], "{}", e["key"]);
                assert_eq!(m["label"], e["label"], "{}", e["key"]);
                shown.push(format!(
                    "{} = {}",
                    e["key"].as_str().unwrap_or(""),
                    e["display"].as_str().unwrap_or("")
                ));
            }
            text.push_str(&format!(
                "{}. [{} · {}] {}\n   {}\n",
                r["rank"],
                r["priority"].as_str().unwrap_or(""),
                r["block"].as_str().unwrap_or(""),
                r["action"].as_str().unwrap_or(""),
                shown.join("; ")
            ));
        }
        insta::assert_snapshot!(format!("demo_strategy_{lang}"), text);
    }
}

/// Period comparison on the demo data: March against the 31 days before it. Every value in
/// the "before" column equals the same metric of a separate report on that earlier period,
/// the "now" column the report's own; the Markdown says the changes in words, the HTML page
/// with arrows.
#[test]
fn period_comparison_matches_a_separate_report_on_the_previous_period() {
    let d = tempfile::tempdir().expect("tmp");
    let (code, out, err) = run(&["demo", "--out", s(d.path()), "--lang", "en"]);
    assert_eq!(code, 0, "{out}\n{err}");
    let data = d.path().join("data");
    let march = d.path().join("march");
    let before = d.path().join("before");
    report_ok(
        &data,
        &march,
        &["--period", "2026-03-01..2026-03-31", "--lang", "en"],
    );
    report_ok(
        &data,
        &before,
        &["--period", "2026-01-29..2026-02-28", "--lang", "en"],
    );
    let json = |dir: &std::path::Path| -> serde_json::Value {
        serde_json::from_str(&read(&dir.join("report.json"))).expect("json")
    };
    let (now, then) = (json(&march), json(&before));
    let c = &now["comparison"];
    assert_eq!(c["status"], "compared");
    assert_eq!(c["previous"][0], "2026-01-29");
    assert_eq!(c["previous"][1], "2026-02-28");
    let rows = c["rows"].as_array().expect("rows");
    let metric = |r: &serde_json::Value, key: &str| -> Option<serde_json::Value> {
        let sec = r["sections"]
            .as_array()?
            .iter()
            .find(|s| key.starts_with(&format!("{}.", s["id"].as_str().unwrap_or("?"))))?;
        if key.ends_with(".score") {
            return Some(sec["score"]["value"].clone());
        }
        sec["metrics"]
            .as_array()?
            .iter()
            .find(|m| m["key"] == key)
            .map(|m| m["value"].clone())
    };
    let mut per_block = std::collections::BTreeMap::new();
    for row in rows {
        let key = row["key"].as_str().expect("key");
        assert_eq!(
            Some(row["previous"].clone()),
            metric(&then, key),
            "{key} before"
        );
        assert_eq!(Some(row["current"].clone()), metric(&now, key), "{key} now");
        *per_block
            .entry(row["section"].as_str().unwrap_or(""))
            .or_insert(0) += 1;
    }
    assert_eq!(
        per_block.len(),
        8,
        "every block and the audience are compared: {per_block:?}"
    );
    assert!(
        per_block.values().all(|&n| n >= 4),
        "score + headline metrics: {per_block:?}"
    );
    // Response rate in percentage points, by hand from the two reports.
    let rate = rows
        .iter()
        .find(|r| r["key"] == "conversations.response_rate")
        .expect("response rate row");
    let by_hand = metric(&now, "conversations.response_rate")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
        - metric(&then, "conversations.response_rate")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
    assert!((rate["change"].as_f64().unwrap_or(f64::NAN) - by_hand).abs() < 1e-9);
    assert_eq!(rate["change_unit"], "pp");
    let md = read(&march.join("report.md"));
    let html = read(&march.join("report.html"));
    let words = rate["words"].as_str().expect("words");
    let arrow = rate["arrow"].as_str().expect("arrow");
    assert!(
        words.starts_with("up ") || words.starts_with("down "),
        "{words}"
    );
    assert!(md.contains(words), "Markdown states the change in words");
    assert!(
        !md.contains('▲') && !md.contains('▼'),
        "no arrows in Markdown"
    );
    assert!(html.contains(arrow), "HTML shows the arrow: {arrow}");
    // Without data before the period (the demo's own quarter) the report says so.
    let q = json(&d.path().join("report"));
    assert_eq!(q["comparison"]["status"], "no-data");
    assert!(
        q["comparison"]["note"]
            .as_str()
            .is_some_and(|n| n.contains("2025-10-03"))
    );
}
