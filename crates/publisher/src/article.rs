//! One article file checked on its own: front matter, category, hero image
//! and body. Checks between files (translations) are in `build`.

use portal_contract::{Image, Lang};

use crate::body::Body;
use crate::categories::Categories;
use crate::error::LineError;
use crate::front_matter::{self, FrontMatter};
use crate::markdown;
use crate::media::{Lookup, MediaLibrary};
use crate::sources::SourceFile;

/// An article file whose front matter could be read. It may still have had
/// problems (they are returned beside it); it is only published when the
/// whole build has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedArticle {
    pub slug: String,
    pub lang: Lang,
    pub path: String,
    pub front_matter: FrontMatter,
    /// Checked; a handle to the file once the build keeps it (see
    /// [`crate::body`]).
    pub body: Body,
}

/// Checks one article file against the categories and media.
pub fn parse_article(
    file: &SourceFile,
    categories: &Categories,
    media: &MediaLibrary,
) -> (Option<ParsedArticle>, Vec<LineError>) {
    let sections = match front_matter::split(&file.text) {
        Ok(sections) => sections,
        Err(error) => return (None, vec![error]),
    };
    let parsed = front_matter::parse(&sections);
    let mut errors = parsed.errors;
    // The body is checked even when the front matter is unusable, so one run
    // shows every problem in the file.
    let (body, body_errors) = markdown::parse_body(sections.body, sections.body_first_line, media);
    errors.extend(body_errors);

    let Some(front_matter) = parsed.front_matter else {
        return (None, errors);
    };
    let category = &front_matter.category;
    if categories.get(&category.value).is_none() && !categories.is_empty() {
        errors.push(LineError::new(
            category.line,
            format!(
                "front matter: unknown category {:?}; categories.toml defines: {}",
                category.value,
                categories.slugs()
            ),
        ));
    }
    let (_, hero_error) = hero_image(&front_matter, media);
    errors.extend(hero_error);
    let article = ParsedArticle {
        slug: file.slug.clone(),
        lang: file.lang,
        path: file.path.clone(),
        front_matter,
        body: Body::Parsed(body),
    };
    (Some(article), errors)
}

impl ParsedArticle {
    /// The hero image with its size and, for a photograph, its renditions.
    /// Made when asked, not held: its texts are the front matter's, and
    /// 166,000 copies of them (with each photograph's renditions) were
    /// memory for the whole of a 100,000-article build.
    pub fn hero(&self, media: &MediaLibrary) -> Image {
        hero_image(&self.front_matter, media).0
    }
}

/// The hero image of `front_matter` with its size from `media`, and the
/// problem with its `src` if there is one.
pub fn hero_image(front_matter: &FrontMatter, media: &MediaLibrary) -> (Image, Option<LineError>) {
    let hero_src = &front_matter.hero.src;
    let mut error = None;
    let (width, height) = match media.lookup(&hero_src.value) {
        Lookup::Found(size) => (size.width, size.height),
        Lookup::Broken => (0, 0),
        Lookup::Refused(reason) => {
            error = Some(LineError::new(
                hero_src.line,
                format!("front matter: hero {reason}"),
            ));
            (0, 0)
        }
    };
    let hero = media.dress(Image {
        src: hero_src.value.clone(),
        width,
        height,
        alt: front_matter.hero.alt.value.trim().to_string(),
        caption: front_matter.hero.caption.clone(),
        credit: front_matter.hero.credit.clone(),
        photo: None,
    });
    (hero, error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::categories;

    fn setup() -> (Categories, MediaLibrary) {
        let (categories, errors) = categories::parse(
            "[[category]]\nslug = \"culture\"\nen = \"C\"\nru = \"К\"\nbe = \"К\"\n",
        );
        assert!(errors.is_empty());
        let mut media = MediaLibrary::default();
        assert!(media
            .add(
                "castle.svg",
                br#"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"/>"#.to_vec()
            )
            .is_empty());
        (categories, media)
    }

    fn file(text: &str) -> SourceFile {
        SourceFile {
            slug: "mir".into(),
            lang: Lang::En,
            path: "news/mir/en.md".into(),
            text: text.into(),
        }
    }

    const GOOD: &str = "+++\ntitle = \"T\"\nlead = \"L\"\ncategory = \"culture\"\npublished = \"2026-10-14T09:30:00+03:00\"\n\n[hero]\nsrc = \"media/castle.svg\"\nalt = \"A castle\"\ncredit = \"Portal\"\n+++\n\nBody *text*.\n";

    #[test]
    fn a_good_article() {
        let (categories, media) = setup();
        let (article, errors) = parse_article(&file(GOOD), &categories, &media);
        assert!(errors.is_empty(), "{errors:?}");
        let article = article.unwrap();
        let hero = article.hero(&media);
        assert_eq!(hero.width, 1200);
        assert_eq!(hero.credit.as_deref(), Some("Portal"));
        assert!(matches!(&article.body, Body::Parsed(blocks) if blocks.len() == 1));
    }

    #[test]
    fn unknown_category_and_missing_hero_file() {
        let (categories, media) = setup();
        let text = GOOD
            .replace("\"culture\"", "\"politics\"")
            .replace("castle.svg", "nope.svg");
        let (_, errors) = parse_article(&file(&text), &categories, &media);
        let got: Vec<_> = errors.iter().map(|e| (e.line, e.reason.clone())).collect();
        assert_eq!(got[0].0, 4);
        assert_eq!(
            got[0].1,
            "front matter: unknown category \"politics\"; categories.toml defines: culture"
        );
        assert_eq!(got[1].0, 8);
        assert!(got[1].1.contains("not found"), "{got:?}");
    }

    #[test]
    fn body_errors_are_reported_with_front_matter_errors() {
        let (categories, media) = setup();
        let text = GOOD
            .replace("lead = \"L\"\n", "")
            .replace("Body *text*.", "# H1\n\nText.");
        let (article, errors) = parse_article(&file(&text), &categories, &media);
        assert!(article.is_none());
        let lines: Vec<_> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 12]);
    }
}
