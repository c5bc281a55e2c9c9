//! Times reading an export (or a data folder) through `honeycomb_core::import::load_path`,
//! in-process, over several runs, and prints the median, minimum and maximum:
//! `cargo run --release -p honeycomb-core --example import_bench -- PATH [RUNS]`.

use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: import_bench PATH [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args
        .next()
        .and_then(|r| r.to_str().and_then(|r| r.parse().ok()))
        .unwrap_or(11)
        .max(1);
    let path = std::path::PathBuf::from(path);
    let mut times = Vec::with_capacity(runs);
    let mut rows = None;
    for _ in 0..runs {
        let t = Instant::now();
        match honeycomb_core::import::load_path(&path, &honeycomb_core::LoadOptions::default()) {
            Ok(l) => rows = Some(l.data.summary.rows),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!("{:?}", rows.unwrap_or_default());
    println!(
        "load_path over {runs} runs: median {:.4} s [{:.4}–{:.4}]",
        times[runs / 2],
        times[0],
        times[runs - 1]
    );
}
