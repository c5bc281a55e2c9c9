//! Times the conversations plugin on a data folder, and prints the thread statistics with
//! the peer pipeline's definitions (`shared/bench/peers.py`, step "conversations") to check
//! them against `shared/bench/RESULTS.md`:
//! `cargo run --release -p honeycomb-conversations --example timing -- DATA [BRAND] [RUNS]`.
//!
//! Each run builds fresh `Context`s, so the shared indexes are built again: once the reply
//! forest, the thread index (`Context::threads`) and the plugin's own analysis are timed
//! each alone; once the plugin runs on a fresh context and builds the indexes itself (as in
//! a report, where it overlaps the thread index with its sentiment scoring).

use honeycomb_conversations::ConversationsPlugin;
use honeycomb_core::{Config, Context, ContextOptions, LoadOptions, Plugin, load_folder};
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU seconds used by this process so far, all threads (Linux `/proc/self/stat`; 0
/// elsewhere): printed beside the wall time, which a busy machine stretches.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let rest = stat.rfind(')').map_or("", |i| &stat[i + 2..]);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: timing DATA [BRAND] [RUNS]");
        std::process::exit(2);
    };
    let brand = args.next().filter(|b| !b.is_empty());
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let t = Instant::now();
    let loaded = match load_folder(std::path::Path::new(&dir), &LoadOptions::default()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    eprintln!(
        "loaded {} posts in {:.2} s",
        loaded.data.posts.len(),
        t.elapsed().as_secs_f64()
    );
    let toml = match &brand {
        Some(b) => format!("[report]\nbrand = [\"{b}\"]\n"),
        None => String::new(),
    };
    let config = Config::parse(&toml).expect("config");
    let (mut forest, mut threads, mut plugin, mut total) = (vec![], vec![], vec![], vec![]);
    let (mut fresh, mut fresh_cpu) = (vec![], vec![]);
    for run in 0..runs {
        let cx = Context::new(&loaded.data, &config, ContextOptions::default());
        let t0 = Instant::now();
        cx.reply_forest();
        let t1 = Instant::now();
        let th = cx.threads();
        let t2 = Instant::now();
        let section = ConversationsPlugin.analyze(&cx).expect("section");
        let t3 = Instant::now();
        forest.push((t1 - t0).as_secs_f64());
        threads.push((t2 - t1).as_secs_f64());
        plugin.push((t3 - t2).as_secs_f64());
        total.push((t3 - t0).as_secs_f64());
        if run == 0 {
            let n = th.threads.len();
            let size = th.threads.iter().map(|t| t.size as f64).sum::<f64>() / n.max(1) as f64;
            let depth = th.threads.iter().map(|t| t.depth as f64).sum::<f64>() / n.max(1) as f64;
            println!(
                "threads={n}, size mean={size:.6} max={}, depth mean={depth:.6} max={}, dangling roots={}",
                th.threads.iter().map(|t| t.size).max().unwrap_or(0),
                th.threads.iter().map(|t| t.depth).max().unwrap_or(0),
                th.dangling_roots
            );
            for m in &section.metrics {
                println!("  {} = {}", m.key, m.display);
            }
            for t in &section.tables {
                println!("  table {}: {} rows", t.id, t.rows.len());
            }
        }
        // Leave freeing to the operating system, as the binary does.
        std::mem::forget(section);
        let cx = Context::new(&loaded.data, &config, ContextOptions::default());
        let (t0, c0) = (Instant::now(), cpu_seconds());
        let section = ConversationsPlugin.analyze(&cx).expect("section");
        fresh.push(t0.elapsed().as_secs_f64());
        fresh_cpu.push(cpu_seconds() - c0);
        std::mem::forget(section);
    }
    println!(
        "median of {runs} runs: reply forest {:.1} ms, thread index {:.1} ms, plugin {:.1} ms, all {:.1} ms; plugin on a fresh context (indexes included) {:.1} ms wall, {:.2} s CPU",
        median(forest) * 1e3,
        median(threads) * 1e3,
        median(plugin) * 1e3,
        median(total) * 1e3,
        median(fresh) * 1e3,
        median(fresh_cpu)
    );
}
