//! Times the Leiden algorithm on a follow graph:
//! `cargo run --release -p honeycomb-core --example leiden_bench -- FOLLOWS.csv [MAX_ITERATIONS]`.
//!
//! Reads `source,target,created_at` rows with integer ids into a directed network (kept, as
//! the report keeps the follow graph), then:
//!
//! 1. runs [`network::communities`] — what the report does: the undirected projection, Leiden,
//!    conductance — and prints the peak memory it adds above the network (Linux: the peak is
//!    reset through `/proc/self/clear_refs` first);
//! 2. builds the undirected projection and times `leiden` alone on it with default options (or
//!    at most `MAX_ITERATIONS` iterations, to compare with peers that run a fixed number),
//!    printing the number of communities and the modularity; when `_truth_communities.csv`
//!    (`account,community`) sits beside the file, also the NMI against it.

use honeycomb_core::graph::{LeidenOptions, Network, UGraph, leiden, nmi};
use honeycomb_core::network::{self, CommunitySettings, EdgeKind, NetworkSettings, SocialNetwork};
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

/// `(resident, peak resident)` of this process in bytes (Linux; zeros elsewhere).
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| {
                l[name.len()..]
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map_or(0, |kb| kb * 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Resets the peak resident size to the current one (Linux ≥ 4.0); returns the current size.
fn reset_peak() -> u64 {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    memory().0
}

/// FNV-1a over a membership: equal across runs and thread counts.
fn checksum(membership: &[u32]) -> u64 {
    membership.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
        (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: leiden_bench FOLLOWS.csv [MAX_ITERATIONS]");
        std::process::exit(2);
    };
    let path = std::path::PathBuf::from(path);
    let max_iterations = std::env::args()
        .nth(2)
        .map_or(0, |a| a.parse().expect("MAX_ITERATIONS: an integer"));
    let opts = LeidenOptions {
        max_iterations,
        ..LeidenOptions::default()
    };
    let t = Instant::now();
    let text = std::fs::read_to_string(&path).expect("read follows");
    let arcs: Vec<(u32, u32, f32)> = columns(&text, 2).map(|r| (r[0], r[1], 1.0)).collect();
    drop(text);
    let n = arcs.iter().map(|a| a.0.max(a.1)).max().unwrap_or(0) as usize + 1;
    let net = SocialNetwork {
        settings: NetworkSettings::default(),
        kinds: vec![EdgeKind::Follow],
        graph: Network::from_arcs(n, arcs, false),
    };
    let base = reset_peak();
    println!(
        "network: {} nodes, {} arcs (read and built in {:.3} s); resident {:.1} MB",
        net.graph.node_count(),
        net.graph.arc_count(),
        t.elapsed().as_secs_f64(),
        base as f64 / 1e6
    );

    // 1. What the report does, with its peak memory.
    let t = Instant::now();
    let com = network::communities(
        &net,
        CommunitySettings {
            leiden: opts.clone(),
        },
    );
    let peak = memory().1.saturating_sub(base);
    println!(
        "communities (projection + leiden + conductance): {:.3} s, peak +{:.1} MB, kept +{:.1} MB; {} communities, modularity {:.6}, checksum {:016x}",
        t.elapsed().as_secs_f64(),
        peak as f64 / 1e6,
        memory().0.saturating_sub(base) as f64 / 1e6,
        com.partition.sizes.len(),
        com.partition.modularity,
        checksum(&com.partition.membership)
    );
    drop(com);

    // 2. Leiden alone on a prebuilt projection.
    let t = Instant::now();
    let g = UGraph::from_network(&net.graph);
    drop(net);
    println!(
        "graph: {} nodes, {} undirected edges (projection built in {:.3} s)",
        g.node_count(),
        g.edge_count(),
        t.elapsed().as_secs_f64()
    );
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
    println!("membership checksum {:016x}", checksum(&p.membership));
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
