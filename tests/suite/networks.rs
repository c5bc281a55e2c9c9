//! The relationships and groups plugins end to end: the karate club as a data folder (34
//! accounts, 78 friendships) goes through loading, the shared network index, both plugins and
//! the metrics files, and the numbers in `metrics/accounts.csv` equal NetworkX's.

use crate::shared_data::shared_data;
use crate::{read, report_ok};
use std::path::Path;

/// Writes the karate club as a data folder: accounts, friend follows, one post.
fn karate_folder(dir: &Path, shared: &Path) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let edges = read(&shared.join("karate/edges.csv"));
    let mut follows = String::from("source,target,kind\n");
    for line in edges.lines().skip(1) {
        let mut f = line.split(',');
        let (a, b) = (f.next().expect("source"), f.next().expect("target"));
        follows.push_str(&format!("m{a},m{b},friend\n"));
    }
    std::fs::write(dir.join("follows.csv"), follows).expect("write");
    let mut accounts = String::from("id,handle\n");
    for i in 0..34 {
        accounts.push_str(&format!("m{i},member{i}\n"));
    }
    std::fs::write(dir.join("accounts.csv"), accounts).expect("write");
    std::fs::write(
        dir.join("posts.csv"),
        "id,author,created_at,text\np1,m0,2026-01-05T10:00:00Z,karate tonight #club\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("honeycomb.toml"),
        "[report]\nbrand = [\"member0\"]\n",
    )
    .expect("write");
}

/// `metrics/accounts.csv` as a header and rows (no quoted cells in this data).
fn csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = read(path);
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .expect("header")
        .split(',')
        .map(String::from)
        .collect();
    let rows = lines
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn karate_through_the_whole_pipeline() {
    let Some(shared) = shared_data() else { return };
    let d = tempfile::tempdir().expect("tmp");
    let data = d.path().join("karate");
    karate_folder(&data, &shared);
    let out = d.path().join("out");
    report_ok(&data, &out, &["--only", "relationships,groups"]);
    let r: serde_json::Value =
        serde_json::from_str(&read(&shared.join("karate/reference.json"))).expect("reference");
    let want = |k: &str| -> Vec<f64> {
        r[k].as_array()
            .expect(k)
            .iter()
            .map(|x| x.as_f64().expect("number"))
            .collect()
    };
    let (header, rows) = csv(&out.join("metrics/accounts.csv"));
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (id, pr, bt, hc, deg) = (
        col("id"),
        col("pagerank"),
        col("betweenness"),
        col("harmonic_closeness"),
        col("in_degree"),
    );
    let (pagerank, betweenness, harmonic, degree) = (
        want("pagerank"),
        want("betweenness_norm"),
        want("harmonic"),
        want("degree"),
    );
    assert_eq!(rows.len(), 34);
    for row in &rows {
        let i: usize = row[id][1..].parse().expect("member index");
        let num = |c: usize| row[c].parse::<f64>().expect("number");
        // Printed with 10 decimals (PageRank, betweenness) and 6 (harmonic closeness).
        assert!((num(pr) - pagerank[i]).abs() < 1e-9, "pagerank of m{i}");
        // Directed betweenness over ordered pairs ÷ (n−1)(n−2) equals NetworkX's normalised
        // undirected betweenness.
        assert!(
            (num(bt) - betweenness[i]).abs() < 1e-9,
            "betweenness of m{i}"
        );
        assert!(
            (num(hc) - harmonic[i] / 33.0).abs() < 1e-6,
            "harmonic of m{i}"
        );
        assert_eq!(num(deg), degree[i], "degree of m{i}");
    }
    // Leiden finds the optimum partition of the karate club (0.41979).
    let report: serde_json::Value =
        serde_json::from_str(&read(&out.join("report.json"))).expect("report.json");
    let groups = report["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["id"] == "groups")
        .expect("groups section");
    let q = groups["metrics"]
        .as_array()
        .expect("metrics")
        .iter()
        .find(|m| m["key"] == "groups.modularity")
        .and_then(|m| m["value"].as_f64())
        .expect("modularity");
    assert!(q >= 0.4197, "modularity {q}");
    // The network for Gephi: 34 nodes, 156 arcs, well-formed enough to count.
    let gexf = read(&out.join("metrics/network.gexf"));
    assert_eq!(gexf.matches("<node ").count(), 34);
    assert_eq!(gexf.matches("<edge ").count(), 156);
    let graphml = read(&out.join("metrics/network.graphml"));
    assert_eq!(graphml.matches("<edge ").count(), 156);
    // Same data, same seed: the same bytes.
    let again = d.path().join("again");
    report_ok(&data, &again, &["--only", "relationships,groups"]);
    for f in [
        "metrics/accounts.csv",
        "metrics/network.gexf",
        "report.json",
        "report.md",
    ] {
        assert_eq!(
            read(&out.join(f)),
            read(&again.join(f)),
            "{f} differs between runs"
        );
    }
}
