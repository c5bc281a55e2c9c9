//! The HTML report in a real browser: headless Chromium loads the demo report and a hostile
//! report, dumps the DOM and takes a screenshot; the demo report is printed to PDF.
//!
//! Chromium is found as `$HONEYCOMB_CHROMIUM`, else `chromium`, `chromium-browser` or
//! `google-chrome` on the PATH. Without one the tests fail, saying how to install it (CI's
//! `.ci/run` installs Debian's `chromium`), unless `HONEYCOMB_NO_BROWSER=1` is set: then they
//! pass with a message that they were skipped.

use crate::{read, report_ok};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The browser, or `None` (after saying so) when the browser tests are switched off.
fn chromium() -> Option<PathBuf> {
    if std::env::var("HONEYCOMB_NO_BROWSER").is_ok_and(|v| v == "1") {
        eprintln!("browser tests skipped: HONEYCOMB_NO_BROWSER=1");
        return None;
    }
    if let Ok(p) = std::env::var("HONEYCOMB_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    panic!(
        "headless Chromium is needed for the browser tests and was not found: install it \
         (Debian: apt-get install chromium), point HONEYCOMB_CHROMIUM at it, or set \
         HONEYCOMB_NO_BROWSER=1 to skip these tests locally"
    );
}

/// Runs headless Chromium on a file with extra arguments, in a fresh profile, with a time
/// limit; returns standard output.
fn headless(browser: &Path, page: &Path, extra: &[String]) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let url = format!(
        "file://{}",
        page.canonicalize().expect("page path").display()
    );
    let out_file = profile.path().join("stdout.txt");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-extensions",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("p").display()
        ))
        .args(extra)
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_file).expect("stdout file"))
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", browser.display()));
    let start = Instant::now();
    loop {
        match child.try_wait().expect("wait") {
            Some(status) => {
                assert!(status.success(), "chromium {extra:?} failed: {status}");
                break;
            }
            None if start.elapsed() > Duration::from_secs(45) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium {extra:?} took longer than 45 s");
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    std::fs::read_to_string(&out_file).expect("chromium output")
}

/// A CSV cell, quoted.
fn q(v: &str) -> String {
    format!("\"{}\"", v.replace('"', "\"\""))
}

/// A data folder whose every text field carries script payloads, some of which would change
/// the page visibly (title, a body attribute) if they ever ran.
fn hostile_data(dir: &Path) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let pwn_title = "<script>document.title='PWNED'</script>";
    let pwn_attr = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";
    let svg = "<svg><script>document.body.setAttribute('data-pwned','svg')</script></svg>";
    let break_out = "\"><svg onload=alert(1)>";
    let md_link = "[x](javascript:alert(1))";
    std::fs::write(
        dir.join("honeycomb.toml"),
        format!(
            "[report]\ntitle = {:?}\nlang = \"en\"\nbrand = [\"evil\"]\n",
            format!("{pwn_title} Report")
        ),
    )
    .expect("toml");
    let mut accounts =
        String::from("id,handle,display_name,bio,location,url,followers,following\n");
    accounts.push_str(&format!(
        "evil,{},{},{},{},{},10,5\n",
        q(pwn_attr),
        q(pwn_title),
        q(&format!("{md_link} {svg} {break_out}")),
        q(break_out),
        q("javascript:alert(1)")
    ));
    accounts.push_str(&format!(
        "fan,{},{},{},Utrecht,https://example.org,3,7\n",
        q("fan<style>body{display:none}</style>"),
        q("<iframe src=javascript:alert(1)>"),
        q("<a href=javascript:alert(1)>click</a>")
    ));
    std::fs::write(dir.join("accounts.csv"), accounts).expect("accounts");
    let mut posts = String::from("id,author,created_at,text,reply_to,hashtags,urls,likes\n");
    let texts = [
        format!("{pwn_title} hello #coffee"),
        format!("{pwn_attr} {md_link}"),
        format!("{svg} @evil"),
        format!("{break_out} <object data=javascript:alert(1)>"),
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math> ![i](javascript:alert(1))"
            .to_string(),
        "<base href=\"javascript:alert(1)//\"> <meta http-equiv=refresh content=0;url=javascript:alert(1)>".to_string(),
    ];
    for (i, t) in texts.iter().enumerate() {
        let author = if i % 2 == 0 { "evil" } else { "fan" };
        let reply = if i > 0 {
            format!("p{}", i - 1)
        } else {
            String::new()
        };
        posts.push_str(&format!(
            "p{i},{author},2026-03-0{}T0{}:00:00Z,{},{reply},{},{},{}\n",
            i + 1,
            i + 1,
            q(t),
            q(&format!("<script>x</script>,onerror=alert({i})")),
            q("javascript:alert(1) https://example.org/<script>"),
            i
        ));
    }
    std::fs::write(dir.join("posts.csv"), posts).expect("posts");
}

/// The attribute names of every element in serialised HTML (the DOM dump): text is escaped
/// there, so every `<` starts markup.
fn elements(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        if html[i..].starts_with('/') || html[i..].starts_with('!') {
            continue;
        }
        let name_end = html[i..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .map_or(html.len(), |e| i + e);
        let name = html[i..name_end].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut j = name_end;
        loop {
            while j < b.len() && (b[j] as char).is_whitespace() || j < b.len() && b[j] == b'/' {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let an_end = html[j..]
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .map_or(html.len(), |e| j + e);
            let an = html[j..an_end].to_ascii_lowercase();
            j = an_end;
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                    let quote = b[j] as char;
                    let end = html[j + 1..].find(quote).map_or(html.len(), |e| j + 1 + e);
                    value = html[j + 1..end].to_string();
                    j = end + 1;
                } else {
                    let end = html[j..]
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .map_or(html.len(), |e| j + e);
                    value = html[j..end].to_string();
                    j = end;
                }
            }
            attrs.push((an, value));
        }
        out.push((name, attrs));
        i = j.min(b.len());
    }
    out
}

fn assert_png(p: &Path) {
    let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 10_000,
        "{} is not a screenshot",
        p.display()
    );
}

#[test]
fn demo_and_hostile_reports_in_headless_chromium() {
    let Some(browser) = chromium() else { return };
    let d = tempfile::tempdir().expect("tmp");

    // The demo report: sections, table of contents and SVG charts are in the DOM.
    let data = d.path().join("demo-data");
    honeycomb::demo::write_demo(&data).expect("demo");
    let demo = d.path().join("demo");
    report_ok(&data, &demo, &["--format", "html", "--lang", "en"]);
    let page = demo.join("report.html");
    let dom = headless(&browser, &page, &["--dump-dom".to_string()]);
    let els = elements(&dom);
    let count = |n: &str| els.iter().filter(|(e, _)| e == n).count();
    let sections = els
        .iter()
        .filter(|(e, a)| {
            e == "section"
                && a.iter()
                    .any(|(k, v)| k == "class" && v.contains("report-section"))
        })
        .count();
    assert!(sections >= 10, "{sections} sections in the DOM");
    assert_eq!(
        count("h2"),
        sections + 1,
        "a heading per section, and Contents"
    );
    assert_eq!(count("h1"), 1);
    assert!(count("svg") >= 15, "{} SVG charts", count("svg"));
    assert!(count("figure") >= 15);
    assert!(dom.contains("The social-media honeycomb"));
    // Headings in order, charts with a title and description, header cells with a scope.
    let headings: Vec<u8> = els
        .iter()
        .filter_map(|(e, _)| match e.as_str() {
            "h1" => Some(1),
            "h2" => Some(2),
            "h3" => Some(3),
            "h4" => Some(4),
            _ => None,
        })
        .collect();
    assert!(
        headings.windows(2).all(|w| w[1] <= w[0] + 1),
        "heading levels skip: {headings:?}"
    );
    for (e, a) in &els {
        if e == "svg" {
            assert!(a.iter().any(|(k, v)| k == "role" && v == "img"), "{a:?}");
            assert!(a.iter().any(|(k, _)| k == "aria-labelledby"), "{a:?}");
        }
        if e == "th" {
            assert!(a.iter().any(|(k, _)| k == "scope"), "{a:?}");
        }
    }
    let toc_links = els
        .iter()
        .filter(|(e, a)| {
            e == "a"
                && a.iter()
                    .any(|(k, v)| k == "href" && v.starts_with('#') && v != "#main")
        })
        .count();
    assert!(toc_links >= sections, "{toc_links} contents links");
    let shot = d.path().join("demo.png");
    headless(
        &browser,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,2400".into(),
        ],
    );
    assert_png(&shot);

    // The hostile report: nothing from the data became an element or ran.
    let hostile = d.path().join("hostile-data");
    hostile_data(&hostile);
    let out = d.path().join("hostile");
    report_ok(&hostile, &out, &["--format", "html"]);
    let page = out.join("report.html");
    let source = read(&page);
    let dom = headless(&browser, &page, &["--dump-dom".to_string()]);
    let els = elements(&dom);
    for (e, attrs) in &els {
        assert!(
            !matches!(
                e.as_str(),
                "script" | "img" | "iframe" | "object" | "embed" | "math" | "base"
            ),
            "a <{e}> element in the DOM"
        );
        if e == "meta" {
            assert!(
                !attrs
                    .iter()
                    .any(|(k, v)| k == "http-equiv" && v.eq_ignore_ascii_case("refresh")),
                "a refresh meta"
            );
        }
        if e == "style" {
            assert_eq!(
                els.iter().filter(|(n, _)| n == "style").count(),
                1,
                "only the page's own stylesheet"
            );
        }
        for (k, v) in attrs {
            assert!(!k.starts_with("on"), "<{e} {k}={v}> in the DOM");
            assert!(k != "data-pwned", "a payload ran: <{e} {k}={v}>");
            assert!(
                !v.trim().to_ascii_lowercase().starts_with("javascript:"),
                "<{e} {k}={v}> in the DOM"
            );
        }
        if e == "svg" {
            assert!(
                attrs.iter().any(|(k, _)| k == "role"),
                "an SVG from the data: {attrs:?}"
            );
        }
    }
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or_default();
    assert!(
        title.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"),
        "the title is the escaped text: {title}"
    );
    assert!(!dom.contains("data-pwned=\""));
    // The payloads are visible as text.
    assert!(dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"));
    assert!(dom.contains("&lt;svg onload=alert(1)&gt;"), "{dom}");
    // The page forbids scripts, and the DOM equals what was written, element for element.
    assert!(source.contains("script-src 'none'"));
    let written = elements(&source);
    let names = |v: &[(String, Vec<(String, String)>)]| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for (e, _) in v {
            *m.entry(e.clone()).or_default() += 1;
        }
        m
    };
    let (a, b) = (names(&written), names(&els));
    for (e, n) in b.iter().filter(|(e, _)| e.as_str() != "tbody") {
        assert!(
            a.get(e).is_some_and(|w| w >= n),
            "<{e}> ×{n} in the DOM, {:?} in the file",
            a.get(e)
        );
    }
    let shot = d.path().join("hostile.png");
    headless(
        &browser,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,1600".into(),
        ],
    );
    assert_png(&shot);
}

/// A PDF's objects: number → dictionary text (streams are left out).
fn pdf_objects(pdf: &[u8]) -> BTreeMap<u32, String> {
    let text = String::from_utf8_lossy(pdf);
    let mut out = BTreeMap::new();
    let mut rest: &str = &text;
    while let Some(pos) = rest.find(" 0 obj") {
        let head = &rest[..pos];
        let num_start = head
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |p| p + 1);
        let body_start = pos + " 0 obj".len();
        let end = rest[body_start..]
            .find("endobj")
            .map_or(rest.len(), |e| body_start + e);
        if let Ok(n) = head[num_start..].parse::<u32>() {
            let body = &rest[body_start..end];
            let body = body.split("stream").next().unwrap_or(body);
            out.insert(n, body.to_string());
        }
        rest = &rest[end.min(rest.len())..];
        if rest.len() > 6 {
            rest = &rest[6..];
        } else {
            break;
        }
    }
    out
}

/// The value after `/Key` in a dictionary: a reference `N 0 R` as N.
fn pdf_ref(dict: &str, key: &str) -> Option<u32> {
    let i = dict.find(&format!("{key} "))? + key.len() + 1;
    dict[i..].split_whitespace().next()?.parse().ok()
}

/// An outline title: `(text)` or UTF-16 hex `<FEFF…>`.
fn pdf_title(dict: &str) -> String {
    let Some(i) = dict.find("/Title ") else {
        return String::new();
    };
    let t = &dict[i + 7..];
    if let Some(hex) = t.strip_prefix("<FEFF") {
        let hex = &hex[..hex.find('>').unwrap_or(hex.len())];
        let units: Vec<u16> = (0..hex.len() / 4)
            .filter_map(|k| u16::from_str_radix(&hex[k * 4..k * 4 + 4], 16).ok())
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(p) = t.strip_prefix('(') {
        p[..p.find(')').unwrap_or(p.len())].to_string()
    } else {
        String::new()
    }
}

#[test]
fn the_demo_report_prints_each_section_on_its_own_page() {
    let Some(browser) = chromium() else { return };
    let d = tempfile::tempdir().expect("tmp");
    let data = d.path().join("data");
    honeycomb::demo::write_demo(&data).expect("demo");
    let out = d.path().join("report");
    report_ok(&data, &out, &["--format", "html"]);
    let page = out.join("report.html");
    let html = read(&page);
    let sections = html.matches("<section class=\"report-section\"").count();
    assert!(sections >= 10);
    let pdf_path = d.path().join("report.pdf");
    headless(
        &browser,
        &page,
        &[
            format!("--print-to-pdf={}", pdf_path.display()),
            "--no-pdf-header-footer".into(),
            "--generate-pdf-document-outline".into(),
        ],
    );
    let pdf = std::fs::read(&pdf_path).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let objs = pdf_objects(&pdf);
    // The pages in order, from the page tree.
    let catalog = objs
        .values()
        .find(|d| d.contains("/Type /Catalog"))
        .expect("catalog");
    let mut pages = Vec::new();
    let mut stack = vec![pdf_ref(catalog, "/Pages").expect("page tree")];
    while let Some(n) = stack.pop() {
        let dict = &objs[&n];
        if dict.contains("/Type /Pages") {
            let kids = dict
                .split("/Kids [")
                .nth(1)
                .and_then(|k| k.split(']').next())
                .expect("kids");
            let refs: Vec<u32> = kids
                .split(" R")
                .filter_map(|r| r.split_whitespace().next()?.parse().ok())
                .collect();
            stack.extend(refs.into_iter().rev());
        } else {
            pages.push(n);
        }
    }
    let count = pdf.windows(11).filter(|w| w == b"/Type /Page").count()
        - objs.values().filter(|d| d.contains("/Type /Pages")).count();
    assert_eq!(
        pages.len(),
        count,
        "pages in the tree and page objects agree"
    );
    // A title page with the contents, then at least a page per section; not absurdly many.
    assert!(
        pages.len() > sections && pages.len() < 80,
        "{} pages for {sections} sections",
        pages.len()
    );
    // The outline (headings): every section heading starts at the top of a page of its own.
    let outlines = pdf_ref(catalog, "/Outlines").expect("outline");
    let top = pdf_ref(&objs[&outlines], "/First").expect("outline entries");
    let mut h2 = Vec::new();
    let mut h1 = Some(top);
    while let Some(n) = h1 {
        let mut c = pdf_ref(&objs[&n], "/First");
        while let Some(k) = c {
            let dict = &objs[&k];
            let dest = dict
                .split("/Dest [")
                .nth(1)
                .and_then(|x| x.split(']').next())
                .expect("dest");
            let parts: Vec<&str> = dest.split_whitespace().collect();
            let page_obj: u32 = parts[0].parse().expect("page ref");
            let y: f64 = parts[5].parse().expect("y");
            let index = pages.iter().position(|&p| p == page_obj).expect("page");
            h2.push((pdf_title(dict), index, y));
            c = pdf_ref(dict, "/Next");
        }
        h1 = pdf_ref(&objs[&n], "/Next");
    }
    let body: Vec<&(String, usize, f64)> = h2.iter().filter(|(_, p, _)| *p > 0).collect();
    assert_eq!(body.len(), sections, "{h2:?}");
    for w in body.windows(2) {
        assert!(w[1].1 > w[0].1, "two sections on one page: {w:?}");
    }
    // A4 is 842 pt high; the top margin is 15 mm (42.5 pt).
    for (title, p, y) in &body {
        assert!(
            *y > 842.0 - 60.0,
            "{title} starts low on page {}: y = {y}",
            p + 1
        );
    }
    eprintln!(
        "browser: the demo report prints on {} pages; sections start on pages {:?}",
        pages.len(),
        body.iter().map(|b| b.1 + 1).collect::<Vec<_>>()
    );
}
