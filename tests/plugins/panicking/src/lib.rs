//! Fixture: a plugin that panics in `analyze`; the run must survive it.

use honeycomb_core::{Context, Plugin, PluginError, Section};

/// Panics.
pub struct Panicking;

impl Plugin for Panicking {
    fn id(&self) -> &str {
        "panicking"
    }
    fn name(&self) -> &str {
        "Panicking <b>plugin</b>"
    }
    fn analyze(&self, _: &Context<'_>) -> Result<Section, PluginError> {
        panic!("deliberate failure <script>alert(1)</script>")
    }
}

honeycomb_core::export_plugin!(Panicking);
