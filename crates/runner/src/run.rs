//! The pipeline behind `honeycomb report`: load → plugins in parallel → report → render →
//! write. The binary is glue around [`run_report`].

use crate::compare::{self, Baseline};
use crate::graphfile::{write_gexf, write_graphml};
use crate::output::{OutputSet, file_stem};
use crate::registry;
use crate::render::{self, Templates};
use crate::report::{self, Report};
use honeycomb_core::time::push_rfc3339;
use honeycomb_core::{
    ColumnValues, Config, Context, ContextOptions, Dataset, Entity, Lang, LoadError, LoadOptions,
    Loaded, Period, Plugin, PostKind, Problem, Section,
};
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

static FAST_EXIT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Tells the pipeline that the process exits after the run, so the dataset need not be
/// freed (the binary sets this; library users should not).
pub fn set_fast_exit(on: bool) {
    FAST_EXIT.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Drops a dataset, or, when the process is about to exit ([`set_fast_exit`]), leaves
/// freeing it to the operating system instead of walking millions of allocations.
pub fn release(data: Dataset) {
    if FAST_EXIT.load(std::sync::atomic::Ordering::Relaxed) {
        std::mem::forget(data);
    }
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
    /// Plugin libraries to load (`--plugin LIB`), besides `[report] plugins`.
    pub plugins: Vec<PathBuf>,
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
            plugins: Vec::new(),
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
    /// A plugin library cannot be loaded.
    #[error(transparent)]
    Plugin(#[from] crate::dynamic::LoadPluginError),
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
pub fn build_report(
    cx: &Context<'_>,
    mut sections: Vec<Section>,
    problems: &[Problem],
    baseline: &Baseline,
) -> Report {
    normalise_chart_ids(&mut sections);
    let lang = cx.lang;
    let meta = report::meta(cx, None);
    let blocks = report::honeycomb(&sections, lang);
    let chart = report::honeycomb_chart(&blocks, lang);
    let recs = report::rank_recommendations(&sections, &blocks, lang);
    let comparison = compare::compare(&sections, meta.period.clone(), baseline, lang);
    let summary = report::executive_summary(cx, &blocks, &sections, &recs, &comparison);
    Report {
        schema: report::SCHEMA,
        meta,
        data: report::data_overview(cx.data, problems, lang),
        honeycomb: blocks,
        honeycomb_chart: chart,
        summary,
        comparison,
        recommendations: recs,
        sections,
    }
}

/// Runs the plugins a second time on the period before the report period (same number of
/// days), when there is a report period and the data has posts in that earlier period.
pub fn baseline(data: &Dataset, cx: &Context<'_>, plugins: &[Box<dyn Plugin>]) -> Baseline {
    let Some(prev) = cx.previous_period() else {
        return Baseline::NoPeriod;
    };
    let mut clock = honeycomb_core::time::LocalClock::new(cx.tz.clone());
    let previous = [clock.local_date(prev.start), clock.local_date(prev.end - 1)];
    let first = data.posts.iter().map(|p| p.created_at).min();
    if !data.posts.iter().any(|p| prev.contains(p.created_at)) {
        return Baseline::NoData { previous };
    }
    let partial_from = first
        .filter(|&t| t > prev.start)
        .map(|t| clock.local_date(t));
    let days = clock.local_day(prev.end) - clock.local_day(prev.start);
    let before = cx.for_period(prev);
    let sections = run_plugins(plugins, &before)
        .into_iter()
        .map(|(s, _)| {
            let mut kept = Section::new(s.id, s.title);
            kept.score = s.score;
            kept.metrics = s.metrics;
            kept.headline = s.headline;
            kept.error = s.error;
            kept
        })
        .collect();
    Baseline::Ran {
        previous,
        days,
        partial_from,
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

/// One column of a metrics file: its header and how to write row `i`'s cell.
type Cell<'a> = Box<dyn Fn(usize, &mut String) + Sync + 'a>;

/// Writes a metrics CSV from columns into `out`, row by row, without a string per cell.
/// Rows are formatted in parallel pieces, a few at a time, and written in order, so the
/// file is never held whole in memory.
fn columns_csv(
    columns: &[(String, Cell<'_>)],
    n: usize,
    keep: &(dyn Fn(usize) -> bool + Sync),
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let io = |e: csv::Error| std::io::Error::other(e.to_string());
    let mut head = csv::Writer::from_writer(Vec::new());
    head.write_record(columns.iter().map(|c| c.0.as_str()))
        .map_err(io)?;
    out.write_all(
        &head
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))?,
    )?;
    const STEP: usize = 32 * 1024;
    let batch = (rayon::current_num_threads() * 2).max(1);
    let pieces: Vec<std::ops::Range<usize>> = (0..n.div_ceil(STEP))
        .map(|k| (k * STEP)..((k + 1) * STEP).min(n))
        .collect();
    for group in pieces.chunks(batch) {
        let parts: Vec<std::io::Result<Vec<u8>>> = group
            .par_iter()
            .map(|rows| {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(Vec::with_capacity(rows.len() * 64));
                let mut buf = String::new();
                for i in rows.clone().filter(|&i| keep(i)) {
                    for (_, cell) in columns {
                        buf.clear();
                        cell(i, &mut buf);
                        w.write_field(&buf).map_err(io)?;
                    }
                    w.write_record(std::iter::empty::<&[u8]>()).map_err(io)?;
                }
                w.into_inner()
                    .map_err(|e| std::io::Error::other(e.to_string()))
            })
            .collect();
        for p in parts {
            out.write_all(&p?)?;
        }
    }
    Ok(())
}

fn push_opt(out: &mut String, v: Option<impl std::fmt::Display>) {
    use std::fmt::Write;
    if let Some(v) = v {
        let _ = write!(out, "{v}");
    }
}

/// The plugins' columns for one entity, as metrics-file columns.
fn plugin_columns<'a>(
    sections: &'a [Section],
    entity: Entity,
) -> impl Iterator<Item = (String, Cell<'a>)> + 'a {
    sections.iter().flat_map(move |s| {
        s.entity_columns
            .iter()
            .filter(move |c| c.entity == entity)
            .map(move |c| (format!("{}\u{0}{}", s.id, c.name), column_cell(&c.values)))
    })
}

/// Gives every column a unique header: a plugin column whose name is taken (by a base
/// column or an earlier plugin) becomes `<section>_<name>`.
fn unique_headers(cols: &mut [(String, Cell<'_>)]) {
    let mut seen = std::collections::BTreeSet::new();
    for (name, _) in cols.iter_mut() {
        let (section, plain) = match name.split_once('\u{0}') {
            Some((s, n)) => (Some(s.to_string()), n.to_string()),
            None => (None, name.clone()),
        };
        let mut h = plain.clone();
        if seen.contains(&h)
            && let Some(s) = &section
        {
            h = format!("{s}_{plain}");
        }
        let base = h.clone();
        let mut k = 2;
        while !seen.insert(h.clone()) {
            h = format!("{base}_{k}");
            k += 1;
        }
        *name = h;
    }
}

/// `metrics/accounts.csv`: one row per account, base columns then each plugin's columns.
///
/// Base columns: `id`, `handle`, `platform`, `brand` (true for the organisation's own
/// accounts), `declared` (false for accounts only known from a reference), `posts`,
/// `originals`, `replies`, `reposts`, `quotes` (posts in the period by kind),
/// `engagement_received` (likes + reposts + replies on those posts), `followers` and
/// `following` (as exported by the platform).
pub fn accounts_csv(
    cx: &Context<'_>,
    sections: &[Section],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let d = cx.data;
    let n = d.accounts.len();
    let mut counts = vec![[0u64; 6]; n];
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
        c[5] += p.engagement();
    }
    let text = |f: fn(&honeycomb_core::Account) -> Option<&str>| -> Cell<'_> {
        Box::new(move |i, out: &mut String| push_text(out, f(&d.accounts[i]).unwrap_or("")))
    };
    let count = |k: usize| -> Cell<'_> {
        let counts = &counts;
        Box::new(move |i, out: &mut String| push_opt(out, Some(counts[i][k])))
    };
    let mut cols: Vec<(String, Cell<'_>)> = vec![
        (
            "id".into(),
            Box::new(|i, out: &mut String| out.push_str(&d.accounts[i].id)),
        ),
        ("handle".into(), text(|a| a.handle.as_deref())),
        ("platform".into(), text(|a| a.platform.as_deref())),
        (
            "brand".into(),
            Box::new(|i, out: &mut String| push_opt(out, Some(cx.is_brand(i as u32)))),
        ),
        (
            "declared".into(),
            Box::new(|i, out: &mut String| push_opt(out, Some(d.accounts[i].declared))),
        ),
        ("posts".into(), count(0)),
        ("originals".into(), count(1)),
        ("replies".into(), count(2)),
        ("reposts".into(), count(3)),
        ("quotes".into(), count(4)),
        ("engagement_received".into(), count(5)),
        (
            "followers".into(),
            Box::new(|i, out: &mut String| push_opt(out, d.accounts[i].followers)),
        ),
        (
            "following".into(),
            Box::new(|i, out: &mut String| push_opt(out, d.accounts[i].following)),
        ),
    ];
    cols.extend(plugin_columns(sections, Entity::Account));
    unique_headers(&mut cols);
    columns_csv(&cols, n, &|_| true, out)
}

/// `metrics/posts.csv`: one row per post in the period, base columns then plugin columns.
///
/// Base columns: `id`, `author` (account id), `created_at` (RFC 3339, UTC), `kind`
/// (original, reply, repost, quote), `reply_to`, `repost_of`, `quote_of` (post ids),
/// `likes`, `reposts`, `replies`, `views` (as exported), `engagement` (likes + reposts +
/// replies).
pub fn posts_csv(
    cx: &Context<'_>,
    sections: &[Section],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let d = cx.data;
    let post_id = move |r: Option<u32>, out: &mut String| {
        if let Some(p) = r.and_then(|i| d.posts.get(i as usize)) {
            out.push_str(&p.id);
        }
    };
    let mut cols: Vec<(String, Cell<'_>)> = vec![
        (
            "id".into(),
            Box::new(|i, out: &mut String| out.push_str(&d.posts[i].id)),
        ),
        (
            "author".into(),
            Box::new(|i, out: &mut String| {
                if let Some(a) = d.accounts.get(d.posts[i].author as usize) {
                    out.push_str(&a.id);
                }
            }),
        ),
        (
            "created_at".into(),
            Box::new(|i, out: &mut String| push_rfc3339(out, d.posts[i].created_at)),
        ),
        (
            "kind".into(),
            Box::new(|i, out: &mut String| out.push_str(d.posts[i].kind().as_str())),
        ),
        (
            "reply_to".into(),
            Box::new(move |i, out: &mut String| post_id(d.posts[i].reply_to, out)),
        ),
        (
            "repost_of".into(),
            Box::new(move |i, out: &mut String| post_id(d.posts[i].repost_of, out)),
        ),
        (
            "quote_of".into(),
            Box::new(move |i, out: &mut String| post_id(d.posts[i].quote_of, out)),
        ),
        (
            "likes".into(),
            Box::new(|i, out: &mut String| push_opt(out, d.posts[i].likes)),
        ),
        (
            "reposts".into(),
            Box::new(|i, out: &mut String| push_opt(out, d.posts[i].reposts)),
        ),
        (
            "replies".into(),
            Box::new(|i, out: &mut String| push_opt(out, d.posts[i].replies)),
        ),
        (
            "views".into(),
            Box::new(|i, out: &mut String| push_opt(out, d.posts[i].views())),
        ),
        (
            "engagement".into(),
            Box::new(|i, out: &mut String| push_opt(out, Some(d.posts[i].engagement()))),
        ),
    ];
    cols.extend(plugin_columns(sections, Entity::Post));
    unique_headers(&mut cols);
    columns_csv(
        &cols,
        d.posts.len(),
        &|i| cx.in_period(d.posts[i].created_at),
        out,
    )
}

/// A section's export table as CSV.
fn export_csv(t: &honeycomb_core::Table) -> Result<Vec<u8>, RunError> {
    let n = t.columns.len();
    csv_bytes(
        &t.columns,
        t.rows.iter().map(|r| {
            // A row of the wrong length is padded or cut to the header, never fatal.
            (0..n)
                .map(|c| {
                    let v = r.get(c).map_or("", |v| v.as_str());
                    if t.numeric.get(c).copied().unwrap_or(false) {
                        v.to_string()
                    } else {
                        spreadsheet_safe(v).into_owned()
                    }
                })
                .collect()
        }),
    )
}

/// Makes a text cell safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return would be read as a formula, so it gets a leading `'`
/// (the OWASP advice against CSV injection). Numbers and ids (join keys that must match the
/// data) are never passed through this.
pub fn spreadsheet_safe(v: &str) -> std::borrow::Cow<'_, str> {
    if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{v}"))
    } else {
        std::borrow::Cow::Borrowed(v)
    }
}

/// Pushes a text cell, made spreadsheet-safe.
fn push_text(out: &mut String, v: &str) {
    out.push_str(&spreadsheet_safe(v));
}

/// Loads a data folder, or a known export (X/Twitter or Mastodon archive: a folder, .zip or
/// .tar.gz) through its importer.
pub fn load(data: &Path, lenient: bool) -> Result<Loaded, LoadError> {
    honeycomb_core::import::load_path(data, &LoadOptions::lenient(lenient))
}

/// Resolves which plugins run (`--only`), in registry order.
pub fn select_plugins(only: Option<&[String]>) -> Result<Vec<Box<dyn Plugin>>, RunError> {
    select_with(registry::builtin(), only)
}

/// The built-in plugins and those of the libraries, or the ones `--only` names. A library
/// whose plugin id is taken (by a built-in plugin or an earlier library) is refused.
pub fn select_plugins_with(
    only: Option<&[String]>,
    libraries: &[crate::dynamic::PluginLibrary],
    input: &std::sync::Arc<crate::dynamic::SharedInput>,
) -> Result<Vec<Box<dyn Plugin>>, RunError> {
    let mut all = registry::builtin();
    for lib in libraries {
        if let Some(p) = all.iter().find(|p| p.id() == lib.info.id) {
            return Err(RunError::Plugin(crate::dynamic::LoadPluginError {
                path: lib.path.clone(),
                message: format!(
                    "its id `{}` is already taken by the plugin `{}`; give the plugin another id",
                    lib.info.id,
                    p.name()
                ),
            }));
        }
        all.push(Box::new(crate::dynamic::DynamicPlugin::new(
            lib.clone(),
            input.clone(),
        )));
    }
    select_with(all, only)
}

/// Loads the plugin libraries at these paths, in order.
pub fn open_libraries(paths: &[PathBuf]) -> Result<Vec<crate::dynamic::PluginLibrary>, RunError> {
    paths
        .iter()
        .map(|p| crate::dynamic::open(p).map_err(RunError::Plugin))
        .collect()
}

fn select_with(
    all: Vec<Box<dyn Plugin>>,
    only: Option<&[String]>,
) -> Result<Vec<Box<dyn Plugin>>, RunError> {
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

/// `report.md`, `report.html`, `report.json` and the chart files, as chosen.
fn render_pages(
    report: &Report,
    formats: Formats,
    templates: &Templates,
) -> Result<Vec<(String, Vec<u8>)>, RunError> {
    let mut out = Vec::new();
    let charts = render::draw_charts(report);
    let md = render::render_markdown(report, templates, render::Target::Markdown)
        .map_err(|e| RunError::Render(e.0))?;
    if formats.html {
        let body = render::render_markdown(report, templates, render::Target::Html)
            .map_err(|e| RunError::Render(e.0))?;
        let html = render::render_html(report, &body, &charts, templates)
            .map_err(|e| RunError::Render(e.0))?;
        out.push(("report.html".to_string(), html.into_bytes()));
    }
    if formats.json {
        out.push((
            "report.json".to_string(),
            render::render_json(report)
                .map_err(|e| RunError::Render(e.0))?
                .into_bytes(),
        ));
    }
    if formats.md {
        for (name, svg) in charts {
            out.push((name, svg.into_bytes()));
        }
        out.insert(0, ("report.md".to_string(), md.into_bytes()));
    }
    Ok(out)
}

/// Exports written as `metrics/<id>.csv` without the section prefix: one row per thread,
/// cascade or community, as the data contract names them.
const ENTITY_EXPORTS: [&str; 3] = ["threads", "cascades", "communities"];

/// Renders every output file of a report into an [`OutputSet`].
pub fn render_all<'a>(
    cx: &'a Context<'a>,
    report: &Report,
    sections_full: &'a [Section],
    formats: Formats,
    templates: &Templates,
) -> Result<OutputSet<'a>, RunError> {
    let mut out = OutputSet::default();
    let pages = render_pages(report, formats, templates);
    for (name, bytes) in pages? {
        out.add(name, bytes);
    }
    // The big metrics files are written straight to disk when the set is written.
    out.add_stream(
        "metrics/accounts.csv",
        Box::new(move |w: &mut dyn Write| accounts_csv(cx, sections_full, w)),
    );
    out.add_stream(
        "metrics/posts.csv",
        Box::new(move |w: &mut dyn Write| posts_csv(cx, sections_full, w)),
    );
    for s in sections_full {
        for t in &s.exports {
            let name = export_name(&out, &s.id, &t.id);
            out.add(name, export_csv(t)?);
        }
        for f in &s.frames {
            let name = export_name(&out, &s.id, &f.id);
            out.add_stream(name, Box::new(move |w: &mut dyn Write| frame_csv(f, w)));
        }
    }
    add_graph_files(&mut out, cx, sections_full);
    // Marks the folder as a report, so that a report written inside a data folder is never
    // read back as data, and lists what this run wrote (for the next run's clean-up).
    let mut marker = String::from("This folder holds a report written by honeycomb.\n");
    for p in out.names() {
        marker.push_str(&format!(
            "file: {}\n",
            p.to_string_lossy().replace('\\', "/")
        ));
    }
    out.add(honeycomb_core::load::REPORT_MARKER, marker.into_bytes());
    Ok(out)
}

/// The file name of an export: exports never replace a base file or each other, so the
/// section id is put in front, except for the one-row-per-entity files of the data contract
/// (threads, cascades, communities), which keep their plain name while it is free.
fn export_name(out: &OutputSet<'_>, section: &str, id: &str) -> String {
    let mut stem = file_stem(id);
    let plain = ENTITY_EXPORTS.contains(&stem.as_str())
        && !out
            .names()
            .any(|p| p == Path::new(&format!("metrics/{stem}.csv")));
    if !plain && !stem.starts_with(&format!("{section}-")) {
        stem = file_stem(&format!("{section}-{stem}"));
    }
    let mut name = format!("metrics/{stem}.csv");
    let mut k = 2;
    while out.names().any(|p| p == Path::new(&name)) {
        name = format!("metrics/{stem}-{k}.csv");
        k += 1;
    }
    name
}

/// A [`honeycomb_core::Frame`] as CSV, written row by row from its columns (text cells made
/// spreadsheet-safe, numbers as they are).
fn frame_csv(f: &honeycomb_core::Frame, out: &mut dyn Write) -> std::io::Result<()> {
    let cols: Vec<(String, Cell<'_>)> = f
        .columns
        .iter()
        .map(|c| (c.name.clone(), column_cell(&c.values)))
        .collect();
    columns_csv(&cols, f.rows(), &|_| true, out)
}

/// How to write a cell of a column of values (text made spreadsheet-safe).
fn column_cell(values: &honeycomb_core::ColumnValues) -> Cell<'_> {
    let text = matches!(
        values,
        honeycomb_core::ColumnValues::Text(_) | honeycomb_core::ColumnValues::Category { .. }
    );
    Box::new(move |i, out: &mut String| {
        if text {
            let mut v = String::new();
            values.write_cell(i, &mut v);
            push_text(out, &v);
        } else {
            values.write_cell(i, out);
        }
    })
}

/// Adds `metrics/<name>.gexf` and `metrics/<name>.graphml` for each graph export a section
/// asked for, streamed when the set is written. The stem is the export's name when no other
/// file has it yet, else prefixed by the section id (and numbered if need be), the same for
/// both files. Nothing is added when the network cannot be built: the plugin that asked has
/// reported that error already.
fn add_graph_files<'a>(out: &mut OutputSet<'a>, cx: &'a Context<'a>, sections_full: &'a [Section]) {
    for s in sections_full {
        for g in &s.graph_exports {
            let Ok(net) = cx.network() else { return };
            let base = file_stem(&g.name);
            let taken = |out: &OutputSet<'_>, stem: &str| {
                let (gexf, graphml) = (
                    format!("metrics/{stem}.gexf"),
                    format!("metrics/{stem}.graphml"),
                );
                out.names()
                    .any(|p| p == Path::new(&gexf) || p == Path::new(&graphml))
            };
            let mut stem = base.clone();
            if taken(out, &stem) {
                stem = file_stem(&format!("{}-{base}", s.id));
            }
            let prefixed = stem.clone();
            let mut k = 2;
            while taken(out, &stem) {
                stem = format!("{prefixed}-{k}");
                k += 1;
            }
            // The named account columns of this section, in the order asked for.
            let columns: Vec<(&'a str, &'a ColumnValues)> = g
                .node_columns
                .iter()
                .filter_map(|name| {
                    s.entity_columns
                        .iter()
                        .find(|c| c.entity == Entity::Account && &c.name == name)
                        .map(|c| (c.name.as_str(), &c.values))
                })
                .collect();
            let gexf_columns = columns.clone();
            out.add_stream(
                format!("metrics/{stem}.gexf"),
                Box::new(move |w: &mut dyn Write| write_gexf(w, cx, net, &gexf_columns)),
            );
            out.add_stream(
                format!("metrics/{stem}.graphml"),
                Box::new(move |w: &mut dyn Write| write_graphml(w, cx, net, &columns)),
            );
        }
    }
}

/// Runs `honeycomb report`.
pub fn run_report(opts: &ReportOptions, progress: &dyn Progress) -> Result<Outcome, RunError> {
    let mut timings = Vec::new();
    let mut templates = match &opts.templates {
        Some(dir) => Templates::with_overrides(dir).map_err(|e| RunError::Usage(e.0))?,
        None => Templates::embedded(),
    };
    // Plugin libraries: `--plugin` paths, then `[report] plugins` of honeycomb.toml (relative
    // to the data folder). A config that cannot be read here is reported by the load below.
    let mut paths = opts.plugins.clone();
    if let Ok(cfg) = Config::load(&opts.data) {
        paths.extend(cfg.report.plugins.iter().map(|p| opts.data.join(p)));
    }
    let libraries = open_libraries(&paths)?;
    for lib in &libraries {
        let name = format!("sections/{}.md.j2", lib.info.id);
        let overridden = opts
            .templates
            .as_ref()
            .is_some_and(|d| d.join(&name).is_file());
        if !overridden && let Some(src) = crate::dynamic::section_template(lib) {
            templates.insert(&name, src);
        }
    }
    let shared_input = std::sync::Arc::new(crate::dynamic::SharedInput::default());
    let plugins = select_plugins_with(opts.only.as_deref(), &libraries, &shared_input)?;
    if let (Ok(a), Ok(b)) = (opts.data.canonicalize(), opts.out.canonicalize())
        && a == b
    {
        return Err(RunError::Usage(
            "--out is the data folder itself: choose another folder (a subfolder is fine), so the report is never read back as data".into(),
        ));
    }

    progress.stage("load");
    let t = Instant::now();
    let loaded = load(&opts.data, opts.lenient)?;
    timings.push(("load".to_string(), t.elapsed()));
    let Loaded {
        data,
        config,
        problems,
        timings: load_steps,
    } = loaded;
    timings.extend(
        load_steps
            .into_iter()
            .map(|(n, d)| (format!("load: {n}"), d)),
    );

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
    if let Some(d) = shared_input.took() {
        timings.push(("serialise data for plugin libraries".to_string(), d));
    }
    release(data);
    Ok(Outcome {
        report: done.report,
        files: done.files,
        failed: done.failed,
        problems,
        timings,
    })
}

/// The files a report folder's marker lists: what the run that wrote it produced.
fn manifest(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_to_string(dir.join(honeycomb_core::load::REPORT_MARKER))
        .map(|t| {
            t.lines()
                .filter_map(|l| l.strip_prefix("file: "))
                .filter(|f| !f.is_empty() && !f.contains("..") && !f.starts_with('/'))
                .map(|f| dir.join(f))
                .collect()
        })
        .unwrap_or_default()
}

/// Removes the files that the earlier run in this folder wrote (as its marker lists) and this
/// run did not write again (a `report.html` after `--format md`), so a folder never mixes two
/// runs. Files honeycomb did not write are never touched.
fn remove_stale(earlier: &[PathBuf], written: &[PathBuf]) {
    for c in earlier {
        if c.is_file() && !written.contains(c) {
            let _ = std::fs::remove_file(c);
        }
    }
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
    timings.extend(cx.index_timings());
    let plugin_times: Vec<(String, Duration)> = results
        .iter()
        .map(|(s, d)| (format!("plugin {}", s.id), *d))
        .collect();
    let mut sections: Vec<Section> = results.into_iter().map(|r| r.0).collect();
    let failed: Vec<String> = sections
        .iter()
        .filter(|s| s.error.is_some())
        .map(|s| s.id.clone())
        .collect();
    // The per-entity columns, exports and graph files go to the metrics files, not into
    // report.json: move them out (they can hold a value per post) instead of copying the sections.
    let sections_full: Vec<Section> = sections
        .iter_mut()
        .map(|s| {
            let mut d = Section::new(s.id.clone(), s.title.clone());
            d.entity_columns = std::mem::take(&mut s.entity_columns);
            d.exports = std::mem::take(&mut s.exports);
            d.frames = std::mem::take(&mut s.frames);
            d.graph_exports = std::mem::take(&mut s.graph_exports);
            d
        })
        .collect();
    let t = Instant::now();
    let before = baseline(data, &cx, plugins);
    if matches!(before, Baseline::Ran { .. }) {
        timings.push(("plugins, previous period".to_string(), t.elapsed()));
    }
    let report = build_report(&cx, sections, problems, &before);

    progress.stage("render");
    let t = Instant::now();
    let out = render_all(&cx, &report, &sections_full, opts.formats, templates)?;
    timings.push(("render".to_string(), t.elapsed()));

    progress.stage("write");
    let t = Instant::now();
    let earlier = manifest(&opts.out);
    let files = out
        .write_all(&opts.out)
        .map_err(|e| RunError::Io(e.to_string()))?;
    remove_stale(&earlier, &files);
    timings.push(("write".to_string(), t.elapsed()));
    Ok(Done {
        report,
        files,
        failed,
        plugin_times,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use honeycomb_core::{Account, EntityColumn, Follow, FollowKind, GraphExport};

    fn data() -> Dataset {
        let mut d = Dataset::default();
        for (id, h) in [("1", "acme"), ("2", "fan"), ("3", "loner")] {
            d.accounts.push(Account {
                id: id.into(),
                handle: Some(h.into()),
                declared: true,
                ..Account::default()
            });
        }
        d.follows.push(Follow {
            source: 1,
            target: 0,
            created_at: honeycomb_core::NO_TIME,
            kind: FollowKind::Follow,
            weight: 1.0,
        });
        d
    }

    fn section(id: &str) -> Section {
        let mut s = Section::new(id, id);
        s.entity_columns.push(EntityColumn::ints(
            Entity::Account,
            "followers_in_network",
            vec![Some(1), Some(0), Some(0)],
        ));
        s.entity_columns.push(EntityColumn::ints(
            Entity::Post,
            "followers_in_network",
            vec![],
        ));
        s.graph_exports.push(GraphExport {
            name: "network".into(),
            node_columns: vec!["followers_in_network".into(), "no such column".into()],
        });
        s
    }

    #[test]
    fn graph_exports_become_gexf_and_graphml_files() {
        let d = data();
        let cfg = Config::parse("").expect("config");
        let cx = Context::new(&d, &cfg, ContextOptions::default());
        let full = vec![section("relationships"), section("groups")];
        let report = build_report(
            &cx,
            vec![Section::new("relationships", "r")],
            &[],
            &Baseline::NoPeriod,
        );
        let formats = Formats {
            md: false,
            html: false,
            json: true,
        };
        let out = render_all(&cx, &report, &full, formats, &Templates::embedded()).expect("render");
        let names: Vec<String> = out
            .names()
            .map(|p| p.to_string_lossy().into_owned())
            .filter(|p| p.ends_with(".gexf") || p.ends_with(".graphml"))
            .collect();
        assert_eq!(
            names,
            [
                "metrics/network.gexf",
                "metrics/network.graphml",
                "metrics/groups-network.gexf",
                "metrics/groups-network.graphml",
            ]
        );
        let dir = tempfile::tempdir().expect("tempdir");
        out.write_all(dir.path()).expect("write");
        let gexf = std::fs::read_to_string(dir.path().join("metrics/network.gexf")).expect("gexf");
        assert_eq!(gexf.matches("<node ").count(), 2, "the loner is left out");
        assert!(gexf.contains("title=\"followers_in_network\" type=\"integer\""));
        assert!(!gexf.contains("no such column"));
        let graphml =
            std::fs::read_to_string(dir.path().join("metrics/network.graphml")).expect("graphml");
        assert_eq!(graphml.matches("<edge ").count(), 1);
        let marker = std::fs::read_to_string(dir.path().join(honeycomb_core::load::REPORT_MARKER))
            .expect("marker");
        assert!(marker.contains("file: metrics/network.gexf\n"));
    }

    #[test]
    fn no_graph_files_when_the_network_cannot_be_built() {
        let d = data();
        let cfg =
            Config::parse("[plugins.relationships]\nedges = [\"nonsense\"]\n").expect("config");
        let cx = Context::new(&d, &cfg, ContextOptions::default());
        assert!(cx.network().is_err());
        let full = vec![section("relationships")];
        let report = build_report(&cx, vec![], &[], &Baseline::NoPeriod);
        let formats = Formats {
            md: false,
            html: false,
            json: true,
        };
        let out = render_all(&cx, &report, &full, formats, &Templates::embedded()).expect("render");
        assert!(
            !out.names()
                .any(|p| p.extension().is_some_and(|e| e == "gexf"))
        );
    }
}
