//! Writing the API tree so that readers (and a web server serving the
//! directory) see either the old tree or the new one, never a mix and never
//! nothing: the new tree is written into a sibling temporary directory, then
//! exchanged with the old one in one atomic step (`renameat2` with
//! `RENAME_EXCHANGE` on Linux; elsewhere, or where the file system lacks it,
//! two renames, with the path missing for that instant).
//!
//! The publisher only ever replaces a tree it wrote: each tree carries a
//! marker file, [`MARKER`], and an existing non-empty `--out` without it is
//! refused (a mistyped `--out /srv/www` must not wipe a web root). Stale
//! `.{name}.portal-publisher-tmp-{pid}`/`-old-{pid}` siblings of crashed runs
//! are removed (names nobody picks by hand, so a person's backup such as
//! `v1.old-2025` is never touched).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::output::Output;

/// The file that marks a directory as written by the publisher.
pub const MARKER: &str = ".portal-publisher";

/// Replaces `out` with a directory holding exactly `files` (paths relative to
/// `out`, `/`-separated) and the [`MARKER`]. On error `out` is as it was and
/// no temporary directory is left behind.
pub fn replace_dir(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> io::Result<()> {
    replace_dir_with(out, |staging| {
        let output = Output::dir(staging);
        for (path, bytes) in files {
            output.put(path.clone(), bytes.clone()).map_err(invalid)?;
        }
        output.finish().map_err(invalid)
    })
}

/// Replaces `out` with a directory holding the [`MARKER`] and what `fill`
/// writes into the fresh directory it is given (the build writes each
/// document as it is made). When `fill` fails, `out` is as it was and no
/// temporary directory is left behind.
pub fn replace_dir_with<T>(out: &Path, fill: impl FnOnce(&Path) -> io::Result<T>) -> io::Result<T> {
    let name = out
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or_else(|| invalid(format!("{} has no usable directory name", out.display())))?;
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if out.exists() && !out.is_dir() {
        return Err(invalid(format!(
            "{} exists and is not a directory",
            out.display()
        )));
    }
    if out.is_dir() && !out.join(MARKER).is_file() && fs::read_dir(out)?.next().is_some() {
        return Err(invalid(format!(
            "{} exists and was not written by the publisher (it has no {MARKER} file); \
             refusing to replace it: empty or remove it, or choose another --out",
            out.display()
        )));
    }
    fs::create_dir_all(&parent)?;
    remove_stale_siblings(&parent, name);

    let pid = std::process::id();
    let staging = parent.join(sibling(name, STAGING, pid));
    let retired = parent.join(sibling(name, RETIRED, pid));
    // Left over from a crashed run that happened to have our pid.
    remove_if_present(&staging)?;
    remove_if_present(&retired)?;

    let filled = start_tree(&staging).and_then(|()| fill(&staging));
    let value = match filled {
        Ok(value) => value,
        Err(error) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(error);
        }
    };
    if let Err(error) = swap_in(&staging, out, &retired) {
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }
    // The new tree is live; failing to delete the old one loses nothing.
    if retired.exists() {
        if let Err(error) = fs::remove_dir_all(&retired) {
            eprintln!(
                "warning: could not remove the previous tree at {}: {error}",
                retired.display()
            );
        }
    }
    Ok(value)
}

fn swap_in(staging: &Path, out: &Path, retired: &Path) -> io::Result<()> {
    if !out.exists() {
        return fs::rename(staging, out);
    }
    if exchange(staging, out)? {
        // `staging` now holds the old tree and the new one is live: retire
        // the old one under its usual name (or leave it for the next run).
        if let Err(error) = fs::rename(staging, retired) {
            eprintln!(
                "warning: the new tree is live; the previous one stays at {}: {error}",
                staging.display()
            );
        }
        return Ok(());
    }
    fs::rename(out, retired)?;
    if let Err(error) = fs::rename(staging, out) {
        // Put the old tree back so `out` is unchanged.
        fs::rename(retired, out)?;
        return Err(error);
    }
    Ok(())
}

/// Swaps two paths atomically; `Ok(false)` where that is not possible here.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let path =
        |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(|e| invalid(e.to_string()));
    let (a, b) = (path(a)?, path(b)?);
    // SAFETY: both are valid NUL-terminated paths that outlive the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.raw_os_error() {
        // Not supported by this kernel or file system: fall back.
        Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::EOPNOTSUPP) => Ok(false),
        _ => Err(error),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

pub(crate) const STAGING: &str = "tmp";
const RETIRED: &str = "old";

/// The name of a run's staging or retired tree beside `name`.
pub(crate) fn sibling(name: &str, role: &str, pid: u32) -> String {
    format!(".{name}.portal-publisher-{role}-{pid}")
}

/// Removes staging and retired siblings (see [`sibling`]) left by runs that
/// are no longer running (on Linux, `/proc/{pid}` tells; elsewhere any such
/// sibling is taken as stale). Failing to remove one loses nothing.
pub(crate) fn remove_stale_siblings(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let proc = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let prefix = format!(".{name}.portal-publisher-");
        let pid = [STAGING, RETIRED].iter().find_map(|role| {
            file_name
                .strip_prefix(&prefix)?
                .strip_prefix(role)?
                .strip_prefix('-')?
                .parse::<u32>()
                .ok()
        });
        let Some(pid) = pid else { continue };
        if proc && Path::new("/proc").join(pid.to_string()).exists() {
            continue;
        }
        if let Err(error) = fs::remove_dir_all(entry.path()) {
            eprintln!(
                "warning: could not remove the stale {}: {error}",
                entry.path().display()
            );
        }
    }
}

fn start_tree(root: &Path) -> io::Result<()> {
    fs::create_dir(root)?;
    fs::write(
        root.join(MARKER),
        "Written by portal-publisher, which replaces or updates this directory on each build.\n",
    )
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_dir_all(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(entries: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        entries
            .iter()
            .map(|(path, text)| (path.to_string(), text.as_bytes().to_vec()))
            .collect()
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn creates_then_replaces_the_whole_tree() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("api");
        replace_dir(
            &out,
            &tree(&[("en/a.json", "1"), ("media/x.svg", "<svg/>")]),
        )
        .unwrap();
        assert_eq!(fs::read_to_string(out.join("en/a.json")).unwrap(), "1");

        replace_dir(&out, &tree(&[("ru/b.json", "2")])).unwrap();
        assert_eq!(fs::read_to_string(out.join("ru/b.json")).unwrap(), "2");
        // Files from the old tree are gone: the tree is replaced, not merged.
        assert!(!out.join("en").exists());
        assert!(out.join(MARKER).is_file());
        assert_eq!(names(parent.path()), ["api"]);
    }

    #[test]
    fn a_failed_write_changes_nothing() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("api");
        replace_dir(&out, &tree(&[("en/a.json", "1")])).unwrap();
        let error = replace_dir(&out, &tree(&[("en/b.json", "2"), ("../escape.json", "x")]));
        assert!(error.is_err());
        assert_eq!(fs::read_to_string(out.join("en/a.json")).unwrap(), "1");
        assert!(!out.join("en/b.json").exists());
        assert_eq!(names(parent.path()), ["api"]);
    }

    #[test]
    fn refuses_a_file_in_the_way() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("api");
        fs::write(&out, "not a dir").unwrap();
        assert!(replace_dir(&out, &tree(&[("a.json", "1")])).is_err());
        assert_eq!(fs::read_to_string(&out).unwrap(), "not a dir");
        assert_eq!(names(parent.path()), ["api"]);
    }

    #[test]
    fn refuses_a_directory_it_did_not_write() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("www");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("index.html"), "someone's site").unwrap();
        let error = replace_dir(&out, &tree(&[("a.json", "1")])).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("was not written by the publisher"),
            "{error}"
        );
        assert_eq!(
            fs::read_to_string(out.join("index.html")).unwrap(),
            "someone's site"
        );
        assert_eq!(names(parent.path()), ["www"]);
        // An empty directory is fine, and the tree it gets carries the marker.
        let empty = parent.path().join("empty");
        fs::create_dir(&empty).unwrap();
        replace_dir(&empty, &tree(&[("a.json", "1")])).unwrap();
        assert!(empty.join(MARKER).is_file());
        replace_dir(&empty, &tree(&[("b.json", "2")])).unwrap();
    }

    #[test]
    fn stale_siblings_of_dead_runs_are_removed() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("api");
        let make = |name: &str| fs::create_dir(parent.path().join(name)).unwrap();
        // No process has pid 4294967 (above Linux's pid_max).
        make(&sibling("api", STAGING, 4294967));
        make(&sibling("api", RETIRED, 4294967));
        // A live run's staging (this test process stands in for one), a
        // person's backups and another tree's siblings stay.
        let live = sibling("api", STAGING, std::process::id());
        make(&live);
        for other in [
            "api.old-4294967",
            "api.tmp-1",
            &sibling("apix", STAGING, 4294967),
        ] {
            make(other);
        }
        remove_stale_siblings(parent.path(), "api");
        let mut kept = vec![live.clone(), sibling("apix", STAGING, 4294967)];
        kept.extend(["api.old-4294967".to_string(), "api.tmp-1".to_string()]);
        kept.sort();
        assert_eq!(names(parent.path()), kept);
        fs::remove_dir(parent.path().join(&live)).unwrap();
        replace_dir(&out, &tree(&[("a.json", "1")])).unwrap();
        assert!(names(parent.path()).contains(&"api".to_string()));
        assert_eq!(names(parent.path()).len(), 4);
    }

    #[test]
    fn the_swap_never_leaves_the_path_missing() {
        // A reader polling the path throughout a rebuild always finds a tree.
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("api");
        replace_dir(&out, &tree(&[("a.json", "1")])).unwrap();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let watcher = {
            let (out, stop) = (out.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut missing = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    if !out.join(MARKER).exists() {
                        missing += 1;
                    }
                }
                missing
            })
        };
        for i in 0..200 {
            replace_dir(&out, &tree(&[("a.json", &i.to_string())])).unwrap();
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        assert_eq!(watcher.join().unwrap(), 0);
    }
}
