//! `portal-wasm-split IN.wasm OUT_DIR`: splits the app's wasm, as linked by
//! cargo with `--emit-relocs`, at its `wasm_split` points (the lazy routes).
//!
//! Writes into OUT_DIR:
//! - `main.wasm`: the module every page loads, still to go through
//!   wasm-bindgen (`--keep-lld-exports`: the chunks link to its exports);
//! - one `.wasm` per chunk, and `split.js`, which fetches and links them;
//! - `manifest.json`: for each split point, the chunk files it needs, in
//!   load order (the post-build step hashes the names and the size report
//!   and the service worker read it).
//!
//! The main module imports `./split.js` and `split.js` imports `./main.js`
//! (wasm-bindgen's glue); the post-build step renames both.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir] = args.as_slice() else {
        eprintln!("usage: portal-wasm-split IN.wasm OUT_DIR");
        return ExitCode::from(2);
    };
    match split(Path::new(input), Path::new(out_dir)) {
        Ok(chunks) => {
            println!("wasm-split: {input} → main.wasm and {chunks} chunks");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("wasm-split: {message}");
            ExitCode::FAILURE
        }
    }
}

fn split(input: &Path, out_dir: &Path) -> Result<usize, String> {
    let wasm = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let main_out: PathBuf = out_dir.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = out_dir;
    options.main_out_path = &main_out;
    options.main_module = "./main.js";
    options.link_name = "./split.js";
    let result = wasm_split_cli_support::transform(options).map_err(|e| {
        format!(
            "{}: {e:#} (was it linked with --emit-relocs?)",
            input.display()
        )
    })?;
    let manifest = serde_json::to_string_pretty(&result.prefetch_map).map_err(|e| e.to_string())?;
    let manifest_path = out_dir.join("manifest.json");
    std::fs::write(&manifest_path, manifest)
        .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    Ok(result.split_modules.len())
}
