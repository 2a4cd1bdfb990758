//! The text of an article, event or site, kept between checking and
//! writing. A twenty-year archive's bodies are gigabytes once parsed, so a
//! checked body is not kept: only where its file is, and the file is read
//! and parsed again when the documents that show it are written. Nothing
//! is lost by this: the file passed every check moments before, and a
//! fingerprint of the bytes that were checked is kept, so if an editor
//! changed it meanwhile the build stops with a message rather than publish
//! something unchecked (or an article whose search entry says otherwise).

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use portal_contract::Block;
use sha2::{Digest, Sha256};

use crate::front_matter;
use crate::markdown;
use crate::media::MediaLibrary;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Parsed and held (checked content that has no file, as in tests).
    Parsed(Vec<Block>),
    /// In a file, read again when needed.
    InFile(BodyFile),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BodyFile {
    /// Relative to the content directory: for messages, and with `root`
    /// where the file is.
    pub path: Box<str>,
    /// The content directory, one allocation shared by every handle of a
    /// build (a million of them in proportion to a 100,000-article
    /// archive: a path each was a tenth of a gigabyte). Not kept in the
    /// check cache, whose records are found again under this build's.
    #[serde(skip, default = "no_root")]
    pub root: Arc<Path>,
    /// An article's body follows its front matter; an event's or site's
    /// text is the whole file.
    pub after_front_matter: bool,
    /// [`fingerprint`] of the file as it was checked.
    pub checked: [u8; 16],
}

/// What identifies a file's bytes: the first half of their SHA-256.
pub fn fingerprint(bytes: &[u8]) -> [u8; 16] {
    fingerprint_of(Sha256::new_with_prefix(bytes))
}

/// [`fingerprint`] of the bytes `hash` was fed, in pieces.
pub fn fingerprint_of(hash: Sha256) -> [u8; 16] {
    let mut first = [0; 16];
    first.copy_from_slice(&hash.finalize()[..16]);
    first
}

impl Body {
    /// The blocks, parsed again from the file when not held.
    pub fn blocks(&self, media: &MediaLibrary) -> Result<Cow<'_, [Block]>, String> {
        match self {
            Body::Parsed(blocks) => Ok(Cow::Borrowed(blocks)),
            Body::InFile(file) => file.parse(media).map(Cow::Owned),
        }
    }

    /// A fingerprint of what the blocks are made from: the checked file's,
    /// or the held blocks' own. (Blocks also depend on the media, which
    /// recipes cover separately.)
    pub fn identity(&self) -> Result<[u8; 16], String> {
        match self {
            Body::InFile(file) => Ok(file.checked),
            Body::Parsed(blocks) => serde_json::to_vec(blocks)
                .map(|bytes| fingerprint(&bytes))
                .map_err(|error| format!("a body: {error}")),
        }
    }

    /// This body as a handle to `file` when there is one (the blocks are
    /// dropped), else as it is.
    pub fn kept_in(self, file: Option<BodyFile>) -> Body {
        match file {
            Some(file) => Body::InFile(file),
            None => self,
        }
    }
}

fn no_root() -> Arc<Path> {
    Arc::from(Path::new(""))
}

impl BodyFile {
    /// The file on disk.
    pub fn location(&self) -> PathBuf {
        self.root.join(&*self.path)
    }

    fn parse(&self, media: &MediaLibrary) -> Result<Vec<Block>, String> {
        let changed = |reason: String| {
            format!(
                "content/{}: {reason}; was it changed during the build? Run it again",
                self.path
            )
        };
        let bytes = fs::read(self.location()).map_err(|error| changed(error.to_string()))?;
        if fingerprint(&bytes) != self.checked {
            return Err(changed("the file is not what was checked".into()));
        }
        let text = String::from_utf8(bytes).map_err(|_| changed("not UTF-8 text".into()))?;
        let (body, first_line) = if self.after_front_matter {
            let sections = front_matter::split(&text).map_err(|error| changed(error.reason))?;
            (sections.body, sections.body_first_line)
        } else {
            (text.as_str(), 1)
        };
        let (blocks, errors) = markdown::parse_body(body, first_line, media);
        match errors.first() {
            None => Ok(blocks),
            Some(error) => Err(changed(format!("line {}: {}", error.line, error.reason))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_in_a_file_reads_as_it_was_checked_and_a_changed_file_stops_the_build() {
        let dir = tempfile::tempdir().unwrap();
        let media = MediaLibrary::default();
        fs::create_dir_all(dir.path().join("news/a")).unwrap();
        let article_text = "+++\ntitle = \"T\"\n+++\n\nFirst *words*.\n";
        fs::write(dir.path().join("news/a/en.md"), article_text).unwrap();
        let (expected, errors) = markdown::parse_body("\nFirst *words*.\n", 4, &media);
        assert!(errors.is_empty());
        let root: Arc<Path> = Arc::from(dir.path());
        let handle = |path: &str, after_front_matter, text: &str| {
            Body::Parsed(Vec::new()).kept_in(Some(BodyFile {
                path: path.into(),
                root: Arc::clone(&root),
                after_front_matter,
                checked: fingerprint(text.as_bytes()),
            }))
        };
        let body = handle("news/a/en.md", true, article_text);
        assert_eq!(body.blocks(&media).unwrap().as_ref(), expected.as_slice());

        let text = dir.path().join("news/a/ru.md");
        fs::write(&text, "First *words*.\n").unwrap();
        let checked = "First *words*.\n";
        assert_eq!(
            handle("news/a/ru.md", false, checked)
                .blocks(&media)
                .unwrap()
                .as_ref(),
            expected.as_slice()
        );

        // Edited after it was checked, even into valid Markdown: refused.
        fs::write(&text, "Other words.\n").unwrap();
        let error = handle("news/a/ru.md", false, checked)
            .blocks(&media)
            .unwrap_err();
        assert!(error.contains("not what was checked"), "{error}");

        fs::remove_file(&text).unwrap();
        let error = handle("news/a/ru.md", false, checked)
            .blocks(&media)
            .unwrap_err();
        assert!(error.starts_with("content/news/a/ru.md: "), "{error}");
        assert!(error.contains("changed during the build"), "{error}");

        let held = Body::Parsed(expected.clone()).kept_in(None);
        assert_eq!(held.blocks(&media).unwrap().as_ref(), expected.as_slice());
    }
}
