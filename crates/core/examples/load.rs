//! Loads a data folder and prints row counts, problems and the time taken:
//! `cargo run --release -p honeycomb-core --example load -- DATA`.

use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: load DATA");
        std::process::exit(2);
    };
    if std::env::var_os("HONEYCOMB_SIZES").is_some() {
        sizes();
    }
    let t = Instant::now();
    match honeycomb_core::load_folder(
        std::path::Path::new(&dir),
        &honeycomb_core::LoadOptions::default(),
    ) {
        Ok(l) => {
            println!(
                "loaded in {:.3} s: {:?}",
                t.elapsed().as_secs_f64(),
                l.data.summary.rows
            );
            for p in l.problems.iter().take(20) {
                println!("{p}");
            }
            // Leave freeing to the operating system, as the binary does.
            std::mem::forget(l);
        }
        Err(e) => {
            println!("failed in {:.3} s: {e}", t.elapsed().as_secs_f64());
            if let honeycomb_core::LoadError::Problems { problems, .. } = e {
                for p in problems.iter().take(20) {
                    println!("{p}");
                }
            }
            std::process::exit(1);
        }
    }
}

#[allow(dead_code)]
fn sizes() {
    eprintln!(
        "Post {} Account {} Follow {} Rating {}",
        std::mem::size_of::<honeycomb_core::Post>(),
        std::mem::size_of::<honeycomb_core::Account>(),
        std::mem::size_of::<honeycomb_core::Follow>(),
        std::mem::size_of::<honeycomb_core::Rating>()
    );
}
