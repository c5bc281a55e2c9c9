//! runner
pub mod charts;
pub mod demo;
