//! `honeycomb publish`: a static site with one self-contained report page per data folder, or
//! per calendar month or quarter of one data folder (`--every`), and an index page with each
//! page's headline figures and the trend of every block score.
//!
//! - **Stable names**: a period page is named after the period (`2026-03.html`,
//!   `2026-q1.html`); a data folder's page after the folder (ASCII lowercase letters, digits
//!   and `-`, numbered when two folders give the same name, never `index`).
//! - **Deterministic**: pages are made in a fixed order, nothing depends on the clock, so the
//!   same input gives a byte-identical site that can be versioned and diffed.
//! - **Atomic**: the whole site is written into a temporary folder beside `--site` and then
//!   renamed into place; a reader sees the old site or the new one, never half a site. A folder
//!   that exists must be empty or an earlier honeycomb output (it has a `.honeycomb-report`
//!   marker), so a mistyped `--site` never replaces someone's files.
//! - **Safe**: the pages are the normal HTML report (no script, a Content-Security-Policy that
//!   forbids scripts, nothing loaded from elsewhere); the index is an auto-escaped template.

use crate::charts;
use crate::output::file_stem;
use crate::render::{self, PageLinks, Templates};
use crate::report::Report;
use crate::run::{self, Progress, RunError};
use honeycomb_core::time::{LocalClock, civil_from_days, days_from_civil};
use honeycomb_core::{Config, Context, ContextOptions, Lang, Period, Priority};
use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// How a data folder is split into pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    /// One page per calendar month.
    Month,
    /// One page per calendar quarter.
    Quarter,
}

impl std::str::FromStr for Every {
    type Err = String;
    fn from_str(s: &str) -> Result<Every, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "month" | "months" | "monthly" => Ok(Every::Month),
            "quarter" | "quarters" | "quarterly" => Ok(Every::Quarter),
            other => Err(format!("`{other}`: expected month or quarter")),
        }
    }
}

/// Everything `honeycomb publish` needs.
#[derive(Debug, Clone)]
pub struct PublishOptions {
    /// The data folders (one page each), or one data folder split by `every`.
    pub data: Vec<PathBuf>,
    /// The site folder to write.
    pub site: PathBuf,
    /// Split the one data folder into calendar months or quarters.
    pub every: Option<Every>,
    /// The site's address (`https://…/` or a path `/reports/`), validated by [`base_url`].
    pub base_url: Option<String>,
    /// Report language (overrides honeycomb.toml).
    pub lang: Option<Lang>,
    /// Template folder overriding the embedded templates.
    pub templates: Option<PathBuf>,
    /// Run only these plugins.
    pub only: Option<Vec<String>>,
    /// Skip bad rows.
    pub lenient: bool,
    /// Plugin libraries to load, besides each folder's `[report] plugins`.
    pub plugins: Vec<PathBuf>,
}

impl PublishOptions {
    /// Options with defaults.
    pub fn new(data: Vec<PathBuf>, site: impl Into<PathBuf>) -> PublishOptions {
        PublishOptions {
            data,
            site: site.into(),
            every: None,
            base_url: None,
            lang: None,
            templates: None,
            only: None,
            lenient: false,
            plugins: Vec::new(),
        }
    }
}

/// One page of the site, as the index lists it.
#[derive(Debug, Clone, Serialize)]
pub struct PageSummary {
    /// File name (`2026-03.html`).
    pub file: String,
    /// The link to it (relative, or under the base URL).
    pub href: String,
    /// What the page covers: the period (`2026-03`, `2026-Q1`) or the data folder's name.
    pub label: String,
    /// The report's title.
    pub title: String,
    /// The period's first and last day, when the page covers a period.
    pub period: Option<[String; 2]>,
    /// The data's first and last post day in the period, when the data does not cover all of
    /// it (a partial period).
    pub partial: Option<[String; 2]>,
    /// Posts in the page's period (all posts without a period).
    pub posts: u64,
    /// The posts count, localised.
    pub posts_display: String,
    /// The seven block scores.
    pub blocks: Vec<crate::report::BlockScore>,
    /// Number of high-priority recommendations.
    pub high: usize,
    /// The first recommendation's action.
    pub first_action: Option<String>,
}

/// The trend of one block across the pages.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    /// Localised block name.
    pub label: String,
    /// Inline SVG sparkline.
    pub svg: String,
    /// First and last score, localised (`–` when missing).
    pub first: String,
    /// Last score.
    pub last: String,
}

/// What a publish run produced.
#[derive(Debug)]
pub struct Published {
    /// The pages, in index order.
    pub pages: Vec<PageSummary>,
    /// Files written, relative to the site folder.
    pub files: Vec<String>,
    /// `page: plugin` for every plugin that failed on a page.
    pub failed: Vec<String>,
}

/// Validates `--base-url`: an `http://` or `https://` address with a host, or a path that
/// starts with `/`; no white space, quotes, angle brackets, backslashes, control characters,
/// query or fragment. Returns it ending in `/`.
pub fn base_url(s: &str) -> Result<String, String> {
    let bad = |why: &str| Err(format!("--base-url `{s}`: {why}"));
    if s.is_empty() {
        return bad("empty");
    }
    if let Some(c) = s.chars().find(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '"' | '\'' | '<' | '>' | '\\' | '`' | '?' | '#' | '{' | '}' | '|' | '^'
            )
    }) {
        return bad(&format!(
            "the character {c:?} is not allowed (percent-encode it)"
        ));
    }
    let lower = s.to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("https://") {
        r
    } else if let Some(r) = lower.strip_prefix("http://") {
        r
    } else if s.starts_with("//") {
        return bad("a scheme-relative address: write https://… or a path such as /reports/");
    } else if s.starts_with('/') {
        ""
    } else {
        return bad(
            "expected an http(s) address (https://example.org/reports/) or a path starting with / (/reports/)",
        );
    };
    if (lower.starts_with("http://") || lower.starts_with("https://"))
        && rest.split('/').next().is_none_or(str::is_empty)
    {
        return bad("no host after the scheme");
    }
    if s.split('/').any(|seg| seg == "..") {
        return bad("`..` is not allowed");
    }
    let mut out = s.to_string();
    if !out.ends_with('/') {
        out.push('/');
    }
    Ok(out)
}

/// A page name from a data folder's name: [`file_stem`] rules (ASCII lowercase letters,
/// digits, `-`), numbered `-2`, `-3`… when taken; `index` is always taken.
pub fn page_stem(name: &str, taken: &mut BTreeSet<String>) -> String {
    let base = file_stem(name);
    let mut stem = base.clone();
    let mut k = 2;
    while stem == "index" || !taken.insert(stem.clone()) {
        stem = format!("{base}-{k}");
        k += 1;
    }
    stem
}

/// One period page to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePeriod {
    /// File stem: `2026-03`, `2026-q1`.
    pub stem: String,
    /// Label: `2026-03`, `2026-Q1`.
    pub label: String,
    /// First and last day (inclusive), `YYYY-MM-DD`.
    pub days: [String; 2],
    /// The period as `FROM..TO`.
    pub spec: String,
    /// Whether the data starts after the first day or ends before the last.
    pub partial: bool,
}

use honeycomb_core::time::iso_date as ymd;

/// The calendar months or quarters touched by the local days `first..=last` (days since
/// 1970-01-01), in order.
pub fn periods(first: i64, last: i64, every: Every) -> Vec<SitePeriod> {
    let (y0, m0, _) = civil_from_days(first);
    let months = match every {
        Every::Month => 1,
        Every::Quarter => 3,
    };
    let mut y = y0;
    let mut m = (m0 - 1) / months * months + 1;
    let mut out = Vec::new();
    loop {
        let start = days_from_civil(y, m, 1);
        if start > last {
            break;
        }
        let (ny, nm) = if m + months > 12 {
            (y + 1, m + months - 12)
        } else {
            (y, m + months)
        };
        let end = days_from_civil(ny, nm, 1) - 1;
        let (stem, label) = match every {
            Every::Month => (format!("{y:04}-{m:02}"), format!("{y:04}-{m:02}")),
            Every::Quarter => {
                let q = (m - 1) / 3 + 1;
                (format!("{y:04}-q{q}"), format!("{y:04}-Q{q}"))
            }
        };
        out.push(SitePeriod {
            stem,
            label,
            days: [ymd(start), ymd(end)],
            spec: format!("{}..{}", ymd(start), ymd(end)),
            partial: first > start || last < end,
        });
        y = ny;
        m = nm;
    }
    out
}

/// The templates for a data folder: the embedded ones or `--templates`, plus the section
/// templates of plugin libraries.
fn templates_for(
    opts: &PublishOptions,
    libraries: &[crate::dynamic::PluginLibrary],
) -> Result<Templates, RunError> {
    let mut templates = match &opts.templates {
        Some(dir) => Templates::with_overrides(dir).map_err(|e| RunError::Usage(e.0))?,
        None => Templates::embedded(),
    };
    for lib in libraries {
        let name = format!("sections/{}.md.j2", lib.info.id);
        let overridden = opts
            .templates
            .as_ref()
            .is_some_and(|d| d.join(&name).is_file());
        if !overridden && let Some(src) = crate::dynamic::section_template(lib) {
            templates.insert(&name, src);
        }
    }
    Ok(templates)
}

/// A page made: its summary and its HTML.
struct Page {
    summary: PageSummary,
    html: String,
    lang: Lang,
}

/// Where the pages link to: relative names, or absolute under the base URL.
fn href(base: Option<&str>, file: &str) -> String {
    match base {
        Some(b) => format!("{b}{file}"),
        None => file.to_string(),
    }
}

#[allow(clippy::too_many_arguments)]
fn make_page(
    data: &honeycomb_core::Dataset,
    config: &Config,
    period: Option<Period>,
    plugins: &[Box<dyn honeycomb_core::Plugin>],
    problems: &[honeycomb_core::Problem],
    opts: &PublishOptions,
    templates: &Templates,
    (stem, label): (&str, &str),
    partial: Option<[String; 2]>,
    failed: &mut Vec<String>,
) -> Result<Page, RunError> {
    let mut cx_opts = ContextOptions::default();
    cx_opts.lang = opts.lang;
    cx_opts.period = period;
    let cx = Context::new(data, config, cx_opts);
    let results = run::run_plugins(plugins, &cx);
    let sections: Vec<honeycomb_core::Section> = results.into_iter().map(|r| r.0).collect();
    for s in sections.iter().filter(|s| s.error.is_some()) {
        failed.push(format!("{label}: {}", s.id));
    }
    let before = run::baseline(data, &cx, plugins);
    let report: Report = run::build_report(&cx, sections, problems, &before);
    let posts = data
        .posts
        .iter()
        .filter(|p| cx.in_period(p.created_at))
        .count() as u64;
    let lang = report.meta.lang;
    let file = format!("{stem}.html");
    let base = opts.base_url.as_deref();
    let links = PageLinks {
        canonical: base.map(|b| format!("{b}{file}")),
        index: Some(href(base, "index.html")),
        index_label: Some(lang.pick("All reports", "Alle rapporten").to_string()),
        label: Some(label.to_string()),
    };
    let charts = render::draw_charts(&report);
    let md = render::render_markdown(&report, templates, render::Target::Html)
        .map_err(|e| RunError::Render(e.0))?;
    let html = render::render_html_page(&report, &md, &charts, templates, &links)
        .map_err(|e| RunError::Render(e.0))?;
    let summary = PageSummary {
        href: href(base, &file),
        file,
        label: label.to_string(),
        title: report.meta.title.clone(),
        period: report.meta.period.clone(),
        partial,
        posts,
        posts_display: lang.int(posts),
        high: report
            .recommendations
            .iter()
            .filter(|r| r.priority == Priority::High)
            .count(),
        first_action: report.recommendations.first().map(|r| r.action.clone()),
        blocks: report.honeycomb.clone(),
    };
    Ok(Page {
        summary,
        html,
        lang,
    })
}

/// Checks `--site` before anything is computed: not a data folder, not holding one, and either
/// missing, empty, or an earlier honeycomb output.
fn check_site(opts: &PublishOptions) -> Result<(), RunError> {
    let site = &opts.site;
    if site.as_os_str().is_empty() {
        return Err(RunError::Usage("--site: empty path".into()));
    }
    if let Ok(s) = site.canonicalize() {
        for d in &opts.data {
            if let Ok(d) = d.canonicalize()
                && (d == s || d.starts_with(&s))
            {
                return Err(RunError::Usage(format!(
                    "--site {} holds the data folder {}: choose another folder",
                    site.display(),
                    d.display()
                )));
            }
        }
        if !s.is_dir() {
            return Err(RunError::Usage(format!(
                "--site {}: exists and is not a folder",
                site.display()
            )));
        }
        let empty = std::fs::read_dir(&s)
            .map_err(|e| RunError::Io(format!("{}: {e}", site.display())))?
            .next()
            .is_none();
        if !empty && !s.join(honeycomb_core::load::REPORT_MARKER).is_file() {
            return Err(RunError::Usage(format!(
                "--site {}: the folder exists, is not empty and was not written by honeycomb; choose a new or empty folder",
                site.display()
            )));
        }
    }
    Ok(())
}

/// Writes `files` as the folder `site`, atomically: into a temporary folder beside it, then
/// renamed into place (an earlier site is moved aside first and removed after).
pub fn write_site(site: &Path, files: &BTreeMap<String, Vec<u8>>) -> std::io::Result<()> {
    let parent = site
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let tmp = tempfile::Builder::new()
        .prefix(".honeycomb-site-")
        .tempdir_in(parent)?;
    for (rel, bytes) in files {
        if rel
            .split('/')
            .any(|c| c.is_empty() || c == ".." || c == ".")
            && rel != "."
        {
            return Err(std::io::Error::other(format!("unsafe file name {rel}")));
        }
        let p = tmp.path().join(rel);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut f = std::fs::File::create(&p)?;
        std::io::Write::write_all(&mut f, bytes)?;
        f.sync_data()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            f.set_permissions(std::fs::Permissions::from_mode(0o644))?;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755))?;
    }
    let tmp = tmp.keep();
    let result = (|| {
        if site.exists() {
            let old = tempfile::Builder::new()
                .prefix(".honeycomb-site-old-")
                .tempdir_in(parent)?;
            let old_path = old.path().join("site");
            std::fs::rename(site, &old_path)?;
            if let Err(e) = std::fs::rename(&tmp, site) {
                // Put the earlier site back.
                let _ = std::fs::rename(&old_path, site);
                return Err(e);
            }
            drop(old);
        } else {
            std::fs::rename(&tmp, site)?;
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

/// Runs `honeycomb publish`.
pub fn publish(opts: &PublishOptions, progress: &dyn Progress) -> Result<Published, RunError> {
    if opts.data.is_empty() {
        return Err(RunError::Usage("publish: no data folder given".into()));
    }
    if opts.every.is_some() && opts.data.len() != 1 {
        return Err(RunError::Usage(format!(
            "--every splits one data folder into periods; {} were given (publish several folders without --every)",
            opts.data.len()
        )));
    }
    let mut opts = opts.clone();
    if let Some(b) = &opts.base_url {
        opts.base_url = Some(base_url(b).map_err(RunError::Usage)?);
    }
    let opts = &opts;
    check_site(opts)?;

    let mut pages: Vec<Page> = Vec::new();
    let mut failed = Vec::new();
    let mut taken = BTreeSet::new();
    for data_dir in &opts.data {
        let mut paths = opts.plugins.clone();
        if let Ok(cfg) = Config::load(data_dir) {
            paths.extend(cfg.report.plugins.iter().map(|p| data_dir.join(p)));
        }
        let libraries = run::open_libraries(&paths)?;
        let templates = templates_for(opts, &libraries)?;
        let shared = std::sync::Arc::new(crate::dynamic::SharedInput::default());
        let plugins = run::select_plugins_with(opts.only.as_deref(), &libraries, &shared)?;
        progress.stage("load");
        let loaded = run::load(data_dir, opts.lenient)?;
        let tz = loaded.config.time_zone();
        progress.stage("analyse");
        match opts.every {
            None => {
                let name = data_dir
                    .canonicalize()
                    .ok()
                    .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .or_else(|| {
                        data_dir
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                    })
                    .unwrap_or_else(|| "report".to_string());
                let stem = page_stem(&name, &mut taken);
                pages.push(make_page(
                    &loaded.data,
                    &loaded.config,
                    None,
                    &plugins,
                    &loaded.problems,
                    opts,
                    &templates,
                    (&stem, &name),
                    None,
                    &mut failed,
                )?);
            }
            Some(every) => {
                // The posts' local days, within the configured period when there is one.
                let limit = loaded
                    .config
                    .report
                    .period
                    .as_deref()
                    .and_then(|p| Period::parse(p, &tz).ok());
                let mut clock = LocalClock::new(tz.clone());
                let mut span: Option<(i64, i64)> = None;
                for p in &loaded.data.posts {
                    if limit.is_some_and(|l| !l.contains(p.created_at)) {
                        continue;
                    }
                    let d = clock.local_day(p.created_at);
                    span = Some(span.map_or((d, d), |(a, b)| (a.min(d), b.max(d))));
                }
                let Some((first, last)) = span else {
                    return Err(RunError::Usage(format!(
                        "--every: {} has no posts{} to split into periods",
                        data_dir.display(),
                        if limit.is_some() {
                            " in its configured period"
                        } else {
                            ""
                        }
                    )));
                };
                for sp in periods(first, last, every) {
                    let period = Period::parse(&sp.spec, &tz).map_err(RunError::Usage)?;
                    let partial = sp.partial.then(|| {
                        let (a, b) = (
                            ymd(first.max(days_of(&sp.days[0]))),
                            ymd(last.min(days_of(&sp.days[1]))),
                        );
                        [a, b]
                    });
                    taken.insert(sp.stem.clone());
                    pages.push(make_page(
                        &loaded.data,
                        &loaded.config,
                        Some(period),
                        &plugins,
                        &loaded.problems,
                        opts,
                        &templates,
                        (&sp.stem, &sp.label),
                        partial,
                        &mut failed,
                    )?);
                }
            }
        }
        run::release(loaded.data);
    }

    progress.stage("render");
    let lang = pages.first().map_or(Lang::default(), |p| p.lang);
    let summaries: Vec<PageSummary> = pages.iter().map(|p| p.summary.clone()).collect();
    let index = render_index(opts, &summaries, lang)?;
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    files.insert("index.html".to_string(), index.into_bytes());
    for p in pages {
        files.insert(p.summary.file.clone(), p.html.into_bytes());
    }
    let mut marker = String::from("This folder holds a site published by honeycomb.\n");
    for name in files.keys() {
        marker.push_str(&format!("file: {name}\n"));
    }
    files.insert(
        honeycomb_core::load::REPORT_MARKER.to_string(),
        marker.into_bytes(),
    );
    progress.stage("write");
    write_site(&opts.site, &files)
        .map_err(|e| RunError::Io(format!("{}: {e}", opts.site.display())))?;
    Ok(Published {
        pages: summaries,
        files: files.into_keys().collect(),
        failed,
    })
}

fn days_of(date: &str) -> i64 {
    let mut it = date.split('-').map(|p| p.parse::<i64>().unwrap_or(1));
    let (y, m, d) = (
        it.next().unwrap_or(1970),
        it.next().unwrap_or(1),
        it.next().unwrap_or(1),
    );
    days_from_civil(y, m as u32, d as u32)
}

/// The index page: one entry per page with its headline figures, and a sparkline per block.
fn render_index(
    opts: &PublishOptions,
    pages: &[PageSummary],
    lang: Lang,
) -> Result<String, RunError> {
    let templates = match &opts.templates {
        Some(dir) => Templates::with_overrides(dir).map_err(|e| RunError::Usage(e.0))?,
        None => Templates::embedded(),
    };
    let blocks: Vec<(String, String)> = pages
        .first()
        .map(|p| {
            p.blocks
                .iter()
                .map(|b| (b.block.clone(), b.label.clone()))
                .collect()
        })
        .unwrap_or_default();
    let trends: Vec<Trend> = blocks
        .iter()
        .map(|(block, label)| {
            let points: Vec<(String, Option<f64>)> = pages
                .iter()
                .map(|p| {
                    (
                        p.label.clone(),
                        p.blocks
                            .iter()
                            .find(|b| &b.block == block)
                            .and_then(|b| b.score),
                    )
                })
                .collect();
            let show = |v: Option<&Option<f64>>| {
                v.copied()
                    .flatten()
                    .map_or("–".to_string(), |s| lang.num(s, 0))
            };
            Trend {
                label: label.clone(),
                svg: charts::sparkline(
                    &format!("trend-{block}"),
                    &format!("{} {}", lang.pick("Trend:", "Verloop:"), label),
                    &points,
                    lang,
                ),
                first: show(points.first().map(|p| &p.1)),
                last: show(points.last().map(|p| &p.1)),
            }
        })
        .collect();
    let title = pages
        .first()
        .map(|p| p.title.clone())
        .unwrap_or_else(|| "honeycomb".into());
    let mut values: BTreeMap<&str, Value> = BTreeMap::new();
    values.insert("lang", Value::from(lang.code()));
    values.insert("title", Value::from(title));
    values.insert("pages", Value::from(Serde(pages)));
    // The sparklines are markup drawn by the runner (every text in them escaped).
    values.insert(
        "trends",
        Value::from(
            trends
                .iter()
                .map(|t| {
                    minijinja::context! {
                        label => t.label.clone(),
                        svg => Value::from_safe_string(t.svg.clone()),
                        first => t.first.clone(),
                        last => t.last.clone(),
                    }
                })
                .collect::<Vec<Value>>(),
        ),
    );
    values.insert(
        "canonical",
        Value::from(opts.base_url.as_ref().map(|b| format!("{b}index.html"))),
    );
    values.insert(
        "generator",
        Value::from(format!("honeycomb {}", env!("CARGO_PKG_VERSION"))),
    );
    render::render_template(&templates, "index.html.j2", lang, values)
        .map_err(|e| RunError::Render(e.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_checked() {
        assert_eq!(
            base_url("https://example.org/r").as_deref(),
            Ok("https://example.org/r/")
        );
        assert_eq!(base_url("/reports/").as_deref(), Ok("/reports/"));
        for bad in [
            "",
            "javascript:alert(1)",
            "//evil.example/",
            "https://",
            "reports/",
            "/a b/",
            "/a\"onmouseover=x/",
            "/<x>/",
            "/../",
            "https://x/?q=1",
        ] {
            assert!(base_url(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn stems_are_safe_and_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(page_stem("Acme Data", &mut taken), "acme-data");
        assert_eq!(page_stem("acme/data", &mut taken), "acme-data-2");
        assert_eq!(page_stem("..", &mut taken), "x");
        assert_eq!(page_stem("index", &mut taken), "index-2");
        assert_eq!(page_stem("Ünïcode ☕", &mut taken), "n-code");
    }

    #[test]
    fn months_and_quarters_touched_by_the_data() {
        let d = |y, m, d| days_from_civil(y, m, d);
        let p = periods(d(2026, 1, 1), d(2026, 3, 31), Every::Month);
        let stems: Vec<&str> = p.iter().map(|p| p.stem.as_str()).collect();
        assert_eq!(stems, ["2026-01", "2026-02", "2026-03"]);
        assert!(p.iter().all(|p| !p.partial));
        assert_eq!(p[1].spec, "2026-02-01..2026-02-28");
        let p = periods(d(2025, 11, 15), d(2026, 2, 1), Every::Quarter);
        let labels: Vec<&str> = p.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2025-Q4", "2026-Q1"]);
        assert!(p[0].partial && p[1].partial);
        assert_eq!(p[0].days, ["2025-10-01".to_string(), "2025-12-31".into()]);
    }
}
