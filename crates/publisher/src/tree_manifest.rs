//! What the last build left in `--out`: every document's path with a
//! fingerprint of its bytes and, for documents that are expensive to make,
//! of what they were made from (their "recipe"). Kept in the cache
//! directory, never in the served tree, one file per output directory.
//!
//! The manifest describes the tree only while the tree is exactly as that
//! build left it. The tree's marker file ([`crate::write::MARKER`]) is the
//! witness: the manifest records the marker's inode and modification time,
//! and every build that changes the tree replaces the marker first. So a
//! tree replaced by another run, or an update cut short, no longer matches
//! its manifest, and the next build is a clean one.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::body::fingerprint;
use crate::write::MARKER;

/// Fingerprint of bytes (see [`fingerprint`]).
pub type Hash = [u8; 16];

/// One document of a tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub content: Hash,
    /// What the document was made from, for documents made through
    /// [`crate::output::Output::put_made`].
    pub recipe: Option<Hash>,
}

/// The documents of a tree as the build that wrote it left them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TreeManifest {
    pub entries: HashMap<String, Entry>,
}

/// First line of a manifest file; a file without it is not read.
const HEADER: &str = "portal-publisher tree manifest 1";

/// Where the manifest of the tree at `out` is kept in `cache_dir`: a name
/// from the tree's absolute path, so trees can share one cache.
pub fn manifest_file(cache_dir: &Path, out: &Path) -> PathBuf {
    let name = crate::cache::name_for_dir(out);
    cache_dir.join("trees").join(format!("{name}.manifest"))
}

/// What identifies the marker file of the tree at `out` as it is now.
pub fn marker_stamp(out: &Path) -> Option<String> {
    let meta = fs::symlink_metadata(out.join(MARKER)).ok()?;
    stamp_of(&meta)
}

#[cfg(unix)]
fn stamp_of(meta: &fs::Metadata) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    Some(format!(
        "{}:{}:{}:{}.{}",
        meta.dev(),
        meta.ino(),
        meta.len(),
        meta.mtime(),
        meta.mtime_nsec()
    ))
}

#[cfg(not(unix))]
fn stamp_of(_: &fs::Metadata) -> Option<String> {
    // Without inode numbers a tree cannot be told from its replacement:
    // every build is a clean one.
    None
}

impl TreeManifest {
    /// The manifest of the tree at `out`, if one is kept and the tree is
    /// still the one it describes, with the marker's stamp it was checked
    /// against (see [`marker_stamp`]).
    pub fn load(cache_dir: &Path, out: &Path) -> Option<(Self, String)> {
        let stamp = marker_stamp(out)?;
        let text = fs::read_to_string(manifest_file(cache_dir, out)).ok()?;
        // The last line seals the rest: a damaged manifest is not used.
        let (body, seal) = text.trim_end_matches('\n').rsplit_once('\n')?;
        if hex(&fingerprint(body.as_bytes())) != seal {
            return None;
        }
        let mut lines = body.lines();
        if lines.next()? != HEADER || lines.next()? != stamp {
            return None;
        }
        let mut entries = HashMap::new();
        for line in lines {
            let (path, entry) = parse_line(line)?;
            entries.insert(path.to_string(), entry);
        }
        Some((Self { entries }, stamp))
    }

    /// Records this manifest for the tree at `out` whose marker has
    /// `stamp` (taken when the build wrote that marker, so a tree swapped
    /// in by another run meanwhile is not vouched for). Written under a
    /// temporary name and renamed.
    pub fn save(&self, cache_dir: &Path, out: &Path, stamp: &str) -> std::io::Result<()> {
        let file = manifest_file(cache_dir, out);
        let dir = file.parent().unwrap_or(cache_dir);
        fs::create_dir_all(dir)?;
        let mut paths: Vec<(&String, &Entry)> = self.entries.iter().collect();
        paths.sort_unstable_by_key(|(path, _)| *path);
        let temporary = file.with_extension(format!("tmp-{}", std::process::id()));
        // Streamed to the file and sealed as it goes: at 1.76 million
        // documents the text would be 0.2 GB more at the build's peak.
        let write = || -> std::io::Result<()> {
            let mut text = Sealed::new(fs::File::create(&temporary)?);
            text.line(format_args!("{HEADER}"))?;
            text.line(format_args!("{stamp}"))?;
            for (path, entry) in paths {
                let recipe = entry.recipe.map_or_else(|| "-".to_string(), |r| hex(&r));
                text.line(format_args!("{} {recipe} {path}", hex(&entry.content)))?;
            }
            text.seal()
        };
        let written = write().and_then(|()| fs::rename(&temporary, &file));
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written
    }

    /// Forgets the tree at `out` (before changing it in place).
    pub fn forget(cache_dir: &Path, out: &Path) -> std::io::Result<()> {
        match fs::remove_file(manifest_file(cache_dir, out)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }
}

/// Lines written to a file, then a last line that is the [`fingerprint`]
/// of all of them but their final newline (what [`TreeManifest::load`]
/// checks).
struct Sealed {
    file: std::io::BufWriter<fs::File>,
    hasher: Sha256,
    line: Vec<u8>,
    first: bool,
}

impl Sealed {
    fn new(file: fs::File) -> Self {
        Self {
            file: std::io::BufWriter::with_capacity(1 << 16, file),
            hasher: Sha256::new(),
            line: Vec::new(),
            first: true,
        }
    }

    fn line(&mut self, text: std::fmt::Arguments<'_>) -> std::io::Result<()> {
        self.line.clear();
        self.line.write_fmt(text)?;
        if !self.first {
            self.hasher.update(b"\n");
        }
        self.first = false;
        self.hasher.update(&self.line);
        self.file.write_all(&self.line)?;
        self.file.write_all(b"\n")
    }

    fn seal(mut self) -> std::io::Result<()> {
        let mut first = [0; 16];
        first.copy_from_slice(&self.hasher.finalize_reset()[..16]);
        writeln!(self.file, "{}", hex(&first))?;
        self.file.flush()
    }
}

impl Entry {
    /// The entry of `bytes`.
    pub fn of(bytes: &[u8], recipe: Option<Hash>) -> Self {
        Self {
            content: fingerprint(bytes),
            recipe,
        }
    }
}

fn parse_line(line: &str) -> Option<(&str, Entry)> {
    let (bytes, rest) = line.split_once(' ')?;
    let (recipe, path) = rest.split_once(' ')?;
    let recipe = match recipe {
        "-" => None,
        hex => Some(unhex(hex)?),
    };
    Some((
        path,
        Entry {
            content: unhex(bytes)?,
            recipe,
        },
    ))
}

pub fn hex(bytes: &[u8]) -> String {
    // By hand: a manifest writes half a million of these.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    text
}

fn unhex(text: &str) -> Option<Hash> {
    if text.len() != 32 {
        return None;
    }
    let mut hash = [0; 16];
    for (i, byte) in hash.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(hash)
}

/// Fingerprints what a document is made from: each part length-prefixed,
/// so two different lists of parts never hash alike.
#[derive(Default)]
pub struct Recipe(Sha256);

impl Recipe {
    pub fn new(kind: &str) -> Self {
        let mut recipe = Self(Sha256::new());
        recipe.add(kind.as_bytes());
        recipe
    }

    pub fn add(&mut self, part: &[u8]) -> &mut Self {
        self.0.update((part.len() as u64).to_le_bytes());
        self.0.update(part);
        self
    }

    pub fn finish(self) -> Hash {
        let mut first = [0; 16];
        first.copy_from_slice(&self.0.finalize()[..16]);
        first
    }
}

/// What identifies this publisher's code: a fingerprint of its
/// executable, read once. Every recipe includes it, so a new publisher
/// never keeps a document an older one made. When the executable cannot be
/// read, a value no other run shares: nothing is kept.
pub fn publisher_identity() -> Hash {
    static IDENTITY: std::sync::OnceLock<Hash> = std::sync::OnceLock::new();
    *IDENTITY.get_or_init(|| {
        // The running binary itself (on Linux), even if the file at its
        // path was replaced since it started.
        let executable =
            fs::read("/proc/self/exe").or_else(|_| std::env::current_exe().and_then(fs::read));
        match executable {
            Ok(bytes) => fingerprint(&bytes),
            Err(_) => {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |since| since.as_nanos());
                fingerprint(format!("{}-{now}", std::process::id()).as_bytes())
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_digits_round_trip() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        let hash: Hash = core::array::from_fn(|n| (n * 37) as u8);
        assert_eq!(unhex(&hex(&hash)), Some(hash));
    }

    #[test]
    fn a_manifest_is_read_back_only_for_the_tree_it_describes() {
        let cache = tempfile::tempdir().unwrap();
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("v1");
        fs::create_dir(&out).unwrap();
        // No marker: no manifest.
        assert_eq!(TreeManifest::load(cache.path(), &out), None);
        fs::write(out.join(MARKER), "x").unwrap();
        let mut manifest = TreeManifest::default();
        manifest
            .entries
            .insert("en/a b.json".into(), Entry::of(b"1", None));
        manifest
            .entries
            .insert("en/c.json".into(), Entry::of(b"2", Some([7; 16])));
        let stamp = marker_stamp(&out).unwrap();
        manifest.save(cache.path(), &out, &stamp).unwrap();
        assert_eq!(
            TreeManifest::load(cache.path(), &out),
            Some((manifest, stamp))
        );

        // The marker replaced (an update in progress, another run): stale.
        let temporary = out.join("marker.tmp");
        fs::write(&temporary, "x").unwrap();
        fs::rename(&temporary, out.join(MARKER)).unwrap();
        assert_eq!(TreeManifest::load(cache.path(), &out), None);
    }

    #[test]
    fn a_damaged_manifest_is_not_read() {
        let cache = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        fs::write(out.path().join(MARKER), "x").unwrap();
        let stamp = marker_stamp(out.path()).unwrap();
        let mut manifest = TreeManifest::default();
        manifest
            .entries
            .insert("en/a.json".into(), Entry::of(b"1", None));
        manifest.save(cache.path(), out.path(), &stamp).unwrap();
        assert!(TreeManifest::load(cache.path(), out.path()).is_some());
        let file = manifest_file(cache.path(), out.path());
        let text = fs::read_to_string(&file).unwrap();
        // One fingerprint digit changed (still a valid line): refused.
        let damaged = text.replacen(" - en/a.json", " - en/b.json", 1);
        assert_ne!(damaged, text);
        fs::write(&file, damaged).unwrap();
        assert_eq!(TreeManifest::load(cache.path(), out.path()), None);
    }

    #[test]
    fn recipes_tell_their_parts_apart() {
        let of = |parts: &[&[u8]]| {
            let mut recipe = Recipe::new("k");
            for part in parts {
                recipe.add(part);
            }
            recipe.finish()
        };
        assert_ne!(of(&[b"ab", b"c"]), of(&[b"a", b"bc"]));
        assert_eq!(of(&[b"ab"]), of(&[b"ab"]));
    }
}
