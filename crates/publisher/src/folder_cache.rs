//! Events and sites checked by an earlier build, kept in the cache so that
//! the next build reads and checks only the folders that changed, as
//! [`crate::check_cache`] does for articles: in proportion to a
//! 100,000-article archive there are 158,000 event and 133,000 site
//! folders, and reading and checking them all again took 8 to 10 s of an
//! update.
//!
//! A folder is taken as unchanged while the names and [`Stamp`]s of its
//! files are what they were when it was checked (its state, taken when
//! the folder is listed: `sources.rs`). A record is used only under the
//! same key: this publisher, the same lists (categories or sections,
//! regions) and the same media, which the checks depend on.
//!
//! One file per kind (`{content}.events`, `{content}.sites`): [`MAGIC`],
//! the key, the number of records, then each folder's slug, state and
//! record (the checked item, postcard), in slug order, and a fingerprint
//! of everything before it. It is half a gigabyte in proportion to a
//! 100,000-article archive, so it is never held: it is read as a stream,
//! beside the folders listed in the same order, each record decoded only
//! when its folder is unchanged and the rest skipped, and the fingerprint
//! checked at the end (a damaged file is not used, with a warning, and
//! every folder is checked again). It is written whole again, the same
//! way, when any folder was checked, added or removed.
//!
//! [`Stamp`]: crate::check_cache::Stamp

use std::fs;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::body::Body;
use crate::cache::Cache;
use crate::event_file::EventDef;
use crate::folder::Bodies;
use crate::site_file::SiteDef;
use crate::sources::FolderFiles;
use crate::tree_manifest::Hash;

/// The first bytes of the file: what it is and its format.
const MAGIC: &[u8; 8] = b"pfld0001";

/// A checked item that can be kept: its texts' handles are given back
/// their content directory when it is read.
pub trait KeptFolder: Serialize + DeserializeOwned {
    fn bodies(&self) -> &Bodies;
    fn bodies_mut(&mut self) -> &mut Bodies;
}

impl KeptFolder for EventDef {
    fn bodies(&self) -> &Bodies {
        &self.bodies
    }
    fn bodies_mut(&mut self) -> &mut Bodies {
        &mut self.bodies
    }
}

impl KeptFolder for SiteDef {
    fn bodies(&self) -> &Bodies {
        &self.bodies
    }
    fn bodies_mut(&mut self) -> &mut Bodies {
        &mut self.bodies
    }
}

/// The items an earlier build checked of one kind, by the position of
/// their folder in the listing (`None`: to be checked).
pub struct Kept<T> {
    pub items: Vec<Option<T>>,
    /// How many records the file had: when every one was used and every
    /// folder had one, nothing changed and the file is not written again.
    records: usize,
    /// `events` or `sites`, and the key of the checks (see [`load`]): what
    /// [`save`] keeps them under.
    pub kind: &'static str,
    pub key: Hash,
}

impl<T> Kept<T> {
    /// Nothing kept for `folders` folders of `kind` under `key`: every
    /// one is checked.
    pub fn nothing(kind: &'static str, key: Hash, folders: usize) -> Self {
        Self {
            items: (0..folders).map(|_| None).collect(),
            records: 0,
            kind,
            key,
        }
    }

    /// Whether the file must be written again after a build that used
    /// `reused` of its records and checked folders of which some could be
    /// kept (`keepable`: a folder without a state never is, so it alone
    /// does not rewrite half a gigabyte at every build).
    pub fn is_stale(&self, reused: usize, keepable: bool) -> bool {
        keepable || self.records != reused
    }
}

/// Where the records of `kind` (`events`, `sites`) for `content_dir` are.
fn file_for(cache: &Cache, content_dir: &Path, kind: &str) -> Option<PathBuf> {
    let name = crate::cache::name_for_dir(content_dir);
    cache
        .dir()
        .map(|dir| dir.join("checks").join(format!("{name}.{kind}")))
}

/// What the cache holds of `kind` for `folders` (listed from
/// `content_dir`, by slug) under `key`: nothing when there is no cache, no
/// file or another key; a damaged file is reported on stderr and not used.
pub fn load<T: KeptFolder>(
    cache: &Cache,
    content_dir: &Arc<Path>,
    kind: &'static str,
    key: Hash,
    folders: &[FolderFiles],
) -> Kept<T> {
    let nothing = || Kept::nothing(kind, key, folders.len());
    let Some(file) = file_for(cache, content_dir, kind) else {
        return nothing();
    };
    let Ok(handle) = fs::File::open(&file) else {
        return nothing();
    };
    let mut reader = SealedReader {
        from: BufReader::with_capacity(1 << 20, handle),
        hash: Sha256::new(),
    };
    // Shared as the checks share them (see `Texts::new`).
    let read = crate::texts::sharing(|| read_records(&mut reader, kind, key, folders, content_dir));
    match read {
        Ok(Some(kept)) => kept,
        // Another key: another publisher, other lists or media.
        Ok(None) => nothing(),
        Err(()) => {
            eprintln!(
                "warning: cache {}: damaged or of another format, not used; the {kind} are checked again",
                file.display()
            );
            nothing()
        }
    }
}

/// The records of `kind` in the stream beside `folders`; `Ok(None)` under
/// another key than `key`, `Err` when the stream is damaged.
fn read_records<T: KeptFolder, R: Read>(
    reader: &mut SealedReader<R>,
    kind: &'static str,
    key: Hash,
    folders: &[FolderFiles],
    content_dir: &Arc<Path>,
) -> Result<Option<Kept<T>>, ()> {
    if reader.take::<8>()? != *MAGIC {
        return Err(());
    }
    if reader.take::<16>()? != key {
        return Ok(None);
    }
    let records = reader.number()?;
    let mut items: Vec<Option<T>> = folders.iter().map(|_| None).collect();
    let mut next = 0;
    let mut bytes = Vec::new();
    let mut slug = Vec::new();
    for _ in 0..records {
        reader.bytes(&mut slug)?;
        let state = reader.take::<16>()?;
        reader.bytes(&mut bytes)?;
        // Both in slug order: the folders before this record's have none.
        while folders
            .get(next)
            .is_some_and(|folder| folder.slug.as_bytes() < slug.as_slice())
        {
            next += 1;
        }
        let Some(folder) = folders.get(next) else {
            continue;
        };
        if folder.slug.as_bytes() != slug.as_slice() || folder.state() != Some(state) {
            continue;
        }
        let mut item: T = postcard::from_bytes(&bytes).map_err(|_| ())?;
        for (_, body) in item.bodies_mut() {
            if let Body::InFile(file) = body {
                file.root = Arc::clone(content_dir);
            }
        }
        items[next] = Some(item);
        next += 1;
    }
    let print = crate::body::fingerprint_of(std::mem::take(&mut reader.hash));
    let mut seal = [0; 16];
    reader.from.read_exact(&mut seal).map_err(|_| ())?;
    let mut rest = [0; 1];
    let at_end = matches!(reader.from.read(&mut rest), Ok(0));
    if seal != print || !at_end {
        return Err(());
    }
    Ok(Some(Kept {
        items,
        records,
        kind,
        key,
    }))
}

/// Keeps `items` (slug, folder state, checked item; in slug order) of
/// `kind` under `key`, in place of what was kept. Items that cannot be
/// kept (a text held in memory) are left out: they are checked again.
/// A failure is a warning: the next build checks more, nothing else.
pub fn save<'a, T: KeptFolder + 'a>(
    cache: &Cache,
    content_dir: &Path,
    kind: &str,
    key: &Hash,
    items: impl Iterator<Item = (&'a str, Hash, &'a T)>,
) {
    let Some(file) = file_for(cache, content_dir, kind) else {
        return;
    };
    let temporary = file.with_extension(format!("{kind}-tmp-{}", std::process::id()));
    // Counted first (the count comes before the records), each record
    // then serialised as it is written: never the half gigabyte at once.
    let keepable: Vec<(&str, Hash, &T)> = items
        .filter(|(_, _, item)| {
            item.bodies()
                .iter()
                .all(|(_, body)| matches!(body, Body::InFile(_)))
        })
        .collect();
    let write = || -> std::io::Result<()> {
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir)?;
        }
        let mut to = BufWriter::with_capacity(1 << 20, fs::File::create(&temporary)?);
        let mut hash = Sha256::new();
        let mut part = Vec::with_capacity(4096);
        part.extend_from_slice(MAGIC);
        part.extend_from_slice(key);
        push_number(&mut part, keepable.len())?;
        let mut record = Vec::new();
        for (slug, state, item) in &keepable {
            hash.update(&part);
            to.write_all(&part)?;
            part.clear();
            record.clear();
            record = postcard::to_extend(*item, std::mem::take(&mut record))
                .map_err(std::io::Error::other)?;
            push_bytes(&mut part, slug.as_bytes())?;
            part.extend_from_slice(state);
            push_bytes(&mut part, &record)?;
        }
        hash.update(&part);
        to.write_all(&part)?;
        to.write_all(&crate::body::fingerprint_of(hash))?;
        to.flush()?;
        drop(to);
        fs::rename(&temporary, &file)
    };
    if let Err(error) = write() {
        let _ = fs::remove_file(&temporary);
        eprintln!("warning: cache {}: {error}", file.display());
    }
}

fn push_number(bytes: &mut Vec<u8>, number: usize) -> std::io::Result<()> {
    let number = u32::try_from(number).map_err(std::io::Error::other)?;
    bytes.extend_from_slice(&number.to_le_bytes());
    Ok(())
}

fn push_bytes(bytes: &mut Vec<u8>, part: &[u8]) -> std::io::Result<()> {
    push_number(bytes, part.len())?;
    bytes.extend_from_slice(part);
    Ok(())
}

/// Reads the parts [`save`] wrote, fingerprinting them on the way.
struct SealedReader<R: Read> {
    from: R,
    hash: Sha256,
}

impl<R: Read> SealedReader<R> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ()> {
        let mut part = [0; N];
        self.from.read_exact(&mut part).map_err(|_| ())?;
        self.hash.update(part);
        Ok(part)
    }

    fn number(&mut self) -> Result<usize, ()> {
        usize::try_from(u32::from_le_bytes(self.take::<4>()?)).map_err(|_| ())
    }

    /// A length-prefixed part into `into`.
    fn bytes(&mut self, into: &mut Vec<u8>) -> Result<(), ()> {
        let len = self.number()?;
        into.clear();
        // Read in steps: a damaged length must not ask for gigabytes.
        let mut limited = (&mut self.from).take(len as u64);
        limited.read_to_end(into).map_err(|_| ())?;
        if into.len() != len {
            return Err(());
        }
        self.hash.update(&into[..]);
        Ok(())
    }
}

/// An `Option` of a value kept as its JSON text (for types whose
/// serialisation leaves out empty fields, which postcard cannot read
/// back).
pub mod as_json {
    use serde::de::{DeserializeOwned, Error as _};
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let text = value
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(S::Error::custom)?;
        text.serialize(serializer)
    }

    pub fn deserialize<'de, T: DeserializeOwned, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<T>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| serde_json::from_str(&text))
            .transpose()
            .map_err(D::Error::custom)
    }
}

/// The texts of an item kept as the handles to their files; a text held
/// in memory (content made in memory) is not kept.
pub mod kept_bodies {
    use portal_contract::Lang;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::body::{Body, BodyFile};
    use crate::folder::Bodies;

    pub fn serialize<S: Serializer>(bodies: &Bodies, serializer: S) -> Result<S::Ok, S::Error> {
        let files = bodies
            .iter()
            .map(|(lang, body)| match body {
                Body::InFile(file) => Ok((*lang, file)),
                Body::Parsed(_) => Err(S::Error::custom("a text held in memory is not kept")),
            })
            .collect::<Result<Vec<(Lang, &BodyFile)>, _>>()?;
        files.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Bodies, D::Error> {
        let files = Vec::<(Lang, BodyFile)>::deserialize(deserializer)?;
        Ok(files
            .into_iter()
            .map(|(lang, file)| (lang, Body::InFile(file)))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checked::check_content;
    use crate::progress::Progress;

    /// The sample's events and sites checked once, then taken from the
    /// cache as they were; a damaged file is not used and is written
    /// whole again.
    #[test]
    fn checked_folders_come_back_as_they_were_and_a_damaged_file_is_not_used() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::in_dir(dir.path()).with_photos_in_user_cache();
        let check = || check_content(&content, &cache, &Progress::hidden()).unwrap();
        let first = check();
        let folders = first.events.len() + first.sites.len();
        assert!(first.events.len() > 10 && first.sites.len() > 10);
        assert_eq!(first.folders_read, folders);

        let again = check();
        assert_eq!(again.folders_read, 0);
        assert_eq!(again.events, first.events);
        assert_eq!(again.sites, first.sites);

        let kept = fs::read_dir(dir.path().join("checks"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .find(|path| path.extension().is_some_and(|ext| ext == "sites"))
            .expect("the checked sites are kept");
        let good = fs::read(&kept).unwrap();
        for damage in ["a flipped byte", "cut short", "longer"] {
            let mut bytes = good.clone();
            match damage {
                "a flipped byte" => bytes[good.len() / 2] ^= 0x20,
                "cut short" => bytes.truncate(good.len() - 20),
                _ => bytes.push(0),
            }
            fs::write(&kept, bytes).unwrap();
            let damaged = check();
            assert_eq!(damaged.folders_read, first.sites.len(), "{damage}");
            assert_eq!(damaged.sites, first.sites, "{damage}");
            assert_eq!(fs::read(&kept).unwrap(), good, "{damage}");
        }
    }
}
