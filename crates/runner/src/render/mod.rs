//! Rendering: `report.md` from minijinja templates, `report.html` from that Markdown,
//! `report.json` from the report model.
//!
//! Templates are embedded in the binary and can be overridden, file by file, from a folder
//! (`--templates DIR`). Undefined variables are errors (strict), so a typo in a template
//! fails loudly. Markdown templates escape every printed value as Markdown (see
//! [`markdown::escape`]); the HTML layout escapes as HTML.

pub mod html;
pub mod markdown;

use crate::charts;
use crate::report::Report;
use honeycomb_core::Lang;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// The templates shipped in the binary: `(name, source)`.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "report.md.j2",
        include_str!("../../../../templates/report.md.j2"),
    ),
    (
        "report.html.j2",
        include_str!("../../../../templates/report.html.j2"),
    ),
    (
        "index.html.j2",
        include_str!("../../../../templates/index.html.j2"),
    ),
    (
        "sections/generic.md.j2",
        include_str!("../../../../templates/sections/generic.md.j2"),
    ),
    (
        "sections/audience.md.j2",
        include_str!("../../../../templates/sections/audience.md.j2"),
    ),
    (
        "strings/en.toml",
        include_str!("../../../../templates/strings/en.toml"),
    ),
    (
        "strings/nl.toml",
        include_str!("../../../../templates/strings/nl.toml"),
    ),
];

/// A rendering error, with the template and line where minijinja reports one.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct RenderError(pub String);

impl From<minijinja::Error> for RenderError {
    fn from(e: minijinja::Error) -> Self {
        let mut msg = e.to_string();
        if let (Some(name), Some(line)) = (e.name(), e.line()) {
            msg = format!("{name}:{line}: {msg}");
        }
        RenderError(msg)
    }
}

/// The set of templates in use: the embedded ones, overridden by a folder's.
#[derive(Debug, Clone)]
pub struct Templates {
    files: BTreeMap<String, String>,
}

impl Templates {
    /// The embedded templates.
    pub fn embedded() -> Templates {
        Templates {
            files: EMBEDDED
                .iter()
                .map(|(n, s)| (n.to_string(), s.to_string()))
                .collect(),
        }
    }

    /// The embedded templates, with every `*.j2` and `strings/*.toml` file under `dir`
    /// replacing (or adding to) them. Hidden files and links out of `dir` are refused.
    pub fn with_overrides(dir: &Path) -> Result<Templates, RenderError> {
        let mut t = Templates::embedded();
        if !dir.is_dir() {
            return Err(RenderError(format!(
                "--templates {}: not a folder",
                dir.display()
            )));
        }
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry =
                entry.map_err(|e| RenderError(format!("--templates {}: {e}", dir.display())))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let name: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if name.iter().any(|c| c.starts_with('.')) {
                continue;
            }
            let name = name.join("/");
            if !(name.ends_with(".j2") || (name.starts_with("strings/") && name.ends_with(".toml")))
            {
                continue;
            }
            let src = std::fs::read_to_string(entry.path())
                .map_err(|e| RenderError(format!("{}: {e}", entry.path().display())))?;
            t.files.insert(name, src);
        }
        Ok(t)
    }

    /// Adds or replaces one template (e.g. a plugin's `sections/<id>.md.j2`).
    pub fn insert(&mut self, name: &str, source: String) {
        self.files.insert(name.to_string(), source);
    }

    /// The UI strings for a language (`strings/<lang>.toml`).
    pub fn strings(&self, lang: Lang) -> Result<toml::Table, RenderError> {
        let name = format!("strings/{}.toml", lang.code());
        let src = self
            .files
            .get(&name)
            .ok_or_else(|| RenderError(format!("template strings missing: {name}")))?;
        let mut table = src
            .parse::<toml::Table>()
            .map_err(|e| RenderError(format!("{name}: {e}")))?;
        // Strings added in a later version keep their embedded text when an overriding file
        // (`--templates`) predates them.
        if let Some((_, embedded)) = EMBEDDED.iter().find(|(n, _)| *n == name)
            && let Ok(defaults) = embedded.parse::<toml::Table>()
        {
            for (k, v) in defaults {
                table.entry(k).or_insert(v);
            }
        }
        Ok(table)
    }

    fn environment(&self, lang: Lang) -> Result<Environment<'_>, RenderError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .build()
                .map_err(RenderError::from)?,
        );
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".md.j2") || name.ends_with(".md") {
                AutoEscape::Custom("markdown".into())
            } else if name.ends_with(".html.j2") || name.ends_with(".html") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_formatter(|out, state, value| {
            if matches!(state.auto_escape(), AutoEscape::Custom(n) if n == "markdown")
                && !value.is_safe()
            {
                if value.is_none() || value.is_undefined() {
                    return Ok(());
                }
                let s = match value.as_str() {
                    Some(s) => markdown::escape(s),
                    None => markdown::escape(&value.to_string()),
                };
                out.write_str(&s).map_err(|_| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write failed")
                })?;
                Ok(())
            } else {
                minijinja::escape_formatter(out, state, value)
            }
        });
        env.add_filter("num", move |v: f64, decimals: Option<usize>| {
            lang.num(v, decimals.unwrap_or(0))
        });
        for (name, src) in &self.files {
            if name.ends_with(".j2") {
                env.add_template(name, src)?;
            }
        }
        Ok(env)
    }
}

/// What a Markdown rendering is for: `report.md` itself, or the body of `report.html`.
/// Templates see it as `target` (`"md"` or `"html"`): the Markdown file says changes in words,
/// the HTML page shows them with arrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `report.md`.
    Markdown,
    /// The Markdown that becomes the HTML page.
    Html,
}

/// Renders `report.md` (or, with [`Target::Html`], the Markdown of the HTML page).
pub fn render_markdown(
    report: &Report,
    templates: &Templates,
    target: Target,
) -> Result<String, RenderError> {
    let lang = report.meta.lang;
    let env = templates.environment(lang)?;
    let strings = templates.strings(lang)?;
    let ctx = minijinja::context! {
        report => Value::from(Serde(report)),
        t => Value::from(Serde(&strings)),
        target => match target {
            Target::Markdown => "md",
            Target::Html => "html",
        },
    };
    let mut out = env.get_template("report.md.j2")?.render(ctx)?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Draws every chart of the report: `charts/<id>.svg` → SVG markup.
pub fn draw_charts(report: &Report) -> BTreeMap<String, String> {
    let lang = report.meta.lang;
    let mut out = BTreeMap::new();
    out.insert(
        "charts/honeycomb.svg".to_string(),
        charts::render_svg(&report.honeycomb_chart, lang),
    );
    for s in &report.sections {
        for c in &s.charts {
            out.insert(format!("charts/{}.svg", c.id), charts::render_svg(c, lang));
        }
    }
    out
}

/// Where a report page sits in a published site (`honeycomb publish`); empty for a plain
/// `report.html`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PageLinks {
    /// The page's absolute URL (`<link rel="canonical">`), when the site has a `--base-url`.
    pub canonical: Option<String>,
    /// The link back to the site's index page.
    pub index: Option<String>,
    /// Text of that link.
    pub index_label: Option<String>,
    /// What the page covers in its site (a period such as `2026-03`, or a folder's name).
    pub label: Option<String>,
}

/// Renders `report.html` from the Markdown: the layout template around the converted body,
/// charts inlined.
pub fn render_html(
    report: &Report,
    md: &str,
    charts: &BTreeMap<String, String>,
    templates: &Templates,
) -> Result<String, RenderError> {
    render_html_page(report, md, charts, templates, &PageLinks::default())
}

/// Renders a report page with its place in a site ([`PageLinks`]).
///
/// The layout template gets `report`, `t` (the UI strings), `page` (the links), `toc` (the
/// `h2` headings: `id`, `text`), and the converted body: whole as `body`, or in two parts,
/// `intro` (title and meta line) and `sections`.
pub fn render_html_page(
    report: &Report,
    md: &str,
    charts: &BTreeMap<String, String>,
    templates: &Templates,
    page: &PageLinks,
) -> Result<String, RenderError> {
    let lang = report.meta.lang;
    let env = templates.environment(lang)?;
    let strings = templates.strings(lang)?;
    let doc = html::markdown_to_doc(md, charts);
    let body = format!("{}{}", doc.intro, doc.sections);
    let ctx = minijinja::context! {
        report => Value::from(Serde(report)),
        t => Value::from(Serde(&strings)),
        page => Value::from(Serde(page)),
        toc => Value::from(Serde(&doc.toc)),
        body => Value::from_safe_string(body),
        intro => Value::from_safe_string(doc.intro),
        sections => Value::from_safe_string(doc.sections),
    };
    let mut out = env.get_template("report.html.j2")?.render(ctx)?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Renders a template other than the report's (the site's `index.html.j2`) with the UI
/// strings of `lang` as `t` and the given context values.
pub fn render_template(
    templates: &Templates,
    name: &str,
    lang: Lang,
    values: BTreeMap<&str, Value>,
) -> Result<String, RenderError> {
    let env = templates.environment(lang)?;
    let strings = templates.strings(lang)?;
    let mut ctx: BTreeMap<&str, Value> = values;
    ctx.insert("t", Value::from(Serde(&strings)));
    let ctx = Value::from(ctx);
    let mut out = env.get_template(name)?.render(ctx)?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Renders `report.json` (pretty, with a trailing newline).
pub fn render_json(report: &Report) -> Result<String, RenderError> {
    let mut s = serde_json::to_string_pretty(report).map_err(|e| RenderError(e.to_string()))?;
    s.push('\n');
    Ok(s)
}
