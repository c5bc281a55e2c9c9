//! Fixture: exports ABI version 999. Its other functions abort the process, so a test
//! that survives shows the runner called nothing but the version function.

/// Another ABI version.
#[unsafe(no_mangle)]
pub extern "C" fn honeycomb_abi_version() -> u32 {
    999
}

/// Must never be called.
#[unsafe(no_mangle)]
pub extern "C" fn honeycomb_plugin_info() {
    std::process::abort()
}

/// Must never be called.
#[unsafe(no_mangle)]
pub extern "C" fn honeycomb_plugin_run() {
    std::process::abort()
}

/// Must never be called.
#[unsafe(no_mangle)]
pub extern "C" fn honeycomb_plugin_free() {
    std::process::abort()
}
