//! `honeycomb new-plugin NAME`: a plugin crate that builds and loads as generated.
//!
//! How the crate finds honeycomb-core (it must build outside this repository, on a machine
//! that has only a checkout of honeycomb):
//! - by default, a path dependency on `crates/core` of the checkout this binary was built
//!   from (known at compile time); when that folder is gone, the command says so and asks for
//!   one of the options below instead of writing a crate that cannot build;
//! - `--core-path DIR`: a path dependency on another checkout's `crates/core`;
//! - `--core-git URL`: a git dependency on a honeycomb repository.
//!
//! The crate also gets the `Cargo.lock` this binary was built with, so it builds with the
//! dependency versions honeycomb was tested with (and offline, when they are in Cargo's cache).

use std::path::{Path, PathBuf};

/// Where the generated crate takes honeycomb-core from.
#[derive(Debug, Clone)]
pub enum Core {
    /// The checkout this binary was built from.
    BuiltFrom,
    /// `crates/core` of a checkout (or the checkout's root).
    Path(PathBuf),
    /// A git repository holding the honeycomb workspace.
    Git(String),
}

/// Why the crate was not created.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// Bad name or options (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The folder exists, or writing failed (exit 1).
    #[error("{0}")]
    Io(String),
}

/// The Cargo.lock of the workspace this binary was built from.
const LOCKFILE: &str = include_str!("../../../Cargo.lock");

/// The checkout's `crates/core`, as known when this binary was built.
pub fn built_from_core() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(|p| p.join("core"))
        .unwrap_or_default()
}

/// The library file `cargo build` makes for a plugin crate called `name`
/// (`libmy_plugin.so` on Linux).
pub fn library_file(name: &str) -> String {
    format!(
        "{}{}{}",
        std::env::consts::DLL_PREFIX,
        name.replace('-', "_"),
        std::env::consts::DLL_SUFFIX
    )
}

fn check_name(name: &str) -> Result<(), ScaffoldError> {
    let ok = name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.ends_with('-')
        && !name.starts_with("honeycomb");
    if ok {
        Ok(())
    } else {
        Err(ScaffoldError::Usage(format!(
            "new-plugin: `{name}` is not a usable plugin name: use lowercase letters, digits and `-`, starting with a letter (e.g. `emoji-use`); names starting with `honeycomb` are taken"
        )))
    }
}

fn camel(name: &str) -> String {
    name.split('-')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn dependency(core: &Core) -> Result<String, ScaffoldError> {
    match core {
        Core::Git(url) => Ok(format!("honeycomb-core = {{ git = {} }}", toml_str(url))),
        Core::Path(p) => {
            let p = if p.join("crates").join("core").join("Cargo.toml").is_file() {
                p.join("crates").join("core")
            } else {
                p.clone()
            };
            if !p.join("Cargo.toml").is_file() {
                return Err(ScaffoldError::Usage(format!(
                    "new-plugin --core-path {}: no Cargo.toml there; give `crates/core` of a honeycomb checkout",
                    p.display()
                )));
            }
            let p = p.canonicalize().unwrap_or(p);
            Ok(format!(
                "honeycomb-core = {{ path = {} }}",
                toml_str(&p.to_string_lossy())
            ))
        }
        Core::BuiltFrom => {
            let p = built_from_core();
            if !p.join("Cargo.toml").is_file() {
                return Err(ScaffoldError::Usage(format!(
                    "new-plugin: the honeycomb checkout this binary was built from ({}) is not there any more: pass --core-path DIR (crates/core of a honeycomb checkout) or --core-git URL",
                    p.display()
                )));
            }
            dependency(&Core::Path(p))
        }
    }
}

/// Creates the crate `path/name`; returns its folder. Nothing is left behind on failure
/// (the crate is written to a hidden temporary folder, then renamed).
pub fn new_plugin(name: &str, path: &Path, core: &Core) -> Result<PathBuf, ScaffoldError> {
    check_name(name)?;
    let dep = dependency(core)?;
    let dest = path.join(name);
    if dest.exists() {
        return Err(ScaffoldError::Io(format!(
            "new-plugin: {} exists already; choose another name or --path",
            dest.display()
        )));
    }
    std::fs::create_dir_all(path)
        .map_err(|e| ScaffoldError::Io(format!("new-plugin: {}: {e}", path.display())))?;
    let tmp = tempfile::Builder::new()
        .prefix(".honeycomb-new-plugin-")
        .tempdir_in(path)
        .map_err(|e| ScaffoldError::Io(format!("new-plugin: {}: {e}", path.display())))?;
    let ty = format!("{}Plugin", camel(name));
    let krate = name.replace('-', "_");
    let lib = library_file(name);
    let files: Vec<(String, String)> = vec![
        ("Cargo.toml".into(), cargo_toml(name, &dep)),
        ("Cargo.lock".into(), LOCKFILE.to_string()),
        (".gitignore".into(), "/target\n".to_string()),
        ("src/lib.rs".into(), lib_rs(name, &ty)),
        ("tests/plugin.rs".into(), test_rs(name, &ty, &krate)),
        (format!("sections/{name}.md.j2"), template()),
        ("README.md".into(), readme(name, &lib)),
    ];
    for (rel, text) in files {
        let p = tmp.path().join(rel);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| ScaffoldError::Io(format!("new-plugin: {}: {e}", dir.display())))?;
        }
        std::fs::write(&p, text)
            .map_err(|e| ScaffoldError::Io(format!("new-plugin: {}: {e}", p.display())))?;
    }
    let kept = tmp.keep();
    std::fs::rename(&kept, &dest).map_err(|e| {
        let _ = std::fs::remove_dir_all(&kept);
        ScaffoldError::Io(format!("new-plugin: {}: {e}", dest.display()))
    })?;
    Ok(dest)
}

fn cargo_toml(name: &str, dep: &str) -> String {
    format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2024"
publish = false
description = "A honeycomb plugin: {name}"

[lib]
# cdylib: the library `honeycomb report --plugin` loads; rlib: lets tests/ call the plugin.
crate-type = ["cdylib", "rlib"]

[dependencies]
{dep}

# A workspace of its own, so the crate builds wherever it is put.
[workspace]
"#
    )
}

fn lib_rs(name: &str, ty: &str) -> String {
    format!(
        r#"//! The `{name}` plugin for honeycomb: a sample metric to start from.
//!
//! Build with `cargo build --release`, then run
//! `honeycomb report DATA --plugin target/release/<the library>`.

use honeycomb_core::{{Context, Metric, Plugin, PluginError, Section}};

/// The plugin. Its id is also the `[plugins.{name}]` table of honeycomb.toml it may read.
pub struct {ty};

impl Plugin for {ty} {{
    fn id(&self) -> &str {{
        "{name}"
    }}

    fn name(&self) -> &str {{
        "{name}"
    }}

    fn version(&self) -> &str {{
        env!("CARGO_PKG_VERSION")
    }}

    fn needs(&self) -> &[&str] {{
        &["posts"]
    }}

    /// Sample metric: the share of posts in the period that carry a link.
    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {{
        let (mut all, mut linked) = (0u64, 0u64);
        for i in cx.posts_in_period() {{
            all += 1;
            linked += !cx.data.posts[i as usize].urls().is_empty() as u64;
        }}
        if all == 0 {{
            return Err(PluginError::MissingData("no posts in the period".into()));
        }}
        let share = 100.0 * linked as f64 / all as f64;
        let mut s = Section::new("{name}", "{name}");
        s.summary = format!("{{linked}} of {{all}} posts carry a link.");
        s.metrics.push(Metric {{
            key: "{name}.link_share".into(),
            label: cx.t("Posts with a link", "Berichten met een link").into(),
            value: Some(share),
            display: format!("{{share:.1}}%"),
            unit: "%".into(),
            definition: "Posts in the period with at least one link / all posts in the period."
                .into(),
        }});
        Ok(s)
    }}
}}

/// The section's Markdown template, shipped inside the library.
const TEMPLATE: &str = include_str!("../sections/{name}.md.j2");

// The C-ABI functions honeycomb loads.
honeycomb_core::export_plugin!({ty}, template = TEMPLATE);
"#
    )
}

fn test_rs(name: &str, ty: &str, krate: &str) -> String {
    format!(
        r#"//! Runs the plugin on a tiny dataset made in the test.

use honeycomb_core::{{Config, Context, ContextOptions, Dataset, Plugin, Post}};

use {krate}::{ty};

#[test]
fn counts_posts_with_a_link() {{
    let mut data = Dataset::default();
    data.accounts.push(Default::default());
    let urls = [Some("https://example.org"), None, None, Some("https://example.com")];
    for (i, url) in urls.into_iter().enumerate() {{
        let mut p = Post {{
            id: i.to_string().into(),
            ..Post::default()
        }};
        p.set_entities(vec![], vec![], url.into_iter().map(Into::into).collect());
        data.posts.push(p);
    }}
    let config = Config::default();
    let cx = Context::new(&data, &config, ContextOptions::default());
    let s = {ty}.analyze(&cx).expect("section");
    assert_eq!(s.id, "{name}");
    let m = s.metric("{name}.link_share").expect("metric");
    assert_eq!(m.value, Some(50.0));
}}
"#
    )
}

fn template() -> String {
    r#"{# This section's template; values are escaped for Markdown. Delete this file (and the
   `template = …` in src/lib.rs) to use honeycomb's generic section template. #}
{% if s.error %}
> **{{ t.error }}:** {{ s.error }}
{% else %}
{{ s.summary }}

{% for m in s.metrics %}
- **{{ m.label }}: {{ m.display }}** — {{ m.definition }}
{% endfor %}
{% endif %}
"#
    .to_string()
}

fn readme(name: &str, lib: &str) -> String {
    format!(
        r#"# {name} — a honeycomb plugin

Made by `honeycomb new-plugin {name}`. It adds a section "{name}" to honeycomb's report with a
sample metric (the share of posts with a link); change `src/lib.rs` to compute what you need.

```
cargo test                 # runs tests/plugin.rs
cargo build --release      # makes target/release/{lib}
honeycomb plugins --plugin target/release/{lib}
honeycomb report DATA --plugin target/release/{lib}
```

- `src/lib.rs` implements `honeycomb_core::Plugin`, exactly like honeycomb's own plugins, and
  ends with `honeycomb_core::export_plugin!(…)`, which makes the functions honeycomb loads.
- `sections/{name}.md.j2` is the section's Markdown template (shipped inside the library);
  without it honeycomb's generic section template shows every part of the section.
- Settings: the plugin may read a `[plugins.{name}]` table of the data folder's
  honeycomb.toml through `cx.plugin_config("{name}")`.
- A plugin must be rebuilt when honeycomb's plugin ABI version changes; honeycomb refuses an
  old build with a message that says so.
- Loading a plugin runs its code with the rights of the user who runs honeycomb: share the
  source, and load only libraries you trust.
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        for bad in ["", "My", "1x", "a_b", "x-", "honeycomb-x", "a b"] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        for good in ["emoji-use", "x", "word-count2"] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        assert_eq!(camel("emoji-use"), "EmojiUse");
        assert!(library_file("emoji-use").contains("emoji_use"));
    }
}
