//! Times the byte form a plugin library receives (`honeycomb_core::wire`) on a data folder:
//! `cargo run --release -p honeycomb-core --example wire_bench -- DATA [RUNS]`.
//! Prints the size, and the median time to encode (the runner, once per run), decode (each
//! plugin library) and drop the decoded copy. Uses the system allocator, as a plugin
//! library does unless its author picks another.

use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: wire_bench DATA [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args
        .next()
        .and_then(|r| r.to_str().and_then(|r| r.parse().ok()))
        .unwrap_or(5);
    let t = Instant::now();
    let l = match honeycomb_core::load_folder(
        std::path::Path::new(&dir),
        &honeycomb_core::LoadOptions::default(),
    ) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    println!("load {:.3} s", t.elapsed().as_secs_f64());
    let (mut enc, mut dec, mut drop) = (Vec::new(), Vec::new(), Vec::new());
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let bytes =
            honeycomb_core::wire::encode(&l.data, &l.config, honeycomb_core::Lang::En, None)
                .expect("encode");
        enc.push(t.elapsed().as_secs_f64());
        size = bytes.len();
        let t = Instant::now();
        let input = honeycomb_core::wire::decode(&bytes).expect("decode");
        dec.push(t.elapsed().as_secs_f64());
        assert_eq!(input.data.posts.len(), l.data.posts.len());
        let t = Instant::now();
        std::mem::drop(input);
        drop.push(t.elapsed().as_secs_f64());
    }
    println!(
        "{} posts, {:.1} MB; median of {runs}: encode {:.3} s, decode {:.3} s, drop {:.3} s",
        l.data.posts.len(),
        size as f64 / 1e6,
        median(enc),
        median(dec),
        median(drop)
    );
    std::mem::forget(l);
}
