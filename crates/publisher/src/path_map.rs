//! A map from a tree's paths to their entries, compact enough for 1.76
//! million documents (a 100,000-article archive in proportion). As
//! `String` keys of a `HashMap`, each path was an allocation of its own
//! and each slot 64 bytes: about 220 MB, and the table's doubling held the
//! old and the new table at once. Here the paths' bytes are appended to
//! shared blocks, each path is a record (where its bytes are, and its
//! value) in fixed-size chunks that never move, and the hash table holds
//! only record numbers.

use std::fmt;
use std::hash::Hasher;

use hashbrown::HashTable;

use crate::tree_manifest::PathHasher;

/// Bytes per block of path text. A longer path gets a block of its own.
const BLOCK: usize = 1 << 20;
/// Records per chunk.
const CHUNK: usize = 1 << 16;

/// Where a path's bytes are, and its value (`None` once removed).
struct Record<V> {
    block: u32,
    start: u32,
    len: u32,
    value: Option<V>,
}

/// Paths (`&str`) to `V`.
pub struct PathMap<V> {
    blocks: Vec<String>,
    chunks: Vec<Vec<Record<V>>>,
    /// Record numbers of the paths present, by their paths' hash.
    table: HashTable<u32>,
}

impl<V> Default for PathMap<V> {
    fn default() -> Self {
        Self {
            blocks: Vec::new(),
            chunks: Vec::new(),
            table: HashTable::new(),
        }
    }
}

fn hash(path: &str) -> u64 {
    let mut hasher = PathHasher::default();
    hasher.write(path.as_bytes());
    hasher.finish()
}

/// The record `number` of `chunks`.
fn record<V>(chunks: &[Vec<Record<V>>], number: u32) -> &Record<V> {
    let number = number as usize;
    &chunks[number / CHUNK][number % CHUNK]
}

fn path_of<'a, V>(blocks: &'a [String], record: &Record<V>) -> &'a str {
    let start = record.start as usize;
    &blocks[record.block as usize][start..start + record.len as usize]
}

impl<V> PathMap<V> {
    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The record number of `path`, while it is there: numbers are kept
    /// for the map's life, below [`PathMap::records`].
    pub fn number(&self, path: &str) -> Option<u32> {
        self.find(path)
    }

    /// How many records the map has made, removed paths' included.
    pub fn records(&self) -> usize {
        self.chunks.iter().map(Vec::len).sum()
    }

    /// The value of the record `number`, unless removed.
    pub fn value_of(&self, number: u32) -> Option<&V> {
        let number = number as usize;
        self.chunks
            .get(number / CHUNK)?
            .get(number % CHUNK)?
            .value
            .as_ref()
    }

    /// Every path present with its record number and value, in record
    /// order.
    pub fn iter_numbered(&self) -> impl Iterator<Item = (u32, &str, &V)> {
        self.chunks
            .iter()
            .flatten()
            .enumerate()
            .filter_map(|(number, record)| {
                let value = record.value.as_ref()?;
                Some((number as u32, path_of(&self.blocks, record), value))
            })
    }

    fn find(&self, path: &str) -> Option<u32> {
        let (blocks, chunks) = (&self.blocks, &self.chunks);
        self.table
            .find(hash(path), |&number| {
                path_of(blocks, record(chunks, number)) == path
            })
            .copied()
    }

    pub fn get(&self, path: &str) -> Option<&V> {
        let number = self.find(path)?;
        record(&self.chunks, number).value.as_ref()
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.find(path).is_some()
    }

    /// Adds `path` unless it is there; false (and nothing changed) if it is.
    pub fn insert_new(&mut self, path: &str, value: V) -> bool {
        if self.contains_key(path) {
            return false;
        }
        let number = self.push(path, value);
        let (blocks, chunks) = (&self.blocks, &self.chunks);
        self.table.insert_unique(hash(path), number, |&number| {
            hash(path_of(blocks, record(chunks, number)))
        });
        true
    }

    /// Sets the value of `path`, adding it if it is not there.
    pub fn insert(&mut self, path: &str, value: V) {
        match self.find(path) {
            Some(number) => {
                let number = number as usize;
                self.chunks[number / CHUNK][number % CHUNK].value = Some(value);
            }
            None => {
                self.insert_new(path, value);
            }
        }
    }

    /// Takes `path` out. Its bytes stay in their block: removing is rare
    /// (a manifest's list of documents a later build removed).
    pub fn remove(&mut self, path: &str) -> Option<V> {
        let (blocks, chunks) = (&self.blocks, &self.chunks);
        let found = self.table.find_entry(hash(path), |&number| {
            path_of(blocks, record(chunks, number)) == path
        });
        let (number, _) = found.ok()?.remove();
        let number = number as usize;
        self.chunks[number / CHUNK][number % CHUNK].value.take()
    }

    /// Every path and its value, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.chunks.iter().flatten().filter_map(|record| {
            let value = record.value.as_ref()?;
            Some((path_of(&self.blocks, record), value))
        })
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(path, _)| path)
    }

    /// Appends a record for `path`, its bytes to the last block (or a new
    /// one when they do not fit: blocks never grow, so none is copied).
    fn push(&mut self, path: &str, value: V) -> u32 {
        let fits = self
            .blocks
            .last()
            .is_some_and(|block| block.capacity() - block.len() >= path.len());
        if !fits {
            self.blocks
                .push(String::with_capacity(BLOCK.max(path.len())));
        }
        let block_number = self.blocks.len() - 1;
        let block = &mut self.blocks[block_number];
        let start = block.len();
        block.push_str(path);
        if self.chunks.last().is_none_or(|chunk| chunk.len() == CHUNK) {
            self.chunks.push(Vec::with_capacity(CHUNK));
        }
        let number = (self.chunks.len() - 1) * CHUNK + self.chunks.last().map_or(0, Vec::len);
        let chunk = self.chunks.last_mut().expect("a chunk was just made");
        // A tree's paths number in millions and each is far below 4 GB:
        // the narrowing cannot lose anything a build makes.
        chunk.push(Record {
            block: block_number as u32,
            start: start as u32,
            len: path.len() as u32,
            value: Some(value),
        });
        number as u32
    }
}

impl<V> std::ops::Index<&str> for PathMap<V> {
    type Output = V;

    fn index(&self, path: &str) -> &V {
        self.get(path).expect("a path of the map")
    }
}

/// Equal when they hold the same paths with equal values.
impl<V: PartialEq> PartialEq for PathMap<V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(path, value)| other.get(path) == Some(value))
    }
}

impl<V: fmt::Debug> fmt::Debug for PathMap<V> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.debug_map().entries(self.iter()).finish()
    }
}

impl<V: Clone> Clone for PathMap<V> {
    fn clone(&self) -> Self {
        let mut copy = Self::default();
        for (path, value) in self.iter() {
            copy.insert_new(path, value.clone());
        }
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn it_holds_what_a_hash_map_would() {
        let mut map = PathMap::default();
        let mut expected = HashMap::new();
        for n in 0..200_000u32 {
            let path = format!("en/events/{n}.json");
            assert!(map.insert_new(&path, n));
            expected.insert(path, n);
        }
        assert!(!map.insert_new("en/events/7.json", 0));
        assert_eq!(map.get("en/events/7.json"), Some(&7));
        map.insert("en/events/7.json", 70);
        expected.insert("en/events/7.json".to_string(), 70);
        assert_eq!(map.remove("en/events/8.json"), Some(8));
        expected.remove("en/events/8.json");
        assert_eq!(map.remove("en/events/8.json"), None);
        assert!(!map.contains_key("en/events/8.json"));
        // Added again after its removal.
        assert!(map.insert_new("en/events/8.json", 80));
        expected.insert("en/events/8.json".to_string(), 80);
        let long = "x".repeat(BLOCK + 10);
        assert!(map.insert_new(&long, 1));
        expected.insert(long.clone(), 1);
        assert_eq!(map[long.as_str()], 1);
        assert_eq!(map.len(), expected.len());
        let listed: HashMap<String, u32> = map
            .iter()
            .map(|(path, value)| (path.to_string(), *value))
            .collect();
        assert_eq!(listed, expected);
        assert_eq!(map.clone(), map);
        assert_eq!(map.get("en/events/200000.json"), None);
        // Numbered records: the removed path's old record has no value.
        let numbered: HashMap<String, u32> = map
            .iter_numbered()
            .map(|(number, path, value)| {
                assert_eq!(map.number(path), Some(number));
                assert_eq!(map.value_of(number), Some(value));
                (path.to_string(), *value)
            })
            .collect();
        assert_eq!(numbered, expected);
        assert_eq!(map.records(), expected.len() + 1);
        assert_eq!(map.value_of(8), None);
    }

    #[test]
    fn maps_are_equal_whatever_order_they_were_filled_in() {
        let mut one = PathMap::default();
        let mut other = PathMap::default();
        for n in 0..1_000 {
            one.insert_new(&format!("{n}"), n);
            other.insert_new(&format!("{}", 999 - n), 999 - n);
        }
        assert_eq!(one, other);
        other.insert("5", 6);
        assert_ne!(one, other);
    }
}
