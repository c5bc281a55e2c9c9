//! Times the Leiden algorithm on a follow graph:
//! `cargo run --release -p honeycomb-core --example leiden_bench -- FOLLOWS.csv [MAX_ITERATIONS]`.
//!
//! Reads `source,target,created_at` rows with integer ids, builds the undirected projection and
//! prints the time, the number of communities and the modularity of `leiden` with default
//! options (or at most `MAX_ITERATIONS` iterations, to compare with peers that run a fixed
//! number); when `_truth_communities.csv` (`account,community`) sits beside the file, also the
//! NMI against it.

use honeycomb_core::graph::{LeidenOptions, Network, UGraph, leiden, nmi};
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Integer columns of a CSV file after its header.
fn columns(text: &str, k: usize) -> impl Iterator<Item = Vec<u32>> + '_ {
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(move |l| {
            l.split(',')
                .take(k)
                .map(|x| x.trim().parse::<u32>().expect("integer id"))
                .collect()
        })
}

/// CPU seconds used by this process so far, all threads (Linux `/proc/self/stat`; `None`
/// elsewhere). Printed beside the wall time because a busy machine stretches the latter.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: leiden_bench FOLLOWS.csv [MAX_ITERATIONS]");
        std::process::exit(2);
    };
    let path = std::path::PathBuf::from(path);
    let t = Instant::now();
    let text = std::fs::read_to_string(&path).expect("read follows");
    let arcs: Vec<(u32, u32, f32)> = columns(&text, 2).map(|r| (r[0], r[1], 1.0)).collect();
    drop(text);
    let n = arcs.iter().map(|a| a.0.max(a.1)).max().unwrap_or(0) as usize;
    let g = UGraph::from_network(&Network::from_arcs(n + 1, arcs, false));
    println!(
        "graph: {} nodes, {} undirected edges (read and built in {:.3} s)",
        g.node_count(),
        g.edge_count(),
        t.elapsed().as_secs_f64()
    );
    let max_iterations = std::env::args()
        .nth(2)
        .map_or(0, |a| a.parse().expect("MAX_ITERATIONS: an integer"));
    let opts = LeidenOptions {
        max_iterations,
        ..LeidenOptions::default()
    };
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let p = leiden(&g, &opts);
    let wall = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu).map_or(String::new(), |(b, a)| {
        format!(
            " (CPU {:.2} s over {} threads)",
            b - a,
            rayon::current_num_threads()
        )
    });
    println!(
        "leiden: {wall:.3} s{cpu}, {} communities, modularity {:.6}, {} iterations",
        p.sizes.len(),
        p.modularity,
        p.iterations
    );
    // FNV-1a over the membership: equal across runs and thread counts.
    let checksum = p.membership.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
        (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3)
    });
    println!("membership checksum {checksum:016x}");
    let truth_path = path.with_file_name("_truth_communities.csv");
    if let Ok(text) = std::fs::read_to_string(&truth_path) {
        let mut truth = vec![u32::MAX; g.node_count()];
        for r in columns(&text, 2) {
            if let Some(slot) = truth.get_mut(r[0] as usize) {
                *slot = r[1];
            }
        }
        // Compare over the accounts the truth labels.
        let (a, b): (Vec<u32>, Vec<u32>) = truth
            .iter()
            .zip(&p.membership)
            .filter(|(t, _)| **t != u32::MAX)
            .map(|(&t, &m)| (m, t))
            .unzip();
        println!("NMI vs planted ({} accounts): {:.4}", a.len(), nmi(&a, &b));
    }
}
