//! The README's map of the repository names every crate: a new crate that is
//! not on it fails here, so the map stays true.

use std::path::Path;

#[test]
fn readme_layout_lists_every_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let layout = readme
        .split("## Repository layout")
        .nth(1)
        .expect("README.md has a 'Repository layout' section");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("crates")).expect("crates/") {
        let entry = entry.expect("a crates/ entry");
        if !entry.path().join("Cargo.toml").is_file() {
            continue;
        }
        let name = format!("crates/{}/", entry.file_name().to_string_lossy());
        if !layout.lines().any(|line| line.starts_with(&name)) {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "README.md's repository layout misses {missing:?}"
    );
}
