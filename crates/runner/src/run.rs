//! The pipeline behind `honeycomb report`: load → plugins in parallel → report → render →
//! write. The binary is glue around [`run_report`].

use crate::output::{OutputSet, file_stem};
use crate::registry;
use crate::render::{self, Templates};
use crate::report::{self, Report};
use honeycomb_core::time::rfc3339;
use honeycomb_core::{
    Config, Context, ContextOptions, Dataset, Entity, Lang, LoadError, LoadOptions, Loaded, Period,
    Plugin, PostKind, Problem, Section, load_folder,
};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

static FAST_EXIT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Tells the pipeline that the process exits after the run, so the dataset need not be
/// freed (the binary sets this; library users should not).
pub fn set_fast_exit(on: bool) {
    FAST_EXIT.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Which files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// `report.md`
    pub md: bool,
    /// `report.html`
    pub html: bool,
    /// `report.json`
    pub json: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            md: true,
            html: true,
            json: true,
        }
    }
}

impl Formats {
    /// Parses `md,html,json` (any subset).
    pub fn parse(s: &str) -> Result<Formats, String> {
        let mut f = Formats {
            md: false,
            html: false,
            json: false,
        };
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "md" | "markdown" => f.md = true,
                "html" => f.html = true,
                "json" => f.json = true,
                other => {
                    return Err(format!(
                        "unknown format `{other}`: expected md, html or json"
                    ));
                }
            }
        }
        if !(f.md || f.html || f.json) {
            return Err("no format given: expected one or more of md, html, json".into());
        }
        Ok(f)
    }
}

/// Everything `honeycomb report` needs, validated.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The data folder.
    pub data: PathBuf,
    /// Where to write.
    pub out: PathBuf,
    /// Which files.
    pub formats: Formats,
    /// Report language (overrides honeycomb.toml).
    pub lang: Option<Lang>,
    /// Template folder overriding the embedded templates.
    pub templates: Option<PathBuf>,
    /// Run only these plugins.
    pub only: Option<Vec<String>>,
    /// `FROM..TO` (overrides honeycomb.toml).
    pub period: Option<String>,
    /// Skip bad rows.
    pub lenient: bool,
    /// Exit 0 even when a plugin failed.
    pub keep_going: bool,
}

impl ReportOptions {
    /// Options with defaults for a data folder and an output folder.
    pub fn new(data: impl Into<PathBuf>, out: impl Into<PathBuf>) -> ReportOptions {
        ReportOptions {
            data: data.into(),
            out: out.into(),
            formats: Formats::default(),
            lang: None,
            templates: None,
            only: None,
            period: None,
            lenient: false,
            keep_going: false,
        }
    }
}

/// What a run produced.
#[derive(Debug)]
pub struct Outcome {
    /// The report model.
    pub report: Report,
    /// Files written.
    pub files: Vec<PathBuf>,
    /// Ids of plugins that failed.
    pub failed: Vec<String>,
    /// Notes from loading (and skipped-row errors under `--lenient`).
    pub problems: Vec<Problem>,
    /// Time per stage.
    pub timings: Vec<(String, Duration)>,
}

/// Why a run stopped.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The data folder has problems.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Bad arguments.
    #[error("{0}")]
    Usage(String),
    /// A template failed.
    #[error("rendering failed: {0}")]
    Render(String),
    /// Writing failed.
    #[error("writing the report failed: {0}")]
    Io(String),
}

/// Progress reporting, one stage at a time.
pub trait Progress {
    /// A stage begins.
    fn stage(&self, name: &str);
}

/// No progress output.
pub struct Quiet;

impl Progress for Quiet {
    fn stage(&self, _: &str) {}
}

/// Runs the plugins on a context in parallel; a panic or error becomes an error section.
pub fn run_plugins(plugins: &[Box<dyn Plugin>], cx: &Context<'_>) -> Vec<(Section, Duration)> {
    use rayon::prelude::*;
    plugins
        .par_iter()
        .map(|p| {
            let t = Instant::now();
            let result = catch_unwind(AssertUnwindSafe(|| p.analyze(cx)));
            let section = match result {
                Ok(Ok(mut s)) => {
                    s.id = file_stem(if s.id.is_empty() { p.id() } else { &s.id });
                    if s.title.is_empty() {
                        s.title = p.name().to_string();
                    }
                    s
                }
                Ok(Err(e)) => Section::failed(file_stem(p.id()), p.name(), e.to_string()),
                Err(panic) => {
                    let msg = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".into());
                    Section::failed(
                        file_stem(p.id()),
                        p.name(),
                        format!("the plugin panicked: {msg}"),
                    )
                }
            };
            (section, t.elapsed())
        })
        .collect()
}

/// Makes chart ids unique and file-safe across the report: `<section>-<chart>`.
fn normalise_chart_ids(sections: &mut [Section]) {
    let mut seen = std::collections::BTreeSet::new();
    for s in sections.iter_mut() {
        for c in &mut s.charts {
            let base = file_stem(&format!("{}-{}", s.id, c.id));
            let mut id = base.clone();
            let mut n = 2;
            while !seen.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            c.id = id;
        }
    }
}

/// Builds the report model from the sections.
pub fn build_report(cx: &Context<'_>, mut sections: Vec<Section>, problems: &[Problem]) -> Report {
    normalise_chart_ids(&mut sections);
    let lang = cx.lang;
    let blocks = report::honeycomb(&sections, lang);
    let chart = report::honeycomb_chart(&blocks, lang);
    let recs = report::rank_recommendations(&sections, lang);
    let summary = report::executive_summary(&blocks, &sections, &recs, lang);
    Report {
        schema: report::SCHEMA,
        meta: report::meta(cx, None),
        data: report::data_overview(cx.data, problems, lang),
        honeycomb: blocks,
        honeycomb_chart: chart,
        summary,
        recommendations: recs,
        sections,
    }
}

fn csv_bytes(
    header: &[String],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<Vec<u8>, RunError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| RunError::Io(e.to_string());
    w.write_record(header).map_err(err)?;
    for r in rows {
        w.write_record(&r).map_err(err)?;
    }
    w.into_inner().map_err(|e| RunError::Io(e.to_string()))
}

/// `metrics/accounts.csv`: one row per account, base columns then each plugin's columns.
pub fn accounts_csv(cx: &Context<'_>, sections: &[Section]) -> Result<Vec<u8>, RunError> {
    let d = cx.data;
    let n = d.accounts.len();
    let mut counts = vec![[0u64; 5]; n];
    for p in &d.posts {
        if !cx.in_period(p.created_at) {
            continue;
        }
        let c = &mut counts[p.author as usize];
        c[0] += 1;
        c[match p.kind() {
            PostKind::Original => 1,
            PostKind::Reply => 2,
            PostKind::Repost => 3,
            PostKind::Quote => 4,
        }] += 1;
    }
    let mut engagement = vec![0u64; n];
    for p in &d.posts {
        if cx.in_period(p.created_at) {
            engagement[p.author as usize] += p.engagement();
        }
    }
    let cols: Vec<&honeycomb_core::EntityColumn> = sections
        .iter()
        .flat_map(|s| &s.entity_columns)
        .filter(|c| c.entity == Entity::Account)
        .collect();
    let mut header: Vec<String> = [
        "id",
        "handle",
        "platform",
        "brand",
        "declared",
        "posts",
        "originals",
        "replies",
        "reposts",
        "quotes",
        "engagement_received",
        "followers",
        "following",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(cols.iter().map(|c| c.name.clone()));
    let opt = |v: &Option<Box<str>>| v.as_deref().unwrap_or("").to_string();
    let rows = d.accounts.iter().enumerate().map(|(i, a)| {
        let c = counts[i];
        let mut r = vec![
            a.id.to_string(),
            opt(&a.handle),
            opt(&a.platform),
            cx.is_brand(i as u32).to_string(),
            a.declared.to_string(),
            c[0].to_string(),
            c[1].to_string(),
            c[2].to_string(),
            c[3].to_string(),
            c[4].to_string(),
            engagement[i].to_string(),
            a.followers.map(|v| v.to_string()).unwrap_or_default(),
            a.following.map(|v| v.to_string()).unwrap_or_default(),
        ];
        r.extend(
            cols.iter()
                .map(|col| col.values.get(i).cloned().unwrap_or_default()),
        );
        r
    });
    csv_bytes(&header, rows)
}

/// `metrics/posts.csv`: one row per post in the period, base columns then plugin columns.
pub fn posts_csv(cx: &Context<'_>, sections: &[Section]) -> Result<Vec<u8>, RunError> {
    let d = cx.data;
    let cols: Vec<&honeycomb_core::EntityColumn> = sections
        .iter()
        .flat_map(|s| &s.entity_columns)
        .filter(|c| c.entity == Entity::Post)
        .collect();
    let mut header: Vec<String> = [
        "id",
        "author",
        "created_at",
        "kind",
        "reply_to",
        "repost_of",
        "quote_of",
        "likes",
        "reposts",
        "replies",
        "views",
        "engagement",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(cols.iter().map(|c| c.name.clone()));
    let post_id = |r: Option<u32>| {
        r.and_then(|i| d.posts.get(i as usize))
            .map(|p| p.id.to_string())
            .unwrap_or_default()
    };
    let num = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
    let rows = d
        .posts
        .iter()
        .enumerate()
        .filter(|(_, p)| cx.in_period(p.created_at))
        .map(|(i, p)| {
            let mut r = vec![
                p.id.to_string(),
                d.accounts
                    .get(p.author as usize)
                    .map(|a| a.id.to_string())
                    .unwrap_or_default(),
                rfc3339(p.created_at),
                p.kind().as_str().to_string(),
                post_id(p.reply_to),
                post_id(p.repost_of),
                post_id(p.quote_of),
                num(p.likes.map(u64::from)),
                num(p.reposts.map(u64::from)),
                num(p.replies.map(u64::from)),
                num(p.views()),
                p.engagement().to_string(),
            ];
            r.extend(
                cols.iter()
                    .map(|col| col.values.get(i).cloned().unwrap_or_default()),
            );
            r
        });
    csv_bytes(&header, rows)
}

/// A section's export table as CSV.
fn export_csv(t: &honeycomb_core::Table) -> Result<Vec<u8>, RunError> {
    csv_bytes(&t.columns, t.rows.iter().cloned())
}

/// Loads a folder, reporting the stage.
pub fn load(data: &Path, lenient: bool) -> Result<Loaded, LoadError> {
    load_folder(data, &LoadOptions::lenient(lenient))
}

/// Resolves which plugins run (`--only`), in registry order.
pub fn select_plugins(only: Option<&[String]>) -> Result<Vec<Box<dyn Plugin>>, RunError> {
    let all = registry::builtin();
    let Some(only) = only else { return Ok(all) };
    for id in only {
        if !all.iter().any(|p| p.id() == id) {
            let known: Vec<&str> = all.iter().map(|p| p.id()).collect();
            return Err(RunError::Usage(format!(
                "--only: unknown plugin `{id}`: expected one of {}",
                known.join(", ")
            )));
        }
    }
    Ok(all
        .into_iter()
        .filter(|p| only.iter().any(|o| o == p.id()))
        .collect())
}

/// Renders every output file of a report into an [`OutputSet`].
pub fn render_all(
    cx: &Context<'_>,
    report: &Report,
    sections_full: &[Section],
    formats: Formats,
    templates: &Templates,
) -> Result<OutputSet, RunError> {
    let mut out = OutputSet::default();
    let charts = render::draw_charts(report);
    let md = render::render_markdown(report, templates).map_err(|e| RunError::Render(e.0))?;
    if formats.md {
        out.add("report.md", md.clone().into_bytes());
    }
    if formats.html {
        let html = render::render_html(report, &md, &charts, templates)
            .map_err(|e| RunError::Render(e.0))?;
        out.add("report.html", html.into_bytes());
    }
    if formats.json {
        out.add(
            "report.json",
            render::render_json(report)
                .map_err(|e| RunError::Render(e.0))?
                .into_bytes(),
        );
    }
    if formats.md {
        for (name, svg) in &charts {
            out.add(name, svg.clone().into_bytes());
        }
    }
    out.add("metrics/accounts.csv", accounts_csv(cx, sections_full)?);
    out.add("metrics/posts.csv", posts_csv(cx, sections_full)?);
    for s in sections_full {
        for t in &s.exports {
            out.add(format!("metrics/{}.csv", file_stem(&t.id)), export_csv(t)?);
        }
    }
    Ok(out)
}

/// Runs `honeycomb report`.
pub fn run_report(opts: &ReportOptions, progress: &dyn Progress) -> Result<Outcome, RunError> {
    let mut timings = Vec::new();
    let templates = match &opts.templates {
        Some(dir) => Templates::with_overrides(dir).map_err(|e| RunError::Usage(e.0))?,
        None => Templates::embedded(),
    };
    let plugins = select_plugins(opts.only.as_deref())?;

    progress.stage("load");
    let t = Instant::now();
    let loaded = load(&opts.data, opts.lenient)?;
    timings.push(("load".to_string(), t.elapsed()));
    let Loaded {
        data,
        config,
        problems,
    } = loaded;

    let period = match &opts.period {
        Some(p) => Some(
            Period::parse(p, &config.time_zone())
                .map_err(|e| RunError::Usage(format!("--period: {e}")))?,
        ),
        None => None,
    };
    let mut cx_opts = ContextOptions::default();
    cx_opts.lang = opts.lang;
    cx_opts.period = period;
    let done = analyse_and_write(
        &data,
        &config,
        cx_opts,
        &plugins,
        &problems,
        opts,
        &templates,
        progress,
        &mut timings,
    )?;
    timings.extend(done.plugin_times);
    if FAST_EXIT.load(std::sync::atomic::Ordering::Relaxed) {
        // The process is about to exit: leave freeing a large dataset to the operating
        // system instead of walking millions of allocations.
        std::mem::forget(data);
    }
    Ok(Outcome {
        report: done.report,
        files: done.files,
        failed: done.failed,
        problems,
        timings,
    })
}

/// What the analyse-and-write stage produced.
struct Done {
    report: Report,
    files: Vec<PathBuf>,
    failed: Vec<String>,
    plugin_times: Vec<(String, Duration)>,
}

#[allow(clippy::too_many_arguments)]
fn analyse_and_write(
    data: &Dataset,
    config: &Config,
    cx_opts: ContextOptions,
    plugins: &[Box<dyn Plugin>],
    problems: &[Problem],
    opts: &ReportOptions,
    templates: &Templates,
    progress: &dyn Progress,
    timings: &mut Vec<(String, Duration)>,
) -> Result<Done, RunError> {
    let cx = Context::new(data, config, cx_opts);
    progress.stage("analyse");
    let t = Instant::now();
    let results = run_plugins(plugins, &cx);
    timings.push(("plugins".to_string(), t.elapsed()));
    let plugin_times: Vec<(String, Duration)> = results
        .iter()
        .map(|(s, d)| (format!("plugin {}", s.id), *d))
        .collect();
    let sections_full: Vec<Section> = results.into_iter().map(|r| r.0).collect();
    let failed: Vec<String> = sections_full
        .iter()
        .filter(|s| s.error.is_some())
        .map(|s| s.id.clone())
        .collect();
    let mut sections_json = sections_full.clone();
    for s in &mut sections_json {
        s.entity_columns.clear();
        s.exports.clear();
    }
    let report = build_report(&cx, sections_json, problems);

    progress.stage("render");
    let t = Instant::now();
    let out = render_all(&cx, &report, &sections_full, opts.formats, templates)?;
    timings.push(("render".to_string(), t.elapsed()));

    progress.stage("write");
    let t = Instant::now();
    let files = out
        .write_all(&opts.out)
        .map_err(|e| RunError::Io(e.to_string()))?;
    timings.push(("write".to_string(), t.elapsed()));
    Ok(Done {
        report,
        files,
        failed,
        plugin_times,
    })
}
