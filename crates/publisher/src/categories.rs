//! Named lists with a name in every language, in display order:
//! `content/categories.toml` (news categories), `event-categories.toml` and
//! `regions.toml`. All three share one shape: `[[category]]` or `[[region]]`
//! tables of `slug`, `en`, `ru`, `be`.

use portal_contract::slug::is_valid_slug;
use portal_contract::{CategoryRef, Lang};
use serde::Deserialize;
use toml::Spanned;

use crate::error::{line_of_offset, LineError};

/// The file name inside the content directory.
pub const CATEGORIES_FILE: &str = "categories.toml";
pub const EVENT_CATEGORIES_FILE: &str = "event-categories.toml";
pub const REGIONS_FILE: &str = "regions.toml";
pub const SITE_SECTIONS_FILE: &str = "site-sections.toml";

/// Which table a list file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Category,
    Region,
}

impl ListKind {
    fn key(self) -> &'static str {
        match self {
            ListKind::Category => "category",
            ListKind::Region => "region",
        }
    }
}

/// One category as defined by editors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryDef {
    pub slug: String,
    pub en: String,
    pub ru: String,
    pub be: String,
}

impl CategoryDef {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Be => &self.be,
        }
    }
}

/// All categories in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Categories {
    list: Vec<CategoryDef>,
}

impl Categories {
    pub fn get(&self, slug: &str) -> Option<&CategoryDef> {
        self.list.iter().find(|category| category.slug == slug)
    }

    /// The name in `lang` of the entry `slug`, or the slug when the list
    /// has no such entry (checked content always has it).
    pub fn name_in<'a>(&'a self, slug: &'a str, lang: Lang) -> &'a str {
        self.get(slug).map_or(slug, |entry| entry.name(lang))
    }

    /// The entry `slug` as a document names it in `lang`.
    pub fn named(&self, slug: &str, lang: Lang) -> CategoryRef {
        CategoryRef {
            slug: slug.to_string(),
            name: self.name_in(slug, lang).to_string(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &CategoryDef> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The slugs, for messages that list the choices.
    pub fn slugs(&self) -> String {
        self.list
            .iter()
            .map(|category| category.slug.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    category: Vec<Spanned<RawCategory>>,
    #[serde(default)]
    region: Vec<Spanned<RawCategory>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    slug: Spanned<String>,
    en: Spanned<String>,
    ru: Spanned<String>,
    be: Spanned<String>,
}

/// Parses and checks `categories.toml`. The categories that passed are
/// returned even when others did not, so articles can still be checked.
pub fn parse(text: &str) -> (Categories, Vec<LineError>) {
    parse_list(text, ListKind::Category)
}

/// Parses and checks a list file of the given kind.
pub fn parse_list(text: &str, kind: ListKind) -> (Categories, Vec<LineError>) {
    let what = kind.key();
    let line_at = |offset: usize| line_of_offset(text, offset);
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let line = error.span().map_or(1, |span| line_at(span.start));
            let message = error.message().trim_end().replace('\n', " ");
            return (Categories::default(), vec![LineError::new(line, message)]);
        }
    };
    let mut errors = Vec::new();
    let (entries, other) = match kind {
        ListKind::Category => (raw.category, raw.region),
        ListKind::Region => (raw.region, raw.category),
    };
    if let Some(stray) = other.first() {
        errors.push(LineError::new(
            line_at(stray.span().start),
            format!("this file holds [[{what}]] tables only"),
        ));
    }
    let mut list: Vec<CategoryDef> = Vec::new();
    // Includes slugs of entries refused for other reasons, so duplicates of
    // them are still caught.
    let mut seen: Vec<String> = Vec::new();
    for entry in entries {
        let entry = entry.into_inner();
        let slug_line = line_at(entry.slug.span().start);
        let slug = entry.slug.into_inner();
        let mut ok = true;
        if !is_valid_slug(&slug) {
            errors.push(LineError::new(
                slug_line,
                format!("{what} slug {slug:?} is not valid: use lowercase letters, digits and single hyphens"),
            ));
            ok = false;
        } else if seen.contains(&slug) {
            errors.push(LineError::new(
                slug_line,
                format!("duplicate {what} slug {slug:?}"),
            ));
            ok = false;
        } else {
            seen.push(slug.clone());
        }
        for (lang, name) in [
            (Lang::En, &entry.en),
            (Lang::Ru, &entry.ru),
            (Lang::Be, &entry.be),
        ] {
            if name.get_ref().trim().is_empty() {
                errors.push(LineError::new(
                    line_at(name.span().start),
                    format!("{what} {slug:?} has an empty {lang} name"),
                ));
                ok = false;
            }
        }
        if ok {
            list.push(CategoryDef {
                slug,
                en: entry.en.into_inner(),
                ru: entry.ru.into_inner(),
                be: entry.be.into_inner(),
            });
        }
    }
    if list.is_empty() && errors.is_empty() {
        let plural = match kind {
            ListKind::Category => "categories",
            ListKind::Region => "regions",
        };
        errors.push(LineError::new(
            1,
            format!("no {plural}: add at least one [[{what}]] with slug, en, ru and be"),
        ));
    }
    (Categories { list }, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"# comment
[[category]]
slug = "culture"
en = "Culture"
ru = "Культура"
be = "Культура"

[[category]]
slug = "sport"
en = "Sport"
ru = "Спорт"
be = "Спорт"
"#;

    #[test]
    fn keeps_file_order_and_names() {
        let (categories, errors) = parse(GOOD);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(categories.slugs(), "culture, sport");
        assert_eq!(categories.get("sport").unwrap().name(Lang::Ru), "Спорт");
        assert!(categories.get("news").is_none());
    }

    #[test]
    fn reports_bad_entries_with_lines() {
        let text = GOOD
            .replace("\"sport\"", "\"culture\"")
            .replace("ru = \"Культура\"", "ru = \"\"");
        let (categories, errors) = parse(&text);
        let got: Vec<_> = errors.iter().map(|e| (e.line, e.reason.as_str())).collect();
        assert_eq!(
            got,
            [
                (5, "category \"culture\" has an empty ru name"),
                (9, "duplicate category slug \"culture\"")
            ]
        );
        assert!(categories.is_empty());
        let (_, errors) = parse(&GOOD.replace("\"sport\"", "\"Sport\""));
        assert_eq!(errors[0].line, 9);
    }

    #[test]
    fn refuses_unknown_keys_missing_names_and_empty_files() {
        let (_, errors) = parse(&GOOD.replace("be = \"Спорт\"", "be = \"Спорт\"\nde = \"Sport\""));
        assert!(
            errors[0].reason.contains("unknown field `de`"),
            "{errors:?}"
        );
        assert_eq!(errors[0].line, 13);
        let (_, errors) = parse(&GOOD.replace("be = \"Спорт\"\n", ""));
        assert!(
            errors[0].reason.contains("missing field `be`"),
            "{errors:?}"
        );
        let (_, errors) = parse("# nothing yet\n");
        assert!(errors[0].reason.starts_with("no categories"));
    }

    #[test]
    fn regions_use_their_own_table() {
        let regions = GOOD.replace("[[category]]", "[[region]]");
        let (list, errors) = parse_list(&regions, ListKind::Region);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(list.slugs(), "culture, sport");
        let (_, errors) = parse_list(GOOD, ListKind::Region);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].reason, "this file holds [[region]] tables only");
        let (_, errors) = parse_list("", ListKind::Region);
        assert!(errors[0].reason.starts_with("no regions"));
    }
}
