//! A site's `[access]` table: what visitors with a disability can count on.
//! Each feature is `true`, `false` or left out (not known), so the guide
//! never says "no" when nobody checked; `note` adds details in every
//! language.

use portal_contract::{AccessFacts, Lang};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::LineError;
use crate::texts::{read_texts, RawTexts, Texts};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAccess {
    step_free_entrance: Option<bool>,
    accessible_toilet: Option<bool>,
    disabled_parking: Option<bool>,
    assistance_on_request: Option<bool>,
    note: Option<RawTexts>,
}

/// The checked table, its note in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessDef {
    pub step_free_entrance: Option<bool>,
    pub accessible_toilet: Option<bool>,
    pub disabled_parking: Option<bool>,
    pub assistance_on_request: Option<bool>,
    pub note: Option<Texts>,
}

impl AccessDef {
    pub fn facts(&self, lang: Lang) -> AccessFacts {
        AccessFacts {
            step_free_entrance: self.step_free_entrance,
            accessible_toilet: self.accessible_toilet,
            disabled_parking: self.disabled_parking,
            assistance_on_request: self.assistance_on_request,
            note: self.note.as_ref().map(|note| note.get(lang).to_string()),
        }
    }
}

/// Checks `[access]`; `line` is the table's. An empty table says nothing
/// and is refused, so a forgotten fact is not published as "known".
pub fn read_access(
    raw: &Spanned<RawAccess>,
    line: usize,
    errors: &mut Vec<LineError>,
) -> AccessDef {
    let inner = raw.get_ref();
    let note = inner
        .note
        .as_ref()
        .map(|note| read_texts("access.note", note, line, None, errors));
    let def = AccessDef {
        step_free_entrance: inner.step_free_entrance,
        accessible_toilet: inner.accessible_toilet,
        disabled_parking: inner.disabled_parking,
        assistance_on_request: inner.assistance_on_request,
        note,
    };
    let facts = def.facts(Lang::En);
    if portal_contract::AccessFeature::ALL
        .iter()
        .all(|feature| facts.get(*feature).is_none())
    {
        errors.push(LineError::new(
            line,
            "[access] names none of step_free_entrance, accessible_toilet, disabled_parking, \
             assistance_on_request (true or false; leave out what is not known)",
        ));
    }
    def
}
