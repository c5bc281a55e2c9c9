//! Centralities against NetworkX reference values (karate club), sampled against exact
//! betweenness on a real network (ego-Facebook), and bit-identical results whatever the
//! number of threads.

use crate::shared_data::{edge_list, shared_data};
use honeycomb_core::graph::{Network, PathMode, pagerank, path_centrality};

/// A network with both arcs of every undirected edge.
fn both_ways(n: usize, edges: &[(u32, u32)]) -> Network {
    let arcs = edges
        .iter()
        .flat_map(|&(a, b)| [(a, b, 1.0f32), (b, a, 1.0f32)])
        .collect();
    Network::from_arcs(n, arcs, false)
}

fn floats(v: &serde_json::Value, key: &str) -> Vec<f64> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("reference.json: no list {key}"))
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

fn assert_close(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= tol,
            "{what}[{i}]: got {g}, NetworkX {w} (difference {:e})",
            (g - w).abs()
        );
    }
}

fn facebook() -> Option<Network> {
    let dir = shared_data()?;
    let path = dir.join("facebook-ego/facebook_combined.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let edges = edge_list(&text);
    let n = edges
        .iter()
        .map(|&(a, b)| a.max(b) as usize + 1)
        .max()
        .unwrap_or(0);
    Some(both_ways(n, &edges))
}

#[test]
fn karate_matches_networkx() {
    let Some(dir) = shared_data() else { return };
    let text = crate::read(&dir.join("karate/reference.json"));
    let r: serde_json::Value = serde_json::from_str(&text).expect("reference.json");
    let n = r["n"].as_u64().expect("n") as usize;
    let edges: Vec<(u32, u32)> = r["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| {
            (
                e[0].as_u64().expect("u") as u32,
                e[1].as_u64().expect("v") as u32,
            )
        })
        .collect();
    assert_eq!(edges.len() as u64, r["m"].as_u64().expect("m"));
    let g = both_ways(n, &edges);
    assert_eq!(g.arc_count(), 2 * edges.len());

    let in_degree: Vec<f64> = (0..n as u32).map(|v| g.inc.degree(v) as f64).collect();
    assert_close("degree", &in_degree, &floats(&r, "degree"), 0.0);

    let pr = pagerank(&g, 0.85, 1e-13, 1000);
    assert!(pr.converged, "PageRank did not converge");
    assert_close("pagerank", &pr.scores, &floats(&r, "pagerank"), 1e-9);

    let p = path_centrality(&g.out, PathMode::Exact);
    let twice: Vec<f64> = floats(&r, "betweenness_raw")
        .iter()
        .map(|b| 2.0 * b)
        .collect();
    assert_close("betweenness", &p.betweenness, &twice, 1e-9);
    let closeness = p.closeness.as_deref().expect("exact closeness");
    assert_close("closeness", closeness, &floats(&r, "closeness"), 1e-9);
    assert_close("harmonic", &p.harmonic, &floats(&r, "harmonic"), 1e-9);
    assert_eq!(p.pivots, None);
    assert!(
        p.betweenness_se
            .iter()
            .chain(&p.harmonic_se)
            .all(|&x| x == 0.0)
    );
}

/// Indexes of the `k` largest values (ties by index).
fn top(values: &[f64], k: usize) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..values.len()).collect();
    idx.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    idx.truncate(k);
    idx
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        f64::NAN
    } else {
        v[v.len() / 2]
    }
}

#[test]
fn facebook_sampled_betweenness_finds_the_exact_top_20() {
    let Some(g) = facebook() else { return };
    let n = g.node_count();
    assert_eq!((n, g.arc_count()), (4039, 2 * 88_234));
    let exact = path_centrality(&g.out, PathMode::Exact);
    let sampled = path_centrality(
        &g.out,
        PathMode::Sampled {
            pivots: 256,
            seed: 42,
        },
    );
    assert_eq!(sampled.pivots, Some(256));
    assert!(sampled.closeness.is_none());
    let te = top(&exact.betweenness, 20);
    let ts = top(&sampled.betweenness, 20);
    let overlap = ts.iter().filter(|v| te.contains(v)).count();
    // Relative standard errors, over all nodes with a positive estimate and over the top 20.
    let rse = |est: &[f64], se: &[f64], nodes: &mut dyn Iterator<Item = usize>| {
        median(
            nodes
                .filter(|&v| est[v] > 0.0)
                .map(|v| se[v] / est[v])
                .collect(),
        )
    };
    let b_all = rse(&sampled.betweenness, &sampled.betweenness_se, &mut (0..n));
    let b_top = rse(
        &sampled.betweenness,
        &sampled.betweenness_se,
        &mut ts.iter().copied(),
    );
    let h_all = rse(&sampled.harmonic, &sampled.harmonic_se, &mut (0..n));
    // Share of nodes whose exact value lies within two standard errors of the estimate.
    let within = |est: &[f64], se: &[f64], truth: &[f64]| {
        (0..n)
            .filter(|&v| (est[v] - truth[v]).abs() <= 2.0 * se[v] + 1e-9)
            .count() as f64
            / n as f64
    };
    let b_cover = within(
        &sampled.betweenness,
        &sampled.betweenness_se,
        &exact.betweenness,
    );
    let h_cover = within(&sampled.harmonic, &sampled.harmonic_se, &exact.harmonic);
    eprintln!(
        "ego-Facebook, 256 of {n} pivots (seed 42): top-20 betweenness overlap {overlap}/20; \
         median relative SE: betweenness {b_all:.3} (all nodes with an estimate > 0), \
         {b_top:.3} (sampled top 20); harmonic {h_all:.4}; exact value within 2 SE: \
         betweenness {:.1}%, harmonic {:.1}%",
        100.0 * b_cover,
        100.0 * h_cover
    );
    assert!(overlap >= 16, "top-20 overlap {overlap} < 16");
    // The sampled harmonic estimate is tight on a connected network.
    assert!(h_all < 0.05, "median relative SE of harmonic {h_all}");
}

/// Runs PageRank and sampled path centralities on ego-Facebook in the global thread pool and
/// prints a fingerprint of every bit of the results. Run by
/// `results_do_not_depend_on_the_number_of_threads` in a child process with
/// `RAYON_NUM_THREADS` set (this crate has no direct rayon dependency to build pools with);
/// ignored otherwise.
#[test]
#[ignore = "run by results_do_not_depend_on_the_number_of_threads in a child process"]
fn thread_count_child() {
    let Some(g) = facebook() else { return };
    let pr = pagerank(&g, 0.85, 1e-12, 1000);
    let p = path_centrality(
        &g.out,
        PathMode::Sampled {
            pivots: 100,
            seed: 7,
        },
    );
    // FNV-1a over the bits, list by list.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for list in [
        &pr.scores,
        &p.betweenness,
        &p.betweenness_se,
        &p.harmonic,
        &p.harmonic_se,
    ] {
        for x in list.iter() {
            for byte in x.to_bits().to_le_bytes() {
                h = (h ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    println!(
        "FINGERPRINT {h:016x} {} {}",
        pr.iterations,
        p.betweenness.len()
    );
}

#[test]
fn results_do_not_depend_on_the_number_of_threads() {
    if shared_data().is_none() {
        return;
    }
    let exe = std::env::current_exe().expect("test binary");
    let fingerprint = |threads: &str| {
        let out = std::process::Command::new(&exe)
            .args([
                "centrality::thread_count_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("run the test binary");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "child failed: {stdout}");
        stdout
            .lines()
            .find_map(|l| l.find("FINGERPRINT ").map(|i| l[i..].to_owned()))
            .unwrap_or_else(|| panic!("no fingerprint in: {stdout}"))
    };
    let (one, three) = (fingerprint("1"), fingerprint("3"));
    eprintln!("1 thread: {one}; 3 threads: {three}");
    assert_eq!(one, three);
}
