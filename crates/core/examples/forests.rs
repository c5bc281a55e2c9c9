//! Prints reply-thread and repost-cascade statistics of a data folder with the definitions
//! of the peer pipeline (`shared/bench/peers.py`), to check `Context::reply_forest` and
//! `Context::repost_forest` against its reference values in `shared/bench/RESULTS.md`:
//! `cargo run --release -p honeycomb-core --example forests -- DATA`.

use honeycomb_core::{Config, Context, ContextOptions, Forest, LoadOptions, PostKind, load_folder};
use std::collections::BTreeMap;

fn stats(name: &str, f: &Forest, member: impl Fn(usize) -> bool) {
    // Trees (root + descendants among members) with at least one member besides the root.
    let mut per_root: BTreeMap<u32, (usize, u32)> = BTreeMap::new();
    for i in 0..f.root.len() {
        if member(i) {
            let e = per_root.entry(f.root[i]).or_insert((0, 0));
            e.0 += 1;
            e.1 = e.1.max(f.depth[i]);
        }
    }
    let trees: Vec<(usize, u32)> = per_root.values().copied().filter(|t| t.0 >= 2).collect();
    let n = trees.len();
    let size_mean = trees.iter().map(|t| t.0).sum::<usize>() as f64 / n.max(1) as f64;
    let size_max = trees.iter().map(|t| t.0).max().unwrap_or(0);
    let depth_max = trees.iter().map(|t| t.1).max().unwrap_or(0);
    let depth_mean = trees.iter().map(|t| t.1 as f64).sum::<f64>() / n.max(1) as f64;
    println!(
        "{name}: {n}, size mean={size_mean:.6} max={size_max}, depth mean={depth_mean:.6} max={depth_max}, loops cut={}",
        f.cycles_cut
    );
}

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: forests DATA");
        std::process::exit(2);
    };
    let loaded = match load_folder(std::path::Path::new(&dir), &LoadOptions::default()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let config = Config::default();
    let cx = Context::new(&loaded.data, &config, ContextOptions::default());
    let posts = &loaded.data.posts;
    stats("threads", cx.reply_forest(), |i| {
        posts[i].kind() != PostKind::Repost
    });
    stats("cascades", cx.repost_forest(), |_| true);
}
