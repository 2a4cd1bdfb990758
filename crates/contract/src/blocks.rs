//! Structured bodies. Content is data, not markup: the app builds DOM nodes
//! from these blocks, so no content string is ever parsed as HTML.

use serde::{Deserialize, Serialize};

/// An image with the facts a browser needs to lay it out before it loads
/// (true width and height) and the text a screen reader needs (alt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Image {
    /// Relative to the API base (`media/castle-mir.svg`) or absolute (`https://…`).
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// A photograph's renditions; `None` for an illustration (SVG), whose
    /// `src` is the file itself. For a photo `src` is its JPEG fallback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<crate::Photo>,
}

// `Deserialize` for `Inline` and `Block` is written by hand (module `wire`):
// serde's derive for internally tagged enums buffers every value first, which
// cost ~30 KB of wasm for these two types. The JSON shape is the same.

/// Text inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        children: Vec<Inline>,
    },
    Strong {
        children: Vec<Inline>,
    },
    /// `href` is `http(s)://…`, `mailto:…` or a site path starting with `/`.
    Link {
        href: String,
        children: Vec<Inline>,
    },
    LineBreak,
}

/// One block of an article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    /// Level 2 or 3: the article title is the page's only level 1.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Quote {
        paragraphs: Vec<Vec<Inline>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attribution: Option<String>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Image {
        image: Image,
    },
}

/// Decoding of [`Inline`] and [`Block`] through flat records: read every
/// field the type could have, then check the `type` tag's required fields.
mod wire {
    use super::{Block, Image, Inline};
    use serde::de::Error;
    use serde::{Deserialize, Deserializer};

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum InlineKind {
        Text,
        Emphasis,
        Strong,
        Link,
        LineBreak,
    }

    #[derive(Deserialize)]
    struct RawInline {
        #[serde(rename = "type")]
        kind: InlineKind,
        text: Option<String>,
        children: Option<Vec<Inline>>,
        href: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum BlockKind {
        Paragraph,
        Heading,
        Quote,
        List,
        Image,
    }

    #[derive(Deserialize)]
    struct RawBlock {
        #[serde(rename = "type")]
        kind: BlockKind,
        content: Option<Vec<Inline>>,
        level: Option<u8>,
        paragraphs: Option<Vec<Vec<Inline>>>,
        attribution: Option<String>,
        ordered: Option<bool>,
        items: Option<Vec<Vec<Inline>>>,
        image: Option<Image>,
    }

    fn required<T, E: Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
        value.ok_or_else(|| E::missing_field(field))
    }

    impl<'de> Deserialize<'de> for Inline {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let raw = RawInline::deserialize(deserializer)?;
            Ok(match raw.kind {
                InlineKind::Text => Inline::Text {
                    text: required(raw.text, "text")?,
                },
                InlineKind::Emphasis => Inline::Emphasis {
                    children: required(raw.children, "children")?,
                },
                InlineKind::Strong => Inline::Strong {
                    children: required(raw.children, "children")?,
                },
                InlineKind::Link => Inline::Link {
                    href: required(raw.href, "href")?,
                    children: required(raw.children, "children")?,
                },
                InlineKind::LineBreak => Inline::LineBreak,
            })
        }
    }

    impl<'de> Deserialize<'de> for Block {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let raw = RawBlock::deserialize(deserializer)?;
            Ok(match raw.kind {
                BlockKind::Paragraph => Block::Paragraph {
                    content: required(raw.content, "content")?,
                },
                BlockKind::Heading => Block::Heading {
                    level: required(raw.level, "level")?,
                    content: required(raw.content, "content")?,
                },
                BlockKind::Quote => Block::Quote {
                    paragraphs: required(raw.paragraphs, "paragraphs")?,
                    attribution: raw.attribution,
                },
                BlockKind::List => Block::List {
                    ordered: required(raw.ordered, "ordered")?,
                    items: required(raw.items, "items")?,
                },
                BlockKind::Image => Block::Image {
                    image: required(raw.image, "image")?,
                },
            })
        }
    }
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text { text: text.into() }
    }

    /// The plain text of a run of inlines (for excerpts and accessible names).
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        fn walk(inlines: &[Inline], out: &mut String) {
            for inline in inlines {
                match inline {
                    Inline::Text { text } => out.push_str(text),
                    Inline::Emphasis { children }
                    | Inline::Strong { children }
                    | Inline::Link { children, .. } => walk(children, out),
                    Inline::LineBreak => out.push(' '),
                }
            }
        }
        walk(inlines, &mut out);
        out
    }
}

/// Words in a body, counting every text a reader reads.
pub fn word_count(blocks: &[Block]) -> usize {
    let words = |inlines: &[Inline]| Inline::plain_text(inlines).split_whitespace().count();
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => words(content),
            Block::Quote { paragraphs, .. } => paragraphs.iter().map(|p| words(p)).sum(),
            Block::List { items, .. } => items.iter().map(|i| words(i)).sum(),
            Block::Image { .. } => 0,
        })
        .sum()
}

/// All the text of a body, for search: every paragraph, heading, quote
/// (with its attribution), list item and image caption, one per line.
/// Alt texts are left out: they describe pictures, not the story.
pub fn body_text(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                parts.push(Inline::plain_text(content));
            }
            Block::Quote {
                paragraphs,
                attribution,
            } => {
                parts.extend(paragraphs.iter().map(|p| Inline::plain_text(p)));
                parts.extend(attribution.clone());
            }
            Block::List { items, .. } => parts.extend(items.iter().map(|i| Inline::plain_text(i))),
            Block::Image { image } => parts.extend(image.caption.clone()),
        }
    }
    parts.join("\n")
}

/// Reading time at 200 words a minute, at least one minute.
pub fn reading_minutes(blocks: &[Block]) -> u32 {
    let minutes = word_count(blocks).div_ceil(200);
    u32::try_from(minutes).unwrap_or(u32::MAX).max(1)
}

/// Whether a link target is one the app will render as a link. Anything else
/// (`javascript:`, `data:`, protocol-relative `//host`) is shown as text.
/// Backslashes and control characters are refused anywhere: browsers read
/// `/\host` as `//host` and drop tabs and newlines inside a scheme, so
/// either could turn an allowed prefix into another origin or scheme.
pub fn is_safe_href(href: &str) -> bool {
    let href = href.trim_start_matches([' ']);
    if href.chars().any(|c| c == '\\' || c.is_control()) {
        return false;
    }
    let lower = href.to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || (lower.starts_with('/') && !lower.starts_with("//"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_flattens_nesting() {
        let inlines = vec![
            Inline::text("A "),
            Inline::Strong {
                children: vec![Inline::Emphasis {
                    children: vec![Inline::text("bold")],
                }],
            },
            Inline::LineBreak,
            Inline::Link {
                href: "https://example.org".into(),
                children: vec![Inline::text("link")],
            },
        ];
        assert_eq!(Inline::plain_text(&inlines), "A bold link");
    }

    #[test]
    fn reading_time_counts_words_of_every_block() {
        let para = |n: usize| Block::Paragraph {
            content: vec![Inline::text("word ".repeat(n))],
        };
        assert_eq!(reading_minutes(&[]), 1);
        assert_eq!(reading_minutes(&[para(200)]), 1);
        assert_eq!(reading_minutes(&[para(150), para(51)]), 2);
        let list = Block::List {
            ordered: false,
            items: vec![vec![Inline::text("a b c")]],
        };
        assert_eq!(word_count(&[list, para(2)]), 5);
    }

    #[test]
    fn body_text_has_every_text_but_alt() {
        let body = vec![
            Block::Heading {
                level: 2,
                content: vec![Inline::text("Head")],
            },
            Block::Paragraph {
                content: vec![Inline::Strong {
                    children: vec![Inline::text("Bold")],
                }],
            },
            Block::Quote {
                paragraphs: vec![vec![Inline::text("Said")]],
                attribution: Some("Someone".into()),
            },
            Block::List {
                ordered: false,
                items: vec![vec![Inline::text("one")], vec![Inline::text("two")]],
            },
            Block::Image {
                image: Image {
                    src: "media/a.svg".into(),
                    width: 1,
                    height: 1,
                    alt: "alt text".into(),
                    caption: Some("Caption".into()),
                    credit: None,
                    photo: None,
                },
            },
        ];
        assert_eq!(
            body_text(&body),
            "Head\nBold\nSaid\nSomeone\none\ntwo\nCaption"
        );
        assert_eq!(body_text(&[]), "");
    }

    #[test]
    fn only_safe_hrefs() {
        for ok in ["https://a.by", "http://a.by", "mailto:x@a.by", "/en/news"] {
            assert!(is_safe_href(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:text/html,x",
            "//evil",
            "ftp://x",
            "",
            "/\\evil.example",
            "\\\\evil.example",
            "https:\\\\evil.example",
            "/\tevil",
            "java\tscript:x",
            "\u{0}/x",
            "/en\n/news",
            "\u{85}/x",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
    }

    #[test]
    fn blocks_round_trip_through_json() {
        let body = vec![
            Block::Heading {
                level: 2,
                content: vec![Inline::text("H")],
            },
            Block::Quote {
                paragraphs: vec![vec![Inline::text("Q")]],
                attribution: Some("Someone".into()),
            },
            Block::List {
                ordered: true,
                items: vec![vec![Inline::text("one")]],
            },
            Block::Image {
                image: Image {
                    src: "media/a.svg".into(),
                    width: 1200,
                    height: 675,
                    alt: "alt".into(),
                    caption: None,
                    credit: Some("c".into()),
                    photo: None,
                },
            },
        ];
        let json = serde_json::to_string(&body).unwrap();
        assert!(json.contains(r#""type":"heading""#));
        let back: Vec<Block> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, body);
    }

    #[test]
    fn every_inline_and_block_round_trips() {
        let inlines = vec![
            Inline::text("t"),
            Inline::Emphasis {
                children: vec![Inline::text("e")],
            },
            Inline::Strong {
                children: vec![Inline::text("s")],
            },
            Inline::Link {
                href: "/x".into(),
                children: vec![Inline::text("l")],
            },
            Inline::LineBreak,
        ];
        let body = vec![
            Block::Paragraph {
                content: inlines.clone(),
            },
            Block::Heading {
                level: 3,
                content: inlines,
            },
            Block::Quote {
                paragraphs: vec![],
                attribution: None,
            },
        ];
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), body);
    }

    #[test]
    fn missing_fields_and_wrong_types_are_decode_errors() {
        for bad in [
            r#"{"type":"paragraph"}"#,
            r#"{"type":"heading","content":[]}"#,
            r#"{"type":"list","items":[]}"#,
            r#"{"type":"image"}"#,
            r#"{"type":"paragraph","content":[{"type":"link","children":[]}]}"#,
            r#"{"type":"paragraph","content":[{"type":"text"}]}"#,
            r#"{"type":"paragraph","content":"text"}"#,
            r#"{"content":[]}"#,
            r#"[]"#,
        ] {
            assert!(serde_json::from_str::<Block>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unknown_block_types_are_decode_errors() {
        let err = serde_json::from_str::<Block>(r#"{"type":"html","html":"<b>x</b>"}"#);
        assert!(err.is_err());
    }
}
