//! Plugin libraries loaded at run time (`--plugin LIB`, `[report] plugins`): the runner's
//! side of the ABI in [`honeycomb_core::dynamic`].
//!
//! - Libraries are loaded only from the paths the user gives; nothing is searched for.
//!   Loading a library runs its code with the rights of the user who runs honeycomb.
//! - `honeycomb_abi_version` is read before anything else; a library built for another
//!   version is refused with a message that says which versions differ and what to rebuild,
//!   and none of its other functions is called.
//! - Loaded libraries are never unloaded (a library's code may still be referenced, e.g. by
//!   thread-local destructors); they live as long as the process.
//! - The dataset is serialised once per run for all dynamic plugins.
//! - A plugin's answer is checked before it is used: its id must be the one it declared,
//!   texts are bounded, per-entity columns must have one value per account or post. Its
//!   text is never trusted as markup (the renderer escapes it like any other text).

use honeycomb_core::dynamic::{
    ABI_VERSION, Buffer, CORE_VERSION, PluginInfo, RUN_BAD_INPUT, RUN_ERROR, RUN_OK, RUN_PANIC,
    RunResult,
};
use honeycomb_core::{Context, Entity, Plugin, PluginError, Section};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

type AbiFn = unsafe extern "C" fn() -> u32;
type InfoFn = unsafe extern "C" fn() -> Buffer;
type RunFn = unsafe extern "C" fn(*const u8, usize) -> RunResult;
type FreeFn = unsafe extern "C" fn(Buffer);

/// Longest error text kept from a plugin (characters).
const MAX_ERROR: usize = 2000;
/// Longest title kept from a plugin (characters).
const MAX_TITLE: usize = 200;

/// Why a plugin library cannot be used.
#[derive(Debug, Clone, thiserror::Error)]
#[error("plugin {}: {message}", path.display())]
pub struct LoadPluginError {
    /// The library's path as given.
    pub path: PathBuf,
    /// What is wrong and what to do.
    pub message: String,
}

/// A loaded plugin library: its description and its functions. The library itself is
/// leaked on purpose (never unloaded), so the function pointers stay valid.
#[derive(Debug, Clone)]
pub struct PluginLibrary {
    /// Where it was loaded from.
    pub path: PathBuf,
    /// What it says about itself.
    pub info: PluginInfo,
    /// `info.needs`, for [`Plugin::needs`] (leaked like the library: a few words, once).
    needs: &'static [&'static str],
    run: RunFn,
    free: FreeFn,
}

fn err(path: &Path, message: impl Into<String>) -> LoadPluginError {
    LoadPluginError {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// Whether an id is a usable plugin id: lowercase ASCII letters, digits, `-` and `_`.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && id.as_bytes()[0].is_ascii_alphanumeric()
}

/// Loads a plugin library from an explicit path; checks its ABI version first.
#[allow(unsafe_code)]
pub fn open(path: &Path) -> Result<PluginLibrary, LoadPluginError> {
    if !path.exists() {
        return Err(err(path, "no such file"));
    }
    if !path.is_file() {
        return Err(err(path, "not a file"));
    }
    // A bare file name would make the system search its library path: always pass a path.
    let full = if path.components().count() == 1 {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    };
    // SAFETY: loading a library runs its initialisers; that is the documented risk of
    // --plugin (the user's own choice of code to run). The library is never unloaded.
    let lib = unsafe { libloading::Library::new(&full) }.map_err(|e| {
        let mut why = e.to_string();
        let mut src = std::error::Error::source(&e);
        while let Some(s) = src {
            why = format!("{why}: {s}");
            src = s.source();
        }
        err(
            path,
            format!("cannot be loaded as a library ({why}); a plugin is the cdylib that `cargo build --release` makes in a plugin crate (target/release/lib<name>.so)"),
        )
    })?;
    let lib: &'static libloading::Library = Box::leak(Box::new(lib));
    // SAFETY: the symbol's type is the one export_plugin! generates; the version function
    // takes nothing and returns a u32 in every ABI version.
    let abi: AbiFn = unsafe { lib.get::<AbiFn>("honeycomb_abi_version") }
        .map(|s| *s)
        .map_err(|_| {
            err(
                path,
                "not a honeycomb plugin: it exports no `honeycomb_abi_version` (end the plugin crate with `honeycomb_core::export_plugin!(MyPlugin);` and build it as a cdylib)",
            )
        })?;
    // SAFETY: as above.
    let v = unsafe { abi() };
    if v != ABI_VERSION {
        return Err(err(
            path,
            format!(
                "built for honeycomb plugin ABI version {v}, but this honeycomb (honeycomb-core {CORE_VERSION}) speaks ABI version {ABI_VERSION}: rebuild the plugin against honeycomb-core {CORE_VERSION} (update its honeycomb-core dependency, then `cargo build --release`)"
            ),
        ));
    }
    let missing = |name: &str| {
        err(
            path,
            format!("not a complete honeycomb plugin: `{name}` is missing"),
        )
    };
    // SAFETY: the ABI version matched, so these symbols have the types export_plugin!
    // generates for this version.
    let (info_fn, run, free) = unsafe {
        (
            *lib.get::<InfoFn>("honeycomb_plugin_info")
                .map_err(|_| missing("honeycomb_plugin_info"))?,
            *lib.get::<RunFn>("honeycomb_plugin_run")
                .map_err(|_| missing("honeycomb_plugin_run"))?,
            *lib.get::<FreeFn>("honeycomb_plugin_free")
                .map_err(|_| missing("honeycomb_plugin_free"))?,
        )
    };
    // SAFETY: a buffer returned by the library, copied, then given back to it once.
    let bytes = unsafe {
        let b = info_fn();
        let v = b.to_vec();
        free(b);
        v
    };
    let info: PluginInfo = serde_json::from_slice(&bytes).map_err(|e| {
        err(
            path,
            format!("its description cannot be read ({e}); making the plugin may have panicked"),
        )
    })?;
    if info.abi != ABI_VERSION {
        return Err(err(
            path,
            format!(
                "its description says ABI version {}, this honeycomb speaks {ABI_VERSION}: rebuild it against honeycomb-core {CORE_VERSION}",
                info.abi
            ),
        ));
    }
    if !valid_id(&info.id) {
        return Err(err(
            path,
            format!(
                "its id `{}` is not usable: use lowercase letters, digits, `-` and `_` (at most 64)",
                info.id.chars().take(80).collect::<String>()
            ),
        ));
    }
    let mut info = info;
    info.name = clip(info.name.trim(), MAX_TITLE);
    if info.name.is_empty() {
        info.name = info.id.clone();
    }
    let needs: Vec<&'static str> = info
        .needs
        .iter()
        .take(16)
        .map(|n| &*Box::leak(clip(n, 64).into_boxed_str()))
        .collect();
    Ok(PluginLibrary {
        path: path.to_path_buf(),
        info,
        needs: Box::leak(needs.into_boxed_slice()),
        run,
        free,
    })
}

/// The bytes, with the addresses of the dataset and configuration and the period they were
/// made from (the period travels in the bytes; a comparison run asks again with another).
type Cached = (CacheKey, Arc<Vec<u8>>);

type CacheKey = (usize, usize, Option<(i64, i64)>);

/// The serialised dataset, shared by the dynamic plugins of one run: made by the first that
/// needs it, for the context it was made from.
#[derive(Default)]
pub struct SharedInput {
    cell: Mutex<Option<Cached>>,
    took: Mutex<Option<std::time::Duration>>,
}

impl SharedInput {
    /// The bytes for this context, serialised on first use.
    fn get(&self, cx: &Context<'_>) -> Result<Arc<Vec<u8>>, String> {
        let key: CacheKey = (
            cx.data as *const _ as usize,
            cx.config as *const _ as usize,
            cx.period.map(|p| (p.start, p.end)),
        );
        let mut c = self.cell.lock().map_err(|_| "lock poisoned".to_string())?;
        if let Some((k, bytes)) = c.as_ref()
            && *k == key
        {
            return Ok(bytes.clone());
        }
        let t = std::time::Instant::now();
        let bytes = Arc::new(
            honeycomb_core::wire::encode(cx.data, cx.config, cx.lang, cx.period)
                .map_err(|e| e.to_string())?,
        );
        if let Ok(mut took) = self.took.lock() {
            *took = Some(took.unwrap_or_default() + t.elapsed());
        }
        *c = Some((key, bytes.clone()));
        Ok(bytes)
    }

    /// How long serialising the dataset took (for `--timings`), if it was done.
    pub fn took(&self) -> Option<std::time::Duration> {
        self.took.lock().ok().and_then(|t| *t)
    }
}

/// A plugin from a library, usable like a built-in one.
pub struct DynamicPlugin {
    lib: PluginLibrary,
    input: Arc<SharedInput>,
}

impl DynamicPlugin {
    /// Wraps a loaded library; the plugins of one run share `input`.
    pub fn new(lib: PluginLibrary, input: Arc<SharedInput>) -> DynamicPlugin {
        DynamicPlugin { lib, input }
    }

    /// The library it came from.
    pub fn library(&self) -> &PluginLibrary {
        &self.lib
    }

    #[allow(unsafe_code)]
    fn call(&self, bytes: &[u8]) -> (u32, Vec<u8>) {
        // SAFETY: the pointer and length describe `bytes`, alive for the call; the returned
        // buffer is copied, then given back to the library that allocated it, once.
        unsafe {
            let r = (self.lib.run)(bytes.as_ptr(), bytes.len());
            let out = r.buf.to_vec();
            (self.lib.free)(r.buf);
            (r.status, out)
        }
    }
}

fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Checks a section that came from a library.
fn check(s: &mut Section, info: &PluginInfo, cx: &Context<'_>) -> Result<(), String> {
    if s.id.is_empty() {
        s.id = info.id.clone();
    }
    if s.id != info.id {
        return Err(format!(
            "the plugin returned a section with id `{}`, but declared the id `{}`",
            clip(&s.id, 64),
            info.id
        ));
    }
    if s.title.trim().is_empty() {
        s.title = info.name.clone();
    }
    s.title = clip(&s.title, MAX_TITLE);
    if let Some(e) = &mut s.error {
        *e = clip(e, MAX_ERROR);
    }
    let (na, np) = (cx.data.accounts.len(), cx.data.posts.len());
    for c in &s.entity_columns {
        let want = match c.entity {
            Entity::Account => na,
            Entity::Post => np,
        };
        if c.values.len() != want && !c.values.is_empty() {
            return Err(format!(
                "the plugin's column `{}` has {} values for {want} rows",
                clip(&c.name, 64),
                c.values.len()
            ));
        }
    }
    for t in s.tables.iter().chain(&s.exports) {
        if t.numeric.len() != t.columns.len() || t.rows.iter().any(|r| r.len() != t.columns.len()) {
            return Err(format!(
                "the plugin's table `{}` has rows or column flags that do not match its {} columns",
                clip(&t.id, 64),
                t.columns.len()
            ));
        }
    }
    Ok(())
}

impl Plugin for DynamicPlugin {
    fn id(&self) -> &str {
        &self.lib.info.id
    }
    fn name(&self) -> &str {
        &self.lib.info.name
    }
    fn version(&self) -> &str {
        &self.lib.info.version
    }
    fn needs(&self) -> &[&str] {
        self.lib.needs
    }
    fn analyze(&self, cx: &Context<'_>) -> Result<Section, PluginError> {
        let bytes = self.input.get(cx).map_err(PluginError::Other)?;
        let (status, out) = self.call(&bytes);
        let text = || clip(&String::from_utf8_lossy(&out), MAX_ERROR);
        match status {
            RUN_OK => {
                let mut s: Section = serde_json::from_slice(&out).map_err(|e| {
                    PluginError::Other(format!(
                        "the plugin returned a section that cannot be read: {e}"
                    ))
                })?;
                check(&mut s, &self.lib.info, cx).map_err(PluginError::Other)?;
                Ok(s)
            }
            RUN_ERROR => Err(PluginError::Other(text())),
            RUN_PANIC => Err(PluginError::Other(format!(
                "the plugin panicked: {}",
                text()
            ))),
            RUN_BAD_INPUT => Err(PluginError::Other(format!(
                "the plugin could not read its input: {}",
                text()
            ))),
            other => Err(PluginError::Other(format!(
                "the plugin returned an unknown status {other}"
            ))),
        }
    }
}

/// The library's own `sections/<id>.md.j2`: shipped inside it, else a file
/// `sections/<id>.md.j2` beside the library.
pub fn section_template(lib: &PluginLibrary) -> Option<String> {
    if let Some(t) = &lib.info.template {
        return Some(t.clone());
    }
    let dir = lib.path.parent()?;
    std::fs::read_to_string(dir.join("sections").join(format!("{}.md.j2", lib.info.id))).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use honeycomb_core::{Config, ContextOptions, Dataset, EntityColumn, Table};

    fn info() -> PluginInfo {
        serde_json::from_str(&format!(
            r#"{{"abi":{ABI_VERSION},"core_version":"0","id":"mine","name":"Mine","version":"1","needs":[]}}"#
        ))
        .expect("info")
    }

    #[test]
    fn ids_are_checked() {
        for good in ["a", "word-count", "x_1"] {
            assert!(valid_id(good), "{good}");
        }
        for bad in ["", "A", "-x", "a b", "a/b", &"x".repeat(65)] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn sections_from_libraries_are_checked() {
        let mut d = Dataset::default();
        d.accounts.push(Default::default());
        let cfg = Config::default();
        let cx = Context::new(&d, &cfg, ContextOptions::default());
        let i = info();

        let mut s = Section::new("", " ");
        s.error = Some("x".repeat(5000));
        check(&mut s, &i, &cx).expect("fine");
        assert_eq!((s.id.as_str(), s.title.as_str()), ("mine", "Mine"));
        assert_eq!(
            s.error.as_ref().map(|e| e.chars().count()),
            Some(MAX_ERROR + 1)
        );

        let mut s = Section::new("presence", "t");
        let e = check(&mut s, &i, &cx).expect_err("another id");
        assert!(e.contains("declared the id `mine`"), "{e}");

        let mut s = Section::new("mine", "t");
        s.entity_columns.push(EntityColumn::ints(
            Entity::Account,
            "c",
            vec![Some(1), Some(2)],
        ));
        assert!(
            check(&mut s, &i, &cx)
                .expect_err("length")
                .contains("2 values for 1 rows")
        );

        let mut s = Section::new("mine", "t");
        s.tables.push(Table {
            id: "t".into(),
            title: "t".into(),
            columns: vec!["a".into()],
            numeric: vec![false],
            rows: vec![vec!["1".into(), "2".into()]],
            note: None,
        });
        assert!(check(&mut s, &i, &cx).is_err());
    }

    #[test]
    fn missing_and_foreign_files_are_refused() {
        let e = open(Path::new("/nonexistent/libx.so")).expect_err("missing");
        assert!(e.to_string().ends_with("libx.so: no such file"), "{e}");
        let d = tempfile::tempdir().expect("tmp");
        let f = d.path().join("libtext.so");
        std::fs::write(&f, "text").expect("write");
        let e = open(&f).expect_err("text");
        assert!(e.message.contains("cannot be loaded as a library"), "{e}");
    }
}
