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
//!
//! An update that changes a few documents appends them to the manifest
//! ([`TreeManifest::record`]: a block with the tree's new marker
//! stamp, the entries that changed and the paths removed, sealed with a
//! fingerprint of the seal before it and the block) instead of writing
//! 243,000 lines again; the file is written whole when the appended
//! blocks would make it more than half as long again as the first (an
//! update that changed most documents, a new publisher's, is never
//! appended: the next build would read the tree's entries twice, 0.13 GB
//! more at its peak at 100,000 articles in proportion). Reading it checks
//! every seal in turn, and
//! the last block's stamp is the one the tree must have.

use std::collections::HashMap;
use std::fs;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::body::fingerprint;
use crate::path_map::PathMap;
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

/// Documents by path, with a hash made for the publisher's own paths
/// (see [`PathHasher`]).
pub type ByPath<V> = HashMap<String, V, BuildHasherDefault<PathHasher>>;

/// A quick hash of the paths of a tree (243,000 of them in a
/// 100,000-article archive, looked up several times each per build):
/// the standard hash resists keys chosen to collide, which the
/// publisher's own paths are not, at several times the cost. Eight bytes
/// at a time, multiplied and rotated (as rustc's own maps do).
#[derive(Default, Clone, Copy)]
pub struct PathHasher(u64);

impl Hasher for PathHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            let word = u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59);
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        // The table takes its buckets from the low bits and its tags from
        // the high ones: both mixed.
        let hash = self.0;
        (hash ^ (hash >> 29)).wrapping_mul(0x94d0_49bb_1331_11eb) ^ (hash >> 32)
    }
}

/// The documents of a tree as the build that wrote it left them.
#[derive(Debug, Default, Clone)]
pub struct TreeManifest {
    pub entries: PathMap<Entry>,
    /// The file it was read from, as it was (for appending to it).
    file: Option<FileEnd>,
}

/// What an update changed in a tree's manifest (see
/// [`TreeManifest::record`]).
#[derive(Debug, Default)]
pub struct ManifestChanges {
    /// The entries new, or different from the manifest's.
    pub changed: PathMap<Entry>,
    /// The paths no longer in the tree.
    pub removed: Vec<String>,
}

impl ManifestChanges {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }
}

/// Two manifests are equal when they list the same documents, wherever
/// they were read from.
impl PartialEq for TreeManifest {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl Eq for TreeManifest {}

/// What a manifest file was when it was read: its last seal, its length
/// and the length of its first block.
#[derive(Debug, Clone, Copy)]
struct FileEnd {
    seal: Hash,
    len: u64,
    first: u64,
}

/// First line of a manifest file; a file without it is not read.
const HEADER: &str = "portal-publisher tree manifest 2";

/// First line of a block appended by an update.
const CHANGES: &str = "changes";

/// The path part of an appended line for a document removed.
const REMOVED: &str = "x";

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
        let marker = marker_stamp(out)?;
        let text = fs::read_to_string(manifest_file(cache_dir, out)).ok()?;
        let mut entries = PathMap::default();
        let mut seal: Option<Hash> = None;
        let mut first = 0;
        let mut stamp = None;
        let mut rest = text.as_str();
        // Block by block, each checked against its seal before it counts:
        // a damaged manifest, or one cut short, is not used.
        while !rest.is_empty() {
            let (block, seal_line, after) = next_block(rest)?;
            let expected = match &seal {
                None => fingerprint(block.as_bytes()),
                Some(before) => chained(before, block),
            };
            if unhex(seal_line)? != expected {
                return None;
            }
            let mut lines = block.lines();
            let opening = lines.next()?;
            if opening != if seal.is_none() { HEADER } else { CHANGES } {
                return None;
            }
            stamp = Some(lines.next()?);
            for line in lines {
                match line.split_once(' ') {
                    Some((REMOVED, path)) if seal.is_some() => {
                        entries.remove(path);
                    }
                    _ => {
                        let (path, entry) = parse_line(line)?;
                        entries.insert(path, entry);
                    }
                }
            }
            if seal.is_none() {
                first = text.len() - after.len();
            }
            seal = Some(expected);
            rest = after;
        }
        if stamp? != marker {
            return None;
        }
        let file = FileEnd {
            seal: seal?,
            len: text.len() as u64,
            first: first as u64,
        };
        Some((
            Self {
                entries,
                file: Some(file),
            },
            marker,
        ))
    }

    /// A manifest of `entries`.
    pub fn of(entries: PathMap<Entry>) -> Self {
        Self {
            entries,
            file: None,
        }
    }

    /// What differs in this manifest from `before`: the entries new or
    /// changed, and the paths gone.
    pub fn changes_from(&self, before: &TreeManifest) -> ManifestChanges {
        let mut changes = ManifestChanges::default();
        for (path, entry) in self.entries.iter() {
            if before.entries.get(path) != Some(entry) {
                changes.changed.insert_new(path, *entry);
            }
        }
        changes.removed = before
            .entries
            .keys()
            .filter(|path| !self.entries.contains_key(path))
            .map(str::to_string)
            .collect();
        changes
    }

    /// Applies `changes` to this manifest (of the tree at `out` before an
    /// update, as read by [`TreeManifest::load`] or as a save left it) and
    /// records the result for the tree, whose marker now has `stamp`:
    /// appended to the file when that is still as this manifest knows it
    /// and would not outgrow its first block (see the module
    /// documentation), else written whole. Afterwards this manifest is the
    /// updated one and knows its file as `load` would (a publisher that
    /// stays running updates from it next).
    pub fn record(
        &mut self,
        changes: &ManifestChanges,
        cache_dir: &Path,
        out: &Path,
        stamp: &str,
    ) -> std::io::Result<()> {
        for (path, entry) in changes.changed.iter() {
            self.entries.insert(path, *entry);
        }
        for path in &changes.removed {
            self.entries.remove(path);
        }
        // A removed path keeps its record: a manifest updated many times
        // in one process (a publisher that stays running) is made compact
        // again once a fifth of its records are gone.
        if self.entries.records() > self.entries.len() + self.entries.len() / 4 {
            self.entries = self.entries.clone();
        }
        let file = manifest_file(cache_dir, out);
        let appendable = self
            .file
            .filter(|end| fs::metadata(&file).is_ok_and(|meta| meta.len() == end.len));
        let Some(end) = appendable else {
            return self.save(cache_dir, out, stamp);
        };
        // The file may grow to half as long again as its first block; an
        // update past that is written whole, and found so as the block
        // grows, never held whole (a new publisher's would be the size of
        // the manifest, at the build's peak).
        let room = (3 * end.first / 2).saturating_sub(end.len) as usize;
        let mut block = Vec::new();
        writeln!(block, "{CHANGES}\n{stamp}")?;
        let mut changed: Vec<(&str, &Entry)> = changes.changed.iter().collect();
        changed.sort_by_key(|(path, _)| *path);
        for (path, entry) in changed {
            write_line(&mut block, path, entry)?;
            if block.len() > room {
                return self.save(cache_dir, out, stamp);
            }
        }
        let mut removed: Vec<&str> = changes.removed.iter().map(String::as_str).collect();
        removed.sort();
        for path in removed {
            writeln!(block, "{REMOVED} {path}")?;
            if block.len() > room {
                return self.save(cache_dir, out, stamp);
            }
        }
        let body = std::str::from_utf8(&block[..block.len() - 1]).map_err(std::io::Error::other)?;
        let seal = chained(&end.seal, body);
        writeln!(block, "{}", hex(&seal))?;
        let mut appending = fs::OpenOptions::new().append(true).open(&file)?;
        let written = appending.write_all(&block);
        if written.is_err() {
            // Half a block would not be read; a whole manifest next time.
            let _ = fs::remove_file(&file);
            self.file = None;
        }
        written?;
        self.file = Some(FileEnd {
            seal,
            len: end.len + block.len() as u64,
            first: end.first,
        });
        Ok(())
    }

    /// Records this manifest for the tree at `out` whose marker has
    /// `stamp` (taken when the build wrote that marker, so a tree swapped
    /// in by another run meanwhile is not vouched for). Written under a
    /// temporary name and renamed; afterwards this manifest knows its file
    /// as [`TreeManifest::load`] would.
    pub fn save(&mut self, cache_dir: &Path, out: &Path, stamp: &str) -> std::io::Result<()> {
        let file = manifest_file(cache_dir, out);
        let dir = file.parent().unwrap_or(cache_dir);
        fs::create_dir_all(dir)?;
        let mut paths: Vec<(&str, &Entry)> = self.entries.iter().collect();
        paths.sort_unstable_by_key(|(path, _)| *path);
        let temporary = file.with_extension(format!("tmp-{}", std::process::id()));
        // Streamed to the file and sealed as it goes: at 1.76 million
        // documents the text would be 0.2 GB more at the build's peak.
        let write = || -> std::io::Result<FileEnd> {
            let mut text = Sealed::new(fs::File::create(&temporary)?);
            text.line(|line| writeln!(line, "{HEADER}"))?;
            text.line(|line| writeln!(line, "{stamp}"))?;
            for (path, entry) in paths {
                text.line(|line| write_line(line, path, entry))?;
            }
            text.seal()
        };
        let written = write().and_then(|end| fs::rename(&temporary, &file).map(|()| end));
        match written {
            Ok(end) => {
                self.file = Some(end);
                Ok(())
            }
            Err(error) => {
                let _ = fs::remove_file(&temporary);
                Err(error)
            }
        }
    }
}

/// Lines written to a file, then a last line that is the [`fingerprint`]
/// of all of them but the final line break (what [`TreeManifest::load`]
/// checks): the same bytes as the whole text sealed at once.
struct Sealed {
    file: std::io::BufWriter<fs::File>,
    hasher: Sha256,
    line: Vec<u8>,
    first: bool,
    /// Bytes written so far.
    len: u64,
}

impl Sealed {
    fn new(file: fs::File) -> Self {
        Self {
            file: std::io::BufWriter::with_capacity(1 << 16, file),
            hasher: Sha256::new(),
            line: Vec::new(),
            first: true,
            len: 0,
        }
    }

    /// Writes the line `write` makes, which ends with a line break.
    fn line(
        &mut self,
        write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.line.clear();
        write(&mut self.line)?;
        let Some((b'\n', text)) = self.line.split_last() else {
            return Err(std::io::Error::other("a manifest line without its end"));
        };
        // The line break before this line, not after it: the seal covers
        // every line but the last one's break.
        if !self.first {
            self.hasher.update(b"\n");
        }
        self.first = false;
        self.hasher.update(text);
        self.len += self.line.len() as u64;
        self.file.write_all(&self.line)
    }

    /// Writes the seal; what the file then is, one block long.
    fn seal(mut self) -> std::io::Result<FileEnd> {
        let mut seal = [0; 16];
        seal.copy_from_slice(&self.hasher.finalize_reset()[..16]);
        let line = format!("{}\n", hex(&seal));
        self.file.write_all(line.as_bytes())?;
        self.file.flush()?;
        let len = self.len + line.len() as u64;
        Ok(FileEnd {
            seal,
            len,
            first: len,
        })
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

fn write_line(text: &mut Vec<u8>, path: &str, entry: &Entry) -> std::io::Result<()> {
    let recipe = entry.recipe.map_or_else(|| "-".to_string(), |r| hex(&r));
    writeln!(text, "{} {recipe} {path}", hex(&entry.content))
}

/// The first block of `text`: its lines up to its seal (without the
/// last line break), the seal, and what follows it.
fn next_block(text: &str) -> Option<(&str, &str, &str)> {
    let mut at = 0;
    loop {
        let end = at + text[at..].find('\n')?;
        let line = &text[at..end];
        // A seal is the only line of 32 hexadecimal digits alone (every
        // entry has spaces, a stamp has colons).
        if line.len() == 32 && line.bytes().all(|byte| byte.is_ascii_hexdigit()) && at > 0 {
            return Some((&text[..at - 1], line, &text[end + 1..]));
        }
        at = end + 1;
    }
}

/// The seal of a block appended after the seal `before`.
fn chained(before: &Hash, block: &str) -> Hash {
    let mut recipe = Recipe::new("manifest-block");
    recipe.add(before).add(block.as_bytes());
    recipe.finish()
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
            .insert("en/a b.json", Entry::of(b"1", None));
        manifest
            .entries
            .insert("en/c.json", Entry::of(b"2", Some([7; 16])));
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

    /// `after` recorded as an update of `before`; the manifest recorded
    /// is `after`.
    fn recorded(
        after: &TreeManifest,
        before: &TreeManifest,
        cache: &Path,
        out: &Path,
        stamp: &str,
    ) {
        let mut updated = before.clone();
        updated
            .record(&after.changes_from(before), cache, out, stamp)
            .unwrap();
        assert_eq!(&updated, after);
    }

    #[test]
    fn an_update_is_appended_sealed_and_read_back() {
        let cache = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        let replace_marker = || {
            let temporary = out.path().join("marker.tmp");
            fs::write(&temporary, "x").unwrap();
            fs::rename(&temporary, out.path().join(MARKER)).unwrap();
            marker_stamp(out.path()).unwrap()
        };
        let stamp = replace_marker();
        let mut first = TreeManifest::default();
        for n in 0..20 {
            first
                .entries
                .insert(&format!("en/{n}.json"), Entry::of(&[n], None));
        }
        first.save(cache.path(), out.path(), &stamp).unwrap();
        let file = manifest_file(cache.path(), out.path());
        let whole = fs::metadata(&file).unwrap().len();

        let (before, _) = TreeManifest::load(cache.path(), out.path()).unwrap();
        let mut after = before.clone();
        after.entries.remove("en/3.json");
        after
            .entries
            .insert("en/4.json", Entry::of(b"new", Some([1; 16])));
        after
            .entries
            .insert("en/new.json", Entry::of(b"added", None));
        let stamp = replace_marker();
        // Until the update is recorded, the manifest names the old marker.
        assert_eq!(TreeManifest::load(cache.path(), out.path()), None);
        recorded(&after, &before, cache.path(), out.path(), &stamp);
        let appended = fs::read_to_string(&file).unwrap();
        assert!(appended.len() as u64 > whole);
        assert!(appended.contains("\nchanges\n"), "{appended}");
        let (read, read_stamp) = TreeManifest::load(cache.path(), out.path()).unwrap();
        assert_eq!((&read, &read_stamp), (&after, &stamp));

        // A damaged appended block: not used.
        fs::write(&file, appended.replace("en/new.json", "en/neW.json")).unwrap();
        assert_eq!(TreeManifest::load(cache.path(), out.path()), None);
        // Cut short: not used either.
        fs::write(&file, &appended[..appended.len() - 5]).unwrap();
        assert_eq!(TreeManifest::load(cache.path(), out.path()), None);
        fs::write(&file, &appended).unwrap();

        // Updates that outgrow the first block: written whole again.
        let mut current = read;
        for round in 0..40u8 {
            let mut next = current.clone();
            for n in 0..20u8 {
                next.entries
                    .insert(&format!("en/{n}.json"), Entry::of(&[n, round], None));
            }
            let stamp = replace_marker();
            recorded(&next, &current, cache.path(), out.path(), &stamp);
            let (loaded, _) = TreeManifest::load(cache.path(), out.path()).unwrap();
            assert_eq!(loaded, next, "round {round}");
            current = loaded;
        }
        assert!(fs::metadata(&file).unwrap().len() <= 2 * whole);

        // An update that changed every document: written whole, one block.
        let mut next = current.clone();
        for n in 0..20u8 {
            next.entries
                .insert(&format!("en/{n}.json"), Entry::of(&[n], Some([2; 16])));
        }
        let stamp = replace_marker();
        recorded(&next, &current, cache.path(), out.path(), &stamp);
        let text = fs::read_to_string(&file).unwrap();
        assert!(!text.contains("\nchanges\n"), "{text}");
        let (loaded, _) = TreeManifest::load(cache.path(), out.path()).unwrap();
        assert_eq!(loaded, next);
    }

    #[test]
    fn a_manifest_that_lost_many_paths_is_made_compact_again() {
        let cache = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        fs::write(out.path().join(MARKER), "x").unwrap();
        let stamp = marker_stamp(out.path()).unwrap();
        let mut manifest = TreeManifest::default();
        for n in 0..100 {
            manifest
                .entries
                .insert(&format!("en/{n}.json"), Entry::of(&[n], None));
        }
        manifest.save(cache.path(), out.path(), &stamp).unwrap();
        let mut changes = ManifestChanges {
            removed: (0..10).map(|n| format!("en/{n}.json")).collect(),
            ..ManifestChanges::default()
        };
        manifest
            .record(&changes, cache.path(), out.path(), &stamp)
            .unwrap();
        assert_eq!(manifest.entries.records(), 100, "a few gone: kept as it is");
        changes.removed = (10..40).map(|n| format!("en/{n}.json")).collect();
        manifest
            .record(&changes, cache.path(), out.path(), &stamp)
            .unwrap();
        assert_eq!(manifest.entries.records(), 60, "made compact");
        let (read, _) = TreeManifest::load(cache.path(), out.path()).unwrap();
        assert_eq!(read, manifest);
    }

    #[test]
    fn a_damaged_manifest_is_not_read() {
        let cache = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        fs::write(out.path().join(MARKER), "x").unwrap();
        let stamp = marker_stamp(out.path()).unwrap();
        let mut manifest = TreeManifest::default();
        manifest.entries.insert("en/a.json", Entry::of(b"1", None));
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
