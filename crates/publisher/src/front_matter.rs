//! The TOML front matter of an article file: splitting it from the body and
//! checking the fields that need nothing but the file itself. Checks against
//! other files (categories, media, translations) happen in `article` and
//! `build`.

use portal_contract::Timestamp;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{line_of_offset, LineError};

/// Longest lead, in characters: it has to fit under a card title.
pub const MAX_LEAD_CHARS: usize = 300;

/// The two parts of an article file and where each starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sections<'a> {
    /// The TOML between the `+++` lines.
    pub toml: &'a str,
    /// The file line of the first TOML line.
    pub toml_first_line: usize,
    /// The Markdown after the closing `+++` line.
    pub body: &'a str,
    /// The file line of the first body line.
    pub body_first_line: usize,
}

const FENCE: &str = "+++";

/// Splits `+++ … +++` front matter from the body.
pub fn split(text: &str) -> Result<Sections<'_>, LineError> {
    // Editors on some systems save a byte-order mark; it is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != FENCE {
        return Err(LineError::new(
            1,
            "the file must start with a `+++` line opening the TOML front matter",
        ));
    }
    let toml_start = first.len();
    let mut offset = toml_start;
    for (index, line) in lines.enumerate() {
        if line.trim_end() == FENCE {
            let closing_line = index + 2;
            return Ok(Sections {
                toml: &text[toml_start..offset],
                toml_first_line: 2,
                body: &text[offset + line.len()..],
                body_first_line: closing_line + 1,
            });
        }
        offset += line.len();
    }
    Err(LineError::new(
        1,
        "the front matter is not closed: add a `+++` line after it",
    ))
}

/// A value with the file line it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located<T> {
    pub value: T,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hero {
    pub src: Located<String>,
    pub alt: Located<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// The front matter of one article file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontMatter {
    pub title: Located<String>,
    pub lead: Located<String>,
    pub category: Located<String>,
    pub published: Located<Timestamp>,
    pub updated: Option<Located<Timestamp>>,
    pub tags: Vec<String>,
    pub hero: Hero,
}

/// Every field is optional here so that all missing ones are reported
/// together, with our own wording, instead of serde stopping at the first.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Option<Spanned<String>>,
    lead: Option<Spanned<String>>,
    category: Option<Spanned<String>>,
    published: Option<Spanned<String>>,
    updated: Option<Spanned<String>>,
    tags: Option<Vec<Spanned<String>>>,
    hero: Option<Spanned<RawHero>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHero {
    src: Option<Spanned<String>>,
    alt: Option<Spanned<String>>,
    caption: Option<Spanned<String>>,
    credit: Option<Spanned<String>>,
}

/// The front matter (when its required fields are present and readable) and
/// every problem found. A front matter with problems is still returned when
/// possible so that later checks can report theirs too.
#[derive(Debug, Default)]
pub struct Parsed {
    pub front_matter: Option<FrontMatter>,
    pub errors: Vec<LineError>,
}

/// Parses and checks the TOML of `sections`.
pub fn parse(sections: &Sections<'_>) -> Parsed {
    let toml_text = sections.toml;
    let line_at = |offset: usize| sections.toml_first_line + line_of_offset(toml_text, offset) - 1;
    // Problems with the whole front matter point at its opening line.
    let opening_line = sections.toml_first_line - 1;

    let raw: RawFrontMatter = match toml::from_str(toml_text) {
        Ok(raw) => raw,
        Err(error) => {
            let line = error
                .span()
                .map_or(opening_line, |span| line_at(span.start));
            let message = error.message().trim_end().replace('\n', " ");
            return Parsed {
                front_matter: None,
                errors: vec![LineError::new(line, format!("front matter: {message}"))],
            };
        }
    };

    let mut errors = Vec::new();
    let located = |spanned: Spanned<String>| Located {
        line: line_at(spanned.span().start),
        value: spanned.into_inner(),
    };
    let mut required = |field: &str, value: Option<Spanned<String>>, line: usize| {
        let value = value.map(located);
        if value.is_none() {
            errors.push(LineError::new(
                line,
                format!("front matter: missing required field `{field}`"),
            ));
        }
        value
    };

    let title = required("title", raw.title, opening_line);
    let lead = required("lead", raw.lead, opening_line);
    let category = required("category", raw.category, opening_line);
    let published = required("published", raw.published, opening_line);
    let (hero_src, hero_alt, caption, credit) = match raw.hero {
        None => {
            errors.push(LineError::new(
                opening_line,
                "front matter: missing required table `[hero]` (with `src` and `alt`)",
            ));
            (None, None, None, None)
        }
        Some(hero) => {
            let hero_line = line_at(hero.span().start);
            let hero = hero.into_inner();
            let src = required("hero.src", hero.src, hero_line);
            let alt = required("hero.alt", hero.alt, hero_line);
            let caption = hero.caption.map(located);
            let credit = hero.credit.map(located);
            (src, alt, caption, credit)
        }
    };
    let updated = raw.updated.map(located);

    for field in [&title, &lead].into_iter().flatten() {
        if field.value.trim().is_empty() {
            errors.push(LineError::new(
                field.line,
                "front matter: must not be empty",
            ));
        }
    }
    if let Some(lead) = &lead {
        let chars = lead.value.chars().count();
        if chars > MAX_LEAD_CHARS {
            errors.push(LineError::new(
                lead.line,
                format!("front matter: `lead` is {chars} characters long; at most {MAX_LEAD_CHARS} are allowed"),
            ));
        }
    }
    if let Some(alt) = &hero_alt {
        if alt.value.trim().is_empty() {
            errors.push(LineError::new(
                alt.line,
                "front matter: `hero.alt` must describe the image; it is empty",
            ));
        }
    }
    for optional in [&caption, &credit].into_iter().flatten() {
        if optional.value.trim().is_empty() {
            errors.push(LineError::new(
                optional.line,
                "front matter: leave out an optional field rather than leave it empty",
            ));
        }
    }
    let mut tags = Vec::new();
    for tag in raw.tags.unwrap_or_default() {
        let tag = located(tag);
        if tag.value.trim().is_empty() {
            errors.push(LineError::new(tag.line, "front matter: a tag is empty"));
        } else {
            tags.push(tag.value);
        }
    }

    let mut timestamp = |field: &str, text: Located<String>| match Timestamp::parse(&text.value) {
        Ok(value) => Some(Located {
            value,
            line: text.line,
        }),
        Err(error) => {
            errors.push(LineError::new(
                text.line,
                format!("front matter: `{field}` is not an RFC 3339 date with an offset ({error}); write e.g. 2026-10-14T09:30:00+03:00"),
            ));
            None
        }
    };
    let published = published.and_then(|text| timestamp("published", text));
    // A present but malformed `updated` makes the front matter unusable, like
    // a malformed `published`.
    let (updated, updated_ok) = match updated {
        None => (None, true),
        Some(text) => {
            let parsed = timestamp("updated", text);
            let ok = parsed.is_some();
            (parsed, ok)
        }
    };
    if let (Some(published), Some(updated)) = (&published, &updated) {
        if updated.value.unix_seconds() < published.value.unix_seconds() {
            errors.push(LineError::new(
                updated.line,
                format!(
                    "front matter: `updated` ({}) is earlier than `published` ({})",
                    updated.value, published.value
                ),
            ));
        }
    }

    let front_matter = match (title, lead, category, published, hero_src, hero_alt) {
        (Some(title), Some(lead), Some(category), Some(published), Some(src), Some(alt))
            if updated_ok =>
        {
            Some(FrontMatter {
                title,
                lead,
                category,
                published,
                updated,
                tags,
                hero: Hero {
                    src,
                    alt,
                    caption: caption.map(|c| c.value),
                    credit: credit.map(|c| c.value),
                },
            })
        }
        _ => None,
    };
    Parsed {
        front_matter,
        errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"+++
title = "Mir Castle opens its east wing"
lead = "A short lead."
category = "culture"
published = "2026-10-14T09:30:00+03:00"
updated = "2026-10-15T12:00:00+03:00"
tags = ["Mir", "heritage"]

[hero]
src = "media/castle-mir.svg"
alt = "A castle"
caption = "Mir Castle."
+++

Body text.
"#;

    fn parse_text(text: &str) -> Parsed {
        parse(&split(text).unwrap())
    }

    fn reasons(parsed: &Parsed) -> Vec<String> {
        parsed
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.line, e.reason))
            .collect()
    }

    #[test]
    fn splits_front_matter_from_body() {
        let sections = split(GOOD).unwrap();
        assert!(sections.toml.starts_with("title = "));
        assert!(sections.toml.ends_with("caption = \"Mir Castle.\"\n"));
        assert_eq!(sections.body, "\nBody text.\n");
        assert_eq!(sections.toml_first_line, 2);
        assert_eq!(sections.body_first_line, 14);
    }

    #[test]
    fn split_handles_crlf_and_bom() {
        let sections = split("\u{feff}+++\r\ntitle = \"x\"\r\n+++\r\nBody").unwrap();
        assert_eq!(sections.toml, "title = \"x\"\r\n");
        assert_eq!(sections.body, "Body");
        assert_eq!(sections.body_first_line, 4);
    }

    #[test]
    fn split_requires_both_fences() {
        assert_eq!(split("title = 1\n").unwrap_err().line, 1);
        let err = split("+++\ntitle = \"x\"\n").unwrap_err();
        assert!(err.reason.contains("not closed"), "{}", err.reason);
    }

    #[test]
    fn parses_a_good_front_matter_with_lines() {
        let parsed = parse_text(GOOD);
        assert!(parsed.errors.is_empty(), "{:?}", reasons(&parsed));
        let fm = parsed.front_matter.unwrap();
        assert_eq!(fm.title.value, "Mir Castle opens its east wing");
        assert_eq!(fm.title.line, 2);
        assert_eq!(fm.category.line, 4);
        assert_eq!(fm.published.value.day, 14);
        assert_eq!(fm.updated.unwrap().value.day, 15);
        assert_eq!(fm.tags, ["Mir", "heritage"]);
        assert_eq!(fm.hero.src.value, "media/castle-mir.svg");
        assert_eq!(fm.hero.src.line, 10);
        assert_eq!(fm.hero.caption.as_deref(), Some("Mir Castle."));
        assert_eq!(fm.hero.credit, None);
    }

    #[test]
    fn reports_every_missing_field() {
        let parsed = parse_text("+++\ntitle = \"T\"\n[hero]\nsrc = \"media/a.svg\"\n+++\nx");
        assert!(parsed.front_matter.is_none());
        assert_eq!(
            reasons(&parsed),
            [
                "1: front matter: missing required field `lead`",
                "1: front matter: missing required field `category`",
                "1: front matter: missing required field `published`",
                "3: front matter: missing required field `hero.alt`",
            ]
        );
        let parsed = parse_text("+++\ntitle = \"T\"\n+++\nx");
        assert!(reasons(&parsed).iter().any(
            |r| r == "1: front matter: missing required table `[hero]` (with `src` and `alt`)"
        ));
    }

    #[test]
    fn unknown_fields_are_refused_with_their_line() {
        let text = GOOD.replace("tags =", "author = \"me\"\ntags =");
        let parsed = parse_text(&text);
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].line, 7);
        assert!(parsed.errors[0].reason.contains("unknown field `author`"));
        let text = GOOD.replace("caption =", "width = 3\ncaption =");
        let parsed = parse_text(&text);
        assert!(parsed.errors[0].reason.contains("unknown field `width`"));
        assert_eq!(parsed.errors[0].line, 12);
    }

    #[test]
    fn toml_syntax_errors_have_lines() {
        let parsed = parse_text("+++\ntitle = \"T\"\nlead = oops\n+++\n");
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].line, 3);
        let parsed = parse_text("+++\ntitle = 5\n+++\n");
        assert_eq!(parsed.errors[0].line, 2);
    }

    #[test]
    fn empty_and_overlong_text_is_refused() {
        let long = "x".repeat(301);
        let text = GOOD
            .replace("Mir Castle opens its east wing", " ")
            .replace("A short lead.", &long)
            .replace("A castle", "");
        let parsed = parse_text(&text);
        assert_eq!(
            reasons(&parsed),
            [
                "2: front matter: must not be empty",
                "3: front matter: `lead` is 301 characters long; at most 300 are allowed",
                "11: front matter: `hero.alt` must describe the image; it is empty",
            ]
        );
        // Still usable for the checks that come later.
        assert!(parsed.front_matter.is_some());
        // 300 Cyrillic characters are fine (counted as characters, not bytes).
        let text = GOOD.replace("A short lead.", &"ў".repeat(300));
        assert!(parse_text(&text).errors.is_empty());
    }

    #[test]
    fn bad_dates_and_order() {
        let text = GOOD.replace("2026-10-14T09:30:00+03:00", "2026-10-14 09:30");
        let parsed = parse_text(&text);
        assert!(parsed.front_matter.is_none());
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].line, 5);
        assert!(parsed.errors[0]
            .reason
            .contains("`published` is not an RFC 3339 date"));

        let text = GOOD.replace("2026-10-15T12:00:00+03:00", "2026-10-14T09:00:00+03:00");
        let parsed = parse_text(&text);
        assert_eq!(
            reasons(&parsed),
            ["6: front matter: `updated` (2026-10-14T09:00:00+03:00) is earlier than `published` (2026-10-14T09:30:00+03:00)"]
        );
        // Same instant in another offset is not earlier.
        let text = GOOD.replace("2026-10-15T12:00:00+03:00", "2026-10-14T06:30:00Z");
        assert!(parse_text(&text).errors.is_empty());
    }

    #[test]
    fn empty_tags_are_refused() {
        let text = GOOD.replace(r#"["Mir", "heritage"]"#, r#"["Mir", " "]"#);
        assert_eq!(
            reasons(&parse_text(&text)),
            ["7: front matter: a tag is empty"]
        );
    }
}
