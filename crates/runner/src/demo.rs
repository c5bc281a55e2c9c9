//! The embedded demo data folder (to be written).

use std::path::Path;

/// Writes the demo data folder into `dir`.
pub fn write_demo(dir: &Path) -> std::io::Result<()> {
    let _ = dir;
    Ok(())
}
