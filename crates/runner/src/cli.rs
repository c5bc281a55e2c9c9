//! The command line: arguments are parsed (clap), validated into option structs, and handed
//! to the library. Exit codes: 0 ok, 1 bad input or a failed plugin, 2 usage.

use crate::run::{Formats, Progress, ReportOptions, RunError, run_report};
use crate::{demo, registry};
use clap::{Parser, Subcommand};
use honeycomb_core::{Lang, Level, LoadError};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// honeycomb turns a folder of social-media data into a social-media strategy report,
/// organised by the seven building blocks of social media (identity, conversations, sharing,
/// presence, relationships, reputation, groups).
#[derive(Debug, Parser)]
#[command(name = "honeycomb", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the embedded demo data folder and its full report: the first thing to run.
    Demo {
        /// Output folder: the data goes to OUT/data, the report to OUT/report.
        #[arg(long, default_value = "honeycomb-demo")]
        out: PathBuf,
        /// Report language (en or nl); default: the demo's own (nl).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Read an export (X/Twitter or Mastodon archive: a folder, .zip or .tar.gz) and write it
    /// as a data folder (CSV tables and honeycomb.toml) to inspect, edit or combine.
    Import {
        /// The export.
        export: PathBuf,
        /// The data folder to write (must not exist, or be empty).
        #[arg(long)]
        out: PathBuf,
        /// Skip records that cannot be read instead of stopping; they are counted.
        #[arg(long)]
        lenient: bool,
    },
    /// Analyse a data folder and write the report (report.md, report.html, report.json,
    /// charts/ and metrics/*.csv) into the output folder.
    Report {
        /// The data folder (posts.csv or posts.jsonl at least; see the README), or an export
        /// (X/Twitter or Mastodon archive: folder, .zip or .tar.gz).
        data: PathBuf,
        /// Output folder.
        #[arg(long, default_value = "honeycomb-report")]
        out: PathBuf,
        /// Which report files: any of md, html, json, comma-separated.
        #[arg(long, default_value = "md,html,json")]
        format: String,
        /// Report language: en or nl (default: honeycomb.toml's report.lang, else en).
        #[arg(long)]
        lang: Option<String>,
        /// A folder of templates that replace the embedded ones (same file names).
        #[arg(long)]
        templates: Option<PathBuf>,
        /// Run only these plugins (comma-separated ids, see `honeycomb plugins`).
        #[arg(long, value_delimiter = ',')]
        only: Option<Vec<String>>,
        /// Report period FROM..TO (dates, inclusive, in the report's time zone); it is compared
        /// with the same number of days right before it.
        #[arg(long)]
        period: Option<String>,
        /// Skip rows that cannot be read instead of stopping; the report says how many and why.
        #[arg(long)]
        lenient: bool,
        /// Exit 0 even when a plugin failed (its section shows the error).
        #[arg(long)]
        keep_going: bool,
        /// Print the time each stage took to standard error.
        #[arg(long)]
        timings: bool,
        /// Load a plugin library (a cdylib built with `honeycomb_core::export_plugin!`);
        /// repeatable. Loading a plugin runs its code with your rights: load only plugins you trust.
        #[arg(long = "plugin", value_name = "LIB")]
        plugins: Vec<PathBuf>,
    },
    /// Publish a static site: one self-contained report page per data folder (or per month or
    /// quarter of one folder with --every) and an index page with each page's headline
    /// figures and trends. The same input gives a byte-identical site.
    Publish {
        /// The data folders (or exports); one page each, or split one with --every.
        #[arg(required = true)]
        data: Vec<PathBuf>,
        /// The site folder to write (created; an earlier site there is replaced as a whole).
        #[arg(long)]
        site: PathBuf,
        /// One page per calendar `month` or `quarter` touched by the data of one folder.
        #[arg(long, value_name = "month|quarter")]
        every: Option<String>,
        /// The address the site is served from (https://example.org/reports/ or /reports/):
        /// links and canonical URLs are made absolute under it.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Report language: en or nl (default: honeycomb.toml's report.lang, else en).
        #[arg(long)]
        lang: Option<String>,
        /// A folder of templates that replace the embedded ones (same file names).
        #[arg(long)]
        templates: Option<PathBuf>,
        /// Run only these plugins (comma-separated ids, see `honeycomb plugins`).
        #[arg(long, value_delimiter = ',')]
        only: Option<Vec<String>>,
        /// Skip rows that cannot be read instead of stopping; each page says how many and why.
        #[arg(long)]
        lenient: bool,
        /// Exit 0 even when a plugin failed (its section shows the error).
        #[arg(long)]
        keep_going: bool,
        /// Load a plugin library; repeatable. Loading a plugin runs its code with your rights.
        #[arg(long = "plugin", value_name = "LIB")]
        plugins: Vec<PathBuf>,
    },
    /// Check a data folder or export: every problem as file:line:column: message; exit 1 if
    /// any error.
    Validate {
        /// The data folder or export.
        data: PathBuf,
    },
    /// List the built-in plugins, their versions and the tables they read, and what each
    /// `--plugin LIB` provides (or why it cannot be loaded).
    Plugins {
        /// A plugin library to describe; repeatable. Loading it runs its code with your rights.
        #[arg(long = "plugin", value_name = "LIB")]
        plugins: Vec<PathBuf>,
    },
    /// Create a plugin crate that builds and loads as generated: NAME/ with Cargo.toml,
    /// src/lib.rs (a sample metric), a test, a section template and a README.
    NewPlugin {
        /// The plugin's name: lowercase letters, digits and `-` (also its id).
        name: String,
        /// The folder to create the crate in (default: the current folder).
        #[arg(long, default_value = ".")]
        path: PathBuf,
        /// The honeycomb-core crate to depend on: a path to `crates/core` of a honeycomb
        /// checkout (default: the checkout this binary was built from, if it still exists).
        #[arg(long, value_name = "DIR")]
        core_path: Option<PathBuf>,
        /// Depend on honeycomb-core from this git repository instead of a path.
        #[arg(long, value_name = "URL", conflicts_with = "core_path")]
        core_git: Option<String>,
    },
}

/// The stage that is running, with its start.
type Running = std::sync::Mutex<Option<(String, std::time::Instant)>>;

/// Progress on a terminal: a spinner with the running stage and its time; each finished
/// stage stays as a line with its duration. Silent when standard error is not a terminal.
struct Bar(Option<(indicatif::ProgressBar, Running)>);

impl Progress for Bar {
    fn stage(&self, name: &str) {
        if let Some((b, current)) = &self.0 {
            Bar::close_stage(b, current);
            if let Ok(mut c) = current.lock() {
                *c = Some((name.to_string(), std::time::Instant::now()));
            }
            b.set_message(name.to_string());
            b.reset_elapsed();
            b.tick();
        }
    }
}

impl Bar {
    fn new() -> Bar {
        if std::io::stderr().is_terminal() {
            let b = indicatif::ProgressBar::new_spinner();
            if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed}")
            {
                b.set_style(style);
            }
            b.enable_steady_tick(std::time::Duration::from_millis(120));
            Bar(Some((b, std::sync::Mutex::new(None))))
        } else {
            Bar(None)
        }
    }

    fn close_stage(b: &indicatif::ProgressBar, current: &Running) {
        if let Some((name, t)) = current.lock().ok().and_then(|mut c| c.take()) {
            b.println(format!("  {name:<8} {:>7.2} s", t.elapsed().as_secs_f64()));
        }
    }

    fn finish(&self) {
        if let Some((b, current)) = &self.0 {
            Bar::close_stage(b, current);
            b.finish_and_clear();
        }
    }
}

fn parse_lang(s: Option<&str>) -> Result<Option<Lang>, String> {
    s.map(|l| l.parse::<Lang>().map_err(|e| format!("--lang: {e}")))
        .transpose()
}

/// Runs the command line with `args` (including the program name); returns the exit code.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let text = e.render().to_string();
            let _ = if e.use_stderr() {
                write!(err, "{text}")
            } else {
                write!(out, "{text}")
            };
            return code;
        }
    };
    match dispatch(cli.command, out, err) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            2
        }
    }
}

fn dispatch(cmd: Command, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, String> {
    match cmd {
        Command::Demo { out: dir, lang } => {
            let lang = parse_lang(lang.as_deref())?;
            let data = dir.join("data");
            if let Err(e) = demo::write_demo(&data) {
                let _ = writeln!(
                    err,
                    "error: writing the demo data to {}: {e}",
                    data.display()
                );
                return Ok(1);
            }
            let mut opts = ReportOptions::new(&data, dir.join("report"));
            opts.lang = lang;
            let code = report(&opts, false, out, err);
            if code == 0 {
                let _ = writeln!(out, "Demo data: {}", data.display());
                let _ = writeln!(
                    out,
                    "Open {} in a browser.",
                    dir.join("report").join("report.html").display()
                );
            }
            Ok(code)
        }
        Command::Report {
            data,
            out: dir,
            format,
            lang,
            templates,
            only,
            period,
            lenient,
            keep_going,
            timings,
            plugins,
        } => {
            let mut opts = ReportOptions::new(data, dir);
            opts.formats = Formats::parse(&format).map_err(|e| format!("--format: {e}"))?;
            opts.lang = parse_lang(lang.as_deref())?;
            opts.templates = templates;
            opts.only = only;
            opts.period = period;
            opts.lenient = lenient;
            opts.keep_going = keep_going;
            opts.plugins = plugins;
            Ok(report(&opts, timings, out, err))
        }
        Command::Publish {
            data,
            site,
            every,
            base_url,
            lang,
            templates,
            only,
            lenient,
            keep_going,
            plugins,
        } => {
            let mut opts = crate::publish::PublishOptions::new(data, site);
            opts.every = every
                .map(|e| e.parse().map_err(|m| format!("--every {m}")))
                .transpose()?;
            opts.base_url = base_url;
            opts.lang = parse_lang(lang.as_deref())?;
            opts.templates = templates;
            opts.only = only;
            opts.lenient = lenient;
            opts.plugins = plugins;
            Ok(publish(&opts, keep_going, out, err))
        }
        Command::Validate { data } => Ok(validate(&data, out, err)),
        Command::Import {
            export,
            out: dir,
            lenient,
        } => Ok(import(&export, &dir, lenient, out, err)),
        Command::Plugins { plugins } => Ok(list_plugins(&plugins, out, err)),
        Command::NewPlugin {
            name,
            path,
            core_path,
            core_git,
        } => {
            let core = match (core_path, core_git) {
                (_, Some(url)) => crate::scaffold::Core::Git(url),
                (Some(p), None) => crate::scaffold::Core::Path(p),
                (None, None) => crate::scaffold::Core::BuiltFrom,
            };
            match crate::scaffold::new_plugin(&name, &path, &core) {
                Ok(dir) => {
                    let _ = writeln!(out, "Created the plugin crate {}", dir.display());
                    let _ = writeln!(
                        out,
                        "Build it:  cd {} && cargo build --release",
                        dir.display()
                    );
                    let _ = writeln!(
                        out,
                        "Use it:    honeycomb report DATA --plugin {}",
                        dir.join("target")
                            .join("release")
                            .join(crate::scaffold::library_file(&name))
                            .display()
                    );
                    Ok(0)
                }
                Err(crate::scaffold::ScaffoldError::Usage(m)) => Err(m),
                Err(e) => {
                    let _ = writeln!(err, "error: {e}");
                    Ok(1)
                }
            }
        }
    }
}

/// `honeycomb plugins [--plugin LIB]…`: exit 1 when a library cannot be loaded.
fn list_plugins(libs: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    for p in registry::builtin() {
        let _ = writeln!(
            out,
            "{:<15} {:<8} {} (reads: {})",
            p.id(),
            p.version(),
            p.name(),
            p.needs().join(", ")
        );
    }
    let mut code = 0;
    for path in libs {
        match crate::dynamic::open(path) {
            Ok(lib) => {
                let i = &lib.info;
                let _ = writeln!(
                    out,
                    "{:<15} {:<8} {} (reads: {}; library {}, ABI {}, honeycomb-core {}{})",
                    i.id,
                    i.version,
                    i.name,
                    i.needs.join(", "),
                    path.display(),
                    i.abi,
                    i.core_version,
                    if crate::dynamic::section_template(&lib).is_some() {
                        ", own section template"
                    } else {
                        ""
                    }
                );
            }
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                code = 1;
            }
        }
    }
    code
}

fn print_load_error(e: &LoadError, err: &mut dyn Write) {
    match e {
        LoadError::Folder(m) => {
            let _ = writeln!(err, "error: {m}");
        }
        LoadError::Problems { problems, more } => {
            for p in problems {
                let _ = writeln!(err, "{p}");
            }
            let errors = problems.iter().filter(|p| p.level == Level::Error).count() as u64;
            if *more > 0 {
                let _ = writeln!(err, "… and {more} more problems not listed");
            }
            let _ = writeln!(
                err,
                "error: {} problem(s) in the data folder; nothing was written. Fix them, or run with --lenient to skip bad rows.",
                errors + more
            );
        }
    }
}

fn report(opts: &ReportOptions, timings: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let bar = Bar::new();
    let result = run_report(opts, &bar);
    bar.finish();
    match result {
        Ok(o) => {
            let notes = o.problems.iter().filter(|p| p.level == Level::Note).count();
            let skipped: u64 = o.report.data.skipped.values().sum();
            let _ = writeln!(
                out,
                "Wrote {} files to {}",
                o.files.len(),
                opts.out.display()
            );
            if skipped > 0 {
                let _ = writeln!(
                    err,
                    "warning: {skipped} bad {} skipped (--lenient); the report lists how many and why",
                    if skipped == 1 { "row was" } else { "rows were" }
                );
            }
            if notes > 0 {
                let _ = writeln!(
                    out,
                    "{notes} note(s) about the data: see the report's data section or run `honeycomb validate`"
                );
            }
            if timings {
                for (stage, d) in &o.timings {
                    let _ = writeln!(err, "timing {stage:<24} {:>9.3} s", d.as_secs_f64());
                }
            }
            for f in &o.failed {
                let _ = writeln!(
                    err,
                    "error: plugin `{f}` failed; its section shows the error"
                );
            }
            if !o.failed.is_empty() && !opts.keep_going {
                1
            } else {
                0
            }
        }
        Err(e) => run_error(e, "", err),
    }
}

/// Prints a failed run's error; the exit code: 2 for usage, else 1. `tail` is added to
/// errors that are neither (e.g. "; nothing was written").
fn run_error(e: RunError, tail: &str, err: &mut dyn Write) -> i32 {
    match e {
        RunError::Load(e) => {
            print_load_error(&e, err);
            1
        }
        RunError::Usage(m) => {
            let _ = writeln!(err, "error: {m}");
            2
        }
        e => {
            let _ = writeln!(err, "error: {e}{tail}");
            1
        }
    }
}

fn publish(
    opts: &crate::publish::PublishOptions,
    keep_going: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let bar = Bar::new();
    let result = crate::publish::publish(opts, &bar);
    bar.finish();
    match result {
        Ok(p) => {
            let _ = writeln!(
                out,
                "Published {} {} and an index to {}",
                p.pages.len(),
                if p.pages.len() == 1 { "page" } else { "pages" },
                opts.site.display()
            );
            for page in &p.pages {
                let _ = writeln!(out, "  {:<16} {}", page.file, page.label);
            }
            let _ = writeln!(
                out,
                "Open {} in a browser.",
                opts.site.join("index.html").display()
            );
            for f in &p.failed {
                let _ = writeln!(
                    err,
                    "error: plugin failed on page {f}; its section shows the error"
                );
            }
            if !p.failed.is_empty() && !keep_going {
                1
            } else {
                0
            }
        }
        Err(e) => run_error(e, "; nothing was written", err),
    }
}

fn import(
    export: &std::path::Path,
    dir: &std::path::Path,
    lenient: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    use honeycomb_core::import::{Detected, import};
    let (kind, src, root) = match honeycomb_core::import::detect(export) {
        Ok(Detected::Export(k, s, r)) => (k, s, r),
        Ok(Detected::DataFolder) => {
            let _ = writeln!(
                err,
                "error: {}: not a known export (X/Twitter or Mastodon archive); a data folder needs no import: run `honeycomb report` on it",
                export.display()
            );
            return 1;
        }
        Err(m) => {
            let _ = writeln!(err, "error: {m}");
            return 1;
        }
    };
    let imported = match import(kind, &src, &root, export) {
        Ok(i) => i,
        Err(e) => {
            print_load_error(&e, err);
            return 1;
        }
    };
    // Checked through the loader before anything is written: only data that loads is written.
    let loaded = match imported.load(&honeycomb_core::LoadOptions::lenient(lenient)) {
        Ok(l) => l,
        Err(e) => {
            print_load_error(&e, err);
            return 1;
        }
    };
    match imported.write_folder(dir) {
        Ok(files) => {
            let s = &loaded.data.summary;
            let rows: Vec<String> = s.rows.iter().map(|(t, n)| format!("{t}: {n}")).collect();
            let _ = writeln!(
                out,
                "Imported {} ({}) into {}: {} files ({})",
                export.display(),
                kind.name(),
                dir.display(),
                files.len(),
                rows.join(", ")
            );
            let notes = loaded.problems.len();
            if notes > 0 {
                let _ = writeln!(
                    out,
                    "{notes} note(s): run `honeycomb validate {}` to see them",
                    export.display()
                );
            }
            crate::run::release(loaded.data);
            0
        }
        Err(m) => {
            let _ = writeln!(err, "error: {m}; nothing was written");
            1
        }
    }
}

fn validate(data: &std::path::Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match crate::run::load(data, false) {
        Ok(l) => {
            for p in &l.problems {
                let _ = writeln!(out, "{p}");
            }
            let s = &l.data.summary;
            let rows: Vec<String> = s.rows.iter().map(|(t, n)| format!("{t}: {n}")).collect();
            let _ = writeln!(
                out,
                "ok: no errors ({}); {} note(s)",
                rows.join(", "),
                l.problems.len()
            );
            crate::run::release(l.data);
            0
        }
        Err(e) => {
            print_load_error(&e, err);
            1
        }
    }
}
