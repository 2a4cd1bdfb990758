//! Writing the API tree so that readers (and a web server serving the
//! directory) see either the old tree or the new one, never a mix: the new
//! tree is written into a sibling temporary directory, then swapped in with
//! renames, which are atomic within one file system.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Replaces `out` with a directory holding exactly `files` (paths relative to
/// `out`, `/`-separated). On error `out` is as it was and no temporary
/// directory is left behind.
pub fn replace_dir(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> io::Result<()> {
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
    fs::create_dir_all(&parent)?;

    let pid = std::process::id();
    let staging = parent.join(format!("{name}.tmp-{pid}"));
    let retired = parent.join(format!("{name}.old-{pid}"));
    // Left over from a crashed run that happened to have our pid.
    remove_if_present(&staging)?;
    remove_if_present(&retired)?;

    if let Err(error) = write_all(&staging, files) {
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }
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
    Ok(())
}

fn swap_in(staging: &Path, out: &Path, retired: &Path) -> io::Result<()> {
    if !out.exists() {
        return fs::rename(staging, out);
    }
    fs::rename(out, retired)?;
    if let Err(error) = fs::rename(staging, out) {
        // Put the old tree back so `out` is unchanged.
        fs::rename(retired, out)?;
        return Err(error);
    }
    Ok(())
}

fn write_all(root: &Path, files: &BTreeMap<String, Vec<u8>>) -> io::Result<()> {
    fs::create_dir(root)?;
    for (relative, bytes) in files {
        let path = safe_join(root, relative)?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, bytes)?;
    }
    Ok(())
}

/// Joins a relative `/`-separated path, refusing anything that could leave
/// `root` (paths come from checked slugs, so this is a second line of defence).
fn safe_join(root: &Path, relative: &str) -> io::Result<PathBuf> {
    let path = Path::new(relative);
    let plain = !relative.is_empty()
        && path
            .components()
            .all(|component| matches!(component, Component::Normal(_)));
    if !plain {
        return Err(invalid(format!(
            "refusing to write outside the output: {relative:?}"
        )));
    }
    Ok(root.join(path))
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
    fn safe_join_refuses_escapes() {
        let root = Path::new("/tmp/x");
        assert!(safe_join(root, "en/news/a.json").is_ok());
        for bad in ["", "../a", "/etc/passwd", "en/../../a", "./a"] {
            assert!(safe_join(root, bad).is_err(), "{bad}");
        }
    }
}
