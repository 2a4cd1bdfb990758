//! What events and sites share: a folder of facts (`event.toml`,
//! `site.toml`) plus Markdown texts per language. Parsing the texts, reading
//! the facts file and picking a language's text (English as the fallback)
//! happen once, here.

use std::path::Path;
use std::sync::Arc;

use portal_contract::Lang;
use serde::de::DeserializeOwned;

use crate::body::{fingerprint, Body, BodyFile};
use crate::error::{line_of_offset, LineError};
use crate::markdown;
use crate::media::MediaLibrary;
use crate::tree_manifest::{Hash, Recipe};

/// A folder of facts plus Markdown per language (an event, a site), read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderSource {
    pub slug: String,
    /// `{dir}/{slug}/{facts file}`, relative to the content directory.
    pub path: String,
    pub toml: String,
    /// Each Markdown file present, in `Lang::ALL` order.
    pub bodies: Vec<FolderText>,
}

/// One language's Markdown file of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderText {
    pub lang: Lang,
    /// Relative to the content directory.
    pub path: String,
    /// The content directory it was read from, so with `path` where it
    /// is on disk (`None` for content made in memory).
    pub root: Option<Arc<Path>>,
    pub text: String,
}

/// Texts by language; English is there whenever the folder passed its checks.
/// Checked, then kept as a handle to their file (see [`crate::body`]).
pub type Bodies = Vec<(Lang, Body)>;

impl FolderSource {
    /// Parses every Markdown file of the folder; errors carry their file.
    /// `what` names the text in the message for an empty file.
    pub fn parse_bodies(
        &self,
        media: &MediaLibrary,
        what: &str,
    ) -> (Bodies, Vec<(String, LineError)>) {
        let mut errors = Vec::new();
        let mut bodies = Vec::new();
        for text in &self.bodies {
            let path = &text.path;
            let (blocks, body_errors) = markdown::parse_body(&text.text, 1, media);
            errors.extend(body_errors.into_iter().map(|e| (path.clone(), e)));
            if blocks.is_empty() {
                errors.push((
                    path.clone(),
                    LineError::new(1, format!("the {what} is empty")),
                ));
            }
            let file = text.root.clone().map(|root| BodyFile {
                path: path.as_str().into(),
                root,
                after_front_matter: false,
                checked: fingerprint(text.text.as_bytes()),
            });
            bodies.push((text.lang, Body::Parsed(blocks).kept_in(file)));
        }
        (bodies, errors)
    }

    /// A fingerprint of the folder's files as they were checked: the facts
    /// file, and each text with its language (`bodies` as
    /// [`FolderSource::parse_bodies`] made them, one per text: a text kept
    /// in its file carries its fingerprint already, not worked out again).
    /// Everything an event's or a site's documents take from its folder:
    /// their recipes start from it (see [`crate::item_recipes`]).
    pub fn print(&self, bodies: &Bodies) -> Hash {
        debug_assert_eq!(self.bodies.len(), bodies.len(), "a body per text");
        let mut recipe = Recipe::new("folder");
        recipe.add(self.toml.as_bytes());
        for (text, (_, body)) in self.bodies.iter().zip(bodies) {
            let print = match body {
                Body::InFile(file) => file.checked,
                Body::Parsed(_) => fingerprint(text.text.as_bytes()),
            };
            recipe.add(text.lang.code().as_bytes()).add(&print);
        }
        recipe.finish()
    }

    /// Reads the facts file as `T`; a TOML error is reported at its line.
    pub fn read_facts<T: DeserializeOwned>(&self) -> Result<T, LineError> {
        toml::from_str(&self.toml).map_err(|error| {
            let line = error
                .span()
                .map_or(1, |span| line_of_offset(&self.toml, span.start));
            LineError::new(line, error.message().trim_end().replace('\n', " "))
        })
    }
}

/// Reports, at line 1 of the facts file, each required field or table
/// that is absent: `(name, present)`.
pub fn report_missing(fields: &[(&str, bool)], errors: &mut Vec<LineError>) {
    for (field, present) in fields {
        if !present {
            errors.push(LineError::new(
                1,
                format!("missing required field `{field}`"),
            ));
        }
    }
}

/// Every folder needs its English text (the fallback of the others):
/// reports `missing {what}: add {dir}/{slug}/en.md` when it is not there.
pub fn require_english(bodies: &Bodies, what: &str, folder: &str, errors: &mut Vec<LineError>) {
    if !bodies.iter().any(|(lang, _)| *lang == Lang::En) {
        errors.push(LineError::new(
            1,
            format!("missing {what}: add {folder}/en.md"),
        ));
    }
}

/// The text in `lang`, or the English one, with the language it is in.
pub fn body_in(bodies: &Bodies, lang: Lang) -> (Lang, &Body) {
    const NONE: &Body = &Body::Parsed(Vec::new());
    let find = |want: Lang| {
        bodies
            .iter()
            .find(|(l, _)| *l == want)
            .map(|(l, b)| (*l, b))
    };
    find(lang)
        .or_else(|| find(Lang::En))
        .unwrap_or((Lang::En, NONE))
}
