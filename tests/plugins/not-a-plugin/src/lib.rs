//! Fixture: a shared library with a C function, but none of honeycomb's.

/// Something else entirely.
#[unsafe(no_mangle)]
pub extern "C" fn add_one(x: u32) -> u32 {
    x.wrapping_add(1)
}
