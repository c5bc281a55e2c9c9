//! Community detection on real graphs with known answers: Zachary's karate club (the proven
//! modularity optimum, NetworkX/igraph/NetworKit partitions) and SNAP email-Eu-core (42
//! departments as a ground truth).

use crate::shared_data::{edge_list, shared_data};
use honeycomb_core::graph::{
    LeidenOptions, Network, Rng, UGraph, conductance, leiden, modularity, nmi,
};

fn karate() -> Option<(UGraph, serde_json::Value)> {
    let dir = shared_data()?;
    let text = std::fs::read_to_string(dir.join("karate/reference.json")).expect("reference");
    let r: serde_json::Value = serde_json::from_str(&text).expect("json");
    let n = r["n"].as_u64().expect("n") as usize;
    let edges = r["edges"].as_array().expect("edges").iter().map(|e| {
        (
            e[0].as_u64().expect("u") as u32,
            e[1].as_u64().expect("v") as u32,
            1.0,
        )
    });
    Some((UGraph::from_edges(n, edges), r))
}

#[test]
fn karate_reaches_the_optimum_and_matches_reference_modularity() {
    let Some((g, r)) = karate() else { return };
    assert_eq!(g.edge_count(), 78);
    let p = leiden(&g, &LeidenOptions::default());
    let optimum = r["optimal_modularity_literature"]
        .as_f64()
        .expect("optimum");
    eprintln!(
        "karate: Leiden (default options) modularity {:.6} with {} communities {:?}, {} iterations; optimum {optimum}",
        p.modularity,
        p.sizes.len(),
        p.sizes,
        p.iterations
    );
    assert!(p.modularity >= 0.4197, "{}", p.modularity);
    assert!((p.modularity - modularity(&g, &p.membership, 1.0)).abs() < 1e-12);
    // Every reference partition's modularity, recomputed by us.
    let refs = r["communities_seeds_0_9"].as_object().expect("communities");
    let mut checked = 0;
    for (lib, runs) in refs {
        for run in runs.as_array().expect("runs") {
            let m: Vec<u32> = run["membership"]
                .as_array()
                .expect("membership")
                .iter()
                .map(|x| x.as_u64().expect("label") as u32)
                .collect();
            let want = run["modularity"].as_f64().expect("modularity");
            let got = modularity(&g, &m, 1.0);
            assert!((got - want).abs() < 1e-9, "{lib}: {got} vs {want}");
            checked += 1;
        }
    }
    assert!(checked >= 10);
    // The optimum is unique: our partition is leidenalg's, up to the labels.
    let leidenalg: Vec<u32> = refs["leidenalg"][0]["membership"]
        .as_array()
        .expect("leidenalg membership")
        .iter()
        .map(|x| x.as_u64().expect("label") as u32)
        .collect();
    assert!((nmi(&p.membership, &leidenalg) - 1.0).abs() < 1e-12);
    // Conductance of our communities is a ratio of a cut to a volume.
    let c = conductance(&g, &p.membership, p.sizes.len());
    assert!(c.iter().all(|&x| (0.0..=1.0).contains(&x)), "{c:?}");
    // Not a lucky seed: seeds 0..10 all reach it too.
    for seed in 0..10 {
        let q = leiden(
            &g,
            &LeidenOptions {
                seed,
                ..LeidenOptions::default()
            },
        );
        assert!(q.modularity >= 0.4197, "seed {seed}: {}", q.modularity);
    }
    // Same seed, same partition.
    assert_eq!(leiden(&g, &LeidenOptions::default()), p);
}

#[test]
fn email_eu_core_communities_follow_departments() {
    let Some(dir) = shared_data() else { return };
    let dir = dir.join("email-eu-core");
    let text = std::fs::read_to_string(dir.join("email-Eu-core.txt")).expect("edges");
    let pairs = edge_list(&text);
    let labels_text =
        std::fs::read_to_string(dir.join("email-Eu-core-department-labels.txt")).expect("labels");
    let labels = edge_list(&labels_text);
    let n = labels.len();
    assert_eq!(n, 1005);
    let mut dept = vec![0u32; n];
    for &(v, d) in &labels {
        dept[v as usize] = d;
    }
    let arcs = pairs.iter().map(|&(u, v)| (u, v, 1.0)).collect();
    let g = UGraph::from_network(&Network::from_arcs(n, arcs, false));
    let t = std::time::Instant::now();
    let p = leiden(&g, &LeidenOptions::default());
    let secs = t.elapsed().as_secs_f64();
    let score = nmi(&p.membership, &dept);
    // A random labeling with the same community sizes: our membership, shuffled.
    let mut shuffled = p.membership.clone();
    Rng::new(7).shuffle(&mut shuffled);
    let baseline = nmi(&shuffled, &dept);
    eprintln!(
        "email-Eu-core: Leiden {} communities (largest {:?}), modularity {:.4}, {} iterations, \
         {:.1} ms; NMI vs 42 departments {score:.4}; random labeling with the same sizes {baseline:.4}",
        p.sizes.len(),
        &p.sizes[..5.min(p.sizes.len())],
        p.modularity,
        p.iterations,
        secs * 1e3
    );
    assert!((0.0..=1.0).contains(&score) && (0.0..=1.0).contains(&baseline));
    assert!(
        score > baseline + 0.25,
        "NMI {score} not well above random {baseline}"
    );
    assert!(p.modularity > 0.4, "{}", p.modularity);
}
