//! # honeycomb-core
//!
//! The ground floor of honeycomb: the data model, data-folder discovery, loading and
//! validation, the configuration file, and the plugin contract (`Plugin`, `Context`,
//! `Section`). Plugins depend on this crate only, never on the runner, so the surface a
//! plugin author needs stays small and stable (the mdBook model).
//!
//! Design decision: the dataset is interned once (`u32` indexes, Unix-second timestamps)
//! and shared read-only by all plugins, which run in parallel; shared indexes (the follow
//! graph as CSR, posts per author) are built lazily in the `Context`, once. The trade-off
//! is that plugins cannot mutate the data, which is what makes the parallel run safe.

pub mod builder;
pub mod config;
pub mod context;
pub mod dynamic;
pub mod graph;
pub mod i18n;
pub mod import;
pub mod index;
pub mod load;
pub mod mask;
pub mod model;
pub mod network;
pub mod plugin;
pub mod problem;
pub mod section;
pub mod sentiment;
pub mod settings;
pub mod text;
pub mod threads;
pub mod time;
pub mod wire;

pub use builder::SectionBuilder;
pub use config::{Config, Period};
pub use context::{Context, ContextOptions, Csr, Engagement, FollowGraph, Forest};
pub use i18n::Lang;
pub use load::{LoadError, LoadOptions, Loaded, load_folder};
pub use model::*;
pub use plugin::{BLOCKS, Plugin, PluginError, block_label};
pub use problem::{Level, Problem};
pub use section::*;
