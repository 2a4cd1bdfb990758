//! `cargo run --release -p portal-photo --example develop -- PHOTO…`: develops
//! each photograph as the publisher does and reports the time and the bytes
//! of each rendition (a report, never a test).

use std::time::Instant;

use portal_photo::{develop, sniff, Focus, Sniffed};

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("{path}: {error}");
                continue;
            }
        };
        let Sniffed::Photo(format) = sniff(&bytes) else {
            eprintln!("{path}: not a JPEG, PNG or WebP");
            continue;
        };
        let started = Instant::now();
        match develop(&bytes, format, Focus::CENTRE) {
            Ok(developed) => {
                let total: usize = developed.files.iter().map(|(_, b)| b.len()).sum();
                println!(
                    "{path}: {}×{} in {:.2} s, {} files, {} KB; placeholder {} B",
                    developed.width,
                    developed.height,
                    started.elapsed().as_secs_f64(),
                    developed.files.len(),
                    total / 1024,
                    developed.placeholder.len()
                );
                for (name, bytes) in &developed.files {
                    println!("  {name:>16} {:>8} B", bytes.len());
                }
            }
            Err(error) => eprintln!("{path}: {error}"),
        }
    }
}
