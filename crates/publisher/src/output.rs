//! Where assembled documents go: straight to the staging directory of a
//! build (the command line), or into memory (tests and library callers).
//! Writing each document as soon as it exists keeps the publisher's memory
//! flat however large the archive: a 100,000-article tree is about a
//! gigabyte of JSON that never has to be held at once. The files are
//! written by a thread of their own, so the file system's work overlaps
//! the making of the next documents. In an update only the documents that
//! differ from the tree are recorded as entries of their own; the others
//! are marked in the tree's manifest, which becomes the new one
//! ([`Output::into_changes`], [`crate::tree_manifest::TreeManifest::record`]).

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::{Mutex, MutexGuard};
use std::thread::JoinHandle;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::path_map::PathMap;
use crate::pieces::Pieces;
use crate::tree_manifest::{Entry, Hash, ManifestChanges, TreeManifest};

/// The documents of one build, by path relative to the API root. Shared
/// by the threads that render the languages' documents side by side: each
/// serialises its documents itself and only hands the bytes over.
pub struct Output {
    target: Mutex<Target>,
    /// Every path added (in an update most are not written), with its
    /// [`Entry`] for the manifest of a tree on disk. In memory, where
    /// there is no manifest, the entries are not fingerprinted.
    entries: Mutex<Ledger>,
    /// When updating a tree in place: the tree as it is. Only documents
    /// that differ from it are written (into the staging directory).
    previous: Option<TreeManifest>,
    /// When updating a tree in place: where that tree is (read back by
    /// [`Output::read_kept`]).
    live: Option<PathBuf>,
}

/// What the maker of a whole part of the tree (a language's guide or
/// events) did with it in an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Nothing it is made from changed: the tree's documents under `dir`
    /// can all be kept as they are, no recipe worked out for each, since
    /// its document at `key` was made from `recipe`, which covers them all.
    /// The caller keeps them ([`Output::keep_all_under`]) once the other
    /// parts are done (900,000 documents at 100,000 in proportion: when
    /// keeping them copied their entries, held from the start they were at
    /// the peak beside the search indexes).
    Unchanged {
        dir: String,
        key: String,
        recipe: Hash,
    },
    /// Made document by document (each still kept when its own recipe is
    /// the one on record).
    Made,
}

/// The documents added so far. In an update only those that differ from
/// the tree being updated are entries of their own; the rest are marked
/// in the manifest of that tree, which is where the new manifest comes
/// from (at 100,000 articles in proportion a map of 1.26 million entries
/// built again by every update, and compared entry by entry with the old
/// one twice, was 2 s of an edit and 0.15 GB at its peak).
#[derive(Default)]
struct Ledger {
    /// Each document added that the tree being updated does not hold as it
    /// is, or every document when there is no such tree.
    changed: PathMap<Entry>,
    /// In an update: whether each record of the tree's manifest was added
    /// (made again or kept), by record number.
    touched: Vec<bool>,
    /// How many documents were added.
    count: usize,
}

impl Ledger {
    fn new(previous: Option<&TreeManifest>) -> Self {
        Self {
            touched: vec![false; previous.map_or(0, |previous| previous.entries.records())],
            ..Self::default()
        }
    }

    /// Adds `path`; a path added twice is a bug in the publisher.
    fn add(
        &mut self,
        previous: Option<&TreeManifest>,
        path: &str,
        entry: Entry,
    ) -> Result<(), String> {
        let known = previous.and_then(|previous| {
            let number = previous.entries.number(path)?;
            Some((number, previous.entries.value_of(number) == Some(&entry)))
        });
        match known {
            Some((number, same)) => {
                self.touch(number, path)?;
                if !same {
                    self.changed.insert_new(path, entry);
                }
            }
            None => {
                if !self.changed.insert_new(path, entry) {
                    return Err(twice(path));
                }
                self.count += 1;
            }
        }
        Ok(())
    }

    /// Adds the record `number` of the tree's manifest, the document at
    /// `path`, as that tree has it.
    fn touch(&mut self, number: u32, path: &str) -> Result<(), String> {
        match self.touched.get_mut(number as usize) {
            Some(touched) if !*touched => {
                *touched = true;
                self.count += 1;
                Ok(())
            }
            Some(_) => Err(twice(path)),
            None => Err(format!(
                "{path}: not a record of the tree's manifest (a bug in the publisher)"
            )),
        }
    }

    fn contains(&self, previous: Option<&TreeManifest>, path: &str) -> bool {
        let touched = previous
            .and_then(|previous| previous.entries.number(path))
            .is_some_and(|number| self.touched.get(number as usize) == Some(&true));
        touched || self.changed.contains_key(path)
    }
}

fn twice(path: &str) -> String {
    format!("{path} would be written twice")
}

enum Target {
    Memory(BTreeMap<String, Vec<u8>>),
    /// The root of a fresh directory and the thread writing into it.
    Dir(PathBuf, Writer),
}

/// Documents waiting for the writer thread; enough to keep it busy, few
/// enough that memory stays flat when the disk is slower than the build.
const QUEUE: usize = 256;

/// A thread that writes each file it is sent, making directories as needed.
/// It stops at the first failure, which [`Writer::finish`] reports.
struct Writer {
    sender: Option<SyncSender<(PathBuf, Pieces)>>,
    thread: Option<JoinHandle<Result<(), String>>>,
    /// Why the thread stopped, kept so every later call reports the cause.
    failed: Option<String>,
}

impl Writer {
    fn start() -> Self {
        let (sender, receiver) = sync_channel::<(PathBuf, Pieces)>(QUEUE);
        let thread = std::thread::spawn(move || {
            let mut made: HashSet<PathBuf> = HashSet::new();
            let mut open = OpenDirs::default();
            for (file, bytes) in receiver {
                let failed = |error: std::io::Error| format!("{}: {error}", file.display());
                // The name must be the path's last bytes: a path ending in
                // `/.` has its folder's name as `file_name`.
                let name = file.file_name().filter(|name| {
                    let path = file.as_os_str().as_encoded_bytes();
                    path.ends_with(name.as_encoded_bytes())
                });
                let (Some(dir), Some(name)) = (file.parent(), name) else {
                    return Err(format!("{}: no file name", file.display()));
                };
                if !made.contains(dir) {
                    fs::create_dir_all(dir)
                        .map_err(|error| format!("{}: {error}", dir.display()))?;
                    made.insert(dir.to_path_buf());
                }
                open.create(dir, name)
                    .and_then(|mut to| bytes.write_all_to(&mut to))
                    .map_err(failed)?;
            }
            Ok(())
        });
        Self {
            sender: Some(sender),
            thread: Some(thread),
            failed: None,
        }
    }

    fn send(&mut self, file: PathBuf, bytes: Pieces) -> Result<(), String> {
        let sent = match &self.sender {
            Some(sender) => sender.send((file, bytes)).is_ok(),
            None => false,
        };
        if sent {
            Ok(())
        } else {
            // The thread stopped: its error says why.
            Err(self
                .finish()
                .err()
                .unwrap_or_else(|| "the file writer stopped".to_string()))
        }
    }

    /// Waits for every file sent so far to be written; the first failure,
    /// however often it is asked.
    fn finish(&mut self) -> Result<(), String> {
        self.sender = None;
        if let Some(thread) = self.thread.take() {
            let result = thread
                .join()
                .unwrap_or_else(|_| Err("the file writer panicked".to_string()));
            self.failed = result.err();
        }
        match &self.failed {
            Some(error) => Err(error.clone()),
            None => Ok(()),
        }
    }
}

/// The directories the writer has open, the most recently used first. Each
/// file is created by its name in its directory (`openat`), so the kernel
/// looks up one name, not every directory of the path again (1.26 million
/// files at 100,000 articles in proportion). The jobs' files come in turns
/// from a few directories at a time.
#[derive(Default)]
struct OpenDirs(Vec<(PathBuf, fs::File)>);

impl OpenDirs {
    const KEPT: usize = 16;

    #[cfg(unix)]
    fn create(&mut self, dir: &Path, name: &std::ffi::OsStr) -> std::io::Result<fs::File> {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::io::{AsRawFd, FromRawFd};
        let at = match self
            .0
            .iter()
            .position(|(open, _)| open.as_os_str() == dir.as_os_str())
        {
            Some(at) => at,
            None => {
                let handle = fs::File::open(dir)?;
                self.0.truncate(Self::KEPT - 1);
                self.0.push((dir.to_path_buf(), handle));
                self.0.len() - 1
            }
        };
        self.0[..=at].rotate_right(1);
        let name = std::ffi::CString::new(name.as_bytes())?;
        let fd = loop {
            // SAFETY: both the directory's descriptor and the name outlive
            // the call; the flags and mode are what `File::create` passes.
            let fd = unsafe {
                libc::openat(
                    self.0[0].1.as_raw_fd(),
                    name.as_ptr(),
                    libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC | libc::O_CLOEXEC,
                    0o666 as libc::c_uint,
                )
            };
            if fd >= 0 {
                break fd;
            }
            // Tried again when a signal interrupted it, as `File::create` does.
            let error = std::io::Error::last_os_error();
            if error.kind() != std::io::ErrorKind::Interrupted {
                return Err(error);
            }
        };
        // SAFETY: `fd` was just opened and is owned by nothing else.
        Ok(unsafe { fs::File::from_raw_fd(fd) })
    }

    /// Elsewhere, by its whole path.
    #[cfg(not(unix))]
    fn create(&mut self, dir: &Path, name: &std::ffi::OsStr) -> std::io::Result<fs::File> {
        fs::File::create(dir.join(name))
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

impl Output {
    /// Collects the documents in memory; see [`Output::into_files`].
    pub fn memory() -> Self {
        Self::new(Target::Memory(BTreeMap::new()), None)
    }

    /// Writes each document under `root`, an existing directory.
    pub fn dir(root: &Path) -> Self {
        Self::new(Target::Dir(root.to_path_buf(), Writer::start()), None)
    }

    /// Writes under `staging` only the documents that differ from
    /// `previous`, the manifest of the tree at `live` being updated (see
    /// [`crate::update`]).
    pub fn changes(staging: &Path, previous: TreeManifest, live: &Path) -> Self {
        let mut output = Self::new(
            Target::Dir(staging.to_path_buf(), Writer::start()),
            Some(previous),
        );
        output.live = Some(live.to_path_buf());
        output
    }

    fn new(target: Target, previous: Option<TreeManifest>) -> Self {
        Self {
            target: Mutex::new(target),
            entries: Mutex::new(Ledger::new(previous.as_ref())),
            previous,
            live: None,
        }
    }

    /// Keeps the document at `path` as the tree being updated has it,
    /// without making it again: for documents whose maker knows they did
    /// not change (the search index patched in place). False, and nothing
    /// added, when there is no such document to keep.
    pub fn keep(&self, path: &str) -> Result<bool, String> {
        let Some(number) = self
            .previous
            .as_ref()
            .and_then(|previous| previous.entries.number(path))
        else {
            return Ok(false);
        };
        lock(&self.entries)?.touch(number, path)?;
        Ok(true)
    }

    /// Whether [`Output::keep`] can keep `path`.
    pub fn can_keep(&self, path: &str) -> bool {
        self.previous
            .as_ref()
            .is_some_and(|previous| previous.entries.contains_key(path))
    }

    /// The bytes of the document at `path` in the tree being updated, when
    /// they are still what its manifest says (so what this publisher
    /// wrote); `None` otherwise, or when not updating a tree.
    pub fn read_kept(&self, path: &str) -> Option<Vec<u8>> {
        let entry = self.previous.as_ref()?.entries.get(path)?;
        let bytes = fs::read(safe_join(self.live.as_ref()?, path).ok()?).ok()?;
        (Entry::of(&bytes, None).content == entry.content).then_some(bytes)
    }

    /// Adds a document; a path given twice is a bug in the publisher.
    pub fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), String> {
        self.put_entry(path, bytes.into(), None)
    }

    /// Adds the document `make` makes from what `recipe` fingerprints; when
    /// updating a tree whose document at `path` was made from the same
    /// recipe, it is kept as it is and `make` is not called. The recipe
    /// must cover everything the bytes depend on.
    pub fn put_made(
        &self,
        path: String,
        recipe: Hash,
        make: impl FnOnce() -> Result<Vec<u8>, String>,
    ) -> Result<(), String> {
        if self.keep_made(&path, &recipe)? {
            return Ok(());
        }
        self.put_entry(path, make()?.into(), Some(recipe))
    }

    /// Keeps the document at `path` as the tree being updated has it when
    /// it was made from `recipe`; false, and nothing added, otherwise.
    fn keep_made(&self, path: &str, recipe: &Hash) -> Result<bool, String> {
        let kept = self.previous.as_ref().and_then(|previous| {
            let number = previous.entries.number(path)?;
            let entry = previous.entries.value_of(number)?;
            (entry.recipe.as_ref() == Some(recipe)).then_some(number)
        });
        match kept {
            Some(number) => lock(&self.entries)?.touch(number, path).map(|()| true),
            None => Ok(false),
        }
    }

    fn put_entry(&self, path: String, bytes: Pieces, recipe: Option<Hash>) -> Result<(), String> {
        // Fingerprinted outside the locks: the languages' threads hash side
        // by side.
        let on_disk = matches!(&*lock(&self.target)?, Target::Dir(..));
        let entry = if on_disk {
            Entry {
                content: bytes.fingerprint(),
                recipe,
            }
        } else {
            // Only counted: in memory there is no manifest.
            Entry {
                content: [0; 16],
                recipe: None,
            }
        };
        let unchanged = self.previous.as_ref().is_some_and(|previous| {
            on_disk
                && previous
                    .entries
                    .get(&path)
                    .is_some_and(|old| old.content == entry.content)
        });
        let mut target = lock(&self.target)?;
        // Checked before it counts as written: a refused path is not a file.
        let file = match &*target {
            Target::Memory(_) => None,
            Target::Dir(root, _) => Some(safe_join(root, &path)?),
        };
        lock(&self.entries)?.add(self.previous.as_ref(), &path, entry)?;
        if unchanged {
            return Ok(());
        }
        match (&mut *target, file) {
            (Target::Dir(_, writer), Some(file)) => writer.send(file, bytes),
            (Target::Memory(files), _) => {
                files.insert(path, bytes.into_vec());
                Ok(())
            }
            (Target::Dir(..), None) => Err(format!("{path}: no file name")),
        }
    }

    /// Adds a document as compact JSON: these files are fetched, not read
    /// by people.
    /// Serialised in [`Pieces`]: a large document is never in one buffer.
    pub fn put_json<T: Serialize>(&self, path: String, value: &T) -> Result<(), String> {
        let mut bytes = Pieces::default();
        serde_json::to_writer(&mut bytes, value).map_err(|error| format!("{path}: {error}"))?;
        self.put_entry(path, bytes, None)
    }

    /// [`Output::put_made`] for a document too large to hold, `value`
    /// serialised as JSON: unless kept (its recipe the one recorded in the
    /// tree being updated), it is serialised straight into its file in the
    /// directory written (a fresh tree, or an update's staging directory,
    /// from which it is renamed in only if its bytes changed) and
    /// fingerprinted on the way, so it is never in memory: the guide's
    /// index, 90 MB of JSON in one language in proportion to a
    /// 100,000-article archive, was held beside the search index being
    /// built. In memory it is any other document.
    pub fn put_made_streamed<T: Serialize>(
        &self,
        path: String,
        recipe: Hash,
        value: &T,
    ) -> Result<(), String> {
        if self.keep_made(&path, &recipe)? {
            return Ok(());
        }
        // The lock is let go before `put_entry` takes it again.
        let dir = match &*lock(&self.target)? {
            Target::Dir(root, _) => Some(root.clone()),
            Target::Memory(_) => None,
        };
        let Some(root) = dir else {
            let bytes = serde_json::to_vec(value).map_err(|error| format!("{path}: {error}"))?;
            return self.put_entry(path, bytes.into(), Some(recipe));
        };
        if lock(&self.entries)?.contains(self.previous.as_ref(), &path) {
            return Err(twice(&path));
        }
        let file = safe_join(&root, &path)?;
        let failed = |error: std::io::Error| format!("{}: {error}", file.display());
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir).map_err(failed)?;
        }
        let mut to = Fingerprinting::new(BufWriter::new(fs::File::create(&file).map_err(failed)?));
        serde_json::to_writer(&mut to, value).map_err(|error| format!("{path}: {error}"))?;
        let content = to.finish().map_err(failed)?;
        lock(&self.entries)?.add(
            self.previous.as_ref(),
            &path,
            Entry {
                content,
                recipe: Some(recipe),
            },
        )
    }

    /// Keeps every document under the folder `dir` as the tree being
    /// updated has it, when its document at `key` (in `dir`) was made from
    /// `recipe`: for a maker whose recipe of that one document covers
    /// everything it makes under `dir` (a language's guide or events), so
    /// that an update in which none of it changed does not work out each
    /// document's recipe. False, and nothing added, otherwise.
    pub fn keep_all_under(&self, dir: &str, key: &str, recipe: &Hash) -> Result<bool, String> {
        debug_assert!(dir.ends_with('/') && key.starts_with(dir), "{key} in {dir}");
        let Some(previous) = self
            .previous
            .as_ref()
            .filter(|_| self.has_made(key, recipe))
        else {
            return Ok(false);
        };
        // Gathered before the lock: the other parts' threads keep adding.
        let kept: Vec<(u32, &str)> = previous
            .entries
            .iter_numbered()
            .filter(|(_, path, _)| path.starts_with(dir))
            .map(|(number, path, _)| (number, path))
            .collect();
        let mut entries = lock(&self.entries)?;
        for (number, path) in kept {
            entries.touch(number, path)?;
        }
        Ok(true)
    }

    /// Whether the tree being updated has the document at `path` made from
    /// `recipe` (so [`Output::put_made`] would keep it). For a maker that
    /// needs to know before it decides what to make.
    pub fn has_made(&self, path: &str, recipe: &Hash) -> bool {
        self.previous
            .as_ref()
            .and_then(|previous| previous.entries.get(path))
            .is_some_and(|entry| entry.recipe.as_ref() == Some(recipe))
    }

    /// Adds every document of `documents`.
    pub fn put_all(
        &self,
        documents: impl IntoIterator<Item = (String, Vec<u8>)>,
    ) -> Result<(), String> {
        documents
            .into_iter()
            .try_for_each(|(path, bytes)| self.put(path, bytes))
    }

    /// How many documents were added.
    pub fn len(&self) -> usize {
        self.entries.lock().map_or(0, |entries| entries.count)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Waits until every document is on disk (for a directory); the first
    /// write that failed is the error.
    pub fn finish(&self) -> Result<(), String> {
        match &mut *lock(&self.target)? {
            Target::Memory(_) => Ok(()),
            Target::Dir(_, writer) => writer.finish(),
        }
    }

    /// The manifest of the tree written by [`Output::dir`] (empty for
    /// [`Output::memory`]), taken out: a 100,000-article tree's is
    /// 1.26 million entries, not to be copied. A second call gives an
    /// empty one. For an update, see [`Output::into_changes`].
    pub fn take_manifest(&self) -> Result<TreeManifest, String> {
        if !matches!(&*lock(&self.target)?, Target::Dir(..)) || self.previous.is_some() {
            return Ok(TreeManifest::default());
        }
        Ok(TreeManifest::of(std::mem::take(
            &mut lock(&self.entries)?.changed,
        )))
    }

    /// For [`Output::changes`]: the manifest of the tree being updated,
    /// and what this build changed in it (the documents that differ, and
    /// those of the tree it did not add).
    pub fn into_changes(self) -> Result<(TreeManifest, ManifestChanges), String> {
        let ledger = self
            .entries
            .into_inner()
            .map_err(|_| "a thread writing the output panicked".to_string())?;
        let previous = self
            .previous
            .ok_or("the changes of a build that updates no tree")?;
        let removed = previous
            .entries
            .iter_numbered()
            .filter(|(number, _, _)| ledger.touched.get(*number as usize) != Some(&true))
            .map(|(_, path, _)| path.to_string())
            .collect();
        let changes = ManifestChanges {
            changed: ledger.changed,
            removed,
        };
        Ok((previous, changes))
    }

    /// The documents collected by [`Output::memory`] (none for a directory).
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        match self.target.into_inner() {
            Ok(Target::Memory(files)) => files,
            _ => BTreeMap::new(),
        }
    }
}

/// Writes through to `W`, fingerprinting what passes as
/// [`crate::body::fingerprint`] does.
struct Fingerprinting<W: Write> {
    to: W,
    hash: Sha256,
}

impl<W: Write> Fingerprinting<W> {
    fn new(to: W) -> Self {
        Self {
            to,
            hash: Sha256::new(),
        }
    }

    /// Flushes, and gives the fingerprint of everything written.
    fn finish(mut self) -> std::io::Result<Hash> {
        self.to.flush()?;
        Ok(crate::body::fingerprint_of(self.hash))
    }
}

impl<W: Write> Write for Fingerprinting<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.to.write(bytes)?;
        self.hash.update(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.to.flush()
    }
}

/// Records `path` once; a path given twice is a bug in the publisher.
/// A lock whose holder panicked means a bug; the build stops with a message.
fn lock<T>(mutex: &Mutex<T>) -> Result<MutexGuard<'_, T>, String> {
    mutex
        .lock()
        .map_err(|_| "a thread writing the output panicked".to_string())
}

/// Joins a relative `/`-separated path, refusing anything that could leave
/// `root` (paths come from checked slugs, so this is a second line of defence).
pub fn safe_join(root: &Path, relative: &str) -> Result<PathBuf, String> {
    let path = Path::new(relative);
    let plain = !relative.is_empty()
        && path
            .components()
            .all(|component| matches!(component, Component::Normal(_)));
    if !plain {
        return Err(format!(
            "refusing to write outside the output: {relative:?}"
        ));
    }
    Ok(root.join(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::fingerprint;

    #[test]
    fn a_path_is_written_once_and_never_outside() {
        let output = Output::memory();
        output.put("en/a.json".into(), b"1".to_vec()).unwrap();
        assert!(output
            .put("en/a.json".into(), b"2".to_vec())
            .unwrap_err()
            .contains("twice"));
        let root = std::env::temp_dir().join(format!("portal-output-{}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        let dir = Output::dir(&root);
        assert!(dir.put("../escape.json".into(), vec![]).is_err());
        dir.put_json("ru/news/b.json".into(), &[1, 2]).unwrap();
        dir.finish().unwrap();
        assert_eq!(
            fs::read_to_string(root.join("ru/news/b.json")).unwrap(),
            "[1,2]"
        );
        assert_eq!((dir.len(), output.into_files().len()), (1, 1));
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_streamed_document_is_written_and_fingerprinted_as_any_other() {
        let root =
            std::env::temp_dir().join(format!("portal-output-stream-{}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        let dir = Output::dir(&root);
        let value = vec!["Mir"; 10_000];
        let recipe = [7; 16];
        dir.put_made_streamed("en/sites/index.json".into(), recipe, &value)
            .unwrap();
        assert!(dir
            .put_made_streamed("en/sites/index.json".into(), recipe, &value)
            .unwrap_err()
            .contains("twice"));
        assert!(dir
            .put_made_streamed("../out.json".into(), recipe, &value)
            .is_err());
        dir.put_json("en/sites/other.json".into(), &value).unwrap();
        dir.finish().unwrap();
        // In memory it is an ordinary document.
        let memory = Output::memory();
        memory
            .put_made_streamed("en/sites/index.json".into(), recipe, &value)
            .unwrap();
        assert_eq!(
            memory.into_files()["en/sites/index.json"],
            serde_json::to_vec(&value).unwrap()
        );
        let written = fs::read(root.join("en/sites/index.json")).unwrap();
        assert_eq!(written, serde_json::to_vec(&value).unwrap());
        let manifest = dir.take_manifest().unwrap();
        let entry = |path: &str| manifest.entries[path];
        assert_eq!(entry("en/sites/index.json").content, fingerprint(&written));
        assert_eq!(
            entry("en/sites/index.json").content,
            entry("en/sites/other.json").content
        );
        // Its recipe is recorded, so an update can keep it.
        assert_eq!(entry("en/sites/index.json").recipe, Some(recipe));
        fs::remove_dir_all(&root).unwrap();
    }

    /// Updating a tree, a streamed document made from the recipe the tree
    /// recorded is kept and not written; another is written into the
    /// staging directory, to be renamed in if its bytes changed.
    #[test]
    fn an_update_keeps_a_streamed_document_of_the_same_recipe() {
        let work = tempfile::tempdir().unwrap();
        let (staging, live) = (work.path().join("staging"), work.path().join("live"));
        fs::create_dir_all(&staging).unwrap();
        let value = vec!["Nesvizh"; 1_000];
        let bytes = serde_json::to_vec(&value).unwrap();
        let mut entries = PathMap::default();
        for path in ["en/sites/index.json", "ru/sites/index.json"] {
            assert!(entries.insert_new(path, Entry::of(&bytes, Some([1; 16]))));
        }
        let output = Output::changes(&staging, TreeManifest::of(entries), &live);
        output
            .put_made_streamed("en/sites/index.json".into(), [1; 16], &value)
            .unwrap();
        output
            .put_made_streamed("ru/sites/index.json".into(), [2; 16], &value)
            .unwrap();
        output.finish().unwrap();
        assert!(!staging.join("en/sites/index.json").exists());
        assert_eq!(
            fs::read(staging.join("ru/sites/index.json")).unwrap(),
            bytes
        );
        let (_, changes) = output.into_changes().unwrap();
        // Kept as it was: no change of its own, and not removed.
        assert_eq!(changes.changed.get("en/sites/index.json"), None);
        assert!(changes.removed.is_empty(), "{:?}", changes.removed);
        let made = changes.changed["ru/sites/index.json"];
        assert_eq!(made.recipe, Some([2; 16]));
        assert_eq!(made.content, fingerprint(&bytes));
    }

    /// In an update each document is added once, however it is added, and
    /// only those that differ from the tree are changes of their own.
    #[test]
    fn an_update_adds_each_document_once_and_lists_what_differs() {
        let work = tempfile::tempdir().unwrap();
        let (staging, live) = (work.path().join("staging"), work.path().join("live"));
        fs::create_dir_all(&staging).unwrap();
        let mut entries = PathMap::default();
        for path in ["a.json", "b.json", "c.json", "d.json", "gone.json"] {
            assert!(entries.insert_new(path, Entry::of(path.as_bytes(), Some([1; 16]))));
        }
        let output = Output::changes(&staging, TreeManifest::of(entries), &live);
        assert!(output.keep("a.json").unwrap());
        assert!(output.keep("a.json").is_err(), "kept twice");
        assert!(
            output.put("a.json".into(), b"a.json".to_vec()).is_err(),
            "kept, then made"
        );
        // The same bytes and recipe: nothing of its own; the same bytes
        // from another recipe: a change, not written.
        output
            .put_made("b.json".into(), [1; 16], || Ok(b"other".to_vec()))
            .unwrap();
        output
            .put_made("c.json".into(), [2; 16], || Ok(b"c.json".to_vec()))
            .unwrap();
        output.put("d.json".into(), b"new bytes".to_vec()).unwrap();
        output.put("new.json".into(), b"new".to_vec()).unwrap();
        assert!(
            output.put("new.json".into(), b"new".to_vec()).is_err(),
            "made twice"
        );
        assert_eq!(output.len(), 5);
        output.finish().unwrap();
        let mut written: Vec<String> = fs::read_dir(&staging)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        written.sort_unstable();
        assert_eq!(written, ["d.json", "new.json"]);
        let (previous, changes) = output.into_changes().unwrap();
        let mut changed: Vec<&str> = changes.changed.keys().collect();
        changed.sort_unstable();
        assert_eq!(changed, ["c.json", "d.json", "new.json"]);
        assert_eq!(
            changes.changed["c.json"].content,
            previous.entries["c.json"].content
        );
        assert_eq!(changes.removed, ["gone.json"]);
    }

    /// A folder is kept whole only when its key document's recipe is the
    /// one on record, and then every document under it and nothing else.
    #[test]
    fn a_folder_is_kept_whole_by_its_key_documents_recipe() {
        let work = tempfile::tempdir().unwrap();
        let (staging, live) = (work.path().join("staging"), work.path().join("live"));
        fs::create_dir_all(&staging).unwrap();
        let mut entries = PathMap::default();
        for (path, recipe) in [
            ("en/sites/index.json", Some([1; 16])),
            ("en/sites/mir-castle.json", Some([3; 16])),
            ("en/sites/near/deep.json", None),
            ("en/sites.json", None),
            ("ru/sites/index.json", Some([1; 16])),
            ("en/events/index.json", Some([1; 16])),
        ] {
            assert!(entries.insert_new(path, Entry::of(path.as_bytes(), recipe)));
        }
        let output = Output::changes(&staging, TreeManifest::of(entries), &live);
        let (dir, key) = ("en/sites/", "en/sites/index.json");
        assert!(!output.keep_all_under(dir, key, &[2; 16]).unwrap());
        assert!(output.is_empty(), "nothing kept for another recipe");
        assert!(output.keep_all_under(dir, key, &[1; 16]).unwrap());
        // Kept twice is a bug, as any document added twice.
        assert!(output.keep_all_under(dir, key, &[1; 16]).is_err());
        assert_eq!(output.len(), 3);
        // Every document under the folder kept as it was, the rest gone.
        let (_, mut changes) = output.into_changes().unwrap();
        assert!(changes.changed.is_empty());
        changes.removed.sort_unstable();
        assert_eq!(
            changes.removed,
            [
                "en/events/index.json",
                "en/sites.json",
                "ru/sites/index.json"
            ]
        );
        // Nothing on record (a clean build): nothing to keep.
        let clean = Output::dir(&staging);
        assert!(!clean.keep_all_under(dir, key, &[1; 16]).unwrap());
    }

    #[test]
    fn a_failed_write_is_reported() {
        let root = std::env::temp_dir().join(format!("portal-output-fail-{}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        // A file where a directory must go: the write under it fails.
        fs::write(root.join("en"), b"").unwrap();
        let dir = Output::dir(&root);
        let mut error = None;
        for n in 0..2 * QUEUE {
            if let Err(e) = dir.put(format!("en/{n}.json"), vec![]) {
                error = Some(e);
                break;
            }
        }
        let error = error
            .or_else(|| dir.finish().err())
            .expect("the write fails");
        assert!(error.contains("en"), "{error}");
        // Every later call gives the same cause, not a generic message.
        assert_eq!(dir.put("en/late.json".into(), vec![]), Err(error.clone()));
        assert_eq!(dir.finish(), Err(error));
        fs::remove_dir_all(&root).unwrap();
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
