//! What events and sites share: a folder of facts (`event.toml`,
//! `site.toml`) plus Markdown texts per language. Parsing the texts, reading
//! the facts file and picking a language's text (English as the fallback)
//! happen once, here.

use portal_contract::{Block, Lang};
use serde::de::DeserializeOwned;

use crate::error::{line_of_offset, LineError};
use crate::markdown;
use crate::media::MediaLibrary;
use crate::sources::FolderSource;

/// Texts by language; English is there whenever the folder passed its checks.
pub type Bodies = Vec<(Lang, Vec<Block>)>;

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
        for (lang, path, text) in &self.bodies {
            let (blocks, body_errors) = markdown::parse_body(text, 1, media);
            errors.extend(body_errors.into_iter().map(|e| (path.clone(), e)));
            if blocks.is_empty() {
                errors.push((
                    path.clone(),
                    LineError::new(1, format!("the {what} is empty")),
                ));
            }
            bodies.push((*lang, blocks));
        }
        (bodies, errors)
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

/// The text in `lang`, or the English one, with the language it is in.
pub fn body_in(bodies: &Bodies, lang: Lang) -> (Lang, &[Block]) {
    let find = |want: Lang| {
        bodies
            .iter()
            .find(|(l, _)| *l == want)
            .map(|(l, b)| (*l, b.as_slice()))
    };
    find(lang)
        .or_else(|| find(Lang::En))
        .unwrap_or((Lang::En, &[]))
}
