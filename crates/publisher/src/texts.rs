//! Short texts written once per language in a content file (`[title]` with
//! `en`, `ru`, `be`), shared by events and sites: every language is
//! required and non-empty, optionally within a length limit.

use portal_contract::Lang;
use serde::Deserialize;

use crate::error::LineError;

/// A short text in every language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Texts {
    pub en: String,
    pub ru: String,
    pub be: String,
}

impl Texts {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Be => &self.be,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTexts {
    pub en: Option<String>,
    pub ru: Option<String>,
    pub be: Option<String>,
}

/// Reads a table of en/ru/be texts; each must be non-empty and, with a
/// limit, at most that many characters.
pub fn read_texts(
    field: &str,
    raw: &RawTexts,
    line: usize,
    limit: Option<usize>,
    errors: &mut Vec<LineError>,
) -> Texts {
    let mut out = Texts::default();
    for (lang, value, slot) in [
        (Lang::En, &raw.en, &mut out.en),
        (Lang::Ru, &raw.ru, &mut out.ru),
        (Lang::Be, &raw.be, &mut out.be),
    ] {
        let value = value.as_deref().map(str::trim).unwrap_or("");
        if value.is_empty() {
            errors.push(LineError::new(
                line,
                format!("`{field}` needs a non-empty {lang} text"),
            ));
        }
        if let Some(limit) = limit {
            let chars = value.chars().count();
            if chars > limit {
                errors.push(LineError::new(
                    line,
                    format!("`{field}` in {lang} is {chars} characters long; at most {limit} are allowed"),
                ));
            }
        }
        *slot = value.to_string();
    }
    out
}
