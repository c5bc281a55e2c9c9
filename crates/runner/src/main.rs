//! The `honeycomb` binary: glue around the library.

/// mimalloc: the loader allocates millions of small strings; it is markedly faster than the
/// system allocator at that (measured in BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    honeycomb::run::set_fast_exit(true);
    // Standard error is not locked for the whole run: the progress spinner writes to it from
    // its own thread.
    let code = honeycomb::cli::run(
        std::env::args_os(),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    std::process::exit(code);
}
