//! `content/categories.toml`: the news categories, in display order, with a
//! name in every language.

use portal_contract::slug::is_valid_slug;
use portal_contract::Lang;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{line_of_offset, LineError};

/// The file name inside the content directory.
pub const CATEGORIES_FILE: &str = "categories.toml";

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
    let mut list: Vec<CategoryDef> = Vec::new();
    // Includes slugs of entries refused for other reasons, so duplicates of
    // them are still caught.
    let mut seen: Vec<String> = Vec::new();
    for entry in raw.category {
        let entry = entry.into_inner();
        let slug_line = line_at(entry.slug.span().start);
        let slug = entry.slug.into_inner();
        let mut ok = true;
        if !is_valid_slug(&slug) {
            errors.push(LineError::new(
                slug_line,
                format!("category slug {slug:?} is not valid: use lowercase letters, digits and single hyphens"),
            ));
            ok = false;
        } else if seen.contains(&slug) {
            errors.push(LineError::new(
                slug_line,
                format!("duplicate category slug {slug:?}"),
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
                    format!("category {slug:?} has an empty {lang} name"),
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
        errors.push(LineError::new(
            1,
            "no categories: add at least one [[category]] with slug, en, ru and be",
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
}
