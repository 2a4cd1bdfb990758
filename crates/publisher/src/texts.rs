//! Short texts written once per language in a content file (`[title]` with
//! `en`, `ru`, `be`), shared by events and sites: every language is
//! required and non-empty, optionally within a length limit.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;

use portal_contract::Lang;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::LineError;

/// A short text in every language, kept as one block (English, Russian,
/// Belarusian one after another): every event and site holds seven to ten
/// of these for the whole build, 290,000 items in proportion to a
/// 100,000-article archive, and one allocation instead of three strings
/// saves their headers and the allocator's share of each. Texts that
/// recur (a venue's name and address, a drawing's alt text) are shared,
/// not held once per event (see [`Texts::new`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Texts {
    all: Arc<str>,
    /// Where the Russian and the Belarusian texts start in `all`.
    ru: u32,
    be: u32,
}

thread_local! {
    /// The texts made on this thread, for sharing (see [`Texts::new`]).
    /// `None` outside [`sharing`].
    static MADE: RefCell<Option<HashSet<Arc<str>>>> = const { RefCell::new(None) };
}

/// Runs `work`, sharing equal [`Texts`] made on this thread meanwhile;
/// the texts made are let go at the end (the items keep theirs).
pub fn sharing<R>(work: impl FnOnce() -> R) -> R {
    let outer = MADE.with(|made| made.replace(Some(HashSet::new())));
    let result = work();
    MADE.with(|made| made.replace(outer));
    result
}

impl Texts {
    /// The texts, shared with an equal one made earlier on this thread
    /// inside [`sharing`] when there is one.
    pub fn new(en: &str, ru: &str, be: &str) -> Self {
        let mut all = String::with_capacity(en.len() + ru.len() + be.len());
        for text in [en, ru, be] {
            all.push_str(text);
        }
        // Texts of a content file are far below 4 GB (the file is read
        // whole); saturating keeps this total all the same.
        let at = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        Self {
            ru: at(en.len()),
            be: at(en.len() + ru.len()),
            all: shared(all),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        let (ru, be) = (self.ru as usize, self.be as usize);
        let range = match lang {
            Lang::En => 0..ru,
            Lang::Ru => ru..be,
            Lang::Be => be..self.all.len(),
        };
        self.all.get(range).unwrap_or("")
    }
}

/// `all`, or an equal text made earlier on this thread inside
/// [`sharing`].
fn shared(all: String) -> Arc<str> {
    MADE.with(|made| {
        let mut made = made.borrow_mut();
        let Some(made) = made.as_mut() else {
            return Arc::from(all);
        };
        match made.get(all.as_str()) {
            Some(shared) => Arc::clone(shared),
            None => {
                let new: Arc<str> = Arc::from(all);
                made.insert(Arc::clone(&new));
                new
            }
        }
    })
}

/// Kept between builds (see [`crate::folder_cache`]) as the block and
/// where the Russian and Belarusian texts start in it.
impl Serialize for Texts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (&*self.all, self.ru, self.be).serialize(serializer)
    }
}

/// Read back shared as [`Texts::new`] shares (inside [`sharing`]); starts
/// that are not in order or not between characters are refused.
impl<'de> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (all, ru, be) = <(String, u32, u32)>::deserialize(deserializer)?;
        let fits = |at: u32| all.is_char_boundary(at as usize);
        if ru > be || !fits(ru) || !fits(be) {
            return Err(D::Error::custom("texts cut in the wrong places"));
        }
        Ok(Self {
            all: shared(all),
            ru,
            be,
        })
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
    let mut out = [""; 3];
    for ((lang, value), slot) in [
        (Lang::En, &raw.en),
        (Lang::Ru, &raw.ru),
        (Lang::Be, &raw.be),
    ]
    .into_iter()
    .zip(&mut out)
    {
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
        *slot = value;
    }
    Texts::new(out[0], out[1], out[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_is_given_back_as_it_was_kept() {
        let texts = Texts::new("Minsk", "Минск", "Мінск");
        assert_eq!(
            Lang::ALL.map(|lang| texts.get(lang)),
            ["Minsk", "Минск", "Мінск"]
        );
        let sparse = Texts::new("", "ў", "");
        assert_eq!(Lang::ALL.map(|lang| sparse.get(lang)), ["", "ў", ""]);
        assert_eq!(Texts::default().get(Lang::Be), "");
        assert_ne!(Texts::new("ab", "c", ""), Texts::new("a", "bc", ""));
        // Equal texts made while sharing are one block, else two.
        let (first, again) = sharing(|| {
            (
                Texts::new("Minsk", "Минск", "Мінск"),
                Texts::new("Minsk", "Минск", "Мінск"),
            )
        });
        assert!(Arc::ptr_eq(&again.all, &first.all));
        let apart = Texts::new("Minsk", "Минск", "Мінск");
        assert_eq!(apart, first);
        assert!(!Arc::ptr_eq(&apart.all, &first.all));
    }

    #[test]
    fn read_texts_trims_and_reports_each_language() {
        let raw = RawTexts {
            en: Some(" Brest ".into()),
            ru: Some("Брест".into()),
            be: Some("  ".into()),
        };
        let mut errors = Vec::new();
        let texts = read_texts("title", &raw, 3, Some(4), &mut errors);
        assert_eq!(
            Lang::ALL.map(|lang| texts.get(lang)),
            ["Brest", "Брест", ""]
        );
        let messages: Vec<String> = errors.iter().map(|e| format!("{e:?}")).collect();
        assert_eq!(errors.len(), 3, "{messages:?}");
    }
}
