//! The `honeycomb` binary: glue around the library.

/// mimalloc: the loader allocates millions of small strings; it is markedly faster than the
/// system allocator at that (measured in BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    honeycomb::run::set_fast_exit(true);
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = honeycomb::cli::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(code);
}
