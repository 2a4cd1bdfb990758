//! The app binary, when built for the browser, is linked with relocations
//! kept (`--emit-relocs`): tools/post-build/split-app.mjs needs them to cut
//! the wasm at its lazy routes (`src/lazy_pages.rs`). Only the `portal` bin:
//! the tests and the widgets crate link as before.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=portal=--emit-relocs");
    }
}
