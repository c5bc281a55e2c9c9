//! # honeycomb
//!
//! The runner: command line, plugin registry, the parallel plugin run, rendering (minijinja
//! templates → Markdown → HTML with pulldown-cmark, SVG charts) and atomic output.
//! Plugins never depend on this crate; they depend on `honeycomb-core` only.

pub mod charts;
pub mod cli;
pub mod compare;
pub mod demo;
pub mod dynamic;
pub mod graphfile;
pub mod output;
pub mod publish;
pub mod registry;
pub mod render;
pub mod report;
pub mod run;
pub mod scaffold;
