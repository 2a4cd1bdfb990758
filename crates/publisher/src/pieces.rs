//! A document's bytes as they are made: one buffer for an ordinary
//! document, several of [`PIECE`] bytes for a large one. The guide's index
//! in proportion to a 100,000-article archive is 130 MB of JSON in one
//! language; serialised into one `Vec`, which doubles as it grows, it took
//! up to three times that at the moment it grew (the old buffer and the
//! new one at once). In pieces it takes its own size.

use std::io::{self, Write};

use sha2::{Digest, Sha256};

/// The size of each piece after the first.
pub const PIECE: usize = 4 << 20;

/// Bytes written in order; read back by [`Pieces::slices`].
#[derive(Debug, Default)]
pub struct Pieces {
    full: Vec<Vec<u8>>,
    /// Grows as a `Vec` does up to [`PIECE`], then is full.
    last: Vec<u8>,
}

impl Pieces {
    /// The bytes in order, one slice per piece.
    pub fn slices(&self) -> impl Iterator<Item = &[u8]> {
        self.full
            .iter()
            .map(Vec::as_slice)
            .chain(std::iter::once(self.last.as_slice()))
    }

    pub fn len(&self) -> usize {
        self.slices().map(<[u8]>::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first half of the bytes' SHA-256, as [`crate::body::fingerprint`]
    /// gives for them in one slice.
    pub fn fingerprint(&self) -> [u8; 16] {
        let mut hash = Sha256::new();
        for slice in self.slices() {
            hash.update(slice);
        }
        crate::body::fingerprint_of(hash)
    }

    /// The bytes in one buffer (copied only when there are several pieces).
    pub fn into_vec(self) -> Vec<u8> {
        if self.full.is_empty() {
            return self.last;
        }
        let mut all = Vec::with_capacity(self.len());
        for slice in self.slices() {
            all.extend_from_slice(slice);
        }
        all
    }

    /// Writes the bytes to `to` in order.
    pub fn write_all_to(&self, to: &mut impl Write) -> io::Result<()> {
        self.slices().try_for_each(|slice| to.write_all(slice))
    }
}

impl From<Vec<u8>> for Pieces {
    fn from(bytes: Vec<u8>) -> Self {
        Self {
            full: Vec::new(),
            last: bytes,
        }
    }
}

impl Write for Pieces {
    /// serde_json writes a document in many small slices (a quote, a
    /// key, a comma): those that fit go straight into the last piece.
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if bytes.len() <= PIECE.saturating_sub(self.last.len()) {
            self.last.extend_from_slice(bytes);
            return Ok(bytes.len());
        }
        self.write_across(bytes)
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.write(bytes).map(drop)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Pieces {
    /// Writes bytes that do not fit in the last piece: it is filled, and
    /// new pieces are started as needed.
    #[cold]
    fn write_across(&mut self, mut bytes: &[u8]) -> io::Result<usize> {
        let written = bytes.len();
        while !bytes.is_empty() {
            if self.last.len() >= PIECE {
                let full = std::mem::replace(&mut self.last, Vec::with_capacity(PIECE));
                self.full.push(full);
            }
            let room = PIECE - self.last.len();
            let (now, rest) = bytes.split_at(room.min(bytes.len()));
            self.last.extend_from_slice(now);
            bytes = rest;
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::fingerprint;

    #[test]
    fn large_writes_are_cut_into_pieces_that_read_back_the_same() {
        let bytes: Vec<u8> = (0..PIECE * 2 + 12_345).map(|n| (n % 251) as u8).collect();
        let mut pieces = Pieces::default();
        // Uneven writes, some across a piece's end.
        for part in bytes.chunks(PIECE / 3 + 7) {
            pieces.write_all(part).unwrap();
        }
        assert_eq!(pieces.full.len(), 2);
        assert!(pieces.full.iter().all(|piece| piece.len() == PIECE));
        assert_eq!(pieces.len(), bytes.len());
        assert_eq!(pieces.fingerprint(), fingerprint(&bytes));
        let mut written = Vec::new();
        pieces.write_all_to(&mut written).unwrap();
        assert_eq!(written, bytes);
        assert_eq!(pieces.into_vec(), bytes);
    }

    #[test]
    fn a_small_document_is_one_buffer() {
        let mut pieces = Pieces::default();
        serde_json::to_writer(&mut pieces, &["a", "b"]).unwrap();
        assert!(pieces.full.is_empty());
        assert_eq!(pieces.fingerprint(), fingerprint(br#"["a","b"]"#));
        assert_eq!(pieces.into_vec(), br#"["a","b"]"#);
        assert!(Pieces::from(Vec::new()).is_empty());
    }
}
