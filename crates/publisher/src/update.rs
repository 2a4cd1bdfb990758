//! Updating a published tree in place, for a build whose previous tree is
//! described by a manifest in the cache ([`crate::tree_manifest`]): the
//! build runs as usual, but only documents whose bytes differ from the
//! tree's are written, into a sibling staging directory; then they are
//! renamed into the tree one by one, and documents the build no longer
//! makes are deleted.
//!
//! Each document changes atomically (a rename), but unlike a clean build
//! ([`crate::write::replace_dir_with`]) a reader may fetch, within the pass,
//! one new and one old document (the pass is as long as the changed files
//! take to rename: an edit in a 100,000-article archive changes about 20
//! files, the search index patched in place, see [`crate::search_patch`];
//! adding an article renumbers the search documents and rewrites its
//! index, about 15,000 files and 2 s). The order keeps that mostly harmless: new documents first, then
//! changed ones (the lists that may name the new ones), the `index.json`
//! files last, and deletions after everything else, so a reader holding an
//! old index still finds what it names until the pass ends.
//!
//! The marker is replaced before the first rename (the manifest names the
//! old marker's stamp until it is brought up to date at the end), so an
//! update cut short leaves a tree no manifest vouches for, and the next
//! build is a clean one.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::output::{safe_join, Output};
use crate::tree_manifest::{marker_stamp, TreeManifest};
use crate::write::{remove_stale_siblings, sibling, MARKER, STAGING};

/// What an update changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changes {
    pub written: usize,
    pub removed: usize,
}

/// The manifest of a tree and the stamp of the marker it was recorded
/// for: what [`TreeManifest::load`] reads back, and what an update returns
/// for the next one (a publisher that stays running, [`crate::watch`]).
pub type Recorded = (TreeManifest, String);

/// Runs `fill` with an [`Output`] that keeps what is unchanged in `out`
/// (described by `previous`), then brings `out` up to date and records its
/// new manifest in `cache_dir`; returns it too. When `fill` fails, `out`
/// is as it was.
pub fn update_dir_with<T>(
    out: &Path,
    cache_dir: &Path,
    (previous, stamp): Recorded,
    fill: impl FnOnce(&Output) -> io::Result<T>,
) -> io::Result<(T, Changes, Recorded)> {
    let name = out
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or_else(|| io::Error::other(format!("{} has no usable name", out.display())))?;
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_siblings(&parent, name);
    let staging = parent.join(sibling(name, STAGING, std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir(&staging)?;
    let result = stage(&staging, previous, out, fill);
    let outcome = result.and_then(|(value, output)| {
        let (changes, recorded) = apply(out, cache_dir, &staging, output, &stamp)?;
        Ok((value, changes, recorded))
    });
    let _ = fs::remove_dir_all(&staging);
    outcome
}

fn stage<T>(
    staging: &Path,
    previous: TreeManifest,
    out: &Path,
    fill: impl FnOnce(&Output) -> io::Result<T>,
) -> io::Result<(T, Output)> {
    let output = Output::changes(staging, previous, out);
    let value = fill(&output)?;
    output.finish().map_err(io::Error::other)?;
    Ok((value, output))
}

fn apply(
    out: &Path,
    cache_dir: &Path,
    staging: &Path,
    output: Output,
    stamp: &str,
) -> io::Result<(Changes, Recorded)> {
    // The changes were worked out against the tree the manifest describes:
    // if another run replaced it meanwhile, they do not apply to it.
    if marker_stamp(out).as_deref() != Some(stamp) {
        return Err(io::Error::other(format!(
            "{} was replaced while this build ran (another publisher?); nothing was changed, publish again",
            out.display()
        )));
    }
    let (mut manifest, changed) = output.into_changes().map_err(io::Error::other)?;
    // Only the documents whose bytes differ are written: an entry may
    // differ in its recipe alone.
    let mut written: Vec<&str> = changed
        .changed
        .iter()
        .filter(|(path, entry)| {
            manifest.entries.get(path).map(|old| old.content) != Some(entry.content)
        })
        .map(|(path, _)| path)
        .collect();
    let mut removed: Vec<&str> = changed.removed.iter().map(String::as_str).collect();
    let changes = Changes {
        written: written.len(),
        removed: removed.len(),
    };
    if written.is_empty() && removed.is_empty() {
        // The tree stands as it is; the recipes may be new (a new
        // publisher that made the same bytes).
        if !changed.is_empty() {
            manifest.record(&changed, cache_dir, out, stamp)?;
        }
        return Ok((changes, (manifest, stamp.to_string())));
    }
    // From here the tree changes: no manifest may vouch for it until done.
    // The marker's new stamp is no manifest's (the last one recorded is
    // the old marker's) until the manifest is brought up to date below.
    let stamp = replace_marker(out)?;
    // New documents first (nothing points at them yet), then changed ones
    // (lists that may now name the new ones), the indexes last.
    written.sort_by_key(|path| {
        (
            path.ends_with("index.json"),
            manifest.entries.contains_key(path),
            *path,
        )
    });
    for path in written {
        let from = safe_join(staging, path).map_err(io::Error::other)?;
        let to = safe_join(out, path).map_err(io::Error::other)?;
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::rename(&from, &to)?;
    }
    removed.sort();
    for path in removed {
        let file = safe_join(out, path).map_err(io::Error::other)?;
        match fs::remove_file(&file) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
            _ => {}
        }
        remove_empty_dirs(out, file.parent());
    }
    manifest.record(&changed, cache_dir, out, &stamp)?;
    Ok((changes, (manifest, stamp)))
}

/// Writes the marker afresh (same text, new file), so the tree's stamp no
/// longer matches any manifest; returns the new stamp.
fn replace_marker(out: &Path) -> io::Result<String> {
    let marker = out.join(MARKER);
    let text = fs::read(&marker)?;
    let temporary = out.join(format!("{MARKER}.tmp-{}", std::process::id()));
    fs::write(&temporary, text)?;
    fs::rename(&temporary, &marker)?;
    marker_stamp(out).ok_or_else(|| io::Error::other("the marker vanished"))
}

/// Removes `dir` and its parents up to `root` while they are empty (a
/// search build's directory once its last file is gone).
fn remove_empty_dirs(root: &Path, mut dir: Option<&Path>) {
    while let Some(current) = dir {
        if current == root || !current.starts_with(root) || fs::remove_dir(current).is_err() {
            return;
        }
        dir = current.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::replace_dir_with;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = walk(dir)
            .into_iter()
            .map(|path| path.strip_prefix(dir).unwrap().display().to_string())
            .collect();
        names.sort();
        names
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(walk(&path));
            } else {
                files.push(path);
            }
        }
        files
    }

    fn publish(out: &Path, documents: &[(&str, &str)]) -> TreeManifest {
        replace_dir_with(out, |staging| {
            let output = Output::dir(staging);
            for (path, text) in documents {
                output
                    .put(path.to_string(), text.as_bytes().to_vec())
                    .map_err(io::Error::other)?;
            }
            output.finish().map_err(io::Error::other)?;
            output.take_manifest().map_err(io::Error::other)
        })
        .unwrap()
    }

    #[test]
    fn an_update_writes_what_changed_and_removes_what_is_gone() {
        let cache = tempfile::tempdir().unwrap();
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("v1");
        let mut manifest = publish(
            &out,
            &[
                ("en/a.json", "a"),
                ("en/b.json", "b"),
                ("en/old/c.json", "c"),
            ],
        );
        manifest
            .save(cache.path(), &out, &marker_stamp(&out).unwrap())
            .unwrap();
        let untouched = fs::metadata(out.join("en/a.json")).unwrap();

        let previous = TreeManifest::load(cache.path(), &out).unwrap();
        let ((), changes, _) = update_dir_with(&out, cache.path(), previous, |output| {
            let put = |path: &str, text: &str| {
                output
                    .put(path.into(), text.as_bytes().to_vec())
                    .map_err(io::Error::other)
            };
            put("en/a.json", "a")?;
            put("en/b.json", "B")?;
            put("en/new/d.json", "d")
        })
        .unwrap();
        assert_eq!(
            changes,
            Changes {
                written: 2,
                removed: 1
            }
        );
        assert_eq!(
            names(&out),
            [
                ".portal-publisher",
                "en/a.json",
                "en/b.json",
                "en/new/d.json"
            ]
        );
        assert_eq!(fs::read_to_string(out.join("en/b.json")).unwrap(), "B");
        // The unchanged file was not rewritten.
        let after = fs::metadata(out.join("en/a.json")).unwrap();
        assert_eq!(after.modified().unwrap(), untouched.modified().unwrap());
        // The new manifest vouches for the new tree; no staging is left.
        let (manifest, _) = TreeManifest::load(cache.path(), &out).unwrap();
        assert_eq!(manifest.entries.len(), 3);
        assert_eq!(fs::read_dir(parent.path()).unwrap().count(), 1);
    }

    #[test]
    fn each_update_returns_the_manifest_the_next_one_can_start_from() {
        let cache = tempfile::tempdir().unwrap();
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("v1");
        // Enough documents that three small updates fit in the room an
        // appended manifest has (half its first block).
        let many: Vec<(String, String)> = (0..40)
            .map(|n| (format!("en/{n}.json"), n.to_string()))
            .collect();
        let mut documents: Vec<(&str, &str)> = many
            .iter()
            .map(|(path, text)| (path.as_str(), text.as_str()))
            .collect();
        documents.push(("en/b.json", "b"));
        let mut manifest = publish(&out, &documents);
        let stamp = marker_stamp(&out).unwrap();
        manifest.save(cache.path(), &out, &stamp).unwrap();
        let file = crate::tree_manifest::manifest_file(cache.path(), &out);
        let mut recorded = (manifest, stamp);
        // Three updates, each from what the one before returned, never
        // from the file: what a publisher that stays running does.
        for (round, text) in ["B", "BB", "b"].into_iter().enumerate() {
            let length = fs::metadata(&file).unwrap().len();
            let ((), changes, next) = update_dir_with(&out, cache.path(), recorded, |output| {
                for (path, text) in &many {
                    output
                        .put(path.clone(), text.as_bytes().to_vec())
                        .map_err(io::Error::other)?;
                }
                output
                    .put("en/b.json".into(), text.as_bytes().to_vec())
                    .map_err(io::Error::other)
            })
            .unwrap();
            assert_eq!(changes.written, 1, "round {round}");
            assert_eq!(fs::read_to_string(out.join("en/b.json")).unwrap(), text);
            // Appended to, not written whole: the returned manifest knew
            // the file as it was.
            let grown = fs::metadata(&file).unwrap().len();
            assert!(grown > length, "round {round}: {length} -> {grown}");
            let read = TreeManifest::load(cache.path(), &out).unwrap();
            assert_eq!(read, next, "round {round}");
            recorded = next;
        }
    }

    #[test]
    fn a_tree_replaced_during_the_build_is_not_updated() {
        let cache = tempfile::tempdir().unwrap();
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("v1");
        let mut manifest = publish(&out, &[("en/a.json", "a")]);
        manifest
            .save(cache.path(), &out, &marker_stamp(&out).unwrap())
            .unwrap();
        let previous = TreeManifest::load(cache.path(), &out).unwrap();
        let error = update_dir_with(&out, cache.path(), previous, |output| {
            // Another run swaps in its own tree meanwhile.
            publish(&out, &[("en/other.json", "o")]);
            output
                .put("en/a.json".into(), b"A".to_vec())
                .map_err(io::Error::other)
        })
        .unwrap_err();
        assert!(error.to_string().contains("was replaced"), "{error}");
        assert_eq!(names(&out), [".portal-publisher", "en/other.json"]);
        assert_eq!(TreeManifest::load(cache.path(), &out), None);
    }

    #[test]
    fn a_failed_update_changes_nothing_and_a_kept_recipe_is_not_made() {
        let cache = tempfile::tempdir().unwrap();
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("v1");
        replace_dir_with(&out, |staging| {
            let output = Output::dir(staging);
            output
                .put_made("en/a.json".into(), [1; 16], || Ok(b"a".to_vec()))
                .map_err(io::Error::other)?;
            output.finish().map_err(io::Error::other)?;
            output.take_manifest().map_err(io::Error::other)
        })
        .unwrap()
        .save(cache.path(), &out, &marker_stamp(&out).unwrap())
        .unwrap();
        let stamp = marker_stamp(&out);

        let previous = TreeManifest::load(cache.path(), &out).unwrap();
        let error = update_dir_with(&out, cache.path(), previous, |output| {
            output
                .put("en/b.json".into(), b"b".to_vec())
                .map_err(io::Error::other)?;
            Err::<(), _>(io::Error::other("a check failed"))
        })
        .unwrap_err();
        assert_eq!(error.to_string(), "a check failed");
        assert_eq!(names(&out), [".portal-publisher", "en/a.json"]);
        assert_eq!(marker_stamp(&out), stamp);

        let previous = TreeManifest::load(cache.path(), &out).unwrap();
        let (_, changes, _) = update_dir_with(&out, cache.path(), previous, |output| {
            output
                .put_made("en/a.json".into(), [1; 16], || {
                    panic!("an unchanged recipe is not made again")
                })
                .map_err(io::Error::other)
        })
        .unwrap();
        assert_eq!(changes, Changes::default());
        // Nothing changed: the tree and its manifest stand as they were.
        assert_eq!(marker_stamp(&out), stamp);
        assert!(TreeManifest::load(cache.path(), &out).is_some());
    }
}
