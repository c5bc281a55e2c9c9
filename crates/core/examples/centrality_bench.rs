//! Times PageRank, sampled shortest-path centralities and components on a follow graph
//! (`follows.csv`: `source,target,created_at` with integer ids):
//! `cargo run --release -p honeycomb-core --example centrality_bench -- FOLLOWS.csv [PIVOTS]`.

use honeycomb_core::graph::{
    Network, PathMode, pagerank, path_centrality, reciprocity, weakly_connected_components,
};
use std::time::Instant;

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
    println!(
        "load: {} nodes, {} arcs, {:.3} s, {} threads",
        g.node_count(),
        g.arc_count(),
        t.elapsed().as_secs_f64(),
        rayon::current_num_threads()
    );

    let t = Instant::now();
    let pr = pagerank(&g, 0.85, 1e-10, 200);
    println!(
        "pagerank: {:.4} s ({} iterations, converged {}, sum {:.12})",
        t.elapsed().as_secs_f64(),
        pr.iterations,
        pr.converged,
        pr.scores.iter().sum::<f64>()
    );

    let t = Instant::now();
    let pc = path_centrality(&g.out, PathMode::Sampled { pivots, seed: 42 });
    let secs = t.elapsed().as_secs_f64();
    let best = (0..g.node_count())
        .max_by(|&a, &b| pc.betweenness[a].total_cmp(&pc.betweenness[b]))
        .unwrap_or(0);
    println!(
        "sampled betweenness + harmonic (k = {pivots}): {secs:.3} s; top node {best}: {:.1} ± {:.1}",
        pc.betweenness.get(best).copied().unwrap_or(0.0),
        pc.betweenness_se.get(best).copied().unwrap_or(0.0)
    );
    let t = Instant::now();
    let (_, sizes) = weakly_connected_components(&g);
    let r = reciprocity(&g);
    println!(
        "components + reciprocity: {:.3} s ({} components, largest {}, reciprocity {r:.4})",
        t.elapsed().as_secs_f64(),
        sizes.len(),
        sizes.first().copied().unwrap_or(0)
    );
    // Peak resident memory of the whole process (Linux).
    if let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(l) = status.lines().find(|l| l.starts_with("VmHWM"))
    {
        println!("peak memory: {}", l.trim_start_matches("VmHWM:").trim());
    }
}
