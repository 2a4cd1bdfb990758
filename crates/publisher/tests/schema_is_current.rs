//! The committed JSON Schemas in docs/schema/ must match the contract types.

use std::fs;
use std::path::PathBuf;

const REGENERATE: &str = "run `cargo run -p portal-publisher -- schema --out docs/schema`";

#[test]
fn committed_schemas_match_the_contract() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema");
    let schemas = portal_publisher::schema::schemas().unwrap();
    let mut stale = Vec::new();
    for (name, expected) in &schemas {
        match fs::read_to_string(dir.join(name)) {
            Ok(committed) if committed == *expected => {}
            Ok(_) => stale.push(format!(
                "docs/schema/{name} differs from the contract types"
            )),
            Err(error) => stale.push(format!("docs/schema/{name} cannot be read: {error}")),
        }
    }
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|read| {
            read.filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    for name in names {
        if name.ends_with(".json") && !schemas.iter().any(|(known, _)| *known == name) {
            stale.push(format!(
                "docs/schema/{name} is not generated any more; delete it"
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "the committed JSON Schemas are out of date:\n  {}\n{REGENERATE}",
        stale.join("\n  ")
    );
}
