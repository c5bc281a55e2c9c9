//! Plugins loaded at run time: the C ABI between the runner and a plugin library, and the
//! [`export_plugin!`](crate::export_plugin) macro that generates a library's side of it.
//!
//! Design decision: Rust's ABI is not stable between compiler versions, so nothing
//! Rust-typed crosses the library boundary. The runner and the plugin exchange bytes: the
//! dataset and configuration serialised once by the runner ([`crate::wire`], a compact binary
//! form), and the plugin's [`Section`] returned as JSON (serde; it is small next to the
//! dataset, and JSON lets the runner check it field by field). Each side frees what it
//! allocated: the runner calls the plugin's `honeycomb_plugin_free` for every buffer the
//! plugin returned. The trade-off: a plugin decodes its own copy of the dataset (about as
//! long as copying it), in exchange for plugins that keep working whichever compiler built
//! them, as long as [`ABI_VERSION`] matches.
//!
//! The exported functions (all `extern "C"`, all run their body inside `catch_unwind`, so a
//! panic never unwinds into the runner):
//!
//! | symbol | signature | what |
//! |---|---|---|
//! | `honeycomb_abi_version` | `fn() -> u32` | [`ABI_VERSION`] the library was built with; read first |
//! | `honeycomb_plugin_info` | `fn() -> Buffer` | [`PluginInfo`] as JSON |
//! | `honeycomb_plugin_run` | `fn(*const u8, usize) -> RunResult` | the serialised [`wire::Input`](crate::wire::Input) in, a `Section` as JSON (or an error text) out |
//! | `honeycomb_plugin_free` | `fn(Buffer)` | frees a buffer the library returned |

use crate::context::{Context, ContextOptions};
use crate::plugin::Plugin;
use crate::section::Section;
use serde::{Deserialize, Serialize};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Version of the plugin ABI *and* of the serialised formats that cross it (the dataset
/// layout in [`crate::wire`], the `Section` and `PluginInfo` JSON). Bump it whenever any of
/// them changes: the runner refuses a library built with another version before calling
/// anything else in it.
pub const ABI_VERSION: u32 = 1;

/// The version of honeycomb-core (for messages: "rebuild against honeycomb-core X").
pub const CORE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Status of a [`RunResult`]: the buffer holds the section as JSON.
pub const RUN_OK: u32 = 0;
/// Status of a [`RunResult`]: the plugin returned an error; the buffer holds its text.
pub const RUN_ERROR: u32 = 1;
/// Status of a [`RunResult`]: the plugin panicked; the buffer holds the panic message.
pub const RUN_PANIC: u32 = 2;
/// Status of a [`RunResult`]: the input could not be read; the buffer holds why.
pub const RUN_BAD_INPUT: u32 = 3;

/// Bytes allocated by one side and handed to the other, which must give them back to the
/// side that allocated them (`honeycomb_plugin_free`).
#[repr(C)]
#[derive(Debug)]
pub struct Buffer {
    /// Start of the bytes (dangling when `len` is 0).
    pub ptr: *mut u8,
    /// Number of bytes.
    pub len: usize,
    /// Allocated capacity (needed to free it).
    pub cap: usize,
}

impl Buffer {
    /// Hands a vector's bytes over; free them with [`Buffer::into_vec`] on the same side.
    pub fn from_vec(v: Vec<u8>) -> Buffer {
        let mut v = std::mem::ManuallyDrop::new(v);
        Buffer {
            ptr: v.as_mut_ptr(),
            len: v.len(),
            cap: v.capacity(),
        }
    }

    /// Takes the bytes back.
    ///
    /// # Safety
    /// The buffer must come from [`Buffer::from_vec`] in the same library (same allocator)
    /// and must not have been taken back before.
    #[allow(unsafe_code)]
    pub unsafe fn into_vec(self) -> Vec<u8> {
        // SAFETY: the caller guarantees that ptr/len/cap come from a Vec of this allocator.
        unsafe { Vec::from_raw_parts(self.ptr, self.len, self.cap) }
    }

    /// Copies the bytes out without freeing them.
    ///
    /// # Safety
    /// `ptr` must point at `len` readable bytes (or `len` must be 0).
    #[allow(unsafe_code)]
    pub unsafe fn to_vec(&self) -> Vec<u8> {
        if self.len == 0 || self.ptr.is_null() {
            return Vec::new();
        }
        // SAFETY: the caller guarantees that ptr points at len bytes.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }.to_vec()
    }
}

/// What `honeycomb_plugin_run` returns: a status ([`RUN_OK`], [`RUN_ERROR`], [`RUN_PANIC`],
/// [`RUN_BAD_INPUT`]) and a buffer (the section as JSON, or a UTF-8 message).
#[repr(C)]
#[derive(Debug)]
pub struct RunResult {
    /// See the `RUN_*` constants.
    pub status: u32,
    /// The section or the message; free it with `honeycomb_plugin_free`.
    pub buf: Buffer,
}

/// What a plugin library says about itself (`honeycomb_plugin_info`, as JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PluginInfo {
    /// [`ABI_VERSION`] of the honeycomb-core the plugin was built with.
    pub abi: u32,
    /// The honeycomb-core version the plugin was built with.
    pub core_version: String,
    /// `Plugin::id`.
    pub id: String,
    /// `Plugin::name`.
    pub name: String,
    /// `Plugin::version`.
    pub version: String,
    /// `Plugin::needs`: the tables the plugin reads.
    pub needs: Vec<String>,
    /// A `sections/<id>.md.j2` template shipped inside the library, if any.
    #[serde(default)]
    pub template: Option<String>,
}

/// Exports a [`Plugin`] from a `cdylib` crate, so that `honeycomb report --plugin LIB` can
/// load it:
///
/// ```ignore
/// pub struct WordCount;
/// impl honeycomb_core::Plugin for WordCount { /* id, name, analyze */ }
/// honeycomb_core::export_plugin!(WordCount);
/// // or, with a section template shipped inside the library:
/// honeycomb_core::export_plugin!(WordCount, template = include_str!("../sections/word-count.md.j2"));
/// ```
///
/// The argument is an expression that makes the plugin (a unit struct, `MyPlugin::new()`);
/// it is evaluated for every call. Use the macro once per crate. It generates the four C-ABI
/// functions of [`crate::dynamic`]; every body runs inside `catch_unwind`, and the plugin
/// author writes no `unsafe`.
#[macro_export]
macro_rules! export_plugin {
    ($plugin:expr) => {
        $crate::export_plugin!($plugin, template = "");
    };
    ($plugin:expr, template = $template:expr) => {
        #[doc(hidden)]
        fn __honeycomb_make_plugin() -> ::std::boxed::Box<dyn $crate::Plugin> {
            ::std::boxed::Box::new($plugin)
        }

        /// The honeycomb plugin ABI version this library was built with.
        #[allow(unsafe_code)]
        #[unsafe(no_mangle)]
        pub extern "C" fn honeycomb_abi_version() -> u32 {
            $crate::dynamic::guest::abi_version()
        }

        /// What this plugin library provides, as JSON.
        #[allow(unsafe_code)]
        #[unsafe(no_mangle)]
        pub extern "C" fn honeycomb_plugin_info() -> $crate::dynamic::Buffer {
            $crate::dynamic::guest::info(__honeycomb_make_plugin, $template)
        }

        /// Runs the plugin on a serialised dataset; returns the section as JSON.
        ///
        /// # Safety
        /// `input` must point at `len` readable bytes.
        #[allow(unsafe_code)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn honeycomb_plugin_run(
            input: *const u8,
            len: usize,
        ) -> $crate::dynamic::RunResult {
            // SAFETY: the runner passes a pointer to `len` bytes it keeps alive for the call.
            unsafe { $crate::dynamic::guest::run(__honeycomb_make_plugin, input, len) }
        }

        /// Frees a buffer this library returned.
        ///
        /// # Safety
        /// `buf` must come from this library and be freed once.
        #[allow(unsafe_code)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn honeycomb_plugin_free(buf: $crate::dynamic::Buffer) {
            // SAFETY: the runner gives back each buffer this library returned, once.
            unsafe { $crate::dynamic::guest::free(buf) }
        }
    };
}

/// The library side of the ABI, called by the functions [`export_plugin!`](crate::export_plugin)
/// generates. Not for direct use.
#[doc(hidden)]
pub mod guest {
    use super::*;

    fn panic_text(p: Box<dyn std::any::Any + Send>) -> String {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into())
    }

    /// `honeycomb_abi_version`.
    pub fn abi_version() -> u32 {
        catch_unwind(|| ABI_VERSION).unwrap_or(0)
    }

    /// `honeycomb_plugin_info`: the plugin's description as JSON (an empty buffer if making
    /// the plugin panicked).
    pub fn info(make: fn() -> Box<dyn Plugin>, template: &'static str) -> Buffer {
        let r = catch_unwind(|| {
            let p = make();
            let info = PluginInfo {
                abi: ABI_VERSION,
                core_version: CORE_VERSION.to_string(),
                id: p.id().to_string(),
                name: p.name().to_string(),
                version: p.version().to_string(),
                needs: p.needs().iter().map(|s| s.to_string()).collect(),
                template: (!template.is_empty()).then(|| template.to_string()),
            };
            serde_json::to_vec(&info).unwrap_or_default()
        });
        Buffer::from_vec(r.unwrap_or_default())
    }

    fn result(status: u32, bytes: Vec<u8>) -> RunResult {
        RunResult {
            status,
            buf: Buffer::from_vec(bytes),
        }
    }

    /// `honeycomb_plugin_run`.
    ///
    /// # Safety
    /// `input` must point at `len` readable bytes.
    #[allow(unsafe_code)]
    pub unsafe fn run(make: fn() -> Box<dyn Plugin>, input: *const u8, len: usize) -> RunResult {
        let bytes: &[u8] = if len == 0 || input.is_null() {
            &[]
        } else {
            // SAFETY: the caller guarantees that input points at len bytes.
            unsafe { std::slice::from_raw_parts(input, len) }
        };
        let r = catch_unwind(AssertUnwindSafe(|| run_bytes(make, bytes)));
        match r {
            Ok(r) => r,
            Err(p) => result(RUN_PANIC, panic_text(p).into_bytes()),
        }
    }

    fn run_bytes(make: fn() -> Box<dyn Plugin>, bytes: &[u8]) -> RunResult {
        let input = match crate::wire::decode(bytes) {
            Ok(i) => i,
            Err(e) => return result(RUN_BAD_INPUT, e.to_string().into_bytes()),
        };
        let plugin = make();
        let opts = ContextOptions {
            lang: Some(input.lang),
            period: input.period,
        };
        let cx = Context::new(&input.data, &input.config, opts);
        let out = catch_unwind(AssertUnwindSafe(|| plugin.analyze(&cx)));
        drop(cx);
        // Freeing millions of strings takes a while: do it after answering, on a thread of
        // its own (the runner may exit first, which frees it all the same).
        let _ = std::thread::Builder::new()
            .name("honeycomb-plugin-free".into())
            .spawn(move || drop(input));
        match out {
            Ok(Ok(section)) => match serde_json::to_vec::<Section>(&section) {
                Ok(b) => result(RUN_OK, b),
                Err(e) => result(
                    RUN_ERROR,
                    format!("the section cannot be serialised: {e}").into_bytes(),
                ),
            },
            Ok(Err(e)) => result(RUN_ERROR, e.to_string().into_bytes()),
            Err(p) => result(RUN_PANIC, panic_text(p).into_bytes()),
        }
    }

    /// `honeycomb_plugin_free`.
    ///
    /// # Safety
    /// `buf` must come from [`Buffer::from_vec`] in this library, once.
    #[allow(unsafe_code)]
    pub unsafe fn free(buf: Buffer) {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: the caller guarantees that buf was made here and not freed before.
            drop(unsafe { buf.into_vec() })
        }));
    }
}
