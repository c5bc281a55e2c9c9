//! Times PageRank, sampled shortest-path centralities and components on a follow graph
//! (`follows.csv`: `source,target,created_at` with integer ids), and measures how much memory
//! each step adds on top of the loaded graph:
//! `cargo run --release -p honeycomb-core --example centrality_bench -- FOLLOWS.csv [PIVOTS]`.
//!
//! Memory (Linux): the resident size after loading, then for each step the peak resident size
//! during the step minus the resident size before it (the peak is reset through
//! `/proc/self/clear_refs` before each step, so loading's own peak does not hide it).

use honeycomb_core::graph::{
    Network, PathMode, pagerank, path_centrality, reciprocity, weakly_connected_components,
};
use std::time::Instant;

/// The same allocator as the `honeycomb` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU seconds used by this process so far, all threads (Linux `/proc/self/stat`; 0
/// elsewhere). Printed beside the wall time because a busy machine stretches the latter.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let rest = stat.rfind(')').map_or("", |i| &stat[i + 2..]);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
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

/// The peak since `reset_peak` returned `base`, above `base`, in MB.
fn added_mb(base: u64) -> f64 {
    memory().1.saturating_sub(base) as f64 / 1e6
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: centrality_bench FOLLOWS.csv [PIVOTS]");
        std::process::exit(2);
    };
    let pivots: u32 = args
        .next()
        .map_or(256, |p| p.parse().expect("PIVOTS: a number"));
    let t = Instant::now();
    let file = std::fs::File::open(&path).expect("open follows.csv");
    let mut arcs: Vec<(u32, u32, f32)> = Vec::new();
    let mut n = 0usize;
    for line in std::io::BufRead::lines(std::io::BufReader::new(file)).skip(1) {
        let line = line.expect("read follows.csv");
        let mut f = line.split(',');
        let (Some(a), Some(b)) = (f.next(), f.next()) else {
            continue;
        };
        let (a, b): (u32, u32) = (a.parse().expect("source id"), b.parse().expect("target id"));
        n = n.max(a as usize + 1).max(b as usize + 1);
        arcs.push((a, b, 1.0));
    }
    let g = Network::from_arcs(n, arcs, false);
    let base = reset_peak();
    println!(
        "load: {} nodes, {} arcs, {:.3} s, {} threads; resident after loading {:.1} MB",
        g.node_count(),
        g.arc_count(),
        t.elapsed().as_secs_f64(),
        rayon::current_num_threads(),
        base as f64 / 1e6
    );

    let t = Instant::now();
    let pr = pagerank(&g, 0.85, 1e-10, 200);
    println!(
        "pagerank: {:.4} s ({} iterations, converged {}, sum {:.12}); peak +{:.1} MB",
        t.elapsed().as_secs_f64(),
        pr.iterations,
        pr.converged,
        pr.scores.iter().sum::<f64>(),
        added_mb(base)
    );
    drop(pr);

    let base = reset_peak();
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let pc = path_centrality(&g.out, PathMode::Sampled { pivots, seed: 42 });
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let best = (0..g.node_count())
        .max_by(|&a, &b| pc.betweenness[a].total_cmp(&pc.betweenness[b]))
        .unwrap_or(0);
    // FNV-1a over the bits of all four estimates: equal across runs and thread counts.
    let checksum = [
        &pc.betweenness,
        &pc.betweenness_se,
        &pc.harmonic,
        &pc.harmonic_se,
    ]
    .iter()
    .flat_map(|v| v.iter())
    .fold(0xcbf2_9ce4_8422_2325u64, |h, x| {
        (h ^ x.to_bits()).wrapping_mul(0x0000_0100_0000_01b3)
    });
    println!(
        "sampled betweenness + harmonic (k = {pivots}): {secs:.3} s (CPU {cpu:.2} s); peak +{:.1} MB; top node {best}: {:.1} ± {:.1}; checksum {checksum:016x}",
        added_mb(base),
        pc.betweenness.get(best).copied().unwrap_or(0.0),
        pc.betweenness_se.get(best).copied().unwrap_or(0.0)
    );
    if let Ok(reference) = std::env::var("CENTRALITY_BENCH_SAVE") {
        // Raw little-endian f64s of betweenness, then harmonic, to compare two builds.
        let bytes: Vec<u8> = pc
            .betweenness
            .iter()
            .chain(&pc.harmonic)
            .flat_map(|x| x.to_le_bytes())
            .collect();
        std::fs::write(reference, bytes).expect("write CENTRALITY_BENCH_SAVE");
    }
    drop(pc);
    let t = Instant::now();
    let (_, sizes) = weakly_connected_components(&g);
    let r = reciprocity(&g);
    println!(
        "components + reciprocity: {:.3} s ({} components, largest {}, reciprocity {r:.4})",
        t.elapsed().as_secs_f64(),
        sizes.len(),
        sizes.first().copied().unwrap_or(0)
    );
}
