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
}

/// Text inside a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Reading time at 200 words a minute, at least one minute.
pub fn reading_minutes(blocks: &[Block]) -> u32 {
    let minutes = word_count(blocks).div_ceil(200);
    u32::try_from(minutes).unwrap_or(u32::MAX).max(1)
}

/// Whether a link target is one the app will render as a link. Anything else
/// (`javascript:`, `data:`, protocol-relative `//host`) is shown as text.
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
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
                },
            },
        ];
        let json = serde_json::to_string(&body).unwrap();
        assert!(json.contains(r#""type":"heading""#));
        let back: Vec<Block> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, body);
    }

    #[test]
    fn unknown_block_types_are_decode_errors() {
        let err = serde_json::from_str::<Block>(r#"{"type":"html","html":"<b>x</b>"}"#);
        assert!(err.is_err());
    }
}
