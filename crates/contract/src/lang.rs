//! The languages readers can choose.

use serde::{Deserialize, Serialize};

/// A reader language. The code is the first segment of every app URL and of
/// every API path (`/en/news`, `api/v1/ru/news/page/1.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ru,
    Be,
}

impl Lang {
    /// Every language, English first: English is the fallback and the
    /// language every article exists in.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Be];

    /// The Open Graph locale of pages in this language (`og:locale`).
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::En => "en_GB",
            Lang::Ru => "ru_BY",
            Lang::Be => "be_BY",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Be => "be",
        }
    }

    /// Parses an exact lowercase code as found in URLs and paths.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// Picks the reader's language from browser language tags in order of
    /// preference (`navigator.languages`): the first tag whose primary
    /// subtag is one of ours wins; English when none is.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .filter_map(|tag| {
                let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
                Lang::from_code(&primary)
            })
            .next()
            .unwrap_or(Lang::En)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("EN"), None);
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn negotiation_takes_first_supported_primary_subtag() {
        assert_eq!(Lang::negotiate(["de-DE", "be-BY", "ru"]), Lang::Be);
        assert_eq!(Lang::negotiate(["RU_ru"]), Lang::Ru);
        assert_eq!(Lang::negotiate(["en-GB"]), Lang::En);
        assert_eq!(Lang::negotiate(["fr", "de"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
        assert_eq!(Lang::negotiate(["", "-"]), Lang::En);
    }
}
